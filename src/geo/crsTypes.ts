import type { CrsCode } from "./crs";

/** A coordinate system an import can be read in. GCJ-02 is the offset datum of AMap/Tencent web maps, BD-09 Baidu's. */
export type ImportCrsCode = CrsCode | "GCJ-02" | "BD-09";

/**
 * The systems a user may choose when the detected one is wrong, in the order offered. Here, not beside the detection:
 * the start-up code reads stored CRS guesses against it, and must not pull in proj4 to do so.
 */
export const CRS_CHOICES: readonly ImportCrsCode[] = ["EPSG:4326", "EPSG:4490", "EPSG:4544", "EPSG:4523", "GCJ-02", "BD-09"];

export interface BilingualText {
  zh: string;
  en: string;
}

/**
 * A message whose text was rendered in both languages when it was made: what batches, workspaces and saved queries
 * of earlier versions hold. `code` is stable and safe to branch on, the texts are for people.
 */
export interface RenderedMessage extends BilingualText {
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
  reason: CrsReason;
  /** "declared": stated by the file (.prj, GeoJSON `crs`, TXT header, KML) or chosen by the user. */
  confidence: "declared" | "inferred";
}

export type SourcePosition = [number, number];

/** Where a stated coordinate system was read; the message table names it ("The .prj file", "「parcels.prj」" …). */
export type CrsSource = (
  | { kind: "prj" }
  | { kind: "shapefile-prj"; layer: string }
  | { kind: "geojson-crs" }
  | { kind: "pasted-statement" }
  | { kind: "boundary-attributes" }
) & {
  /** The name the WKT gives its system, shown after the source when an EPSG code was read from it. */
  wktName?: string;
};

/** What the magnitudes of the two columns of numbers show (see detectCrsFromCoordinates). */
export type Magnitude = "longitude" | "latitude" | "easting" | "zonedEasting" | "northing" | "unknown";

/** One column of numbers as observed: its smallest and largest value (null when none is finite) and its magnitude. */
export interface ObservedColumn {
  range: { minimum: number; maximum: number } | null;
  magnitude: Magnitude;
}

/** The statements of a boundary file's attribute block that name the system (坐标系, 几度分带, 带号, 投影类型). */
export interface BoundaryStatements {
  system?: string;
  zoneWidth?: number;
  zone?: number;
  projection?: string;
}

/** The parameters of each kind of sentence a CRS reason is made of; the message table in src/i18n words them. */
export interface CrsReasonParams {
  /** The source declares one of the supported EPSG codes. */
  "epsg-declared": { source: CrsSource; epsg: number; crs: ImportCrsCode };
  /** The source declares EPSG:4507, read as its twin EPSG:4544. */
  "epsg-4507": { source: CrsSource };
  "prj-geographic": { source: CrsSource; name: string; datum: "CGCS2000" | "WGS-84"; crs: ImportCrsCode };
  "prj-gauss-kruger": { source: CrsSource; name: string; falseEasting: number; datum: "CGCS2000" | "WGS-84"; crs: ImportCrsCode };
  "geojson-crs84": { name: string };
  "values-degrees": { first: ObservedColumn; second: ObservedColumn; swappedAxes: boolean };
  "values-gauss-kruger": { first: ObservedColumn; second: ObservedColumn; crs: ImportCrsCode; swappedAxes: boolean };
  /** Appended to a declaration whose axis order the values decided. */
  "axis-order-from-values": { projected: boolean; swappedAxes: boolean };
  "user-choice": { crs: ImportCrsCode; swappedAxes: boolean };
  statement: { source: CrsSource; statement: string; metres: boolean; crs: ImportCrsCode };
  "boundary-attributes": { statements: BoundaryStatements; crs: ImportCrsCode };
  "cass-dat": { crs: ImportCrsCode };
  kml: Record<string, never>;
  /** Put before the values' reason when a GeoJSON has no `crs` member. */
  "geojson-no-crs": Record<string, never>;
  /** Put before the values' reason of a CSV: the columns read, and the grouping column with its parcel count. */
  "csv-columns": { columns: [string, string]; group?: { column: string; parcels: number } };
  /** Put before the reason of pasted points: what was read. */
  "pasted-summary": { points: number; parcels: number; dms: boolean; labelled: boolean; marks: boolean; headerSkipped: boolean };
  /** A reason stored by an earlier version, already worded in both languages: shown as it was written. */
  "stored-text": BilingualText;
}

export type CrsReasonCode = keyof CrsReasonParams;

type RequiredKeys<T> = { [Key in keyof T]-?: undefined extends T[Key] ? never : Key }[keyof T];

/**
 * The parameters each reason sentence cannot be worded without: a stored reason is read back only when each of its
 * sentences has them (checked where stored data is read, at start-up, so without the message table).
 */
export const CRS_REASON_REQUIRED_PARAMS: { readonly [Code in CrsReasonCode]: readonly RequiredKeys<CrsReasonParams[Code]>[] } = {
  "epsg-declared": ["source", "epsg", "crs"],
  "epsg-4507": ["source"],
  "prj-geographic": ["source", "name", "datum", "crs"],
  "prj-gauss-kruger": ["source", "name", "falseEasting", "datum", "crs"],
  "geojson-crs84": ["name"],
  "values-degrees": ["first", "second", "swappedAxes"],
  "values-gauss-kruger": ["first", "second", "crs", "swappedAxes"],
  "axis-order-from-values": ["projected", "swappedAxes"],
  "user-choice": ["crs", "swappedAxes"],
  statement: ["source", "statement", "metres", "crs"],
  "boundary-attributes": ["statements", "crs"],
  "cass-dat": ["crs"],
  kml: [],
  "geojson-no-crs": [],
  "csv-columns": ["columns"],
  "pasted-summary": ["points", "parcels", "dms", "labelled", "marks", "headerSkipped"],
  "stored-text": ["zh", "en"],
};

export type CrsReasonPart = { [Code in CrsReasonCode]: { code: Code; params: CrsReasonParams[Code] } }[CrsReasonCode];

/** Why a system was chosen: sentences as codes, rendered in order (joined without a space in Chinese, with one in English). */
export type CrsReason = readonly CrsReasonPart[];

/** One sentence of a reason, typed on its code. */
export function crsReasonPart<Code extends CrsReasonCode>(code: Code, params: CrsReasonParams[Code]): CrsReasonPart {
  return { code, params } as CrsReasonPart;
}

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

/** Where an unsupported zone was read: an EPSG code a source declares, a projection's WKT, or the zone prefix on the values. */
export type ZoneOrigin =
  | { kind: "epsg"; source: CrsSource; epsg: number }
  | { kind: "projection"; source: CrsSource; name: string }
  | { kind: "values"; zone: number };

/**
 * Why a coordinate system cannot be used, by kind, with what the message needs. Each kind belongs to one stable
 * import message code (see crsProblemMessage in src/import), and its text is in src/i18n/messages.crs.ts.
 */
export interface CrsProblemParams {
  "unsupported-zone": { origin: ZoneOrigin; centralMeridian: number; falseEasting: number };
  "unsupported-epsg": { source: CrsSource; epsg: number; utm: boolean };
  /** Xi'an 1980 / Beijing 1954 named by a declaration (`known`), or a datum that is none of the supported ones. */
  "unsupported-datum": { source: CrsSource; datum: string; known: boolean };
  /** A written statement naming an older datum (西安 80, 北京 54). */
  "older-datum-statement": { source: CrsSource; statement: string };
  "invalid-prj": { source: CrsSource; start: string };
  "not-a-crs": { source: CrsSource; keyword: string; name: string };
  /** `method` normalised (for the detail), `methodName` as written (for the text). */
  "unsupported-projection": { source: CrsSource; name: string; utm: boolean; method: string; methodName: string; scale: number; metresPerUnit: number };
  "projection-without-meridian": { source: CrsSource; name: string };
  "unrecognised-geojson-crs": { crs: string };
  "no-coordinates": Record<string, never>;
  "inconsistent-magnitudes": { column: "first" | "second"; pointIndex: number; value: number; example: number };
  "mixed-zones": { zones: number[] };
  "unrecognised-coordinates": { first: ObservedColumn; second: ObservedColumn };
  /** A Shapefile's .prj too long or too deeply nested to be a definition. */
  "oversized-prj": { source: CrsSource; layer: string; characters: number; depth: number; tooLong: boolean };
  /** A boundary file's attribute block names a projection other than Gauss–Krüger. */
  "declared-projection": { source: CrsSource; projection: string };
  /** A boundary file's attribute block names a zone other than Dazu's. */
  "declared-zone": { source: CrsSource; zoneWidth: number; zone: number; centralMeridian: number };
  /** A written coordinate-system statement that names nothing recognisable. */
  "unreadable-statement": { statement: string };
}

export type CrsProblemKind = keyof CrsProblemParams;

export type CrsProblem = { [Kind in CrsProblemKind]: { kind: Kind; params: CrsProblemParams[Kind] } }[CrsProblemKind];

export function crsProblem<Kind extends CrsProblemKind>(kind: Kind, params: CrsProblemParams[Kind]): CrsProblem {
  return { kind, params } as CrsProblem;
}

/** What reconciling a declaration with the values found: the axis order taken from the values, or another system. */
export type CrsWarning =
  | { code: "axis-order-from-values"; params: { projected: boolean; swappedAxes: boolean } }
  | { code: "declared-crs-mismatch"; params: { declared: ImportCrsCode; used: ImportCrsCode; swappedAxes: boolean; inferredReason: CrsReason } };
