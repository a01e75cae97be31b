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

/**
 * The officer's filing details of a query, both optional (empty when not given): printed on the receipt and in the
 * exports and kept with the saved query, but never written into the #parcel= link, which is shared and bookmarked.
 */
export interface CaseDetails {
  /** 受理编号 */
  caseNumber: string;
  /** 经办人 */
  officer: string;
}

export const EMPTY_CASE_DETAILS: CaseDetails = { caseNumber: "", officer: "" };
/** Longest case number or officer name kept (a case number is short; a name shorter still). */
export const CASE_DETAIL_MAX_LENGTH = 80;
