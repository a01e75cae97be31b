import type { Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { linesOf, planarDistance, pointsOf, polygonContainsPoint } from "./planarGeometry";
import { preparedContainsPoint, preparePolygon, type PreparedPolygon } from "./preparedPolygon";
import type { PlanarBox } from "./projectToGaussKruger";

/** Grid points per side over the shared box: the depth found is within half a cell's diagonal of the true one, then refined. */
const GRID = 24;
const REFINEMENT_STEPS = 24;
/** Where the first probes sit across the shared box, centre first. */
const PROBES = [0.5, 0.25, 0.75];

function distanceToBoundary(point: Position, boundary: Geometry): number {
  return planarDistance({ type: "Point", coordinates: point }, boundary);
}

/**
 * planarDistance from a point to a prepared polygon's boundary, without building a geometry per point: the least
 * point–segment distance over its edges, computed as planarGeometry computes it (a zero-length edge, which preparing
 * leaves out, is never nearer than the edges either side of it).
 */
function distanceToPreparedBoundary(x: number, y: number, polygon: PreparedPolygon): number {
  const { edges, edgeCount } = polygon;
  let best = Infinity;
  for (let edge = 0; edge < edgeCount; edge++) {
    const startX = edges[edge * 4]!;
    const startY = edges[edge * 4 + 1]!;
    const dx = edges[edge * 4 + 2]! - startX;
    const dy = edges[edge * 4 + 3]! - startY;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - startX) * dx + (y - startY) * dy) / lengthSquared));
    best = Math.min(best, Math.hypot(x - (startX + t * dx), y - (startY + t * dy)));
  }
  return best;
}

/** How inwardDepth asks "is this point in both" and "how far is it from the zone's edge". */
interface DepthTests {
  inBoth(x: number, y: number): boolean;
  depth(x: number, y: number): number;
  /** The boxes when already known (a prepared polygon's box is that of its vertices). */
  siteBox?: PlanarBox;
  zoneBox?: PlanarBox;
}

/**
 * The tests on the prepared polygons (edge arrays and R-tree, cached per geometry by preparePolygon, as the overlap
 * just computed used them): same answers as the plain ones, with no geometry built and no rings flattened per point.
 * Null when a ring is not well formed, where only the plain tests apply.
 */
function preparedTests(site: Geometry, zone: Polygon | MultiPolygon): DepthTests | null {
  const preparedZone = preparePolygon(zone);
  if (!preparedZone.wellFormed) return null;
  const polygonalSite = site.type === "Polygon" || site.type === "MultiPolygon";
  const preparedSite = polygonalSite ? preparePolygon(site) : null;
  if (preparedSite && !preparedSite.wellFormed) return null;
  return {
    inBoth: (x, y) => preparedContainsPoint(preparedZone, x, y) && (preparedSite === null || preparedContainsPoint(preparedSite, x, y)),
    depth: (x, y) => distanceToPreparedBoundary(x, y, preparedZone),
    zoneBox: preparedZone.box,
    ...(preparedSite ? { siteBox: preparedSite.box } : {}),
  };
}

function plainTests(site: Geometry, zone: Polygon | MultiPolygon): DepthTests {
  const boundary: Geometry = { type: "MultiLineString", coordinates: linesOf(zone) };
  const polygonalSite = site.type === "Polygon" || site.type === "MultiPolygon";
  return {
    inBoth: (x, y) => polygonContainsPoint(zone, [x, y]) && (!polygonalSite || polygonContainsPoint(site, [x, y])),
    depth: (x, y) => distanceToBoundary([x, y], boundary),
  };
}

function boxOf(points: Position[]): PlanarBox {
  const box: PlanarBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const point of points) {
    box[0] = Math.min(box[0], point[0]!);
    box[1] = Math.min(box[1], point[1]!);
    box[2] = Math.max(box[2], point[0]!);
    box[3] = Math.max(box[3], point[1]!);
  }
  return box;
}

/** The deepest point found so far; `consider` answers whether the search may stop (deeper than `enough`). */
function deepestPointSearch(tests: DepthTests, enough: number) {
  const best = { found: false, x: 0, y: 0, depth: 0 };
  return {
    best,
    consider(x: number, y: number): boolean {
      if (!tests.inBoth(x, y)) return false;
      const depth = tests.depth(x, y);
      if (!best.found || depth > best.depth) {
        best.found = true;
        best.x = x;
        best.y = y;
        best.depth = depth;
      }
      return best.depth > enough;
    },
  };
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
  const tests = preparedTests(site, zone) ?? plainTests(site, zone);
  const polygonalSite = site.type === "Polygon" || site.type === "MultiPolygon";
  const sitePoints = pointsOf(site);
  const siteBox = tests.siteBox ?? boxOf(sitePoints);
  const zoneBox = tests.zoneBox ?? boxOf(pointsOf(zone));
  const shared: PlanarBox = [
    Math.max(siteBox[0], zoneBox[0]),
    Math.max(siteBox[1], zoneBox[1]),
    Math.min(siteBox[2], zoneBox[2]),
    Math.min(siteBox[3], zoneBox[3]),
  ];
  if (shared[0] > shared[2] || shared[1] > shared[3]) return 0;
  const cell = Math.max(shared[2] - shared[0], shared[3] - shared[1]) / GRID || 1;

  // Points are visited without building an array per point: a 7 km site boundary gives hundreds per zone.
  const { best, consider } = deepestPointSearch(tests, enough);
  // First nine points inside the shared box: a zone lying within the site (most zones a large site overlaps) has none
  // of the site's vertices or boundary in it, and one of these is usually deeper than needed at once.
  if (polygonalSite) {
    for (const i of PROBES)
      for (const j of PROBES) if (consider(shared[0] + (shared[2] - shared[0]) * i, shared[1] + (shared[3] - shared[1]) * j)) return best.depth;
  }
  // Then the site's own vertices: cheap, and often already deep enough.
  for (const point of sitePoints) if (consider(point[0]!, point[1]!)) return best.depth;
  // Then points along its lines, no further apart than a cell.
  for (const line of linesOf(site)) {
    for (let index = 0; index + 1 < line.length; index++) {
      const [ax, ay] = line[index]!;
      const [bx, by] = line[index + 1]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(bx! - ax!, by! - ay!) / cell));
      for (let step = 0; step <= steps; step++) if (consider(ax! + ((bx! - ax!) * step) / steps, ay! + ((by! - ay!) * step) / steps)) return best.depth;
    }
  }
  if (polygonalSite) {
    for (let i = 0; i <= GRID; i++) {
      for (let j = 0; j <= GRID; j++) {
        if (consider(shared[0] + ((shared[2] - shared[0]) * i) / GRID, shared[1] + ((shared[3] - shared[1]) * j) / GRID)) return best.depth;
      }
    }
  }
  if (!best.found) return 0;
  return polygonalSite ? refine(best, cell, tests, enough) : best.depth;
}

/** Hill-climbs from the best sample with a shrinking step (only for areas: a line's or a point's own points were all sampled). */
function refine(start: { x: number; y: number; depth: number }, cell: number, tests: DepthTests, enough: number): number {
  let { x, y, depth: bestDepth } = start;
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
      const pointX = x + dx;
      const pointY = y + dy;
      if (!tests.inBoth(pointX, pointY)) continue;
      const depth = tests.depth(pointX, pointY);
      if (depth > bestDepth) {
        x = pointX;
        y = pointY;
        bestDepth = depth;
        moved = true;
      }
    }
    if (bestDepth > enough) break;
    if (!moved) step /= 2;
  }
  return bestDepth;
}
