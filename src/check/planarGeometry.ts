import type { Geometry, Position } from "geojson";
import { pointInPolygonRings, pointSegmentDistance, polygonRingsArea, polygonsOf } from "../geo/planar";

/** Whole-geometry planar helpers on GK metre coordinates (areas, lengths, distances), built on src/geo/planar. */

export function linesOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case "LineString":
      return [geometry.coordinates];
    case "MultiLineString":
      return geometry.coordinates;
    case "Polygon":
      return geometry.coordinates;
    case "MultiPolygon": {
      const rings: Position[][] = [];
      for (const polygon of geometry.coordinates) for (const ring of polygon) rings.push(ring);
      return rings;
    }
    case "GeometryCollection":
      return geometry.geometries.flatMap(linesOf);
    default:
      return [];
  }
}

export function pointsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case "Point":
      return [geometry.coordinates];
    case "MultiPoint":
      return geometry.coordinates;
    case "GeometryCollection":
      return geometry.geometries.flatMap(pointsOf);
    default: {
      // A loop, not Array.prototype.flat, which V8 runs several times slower; the check calls this per candidate.
      const points: Position[] = [];
      for (const line of linesOf(geometry)) for (const point of line) points.push(point);
      return points;
    }
  }
}

export function planarArea(geometry: Geometry): number {
  return polygonsOf(geometry).reduce((sum, rings) => sum + polygonRingsArea(rings), 0);
}

export function planarPerimeter(geometry: Geometry): number {
  return linesOf(geometry).reduce((sum, line) => sum + lineLength(line), 0);
}

export function lineLength(line: Position[]): number {
  let length = 0;
  for (let index = 1; index < line.length; index++) {
    length += Math.hypot(line[index]![0]! - line[index - 1]![0]!, line[index]![1]! - line[index - 1]![1]!);
  }
  return length;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const orientation = (p: Position, q: Position, r: Position) => Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  return o1 !== o2 && o3 !== o4;
}

export function polygonContainsPoint(geometry: Geometry, point: Position): boolean {
  return polygonsOf(geometry).some((rings) => pointInPolygonRings(point, rings));
}

/** Shortest distance between two planar geometries (0 when they intersect or one contains the other). */
export function planarDistance(a: Geometry, b: Geometry): number {
  const pointsA = pointsOf(a);
  const pointsB = pointsOf(b);
  if (pointsB.some((point) => polygonContainsPoint(a, point)) || pointsA.some((point) => polygonContainsPoint(b, point))) return 0;
  const segmentsA = linesOf(a);
  const segmentsB = linesOf(b);
  let best = Infinity;
  for (const lineA of segmentsA) {
    for (let i = 1; i < lineA.length; i++) {
      for (const lineB of segmentsB) {
        for (let j = 1; j < lineB.length; j++) {
          if (segmentsCross(lineA[i - 1]!, lineA[i]!, lineB[j - 1]!, lineB[j]!)) return 0;
        }
      }
    }
  }
  for (const point of pointsA) {
    for (const line of segmentsB) {
      if (line.length === 1) best = Math.min(best, Math.hypot(point[0]! - line[0]![0]!, point[1]! - line[0]![1]!));
      for (let j = 1; j < line.length; j++) best = Math.min(best, pointSegmentDistance(point, line[j - 1]!, line[j]!));
    }
  }
  for (const point of pointsB) {
    for (const line of segmentsA) {
      if (line.length === 1) best = Math.min(best, Math.hypot(point[0]! - line[0]![0]!, point[1]! - line[0]![1]!));
      for (let j = 1; j < line.length; j++) best = Math.min(best, pointSegmentDistance(point, line[j - 1]!, line[j]!));
    }
  }
  if (best === Infinity && pointsA.length && pointsB.length) {
    for (const pa of pointsA) for (const pb of pointsB) best = Math.min(best, Math.hypot(pa[0]! - pb[0]!, pa[1]! - pb[1]!));
  }
  return best;
}
