import polygonClipping, { type Geom } from "polygon-clipping";
import type { Geometry, MultiPolygon, Polygon } from "geojson";
import type { OverlapTolerance } from "./types";
import { linesOf, planarArea, planarDistance, planarPerimeter, pointsOf, polygonContainsPoint } from "./planarGeometry";

export interface PlanarOverlap {
  squareMetres: number;
  tolerance: OverlapTolerance | null;
}

/** polygon-clipping takes bare coordinate arrays. It works in floating point, which in GK metres is exact to far below a millimetre. */
function clipCoordinates(geometry: Polygon | MultiPolygon): Geom {
  return geometry.coordinates as Geom;
}

/** Clearance below which two boundaries count as touching or crossing, metres. */
const BOUNDARY_CLEARANCE_METRES = 1e-3;

function boundaryOf(geometry: Polygon | MultiPolygon): Geometry {
  return { type: "MultiLineString", coordinates: linesOf(geometry) };
}

function isSingleRing(geometry: Polygon | MultiPolygon): boolean {
  return geometry.type === "Polygon" && geometry.coordinates.length === 1;
}

/**
 * When the two boundaries neither cross nor touch, the overlap is one whole polygon or nothing, and the polygon
 * clipper — the costly part of a check — is not needed. Returns null when clipping is still required (holes).
 */
function overlapWithoutClipping(parcel: Polygon | MultiPolygon, zone: Polygon | MultiPolygon): Polygon | MultiPolygon | "disjoint" | null {
  if (planarDistance(boundaryOf(parcel), boundaryOf(zone)) <= BOUNDARY_CLEARANCE_METRES) return null;
  const zoneInParcel = polygonContainsPoint(parcel, pointsOf(zone)[0]!);
  const parcelInZone = polygonContainsPoint(zone, pointsOf(parcel)[0]!);
  if (!zoneInParcel && !parcelInZone) return "disjoint";
  if (zoneInParcel && isSingleRing(parcel)) return zone;
  if (parcelInZone && isSingleRing(zone)) return parcel;
  return null;
}

function classify(overlap: Polygon | MultiPolygon, squareMetres: number, positionalAccuracyMetres: number): PlanarOverlap {
  const meanWidth = (2 * squareMetres) / planarPerimeter(overlap);
  return { squareMetres, tolerance: meanWidth < positionalAccuracyMetres ? "sliver" : "substantive" };
}

/**
 * Overlap of two GK-metre polygons and how much it means. The overlap's mean width (2·area / perimeter, exact
 * for a long thin strip) below the layer's positional accuracy makes it a sliver.
 */
export function polygonOverlap(parcel: Polygon | MultiPolygon, zone: Polygon | MultiPolygon, positionalAccuracyMetres: number): PlanarOverlap {
  const unclipped = overlapWithoutClipping(parcel, zone);
  if (unclipped === "disjoint") return { squareMetres: 0, tolerance: null };
  if (unclipped) return classify(unclipped, planarArea(unclipped), positionalAccuracyMetres);
  let shared: MultiPolygon | null = null;
  try {
    shared = { type: "MultiPolygon", coordinates: polygonClipping.intersection(clipCoordinates(parcel), clipCoordinates(zone)) };
  } catch {
    // Degenerate input can defeat the clipper; fall back to the boundary test below rather than fail the report.
    shared = null;
  }
  const squareMetres = shared ? planarArea(shared) : 0;
  if (squareMetres <= 1e-6) {
    return { squareMetres: 0, tolerance: planarDistance(parcel, zone) <= 1e-6 ? "touches" : null };
  }
  return classify(shared!, squareMetres, positionalAccuracyMetres);
}

export function isPolygonal(geometry: Geometry): geometry is Polygon | MultiPolygon {
  return geometry.type === "Polygon" || geometry.type === "MultiPolygon";
}
