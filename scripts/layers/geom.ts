/**
 * Small planar-geometry helpers. Everything here works on projected metres (EPSG:4544 Gauss–Krüger),
 * never on degrees. Rings are open (the first vertex is not repeated at the end).
 */
import { gaussKrugerToLngLat, lngLatToGaussKruger, type LngLat } from "../../src/geo/crs";
import { distanceToRings, pointInPolygonRings, polygonRingsArea, ringSignedArea } from "../../src/geo/planar";

export type Point = [number, number];
export type Ring = Point[];
/** Outer ring first, then holes. */
type PolygonRings = Ring[];

export function openRing(ring: readonly Point[]): Ring {
  const result = ring.map((point) => [point[0], point[1]] as Point);
  const first = result[0];
  const last = result[result.length - 1];
  if (result.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) result.pop();
  return result;
}

export function closeRing(ring: readonly Point[]): Ring {
  const result = ring.map((point) => [point[0], point[1]] as Point);
  const first = result[0];
  const last = result[result.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) result.push([first[0], first[1]]);
  return result;
}

/** Signed shoelace area (positive = counter-clockwise), on an open or closed ring. */
export const signedRingArea = ringSignedArea;

export const polygonArea = polygonRingsArea;

export function multiPolygonArea(polygons: readonly (readonly (readonly Point[])[])[]): number {
  return polygons.reduce((sum, polygon) => sum + polygonRingsArea(polygon), 0);
}

export function pointInMultiPolygon(point: Point, polygons: readonly (readonly (readonly Point[])[])[]): boolean {
  return polygons.some((polygon) => pointInPolygonRings(point, polygon));
}

/** Distance from a point to the nearest ring edge of a polygon (unsigned). */
export function distanceToBoundary(point: Point, polygons: readonly (readonly (readonly Point[])[])[]): number {
  return Math.min(...polygons.map((polygon) => distanceToRings(point, polygon)));
}

/** Signed distance: positive inside the (multi)polygon. */
export function signedDistance(point: Point, polygons: readonly (readonly (readonly Point[])[])[]): number {
  const distance = distanceToBoundary(point, polygons);
  return pointInMultiPolygon(point, polygons) ? distance : -distance;
}

/**
 * Sutherland–Hodgman: keep the part of `ring` where a·x + b·y ≤ c. Exact in area for any simple ring
 * (a non-convex ring cut into several pieces comes back joined by zero-width bridges).
 */
export function clipRingByHalfPlane(ring: readonly Point[], a: number, b: number, c: number): Ring {
  const result: Ring = [];
  const count = ring.length;
  for (let index = 0; index < count; index++) {
    const current = ring[index] as Point;
    const next = ring[(index + 1) % count] as Point;
    const currentValue = a * current[0] + b * current[1] - c;
    const nextValue = a * next[0] + b * next[1] - c;
    if (currentValue <= 0) result.push(current);
    if (currentValue <= 0 !== nextValue <= 0) {
      const t = currentValue / (currentValue - nextValue);
      result.push([current[0] + (next[0] - current[0]) * t, current[1] + (next[1] - current[1]) * t]);
    }
  }
  return result;
}

export function bboxOfRings(rings: readonly (readonly Point[])[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings)
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return [minX, minY, maxX, maxY];
}

/**
 * Pole of inaccessibility (the interior point farthest from the boundary), by grid refinement in the
 * manner of Mapbox's polylabel; deterministic. `precision` in metres.
 */
export function poleOfInaccessibility(polygons: readonly (readonly (readonly Point[])[])[], precision = 10): { point: Point; distance: number } {
  const [minX, minY, maxX, maxY] = bboxOfRings(polygons.flat());
  const cellSize = Math.min(maxX - minX, maxY - minY);
  type Cell = { x: number; y: number; h: number; d: number; max: number };
  const makeCell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance([x, y], polygons);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  let queue: Cell[] = [];
  const h0 = cellSize / 2;
  for (let x = minX; x < maxX; x += cellSize) for (let y = minY; y < maxY; y += cellSize) queue.push(makeCell(x + h0, y + h0, h0));
  let best = makeCell((minX + maxX) / 2, (minY + maxY) / 2, 0);
  for (const cell of queue) if (cell.d > best.d) best = cell;
  while (queue.length > 0) {
    queue.sort((p, q) => q.max - p.max || p.x - q.x || p.y - q.y);
    const cell = queue.shift() as Cell;
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue;
    const h = cell.h / 2;
    queue.push(
      makeCell(cell.x - h, cell.y - h, h),
      makeCell(cell.x + h, cell.y - h, h),
      makeCell(cell.x - h, cell.y + h, h),
      makeCell(cell.x + h, cell.y + h, h),
    );
    queue = queue.filter((candidate) => candidate.max - best.d > precision);
  }
  return { point: [best.x, best.y], distance: best.d };
}

/** A regular polygon (counter-clockwise, open) of `sides` vertices, circumradius `radius`, first vertex at `rotation` rad. */
export function regularPolygon(centre: Point, radius: number, sides: number, rotation = 0): Ring {
  const ring: Ring = [];
  for (let index = 0; index < sides; index++) {
    const angle = rotation + (2 * Math.PI * index) / sides;
    ring.push([centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)]);
  }
  return ring;
}

/** Bisection on a monotone increasing function f over [low, high] for f(x) = target. */
export function bisect(f: (x: number) => number, target: number, low: number, high: number, relativeTolerance = 1e-6, maxIterations = 200): number {
  let lo = low;
  let hi = high;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const mid = (lo + hi) / 2;
    const value = f(mid);
    if (Math.abs(value - target) <= relativeTolerance * Math.abs(target)) return mid;
    if (value < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export const toGK = (lngLat: readonly [number, number]): Point => lngLatToGaussKruger([lngLat[0], lngLat[1]] as LngLat);
export const toLngLat = (point: readonly [number, number]): Point => gaussKrugerToLngLat([point[0], point[1]]);

export function ringToGK(ring: readonly (readonly [number, number])[]): Ring {
  return ring.map((point) => toGK(point));
}

function ringToLngLat(ring: readonly (readonly [number, number])[]): Ring {
  return ring.map((point) => toLngLat(point));
}

/** Round a coordinate to 6 decimals (≈ 0.1 m), the package's fixed precision. */
export function round6(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? 0 : rounded;
}
