import type { Geometry, Position } from "geojson";

/**
 * Planar primitives on projected coordinates (GK metres, or any plane): ring area, point in ring or polygon, and
 * point–segment distance. The check, the measurements, the map labels, the importers and the build scripts all use
 * these; rings may be open or closed (a repeated closing vertex adds nothing).
 */

/** A position on the plane: x then y. */
type PlanarPosition = readonly number[];
type PlanarRing = readonly PlanarPosition[];

/**
 * Signed shoelace area, positive when counter-clockwise. Coordinates are taken relative to the first vertex, so
 * the products stay small for GK metres (millions) and the sum loses no digits.
 */
export function ringSignedArea(ring: PlanarRing): number {
  const count = ring.length;
  if (count < 3) return 0;
  const originX = ring[0]![0]!;
  const originY = ring[0]![1]!;
  let twice = 0;
  for (let index = 0; index < count; index++) {
    const a = ring[index]!;
    const b = ring[(index + 1) % count]!;
    twice += (a[0]! - originX) * (b[1]! - originY) - (b[0]! - originX) * (a[1]! - originY);
  }
  return twice / 2;
}

/** Area of a polygon given as rings, outer first: the outer ring's area less its holes'. */
export function polygonRingsArea(rings: readonly PlanarRing[]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return holes.reduce((area, hole) => area - Math.abs(ringSignedArea(hole)), Math.abs(ringSignedArea(outer)));
}

/** Ray casting; a point on an edge may fall either way (use polygonValidity's pointInRing to tell the boundary). */
export function pointInRing(point: PlanarPosition, ring: PlanarRing): boolean {
  const x = point[0]!;
  const y = point[1]!;
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const xi = ring[index]![0]!;
    const yi = ring[index]![1]!;
    const xj = ring[previous]![0]!;
    const yj = ring[previous]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
export function pointInPolygonRings(point: PlanarPosition, rings: readonly PlanarRing[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && pointInRing(point, outer) && !holes.some((hole) => pointInRing(point, hole));
}

/** Distance from a point to the segment start–end (to the start when the two coincide). */
export function pointSegmentDistance(point: PlanarPosition, start: PlanarPosition, end: PlanarPosition): number {
  const dx = end[0]! - start[0]!;
  const dy = end[1]! - start[1]!;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point[0]! - start[0]!) * dx + (point[1]! - start[1]!) * dy) / lengthSquared));
  return Math.hypot(point[0]! - (start[0]! + t * dx), point[1]! - (start[1]! + t * dy));
}

/** Distance from a point to the nearest edge of any of the rings (the closing edge included). */
export function distanceToRings(point: PlanarPosition, rings: readonly PlanarRing[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      best = Math.min(best, pointSegmentDistance(point, ring[previous]!, ring[index]!));
    }
  }
  return best;
}

/** The polygons of a geometry as rings, outer first; lines and points have none. */
export function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  if (geometry.type === "GeometryCollection") return geometry.geometries.flatMap(polygonsOf);
  return [];
}
