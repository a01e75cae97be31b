import type { ParcelGeometry } from "../check/types";
import type { BuildingUse, FeeAnswers } from "../check/fee";
import type { CrsGuess, SourcePosition } from "../import/types";

/** Where the parcel being checked came from. */
export type ParcelOrigin = "drawn" | "pasted" | "file" | "link";

/** The site being checked: WGS-84 geometry plus, for imports, the coordinates as given and how they were read. */
export interface SiteParcel {
  name: string;
  geometry: ParcelGeometry;
  origin: ParcelOrigin;
  fileName?: string;
  /** How the input was read (absent for drawn parcels and links, which are WGS-84). */
  crs?: CrsGuess;
  /** The coordinates as given, parts → rings → positions (see ImportedParcel.sourceCoordinates). */
  sourceCoordinates?: SourcePosition[][][];
  vertexLabels?: string[][][];
  statedAreaHectares?: number;
}

/** An officer's decision that a finding does not apply; the finding stays in the report, marked. */
export interface FindingOverride {
  reason: string;
  /** ISO timestamp. */
  at: string;
}

export interface FeeInputs {
  floorAreas: Partial<Record<BuildingUse, number>>;
  answers: FeeAnswers;
}

export const EMPTY_FEE_INPUTS: FeeInputs = { floorAreas: {}, answers: {} };
