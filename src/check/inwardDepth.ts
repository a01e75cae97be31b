import type { Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { linesOf, planarDistance, pointsOf, polygonContainsPoint } from "./planarGeometry";
import type { PlanarBox } from "./projectToGaussKruger";

/** Grid points per side over the shared box: the depth found is within half a cell's diagonal of the true one, then refined. */
const GRID = 24;
const REFINEMENT_STEPS = 24;

function distanceToBoundary(point: Position, boundary: Geometry): number {
  return planarDistance({ type: "Point", coordinates: point }, boundary);
}

function boxOf(points: Position[]): PlanarBox {
  let box: PlanarBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) box = [Math.min(box[0], x!), Math.min(box[1], y!), Math.max(box[2], x!), Math.max(box[3], y!)];
  return box;
}

/** Points along a line or ring, no further apart than `spacing`. */
function alongLines(lines: Position[][], spacing: number): Position[] {
  const points: Position[] = [];
  for (const line of lines) {
    for (let index = 0; index + 1 < line.length; index++) {
      const [ax, ay] = line[index]!;
      const [bx, by] = line[index + 1]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(bx! - ax!, by! - ay!) / spacing));
      for (let step = 0; step <= steps; step++) points.push([ax! + ((bx! - ax!) * step) / steps, ay! + ((by! - ay!) * step) / steps]);
    }
  }
  return points;
}

/**
 * How far a site reaches into a zone, in GK metres: the largest distance from a point of the site lying in the zone
 * to the zone's boundary (0 when no part of the site is inside). A site reaching deeper than the zone's positional
 * accuracy is inside it whichever way the drawn boundary is off by up to that accuracy.
 *
 * Sampled: the site's vertices, points along its lines, and a grid over the part of its box the zone shares, each
 * best point then refined by a shrinking local search, so the figure is exact at a vertex and otherwise within
 * centimetres for the sizes checked here (tested against hand-computed depths). The search stops as soon as a
 * point deeper than `enough` is found (the check only needs to know that), returning that point's depth.
 */
export function inwardDepth(site: Geometry, zone: Polygon | MultiPolygon, enough = Number.POSITIVE_INFINITY): number {
  const boundary: Geometry = { type: "MultiLineString", coordinates: linesOf(zone) };
  const polygonalSite = site.type === "Polygon" || site.type === "MultiPolygon";
  const inSite = (point: Position) => !polygonalSite || polygonContainsPoint(site, point);
  const inBoth = (point: Position) => polygonContainsPoint(zone, point) && inSite(point);
  const siteBox = boxOf(pointsOf(site));
  const zoneBox = boxOf(pointsOf(zone));
  const shared: PlanarBox = [
    Math.max(siteBox[0], zoneBox[0]),
    Math.max(siteBox[1], zoneBox[1]),
    Math.min(siteBox[2], zoneBox[2]),
    Math.min(siteBox[3], zoneBox[3]),
  ];
  if (shared[0] > shared[2] || shared[1] > shared[3]) return 0;
  const cell = Math.max(shared[2] - shared[0], shared[3] - shared[1]) / GRID || 1;

  let best: { point: Position; depth: number } | null = null;
  const consider = (point: Position) => {
    if (!inBoth(point)) return;
    const depth = distanceToBoundary(point, boundary);
    if (!best || depth > best.depth) best = { point, depth };
  };
  // The site's own vertices first: the cheapest, and often already deep enough.
  for (const point of pointsOf(site)) {
    consider(point);
    if (best && (best as { depth: number }).depth > enough) return (best as { depth: number }).depth;
  }
  const candidates: Position[] = alongLines(linesOf(site), cell);
  if (polygonalSite) {
    for (let i = 0; i <= GRID; i++) {
      for (let j = 0; j <= GRID; j++) candidates.push([shared[0] + ((shared[2] - shared[0]) * i) / GRID, shared[1] + ((shared[3] - shared[1]) * j) / GRID]);
    }
  }
  for (const point of candidates) {
    consider(point);
    if (best && (best as { depth: number }).depth > enough) return (best as { depth: number }).depth;
  }
  if (!best) return 0;
  return refine(best, cell, polygonalSite, inBoth, boundary, enough);
}

function refine(
  start: { point: Position; depth: number },
  cell: number,
  polygonalSite: boolean,
  inBoth: (point: Position) => boolean,
  boundary: Geometry,
  enough: number,
): number {
  let best = start;
  // Hill-climb from the best sample (only for areas: a line's or a point's own points were all sampled).
  if (polygonalSite) {
    let step = cell;
    for (let iteration = 0; iteration < REFINEMENT_STEPS; iteration++) {
      let moved = false;
      for (const [dx, dy] of [
        [step, 0],
        [-step, 0],
        [0, step],
        [0, -step],
        [step, step],
        [-step, -step],
        [step, -step],
        [-step, step],
      ] as const) {
        const point: Position = [best.point[0]! + dx, best.point[1]! + dy];
        if (!inBoth(point)) continue;
        const depth = distanceToBoundary(point, boundary);
        if (depth > best.depth) {
          best = { point, depth };
          moved = true;
        }
      }
      if (best.depth > enough) break;
      if (!moved) step /= 2;
    }
  }
  return best.depth;
}
