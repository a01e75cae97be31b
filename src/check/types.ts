import type { Feature, Geometry, LineString, MultiPolygon, Point, Polygon } from "geojson";
import type { GeometryQuality, LayerDefinition, LayerRole, LayerSummaryRow, LocalizedText } from "../layers/manifestTypes";

export type ParcelGeometry = Polygon | MultiPolygon | LineString | Point;

/**
 * ✔ clear · ⚠ caution · ✖ restricted · ℹ informs (fees, layout) · no data published · ? undecided: the data cannot
 * tell (the site is within the layer's positional accuracy of a boundary, or the official data is incomplete) ·
 * outside: the site lies wholly outside 大足区, where these policies do not apply.
 */
export type FindingStatus = "clear" | "caution" | "restricted" | "info" | "no-data" | "undecided" | "outside";

/** A number a message shows, formatted by the renderer in the reader's language. */
export type ReasonParam = string | number | { distanceMetres: number } | { share: number } | { squareMetres: number } | { names: LocalizedText[] };

/** Why a finding has its status, as a message code (a key of src/i18n/messages.parcel.ts) and its parameters. */
export interface FindingReason {
  code:
    | "site.reason.clear"
    | "site.reason.clearNearest"
    | "site.reason.informs"
    | "site.reason.noData"
    | "site.reason.pointWithinCaution"
    | "site.reason.pointCannotExclude"
    | "site.reason.overlaps"
    | "site.reason.overlapsSchematic"
    | "site.reason.edgeInside"
    | "site.reason.edgeOutside"
    | "site.reason.partialNone"
    | "site.reason.partialPointsNone"
    | "site.reason.outsideDistrict";
  params: Record<string, ReasonParam>;
}

/**
 * How much an overlap means given the layer's positional accuracy: `touches` shares only a boundary,
 * `sliver` is narrower than the boundary's uncertainty (a schematic line could move it away), `substantive` is not.
 */
export type OverlapTolerance = "touches" | "sliver" | "substantive";

export interface CheckLayer {
  definition: LayerDefinition;
  features: Feature<Geometry>[];
  /**
   * `features` are only those near the parcel, read by bounding box from an indexed file (see flatgeobufSource):
   * none of them means nothing nearby, not that the layer has no data.
   */
  nearbyOnly?: boolean;
}

export interface FeatureOverlap {
  featureId: string;
  name: string;
  /** The feature's `name_en`, when it has one. */
  nameEn?: string;
  source: string[];
  /** GK planar square metres of parcel ∩ feature (0 for touches, and for line/point parcels). */
  overlapSquareMetres: number;
  /** Overlap area / parcel area, 0..1 (for points/lines: 1 when they lie inside). */
  shareOfParcel: number;
  tolerance: OverlapTolerance;
  /**
   * How far the site reaches into the feature, GK metres (see inwardDepth): exact up to the layer's positional
   * accuracy, a lower bound beyond it (the check only needs to know it is deeper). Absent for layers that only inform.
   */
  depthMetres?: number;
  properties: Record<string, unknown>;
}

export interface NearbyFeature {
  featureId: string;
  name: string;
  nameEn?: string;
  source: string[];
  /** Shortest GK planar distance between parcel and the feature, metres (0 when it lies inside the parcel). */
  distanceMetres: number;
  /** How far the mapped position may be from the real one. */
  uncertaintyMetres: number;
  withinCaution: boolean;
  /** Within caution distance + position uncertainty: the data cannot rule it out. */
  cannotExclude: boolean;
}

export interface LayerFinding {
  layerId: string;
  title: LocalizedText;
  role: LayerRole;
  geometryQuality: GeometryQuality;
  qualityNote: LocalizedText;
  positionalAccuracyM: number;
  status: FindingStatus;
  reason: FindingReason;
  /** Features the layer has, and how many its document publishes, when the text gives a count (28 开采区块 …). */
  publishedCount?: number;
  featureCount?: number;
  overlaps: FeatureOverlap[];
  nearest?: NearbyFeature;
  /** Published figures for layers shipped without geometry. */
  summary?: LayerSummaryRow[];
}

export interface ParcelMeasures {
  gaussKrugerSquareMetres: number;
  ellipsoidalSquareMetres: number;
  lengthMetres: number;
  vertexCount: number;
}

export interface CheckOptions {
  /** Caution distance around point features such as memorials (the published protection areas are not mapped). */
  cautionDistanceMetres: number;
  /** Use the spatial index (results must be identical without it; the switch exists to prove that). */
  useSpatialIndex: boolean;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = { cautionDistanceMetres: 50, useSpatialIndex: true };

/** How much of the site lies in 大足区 (GK planar m²; for a point or line, 0/1 shares of its vertices). */
export interface DistrictCoverage {
  position: "inside" | "partly" | "outside";
  insideSquareMetres: number;
  outsideSquareMetres: number;
}

export interface CheckReport {
  parcel: ParcelMeasures;
  /** Absent when the data package has no district outline. */
  district?: DistrictCoverage;
  findings: LayerFinding[];
  /** True when any finding that is not clear, or any checked layer, rests on schematic geometry. */
  reliesOnSchematic: boolean;
  options: CheckOptions;
}
