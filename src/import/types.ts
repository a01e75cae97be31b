import type { LineString, MultiPolygon, Point, Polygon } from "geojson";
import type { CrsCode } from "../geo/crs";

/** A coordinate system an import can be read in. GCJ-02 is the offset datum of AMap/Tencent web maps. */
export type ImportCrsCode = CrsCode | "GCJ-02";

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

/** A caller's choice that replaces detection, e.g. after the user corrected the guess. */
export interface CrsOverride {
  code: ImportCrsCode;
  swappedAxes: boolean;
}

export type SourcePosition = [number, number];

export type ImportedGeometry = Polygon | MultiPolygon | LineString | Point;

export interface ImportedParcel {
  name: string;
  /** WGS-84 longitude/latitude; rings closed. */
  geometry: ImportedGeometry;
  /**
   * The coordinates as given, in the input CRS and input axis order (see CrsGuess.swappedAxes):
   * parts → rings → positions, the nesting of a MultiPolygon. A LineString is one part with one ring,
   * a Point one part with one ring of one position. Rings are as given (not closed by the importer).
   */
  sourceCoordinates: SourcePosition[][][];
  /** Point labels (J1, J2 …) parallel to sourceCoordinates, when the source names its vertices. */
  vertexLabels?: string[][][];
  /** Attributes as plain text and numbers; HTML is reduced to text. */
  properties: Record<string, string | number>;
  /** The area the source states for the parcel, in hectares (公顷). */
  statedAreaHectares?: number;
}

export type ImportResult =
  | { ok: true; parcels: ImportedParcel[]; crs: CrsGuess; warnings: ImportMessage[] }
  | { ok: false; error: ImportMessage };

export interface ImportOptions {
  /** Use this CRS instead of what the file declares or the coordinates suggest. */
  crsOverride?: CrsOverride;
}

/** What a parser produces before conversion to WGS-84 and validation. */
export interface ParcelDraft {
  name: string;
  kind: "polygon" | "line" | "point";
  sourceCoordinates: SourcePosition[][][];
  vertexLabels?: string[][][];
  properties: Record<string, string | number>;
  statedAreaHectares?: number;
}

/** Most vertices one import may carry; beyond it the browser would stall on validation and drawing. */
export const MAX_VERTICES = 200_000;

/** Largest file the importers read (bytes). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
