import area from "@turf/area";
import booleanIntersects from "@turf/boolean-intersects";
import intersect from "@turf/intersect";
import type { Feature, Polygon } from "geojson";

/** The baseline: what a straightforward implementation does — turf on every feature, no index, no projection cache. */
export function naiveOverlapCheck(parcel: Polygon, features: Feature<Polygon>[]): Array<{ id: string; squareMetres: number }> {
  const parcelFeature: Feature<Polygon> = { type: "Feature", properties: {}, geometry: parcel };
  const hits: Array<{ id: string; squareMetres: number }> = [];
  for (const feature of features) {
    if (!booleanIntersects(parcelFeature, feature)) continue;
    const shared = intersect({ type: "FeatureCollection", features: [parcelFeature, feature] });
    if (shared) hits.push({ id: String(feature.properties?.id), squareMetres: area(shared) });
  }
  return hits;
}
