import type { LineString, MultiPolygon, Point, Polygon } from "geojson";

import type { CrsGuess, ImportCrsCode, SourcePosition } from "../geo/crsTypes";
import type { ImportMessage, StoredImportMessage } from "../i18n/messages.import";

export type { CrsGuess, ImportCrsCode, ImportMessage, SourcePosition, StoredImportMessage };

/** A caller's choice that replaces detection, e.g. after the user corrected the guess. */
export interface CrsOverride {
  code: ImportCrsCode;
  swappedAxes: boolean;
}

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
  /**
   * Attributes as plain strings and finite numbers, never nested objects. Text is kept as written (markup in it is
   * inert text, to be shown with textContent), except KML descriptions, which are HTML by definition and are
   * reduced to their text.
   */
  properties: Record<string, string | number>;
  /** The area the source states for the parcel, in hectares (公顷). */
  statedAreaHectares?: number;
}

export type ImportResult =
  | { ok: true; parcels: ImportedParcel[]; crs: CrsGuess; warnings: ImportMessage[] }
  | {
      ok: false;
      error: ImportMessage;
      /**
       * Set when the read failed on the coordinate system (an unsupported or unreadable declaration, values that fit
       * no supported system, or converted points off the globe or the district's scale): the caller should offer
       * the coordinate-system choice and read again with `crsOverride`.
       */
      chooseCrs?: true;
    };

/** Where an import is: reading the bytes, parsing them into drafts, converting to WGS-84, validating the parcels. */
export type ImportStage = "reading" | "parsing" | "converting" | "validating";

export interface ImportProgress {
  stage: ImportStage;
  /** 0..1 when known */
  fraction?: number;
}

export interface ImportOptions {
  /** Use this CRS instead of what the file declares or the coordinates suggest. */
  crsOverride?: CrsOverride;
  /**
   * Told synchronously as the import moves through its stages, and per parcel while converting and validating;
   * it must be cheap, since a file may hold thousands of parcels.
   */
  onProgress?(progress: ImportProgress): void;
  /**
   * The district's published area in km² (the manifest's `district.publishedAreaKm2`): a parcel larger than the
   * whole district was read wrongly and is refused. Without it no parcel is refused for its size.
   */
  districtAreaKm2?: number;
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

/** Largest file the importers read (bytes), checked before any parsing; also the most pasted characters. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Most bytes the entries read from one zip or KMZ may inflate to, together. Checked against the sizes the archive
 * declares before anything is inflated, and enforced again while inflating, so an archive that lies stops there.
 * Each single entry is also held to MAX_FILE_BYTES, the limit it would have as a file of its own.
 */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

/** Most entries a zip or KMZ may list; a parcel export has a handful, a zip of a million empty files is an attack. */
export const MAX_ZIP_ENTRIES = 2_000;

/** Most lines a text format (pasted text, CSV, 界址点 TXT, CASS .dat) may have: five per allowed vertex. */
export const MAX_TEXT_LINES = 1_000_000;

/** Deepest nesting of JSON arrays/objects or XML elements; real GeoJSON and KML stay under 20. */
export const MAX_NESTING_DEPTH = 256;

/** Most attribute values (records × fields) read from one Shapefile's .dbf; the reader needs ~2 µs per value. */
export const MAX_ATTRIBUTE_VALUES = 1_000_000;

/** Error codes after which choosing the coordinate system by hand may make the read succeed. */
export const CRS_CHOICE_ERROR_CODES: ReadonlySet<string> = new Set([
  "unsupported-crs",
  "unsupported-datum",
  "unsupported-projection",
  "unsupported-zone",
  "invalid-prj",
  "unrecognised-coordinates",
  "inconsistent-coordinates",
  "non-finite-coordinate",
  "coordinates-out-of-range",
  "zero-area",
  "larger-than-district",
]);

/** Every `code` an ImportResult error can carry: stable, documented in README.md, safe to branch on. */
export const IMPORT_ERROR_CODES = [
  "empty-file",
  "empty-input",
  "file-too-large",
  "input-too-large",
  "too-many-vertices",
  "too-many-lines",
  "too-deeply-nested",
  "unsupported-format",
  "no-coordinates",
  "no-parcels",
  "no-valid-parcels",
  "unreadable-line",
  "unreadable-coordinate",
  "unrecognised-coordinates",
  "inconsistent-coordinates",
  "non-finite-coordinate",
  "coordinates-out-of-range",
  "too-few-vertices",
  "self-intersection",
  "overlapping-parts",
  "hole-outside-shell",
  "overlapping-holes",
  "zero-area",
  "larger-than-district",
  "unsupported-crs",
  "unsupported-datum",
  "unsupported-projection",
  "unsupported-zone",
  "invalid-prj",
  "invalid-json",
  "not-geojson",
  "topojson-unsupported",
  "esri-json-unsupported",
  "invalid-geometry",
  "invalid-kml",
  "kml-entities-refused",
  "invalid-zip",
  "zip-encrypted",
  "zip-unsupported-compression",
  "zip-too-many-entries",
  "unzipped-too-large",
  "kmz-without-kml",
  "zip-without-shapefile",
  "invalid-shapefile",
  "invalid-dbf",
  "too-many-attributes",
  "mixed-crs-layers",
  "csv-columns-not-found",
  "invalid-boundary-txt",
  "invalid-cass-dat",
  "unreadable-file",
  "import-cancelled",
  "unexpected-error",
] as const;
