/**
 * The data package's manifest (`geodata/manifest.json`): every layer the app can show is declared here,
 * so adding a layer is adding data. Validated at load by `validateManifest`.
 */

export type { LocalizedText } from "../i18n/language";
import type { LocalizedText } from "../i18n/language";

export type GeometryQuality = "official" | "derived" | "schematic";

/** `restricts`: counts as a constraint in parcel checks; `informs`: reported as context (fees, layout); `context`: basemap-like, not checked. */
export type LayerRole = "restricts" | "informs" | "context";

export type LayerGeometryType = "polygon" | "line" | "point";

/** A colour, or colours chosen by a feature property's value. */
export type ColorRule =
  | string
  | {
      property: string;
      /** [value, colour] pairs; value compared with `==` after JSON parsing (numbers stay numbers). */
      categories: Array<[string | number | boolean, string]>;
      fallback: string;
    };

export interface LayerStyle {
  /** Polygons: fill colour; lines: line colour; points: circle colour. */
  color: ColorRule;
  /** 0..1, the default opacity the user can change with the slider. */
  opacity: number;
  /** Polygons: outline colour; points: circle stroke colour. */
  outlineColor?: string;
  /** Lines/outlines width in px. */
  width?: number;
  /** Dashed lines/outlines, e.g. for schematic geometry. */
  dash?: number[];
  /** Points: circle radius in px. */
  radius?: number;
  /** Features whose property `hatchProperty` is true get a hatched overlay (e.g. 智凤街道 split by an unpublished line). */
  hatchProperty?: string;
  /** Property holding the label text (zh); `${labelProperty}_en` is used in English when present. */
  labelProperty?: string;
  /** Property holding a [longitude, latitude] label anchor (e.g. a town seat); the polygon's centroid otherwise. */
  labelPointProperty?: string;
  /** Draw the polygon fill? false draws outlines only. */
  fill?: boolean;
}

export interface LegendEntry {
  label: LocalizedText;
  color: string;
  /** Shown beside the label, e.g. "210 元/m²". */
  value?: LocalizedText;
  /** Hatched swatch. */
  hatched?: boolean;
  /** A legend row with no geometry on the map (e.g. 大足高新区, whose bounds are unpublished). */
  note?: LocalizedText;
  /** false: nothing on the map matches this row (its swatch is drawn dashed); default true. */
  drawn?: boolean;
}

export interface LayerSummaryRow {
  label: LocalizedText;
  count: number;
  source: string;
}

/** A large layer drawn from vector tiles packed in one PMTiles v3 archive, read with HTTP range requests. */
export interface PmtilesDisplay {
  type: "pmtiles";
  /** Path relative to `geodata/` of the `.pmtiles` archive (MVT tiles). */
  file: string;
  /** The layer inside the vector tiles that holds this layer's features. */
  sourceLayer: string;
}

export type LayerDisplay = PmtilesDisplay;

/** The exact geometry of a tiled layer for parcel checks: a FlatGeobuf file with its packed Hilbert R-tree, read by bbox. */
export interface FlatGeobufCheck {
  type: "flatgeobuf";
  /** Path relative to `geodata/` of the indexed `.fgb` file (WGS-84). */
  file: string;
}

export type LayerCheckSource = FlatGeobufCheck;

/**
 * How an attribute's value is written: `text` as is (or a word of its vocabulary), `list` a list of those, `flag` only
 * when true (in the words of `values.true`), `areaByName` an object of name → km², `quote` the document's words, the
 * rest numbers with their unit.
 */
export type AttributeFormat =
  | "text"
  | "list"
  | "number"
  | "boolean"
  | "flag"
  | "date"
  | "metres"
  | "uncertainty"
  | "squareKilometres"
  | "feeRate"
  | "areaByName"
  /** The document's own words (an address, a range), shown as written in every language, marked as Chinese. */
  | "quote";

/** One property the inspector lists for a layer's features, in the order the layer declares them. */
export interface AttributeDefinition {
  /** The property key in the layer file; a `${key}_en` property, when present, is its English. */
  key: string;
  label: LocalizedText;
  format: AttributeFormat;
  /** Words or codes the data writes, and how each reads; a value not listed is shown as written. */
  values?: Record<string, LocalizedText>;
  /** The values are names of this layer's features (e.g. towns), shown in English by the feature's `name_en`. */
  namesFrom?: string;
  /** The document whose figures the attribute carries (an id in `geodata/policies/index.json`). */
  document?: string;
}

export interface LayerDefinition {
  id: string;
  title: LocalizedText;
  group: string;
  /**
   * Path relative to `geodata/` of the layer's GeoJSON, loaded whole at start-up. Absent for layers too large for
   * that, which give `display` and `check` instead.
   */
  file?: string;
  /** How a large layer is drawn without downloading it whole; goes with `check`, instead of `file`. */
  display?: LayerDisplay;
  /** Where a large layer's exact geometry is read for parcel checks; goes with `display`, instead of `file`. */
  check?: LayerCheckSource;
  /** How many features a `display`/`check` layer has, shown without reading it; the FlatGeobuf header says otherwise. */
  featureCount?: number;
  geometryType: LayerGeometryType;
  geometryQuality: GeometryQuality;
  qualityNote: LocalizedText;
  /** How far (metres) the drawn boundary may be from the real one; used to class overlaps as slivers. */
  positionalAccuracyM: number;
  role: LayerRole;
  /** Document ids (see `geodata/policies/index.json`) the layer draws from. */
  sourceDocuments: string[];
  visible: boolean;
  style: LayerStyle;
  legend: LegendEntry[];
  /** Published figures for layers shipped without geometry (e.g. the 28 extraction blocks). */
  summary?: LayerSummaryRow[];
  /**
   * How many features the source document publishes (28 开采区块, 6 memorials …), where it gives a count: a layer
   * holding fewer (official data imported in part) cannot rule a site clear.
   */
  publishedCount?: number;
  description?: LocalizedText;
  /** The properties the inspector lists, in order; absent: none (e.g. imported official data). */
  attributes?: AttributeDefinition[];
  /**
   * Properties the features carry for the map or the app and that are never listed (label anchors, ids, notes the
   * geometry note already explains); with `attributes` and the provenance keys, every key of the layer file.
   */
  internalProperties?: string[];
  /** How the layer's features are grouped in search results; default "zone". */
  searchKind?: "place" | "memorial" | "zone";
  /** Set only at run time, for official data a user imported (never in manifest.json): where it came from. */
  imported?: ImportedLayerOrigin;
}

export interface ImportedLayerOrigin {
  fileName: string;
  /** ISO timestamp. */
  importedAt: string;
  /** What the user stated about the data's source. */
  provenance: string;
  /** The manifest layer it stands in for. */
  replaces: string | null;
}

export interface LayerGroup {
  id: string;
  title: LocalizedText;
}

export interface DistrictFacts {
  name: LocalizedText;
  /** [west, south, east, north] in WGS-84 degrees: the outline's extent, where the map starts. */
  bounds: [number, number, number, number];
  /** The layer holding the outline (and its file): "in the district" is judged against it. */
  outline: { layer: string; file: string };
  /** The area the documents publish, km² (a parcel cannot be larger). */
  publishedAreaKm2: number;
  /** The clause that publishes the area and extent. */
  source: string;
}

export interface Manifest {
  /** Data-package version, printed on reports. */
  version: string;
  title: LocalizedText;
  /** The district the policies apply in: the facts the map, the checks and the importers share. */
  district: DistrictFacts;
  groups: LayerGroup[];
  layers: LayerDefinition[];
}

/** Properties every feature in a layer file carries. */
export interface FeatureProvenance {
  id: string;
  name: string;
  name_en?: string;
  /** Citations "documentId#clauseId", e.g. "dzf-2023-13#s1.p1". */
  source: string[];
  geometry_quality: GeometryQuality;
  geometry_note: string;
  geometry_note_en?: string;
}
