import type { Feature, FeatureCollection, Geometry } from "geojson";
import { gaussKrugerToLngLat } from "../geo/crs";
import { readFeaturesInRect, type FlatGeobufInput, type LngLatRect } from "../layers/flatgeobufReader";
import type { LayerDefinition } from "../layers/manifestTypes";
import { validateLayerData } from "../layers/validateLayerData";
import { invalid, valid, type Validation } from "../layers/validation";
import { planarDistance } from "./planarGeometry";
import { toGaussKruger, type PlanarBox } from "./projectToGaussKruger";
import { DEFAULT_CHECK_OPTIONS, type CheckLayer, type CheckOptions, type ParcelGeometry } from "./types";

/**
 * Extra metres around every query window. The GK grid is turned against the meridians by up to ~0.6° in the
 * district, so a feature's lon/lat box can miss a window its GK box touches by up to 1 % of the feature's size:
 * 1 km covers features up to ~100 km across. A wider window only adds candidates, which the check then measures.
 */
const WINDOW_PADDING_M = 1000;

/** Point layers widen the window until a feature is found; past this (half the Earth) the file has none. */
const MAXIMUM_WINDOW_M = 20_000_000;

/** The lon/lat rectangle covering a GK box grown by `marginMetres`, sampled along its edges. */
export function lngLatRectAround(box: PlanarBox, marginMetres: number): LngLatRect {
  const [minX, minY, maxX, maxY] = [box[0] - marginMetres, box[1] - marginMetres, box[2] + marginMetres, box[3] + marginMetres];
  const rect: LngLatRect = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const steps = 8;
  for (let step = 0; step <= steps; step++) {
    const t = step / steps;
    const x = minX + (maxX - minX) * t;
    const y = minY + (maxY - minY) * t;
    for (const [easting, northing] of [
      [x, minY],
      [x, maxY],
      [minX, y],
      [maxX, y],
    ] as const) {
      const [longitude, latitude] = gaussKrugerToLngLat([easting, northing]);
      rect.minX = Math.min(rect.minX, longitude);
      rect.minY = Math.min(rect.minY, latitude);
      rect.maxX = Math.max(rect.maxX, longitude);
      rect.maxY = Math.max(rect.maxY, latitude);
    }
  }
  return {
    minX: Math.max(-180, rect.minX),
    minY: Math.max(-90, rect.minY),
    maxX: Math.min(180, rect.maxX),
    maxY: Math.min(90, rect.maxY),
  };
}

/** Exact GK distance from the parcel to the nearest of `features`, or null when there are none. */
function nearestDistance(parcel: Geometry, features: Feature<Geometry>[]): number | null {
  let best: number | null = null;
  for (const feature of features) {
    const distance = planarDistance(parcel, toGaussKruger(feature.geometry).geometry);
    if (best === null || distance < best) best = distance;
  }
  return best;
}

/**
 * The features a parcel check of one layer needs, read by bounding box from the layer's FlatGeobuf file:
 * - polygons and lines: those within the layer's positional accuracy of the parcel's box — all that
 *   `checkParcel` looks at;
 * - points: the nearest, found by widening the window until a feature turns up, then every feature that could be
 *   as near — so the nearest memorial is found however far it is.
 * The result, fed to `checkParcel`, gives the same report as the whole layer would.
 */
export async function readCheckLayer(
  definition: LayerDefinition,
  input: FlatGeobufInput,
  parcel: ParcelGeometry,
  overrides: Partial<CheckOptions> = {},
): Promise<Validation<CheckLayer>> {
  const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...overrides };
  const planarParcel = toGaussKruger(parcel);
  let features: Feature<Geometry>[];
  try {
    if (definition.geometryType !== "point") {
      features = await readFeaturesInRect(input, lngLatRectAround(planarParcel.box, definition.positionalAccuracyM + WINDOW_PADDING_M));
    } else {
      let margin = options.cautionDistanceMetres + definition.positionalAccuracyM + WINDOW_PADDING_M;
      features = await readFeaturesInRect(input, lngLatRectAround(planarParcel.box, margin));
      while (features.length === 0 && margin < MAXIMUM_WINDOW_M) {
        margin *= 4;
        features = await readFeaturesInRect(input, lngLatRectAround(planarParcel.box, margin));
      }
      const nearest = nearestDistance(planarParcel.geometry, features);
      // Anything nearer than the nearest found so far has its box within that distance of the parcel's box.
      if (nearest !== null && nearest + WINDOW_PADDING_M > margin) {
        features = await readFeaturesInRect(input, lngLatRectAround(planarParcel.box, nearest + WINDOW_PADDING_M));
      }
    }
  } catch (error) {
    return invalid([
      `layer '${definition.id}': could not read ${typeof input === "string" ? input : "its FlatGeobuf file"}: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  const validated = validateLayerData(definition, collection);
  if (!validated.ok) return invalid(validated.errors);
  // An empty polygon window means "nothing near", not "no data"; an empty point file really has no data.
  const nearbyOnly = definition.geometryType !== "point" || features.length > 0;
  return valid({ definition, features: validated.value.features, nearbyOnly });
}
