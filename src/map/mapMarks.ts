import type { LayerSpecification, SourceSpecification } from "@maplibre/maplibre-gl-style-spec";
import { circle } from "@turf/circle";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { LngLatBounds } from "./mapAdapter";

/** The user's GPS fix. */
export interface UserLocationMark {
  /** [longitude, latitude], WGS-84. */
  lngLat: [number, number];
  accuracyMetres: number;
}

/** Where a focused feature may be. */
export interface FocusMark {
  /** [longitude, latitude], WGS-84. */
  lngLat: [number, number];
  /** Radius of the position's uncertainty; null when the position is exact (official data): a ring, no circle. */
  radiusMetres: number | null;
  /** Shown on the circle's northern edge, e.g. "位置待核实 ±5 km"; empty for none. */
  label: string;
}

/**
 * What the app draws over the data that is not a manifest layer (the user's fix, the focus on one feature), as
 * GeoJSON built once per change, so the style diff sees unchanged data as the same object.
 */
export interface MapMarks {
  userLocation: FeatureCollection;
  focus: FeatureCollection;
  /** The parcels of a batch check in parts (see `batchParts`), each parcel with its worst status in the property `worst`. */
  batch: readonly FeatureCollection[];
}

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

export const NO_MARKS: MapMarks = { userLocation: EMPTY, focus: EMPTY, batch: [] };

export const USER_LOCATION_SOURCE = "mark:user-location";
export const FOCUS_SOURCE = "mark:focus";

/**
 * Parcels per source of a batch. MapLibre copies a source's data to its worker on the page's thread, walking every
 * coordinate (250 ms for 30 000 parcels in one source); a part of this size copies in about 20 ms.
 */
export const BATCH_PART_SIZE = 2_500;

/** A batch's parcels split into sources of at most BATCH_PART_SIZE parcels. */
export function batchParts(parcels: FeatureCollection | null): FeatureCollection[] {
  const parts: FeatureCollection[] = [];
  const features = parcels?.features ?? [];
  for (let start = 0; start < features.length; start += BATCH_PART_SIZE) {
    parts.push({ type: "FeatureCollection", features: features.slice(start, start + BATCH_PART_SIZE) });
  }
  return parts;
}

const batchSource = (part: number) => `mark:batch:${part}`;

/**
 * A batch parcel's colour by its worst status (overlaps red, cannot be decided orange); the table's legend shows the same
 * colours from the --batch-* tokens of src/styles/tokens.css, so a change here is made there too.
 */
const BATCH_COLORS: Array<[string, string]> = [
  ["restricted", "#c62828"],
  ["undecided", "#e65100"],
  ["caution", "#f9a825"],
  ["clear", "#2e7d32"],
  ["outside", "#757575"],
  ["no-data", "#9e9e9e"],
  ["failed", "#6a1b9a"],
];
/** The last colour is for a parcel not checked yet (--batch-pending). */
const batchColor = ["match", ["get", "worst"], ...BATCH_COLORS.flat(), "#546e7a"] as unknown as string;

const USER_COLOR = "#1a73e8";
const FOCUS_COLOR = "#b2182b";
const EXACT_RING_COLOR = "#0b63ce";
/** A circle polygon with this many sides looks round at every zoom the app allows. */
const CIRCLE_STEPS = 96;

/** A circle of `radiusMetres` around a point, as a polygon (geodesic, good to centimetres at these sizes). */
export function circleAround(lngLat: [number, number], radiusMetres: number, properties: Record<string, unknown> = {}): Feature<Geometry> {
  return circle(lngLat, radiusMetres / 1000, { steps: CIRCLE_STEPS, units: "kilometers", properties });
}

/** On the sphere turf's circles use (mean radius 6371.0088 km), so boxes and labels meet the circles exactly. */
const METRES_PER_DEGREE_LATITUDE = (6_371_008.8 * Math.PI) / 180;

/** A box reaching `radiusMetres` from a point in every direction. */
export function boundsAround([longitude, latitude]: [number, number], radiusMetres: number): LngLatBounds {
  const dLat = radiusMetres / METRES_PER_DEGREE_LATITUDE;
  const dLng = radiusMetres / (METRES_PER_DEGREE_LATITUDE * Math.cos((latitude * Math.PI) / 180));
  return [longitude - dLng, latitude - dLat, longitude + dLng, latitude + dLat];
}

/** The point `metres` due north of a position: where a circle's label sits. */
export function northOf([longitude, latitude]: [number, number], metres: number): [number, number] {
  return [longitude, latitude + metres / METRES_PER_DEGREE_LATITUDE];
}

export function userLocationFeatures(mark: UserLocationMark | null): FeatureCollection {
  if (!mark) return EMPTY;
  const point: Feature<Geometry> = { type: "Feature", properties: { part: "position" }, geometry: { type: "Point", coordinates: mark.lngLat } };
  const accuracy = mark.accuracyMetres > 0 ? [circleAround(mark.lngLat, mark.accuracyMetres, { part: "accuracy" })] : [];
  return { type: "FeatureCollection", features: [...accuracy, point] };
}

export function focusFeatures(mark: FocusMark | null): FeatureCollection {
  if (!mark) return EMPTY;
  if (mark.radiusMetres === null) {
    return {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { part: "exact" }, geometry: { type: "Point", coordinates: mark.lngLat } }],
    };
  }
  return { type: "FeatureCollection", features: [circleAround(mark.lngLat, mark.radiusMetres, { part: "area" })] };
}

const isPart = (part: string) => ["==", ["get", "part"], part] as ["==", ["get", string], string];

/**
 * Sources and layers for the marks, drawn above every data layer: the focus circle (soft fill, dashed edge) or
 * exact ring, then the accuracy circle and the user's dot on top. A mark with nothing to show gets no source: an
 * empty GeoJSON source still loads its tiles, which at start-up holds back the first idle map.
 */
export function markStyleParts(marks: MapMarks): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const sources: Record<string, SourceSpecification> = {};
  if (marks.focus.features.length > 0) sources[FOCUS_SOURCE] = { type: "geojson", data: marks.focus };
  if (marks.userLocation.features.length > 0) sources[USER_LOCATION_SOURCE] = { type: "geojson", data: marks.userLocation };
  marks.batch.forEach((part, index) => {
    sources[batchSource(index)] = { type: "geojson", data: part };
  });
  // Every part's fill, then every part's outline, so no fill covers an outline.
  const batchLayers = (type: "fill" | "line"): LayerSpecification[] =>
    marks.batch.map((_, index) =>
      type === "fill"
        ? { id: `${batchSource(index)}:fill`, type, source: batchSource(index), paint: { "fill-color": batchColor, "fill-opacity": 0.35 } }
        : { id: `${batchSource(index)}:outline`, type, source: batchSource(index), paint: { "line-color": batchColor, "line-width": 1.5 } },
    );
  const layers: LayerSpecification[] = [
    ...batchLayers("fill"),
    ...batchLayers("line"),
    // A pale veil rather than a colour: it stands out on every fill below (the fee tiers are red too).
    {
      id: "mark:focus:fill",
      type: "fill",
      source: FOCUS_SOURCE,
      filter: isPart("area"),
      paint: { "fill-color": "#ffffff", "fill-opacity": 0.4 },
    },
    {
      id: "mark:focus:casing",
      type: "line",
      source: FOCUS_SOURCE,
      filter: isPart("area"),
      layout: { "line-join": "round" },
      paint: { "line-color": "#ffffff", "line-width": 5, "line-opacity": 0.9 },
    },
    {
      id: "mark:focus:outline",
      type: "line",
      source: FOCUS_SOURCE,
      filter: isPart("area"),
      layout: { "line-join": "round" },
      paint: { "line-color": FOCUS_COLOR, "line-width": 2.5, "line-dasharray": [3, 2] },
    },
    {
      id: "mark:focus:exact",
      type: "circle",
      source: FOCUS_SOURCE,
      filter: isPart("exact"),
      paint: { "circle-radius": 14, "circle-opacity": 0, "circle-stroke-color": EXACT_RING_COLOR, "circle-stroke-width": 3 },
    },
    {
      id: "mark:user:accuracy",
      type: "fill",
      source: USER_LOCATION_SOURCE,
      filter: isPart("accuracy"),
      paint: { "fill-color": USER_COLOR, "fill-opacity": 0.15, "fill-outline-color": USER_COLOR },
    },
    {
      id: "mark:user:position",
      type: "circle",
      source: USER_LOCATION_SOURCE,
      filter: isPart("position"),
      paint: { "circle-radius": 7, "circle-color": USER_COLOR, "circle-stroke-color": "#ffffff", "circle-stroke-width": 2.5 },
    },
  ];
  return { sources, layers: layers.filter((layer) => "source" in layer && layer.source in sources) };
}
