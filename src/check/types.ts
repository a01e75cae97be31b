import type { Feature, Geometry, LineString, MultiPolygon, Point, Polygon } from "geojson";
import type { GeometryQuality, LayerDefinition, LayerRole, LayerSummaryRow, LocalizedText } from "../layers/manifestTypes";

export type ParcelGeometry = Polygon | MultiPolygon | LineString | Point;

/** ✔ clear · ⚠ caution · ✖ restricted · ℹ informs (fees, layout) · no data published. */
export type FindingStatus = "clear" | "caution" | "restricted" | "info" | "no-data";

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
  source: string[];
  /** GK planar square metres of parcel ∩ feature (0 for touches, and for line/point parcels). */
  overlapSquareMetres: number;
  /** Overlap area / parcel area, 0..1 (for points/lines: 1 when they lie inside). */
  shareOfParcel: number;
  tolerance: OverlapTolerance;
  properties: Record<string, unknown>;
}

export interface NearbyFeature {
  featureId: string;
  name: string;
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
  reason: LocalizedText;
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

export interface CheckReport {
  parcel: ParcelMeasures;
  findings: LayerFinding[];
  /** True when any finding that is not clear, or any checked layer, rests on schematic geometry. */
  reliesOnSchematic: boolean;
  options: CheckOptions;
}
