import polygonClipping, { type Geom } from "polygon-clipping";
import type { Geometry, MultiPolygon, Polygon, Position } from "geojson";
import type { OverlapTolerance } from "./types";
import { boundaryContact, type BoundaryContact } from "./boundaryContact";
import { edgeWalkIntersection, type IntersectionMeasures } from "./edgeWalkIntersection";
import { linesOf, planarArea, planarDistance, planarPerimeter, polygonContainsPoint } from "./planarGeometry";
import { isSimplePolygon, preparedContainsPoint, preparePolygon, type PreparedPolygon } from "./preparedPolygon";

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

/** Overlap area at or below which two polygons only touch, square metres. */
const TOUCHING_SQUARE_METRES = 1e-6;

function boundaryOf(geometry: Polygon | MultiPolygon): Geometry {
  return { type: "MultiLineString", coordinates: linesOf(geometry) };
}

function isSingleRing(geometry: Polygon | MultiPolygon): boolean {
  return geometry.type === "Polygon" && geometry.coordinates.length === 1;
}

/** pointsOf(geometry)[0], without listing every point. */
function firstPosition(geometry: Polygon | MultiPolygon): Position {
  return (geometry.type === "Polygon" ? geometry.coordinates[0]![0] : geometry.coordinates[0]![0]![0])!;
}

/** How the boundaries of two polygons relate, and each polygon's test for "does it contain this point". */
interface PairRelation {
  boundaryDistance: number;
  contains(polygon: Polygon | MultiPolygon, point: Position): boolean;
}

const unpreparedRelation = {
  contains: (polygon: Polygon | MultiPolygon, point: Position): boolean => polygonContainsPoint(polygon, point),
};

const preparedRelation = {
  contains: (polygon: Polygon | MultiPolygon, point: Position): boolean => preparedContainsPoint(preparePolygon(polygon), point[0]!, point[1]!),
};

/**
 * When the two boundaries neither cross nor touch, the overlap is one whole polygon or nothing, and the polygon
 * clipper — the costly part of a check — is not needed. Returns null when clipping is still required (holes).
 */
function overlapWithoutClipping(
  parcel: Polygon | MultiPolygon,
  zone: Polygon | MultiPolygon,
  relation: PairRelation,
): Polygon | MultiPolygon | "disjoint" | null {
  if (relation.boundaryDistance <= BOUNDARY_CLEARANCE_METRES) return null;
  const zonePoint = firstPosition(zone);
  const parcelPoint = firstPosition(parcel);
  const zoneInParcel = relation.contains(parcel, zonePoint);
  const parcelInZone = relation.contains(zone, parcelPoint);
  if (!zoneInParcel && !parcelInZone) return "disjoint";
  if (zoneInParcel && isSingleRing(parcel)) return zone;
  if (parcelInZone && isSingleRing(zone)) return parcel;
  return null;
}

function classify(squareMetres: number, perimeterMetres: number, positionalAccuracyMetres: number): PlanarOverlap {
  const meanWidth = (2 * squareMetres) / perimeterMetres;
  return { squareMetres, tolerance: meanWidth < positionalAccuracyMetres ? "sliver" : "substantive" };
}

function clipWithPolygonClipping(parcel: Polygon | MultiPolygon, zone: Polygon | MultiPolygon): IntersectionMeasures | null {
  try {
    const shared: MultiPolygon = { type: "MultiPolygon", coordinates: polygonClipping.intersection(clipCoordinates(parcel), clipCoordinates(zone)) };
    return { squareMetres: planarArea(shared), perimeterMetres: planarPerimeter(shared) };
  } catch {
    // Degenerate input can defeat the clipper; fall back to the boundary test rather than fail the report.
    return null;
  }
}

/** planarDistance for two prepared polygons, given their boundary contact: 0 when they meet or one holds the other. */
function distanceFromContact(first: PreparedPolygon, second: PreparedPolygon, contact: BoundaryContact): number {
  if (contact.meet) return 0;
  // The boundaries do not meet, so one vertex tells on which side of the other polygon a whole ring lies.
  for (const ring of second.rings) if (preparedContainsPoint(first, ring.firstX, ring.firstY)) return 0;
  for (const ring of first.rings) if (preparedContainsPoint(second, ring.firstX, ring.firstY)) return 0;
  return contact.distance;
}

/**
 * planarDistance between two GK-metre polygons when it is at most `reach`, else Infinity. The polygons' edges are
 * indexed once (see preparePolygon), so a 200-vertex parcel against thousands of candidates looks only at the
 * edges near each one.
 */
export function polygonDistanceWithin(first: Polygon | MultiPolygon, second: Polygon | MultiPolygon, reach: number): number {
  const preparedFirst = preparePolygon(first);
  const preparedSecond = preparePolygon(second);
  if (!preparedFirst.wellFormed || !preparedSecond.wellFormed) {
    const distance = planarDistance(first, second);
    return distance <= reach ? distance : Infinity;
  }
  return distanceFromContact(preparedFirst, preparedSecond, boundaryContact(preparedFirst, preparedSecond, reach));
}

/** The original, unprepared path, for rings that are not closed or have fewer than three edges. */
function unpreparedOverlap(parcel: Polygon | MultiPolygon, zone: Polygon | MultiPolygon, positionalAccuracyMetres: number): PlanarOverlap {
  const relation: PairRelation = { boundaryDistance: planarDistance(boundaryOf(parcel), boundaryOf(zone)), ...unpreparedRelation };
  const unclipped = overlapWithoutClipping(parcel, zone, relation);
  if (unclipped === "disjoint") return { squareMetres: 0, tolerance: null };
  if (unclipped) return classify(planarArea(unclipped), planarPerimeter(unclipped), positionalAccuracyMetres);
  const shared = clipWithPolygonClipping(parcel, zone);
  if (!shared || shared.squareMetres <= TOUCHING_SQUARE_METRES) {
    return { squareMetres: 0, tolerance: planarDistance(parcel, zone) <= 1e-6 ? "touches" : null };
  }
  return classify(shared.squareMetres, shared.perimeterMetres, positionalAccuracyMetres);
}

/**
 * Overlap of two GK-metre polygons and how much it means. The overlap's mean width (2·area / perimeter, exact
 * for a long thin strip) below the layer's positional accuracy makes it a sliver.
 *
 * Both polygons are prepared once (edge arrays and an R-tree, cached per geometry object), so only the edges near
 * the other polygon are looked at. Where the boundaries cross cleanly the area comes from walking the edges
 * (edgeWalkIntersection); shared vertices, shared edges or invalid rings go to polygon-clipping as before.
 */
export function polygonOverlap(parcel: Polygon | MultiPolygon, zone: Polygon | MultiPolygon, positionalAccuracyMetres: number): PlanarOverlap {
  const preparedParcel = preparePolygon(parcel);
  const preparedZone = preparePolygon(zone);
  if (!preparedParcel.wellFormed || !preparedZone.wellFormed) return unpreparedOverlap(parcel, zone, positionalAccuracyMetres);
  const contact = boundaryContact(preparedParcel, preparedZone, BOUNDARY_CLEARANCE_METRES);
  const relation: PairRelation = { boundaryDistance: contact.distance, ...preparedRelation };
  const unclipped = overlapWithoutClipping(parcel, zone, relation);
  if (unclipped === "disjoint") return { squareMetres: 0, tolerance: null };
  if (unclipped) return classify(planarArea(unclipped), planarPerimeter(unclipped), positionalAccuracyMetres);
  const walkable = !contact.degenerate && isSimplePolygon(preparedParcel) && isSimplePolygon(preparedZone);
  const shared = (walkable ? edgeWalkIntersection(preparedParcel, preparedZone, contact.crossings) : null) ?? clipWithPolygonClipping(parcel, zone);
  if (!shared || shared.squareMetres <= TOUCHING_SQUARE_METRES) {
    return { squareMetres: 0, tolerance: distanceFromContact(preparedParcel, preparedZone, contact) <= 1e-6 ? "touches" : null };
  }
  return classify(shared.squareMetres, shared.perimeterMetres, positionalAccuracyMetres);
}

export function isPolygonal(geometry: Geometry): geometry is Polygon | MultiPolygon {
  return geometry.type === "Polygon" || geometry.type === "MultiPolygon";
}
