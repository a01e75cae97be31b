import intersect from "@turf/intersect";
import type { Feature, Geometry, MultiPolygon, Polygon } from "geojson";
import type { OverlapTolerance } from "./types";
import { planarArea, planarDistance, planarPerimeter } from "./planarGeometry";

export interface PlanarOverlap {
  squareMetres: number;
  tolerance: OverlapTolerance | null;
}

function asFeature(geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: "Feature", properties: {}, geometry };
}

/**
 * Overlap of two GK-metre polygons and how much it means. The overlap's mean width (2·area / perimeter, exact
 * for a long thin strip) below the layer's positional accuracy makes it a sliver.
 */
export function polygonOverlap(parcel: Polygon | MultiPolygon, zone: Polygon | MultiPolygon, positionalAccuracyMetres: number): PlanarOverlap {
  let shared: Feature<Polygon | MultiPolygon> | null = null;
  try {
    shared = intersect({ type: "FeatureCollection", features: [asFeature(parcel), asFeature(zone)] });
  } catch {
    // Degenerate input can defeat the clipper; fall back to the boundary test below rather than fail the report.
    shared = null;
  }
  const squareMetres = shared ? planarArea(shared.geometry) : 0;
  if (squareMetres <= 1e-6) {
    return { squareMetres: 0, tolerance: planarDistance(parcel, zone) <= 1e-6 ? "touches" : null };
  }
  const meanWidth = (2 * squareMetres) / planarPerimeter(shared!.geometry);
  return { squareMetres, tolerance: meanWidth < positionalAccuracyMetres ? "sliver" : "substantive" };
}

export function isPolygonal(geometry: Geometry): geometry is Polygon | MultiPolygon {
  return geometry.type === "Polygon" || geometry.type === "MultiPolygon";
}
