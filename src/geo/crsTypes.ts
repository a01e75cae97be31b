import type { CrsCode } from "./crs";

/** A coordinate system an import can be read in. GCJ-02 is the offset datum of AMap/Tencent web maps, BD-09 Baidu's. */
export type ImportCrsCode = CrsCode | "GCJ-02" | "BD-09";

export interface BilingualText {
  zh: string;
  en: string;
}

/** A specific, bilingual message; `code` is stable and safe to branch on, the texts are for people. */
export interface ImportMessage extends BilingualText {
  code: string;
  detail?: Record<string, unknown>;
}

export interface CrsGuess {
  code: ImportCrsCode;
  /**
   * True when each source pair is (northing, easting) or (latitude, longitude) — the surveyors' X-first
   * order — rather than (easting, northing) / (longitude, latitude).
   */
  swappedAxes: boolean;
  reason: BilingualText;
  /** "declared": stated by the file (.prj, GeoJSON `crs`, TXT header, KML) or chosen by the user. */
  confidence: "declared" | "inferred";
}

export type SourcePosition = [number, number];

/** Another reading of the numbers that would put a site inside the district; crsDetect finds them, the message table names them. */
export type LikelyMistakeParams =
  | { kind: "swap-axes"; projected: boolean }
  | { kind: "zone-prefix"; prefixMissing: boolean; swapped: boolean }
  | { kind: "central-meridian"; centralMeridian: number; prefixed: boolean; swapped: boolean }
  | { kind: "six-degree-zone-18"; swapped: boolean }
  | { kind: "degrees"; latitudeFirst: boolean }
  | { kind: "not-offset"; code: "GCJ-02" | "BD-09" }
  | { kind: "gcj-02" }
  | { kind: "bd-09" }
  | { kind: "metres"; code: "EPSG:4544" | "EPSG:4523"; swapped: boolean };
