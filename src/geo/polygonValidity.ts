import { contactKey, findSelfIntersections, type Crossing, type PlanarRing } from "./selfIntersections";

type PlanarPoint = [number, number];

/** Closer than this (metres, or the input unit) to a ring's edge counts as on it; as in selfIntersections. */
const BOUNDARY_TOLERANCE = 1e-6;

/**
 * What makes a polygon or multipolygon invalid as an OGC simple feature, beyond a ring crossing itself:
 * two parts overlapping or nested (or sharing an edge), a hole not inside its shell, holes overlapping or nested.
 * `point` is a place in the problem (a vertex of one ring strictly inside the other, or where edges meet),
 * in the input's planar unit.
 */
export type NestingProblem =
  | { code: "overlapping-parts"; parts: [number, number]; point: PlanarPoint }
  | { code: "hole-outside-shell"; part: number; ring: number; point: PlanarPoint }
  | { code: "overlapping-holes"; part: number; rings: [number, number]; point: PlanarPoint };

export interface PolygonValidity {
  /** A ring crossing or touching itself (same ring only). */
  selfIntersections: Crossing[];
  /** One entry per pair of rings or parts in conflict. */
  nesting: NestingProblem[];
}

type Position = "inside" | "outside" | "boundary";

function onSegment(point: PlanarPoint, a: PlanarPoint, b: PlanarPoint): boolean {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return Math.hypot(point[0] - a[0], point[1] - a[1]) <= BOUNDARY_TOLERANCE;
  const t = Math.max(0, Math.min(1, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(point[0] - (a[0] + t * dx), point[1] - (a[1] + t * dy)) <= BOUNDARY_TOLERANCE;
}

/** Where a point lies relative to an open ring (the closing edge implied). */
export function pointInRing(point: PlanarPoint, ring: readonly PlanarPoint[]): Position {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (onSegment(point, a, b)) return "boundary";
    if (a[1] > point[1] !== b[1] > point[1] && point[0] < ((b[0] - a[0]) * (point[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside ? "inside" : "outside";
}

/** Where a point lies relative to a polygon: its shell minus its holes. */
function pointInPolygon(point: PlanarPoint, rings: readonly (readonly PlanarPoint[])[]): Position {
  const shell = pointInRing(point, rings[0]!);
  if (shell !== "inside") return shell;
  for (const hole of rings.slice(1)) {
    const inHole = pointInRing(point, hole);
    if (inHole === "boundary") return "boundary";
    if (inHole === "inside") return "outside";
  }
  return "inside";
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boxOf(ring: readonly PlanarPoint[]): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of ring) {
    if (x < box.minX) box.minX = x;
    if (y < box.minY) box.minY = y;
    if (x > box.maxX) box.maxX = x;
    if (y > box.maxY) box.maxY = y;
  }
  return box;
}

function boxesMeet(a: Box, b: Box): boolean {
  return (
    a.minX <= b.maxX + BOUNDARY_TOLERANCE &&
    b.minX <= a.maxX + BOUNDARY_TOLERANCE &&
    a.minY <= b.maxY + BOUNDARY_TOLERANCE &&
    b.minY <= a.maxY + BOUNDARY_TOLERANCE
  );
}

/** The ring's vertices, then its edge midpoints: an edge between two boundary points can still cut through. */
function* samplesOf(ring: readonly PlanarPoint[]): Generator<PlanarPoint> {
  yield* ring;
  for (let index = 0; index < ring.length; index++) {
    const a = ring[index]!;
    const b = ring[(index + 1) % ring.length]!;
    yield [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  }
}

/**
 * The first sample of `ring` whose position against `against` is `wanted`. Rings that do not touch lie wholly on
 * one side of each other (crossings are found separately), so the first sample off the boundary decides; rings
 * that touch are checked at every sample, since a ring may pass through the other at a shared vertex.
 */
function sampleWhere(ring: readonly PlanarPoint[], against: (point: PlanarPoint) => Position, wanted: Position, touching: boolean): PlanarPoint | undefined {
  for (const sample of samplesOf(ring)) {
    const position = against(sample);
    if (position === wanted) return sample;
    if (position !== "boundary" && !touching) return undefined;
  }
  return undefined;
}

/**
 * Validates polygons given as parts → rings → open planar rings (ring 0 the shell), as GEOS does for OGC simple
 * features: rings do not cross (touching at points is allowed between rings), holes lie inside their shell and
 * outside each other, parts are disjoint except at points. A part inside another's hole is allowed.
 */
export function polygonValidity(parts: readonly (readonly PlanarPoint[][])[]): PolygonValidity {
  const planarRings: PlanarRing[] = parts.flatMap((rings, part) => rings.map((points, ring) => ({ part, ring, points })));
  const contacts = new Set<string>();
  const crossings = findSelfIntersections(planarRings, 1000, contacts);
  const selfIntersections = crossings.filter((crossing) => crossing.first.part === crossing.second.part && crossing.first.ring === crossing.second.ring);
  const nesting: NestingProblem[] = [];
  const reported = new Set<string>();
  const report = (problem: NestingProblem, key: string): void => {
    if (reported.has(key)) return;
    reported.add(key);
    nesting.push(problem);
  };
  for (const crossing of crossings) {
    const { first, second } = crossing;
    if (first.part === second.part && first.ring === second.ring) continue;
    if (first.part !== second.part) {
      const pair: [number, number] = [Math.min(first.part, second.part), Math.max(first.part, second.part)];
      report({ code: "overlapping-parts", parts: pair, point: crossing.point }, `parts ${pair.join("/")}`);
    } else if (first.ring === 0 || second.ring === 0) {
      const hole = Math.max(first.ring, second.ring);
      report({ code: "hole-outside-shell", part: first.part, ring: hole, point: crossing.point }, `hole ${first.part}/${hole}`);
    } else {
      const rings: [number, number] = [Math.min(first.ring, second.ring), Math.max(first.ring, second.ring)];
      report({ code: "overlapping-holes", part: first.part, rings, point: crossing.point }, `holes ${first.part}/${rings.join("/")}`);
    }
  }

  const boxes = parts.map((rings) => rings.map(boxOf));
  const touch = (a: { part: number; ring: number }, b: { part: number; ring: number }): boolean => contacts.has(contactKey(a, b));
  for (const [part, rings] of parts.entries()) {
    const shell = rings[0]!;
    for (let hole = 1; hole < rings.length; hole++) {
      const key = `hole ${part}/${hole}`;
      if (reported.has(key)) continue;
      const outside = sampleWhere(rings[hole]!, (point) => pointInRing(point, shell), "outside", touch({ part, ring: 0 }, { part, ring: hole }));
      if (outside) report({ code: "hole-outside-shell", part, ring: hole, point: outside }, key);
    }
    for (let a = 1; a < rings.length; a++) {
      for (let b = a + 1; b < rings.length; b++) {
        const key = `holes ${part}/${a}/${b}`;
        if (reported.has(key) || !boxesMeet(boxes[part]![a]!, boxes[part]![b]!)) continue;
        const touching = touch({ part, ring: a }, { part, ring: b });
        const inside =
          sampleWhere(rings[a]!, (point) => pointInRing(point, rings[b]!), "inside", touching) ??
          sampleWhere(rings[b]!, (point) => pointInRing(point, rings[a]!), "inside", touching);
        if (inside) report({ code: "overlapping-holes", part, rings: [a, b], point: inside }, key);
      }
    }
  }
  for (let a = 0; a < parts.length; a++) {
    for (let b = a + 1; b < parts.length; b++) {
      const key = `parts ${a}/${b}`;
      if (reported.has(key) || !boxesMeet(boxes[a]![0]!, boxes[b]![0]!)) continue;
      const touching = parts[a]!.some((_, ringA) => parts[b]!.some((__, ringB) => touch({ part: a, ring: ringA }, { part: b, ring: ringB })));
      const inside =
        sampleWhere(parts[a]![0]!, (point) => pointInPolygon(point, parts[b]!), "inside", touching) ??
        sampleWhere(parts[b]![0]!, (point) => pointInPolygon(point, parts[a]!), "inside", touching);
      if (inside) report({ code: "overlapping-parts", parts: [a, b], point: inside }, key);
    }
  }
  return { selfIntersections, nesting };
}

/** Twice the signed area of an open ring (shoelace); positive when counter-clockwise. */
function signedArea2(ring: readonly PlanarPoint[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return sum;
}

/**
 * Groups rings into polygons by containment, as GDAL's organizePolygons does for Shapefiles: a ring inside an odd
 * number of other rings is a hole of the smallest ring containing it, whatever its winding; the others are shells.
 * Rings may be open or closed, in any planar unit (degrees or metres, either axis order). Returns ring indices.
 */
export function organiseRingsByContainment(rings: readonly (readonly PlanarPoint[])[]): number[][] {
  const areas = rings.map((ring) => Math.abs(signedArea2(ring)));
  const boxes = rings.map(boxOf);
  const containers = rings.map((ring, index) =>
    rings
      .map((_, other) => other)
      .filter((other) => {
        if (other === index || areas[other]! <= areas[index]! || !boxesMeet(boxes[other]!, boxes[index]!)) return false;
        for (const point of ring) {
          const position = pointInRing(point, rings[other]!);
          if (position !== "boundary") return position === "inside";
        }
        return false;
      }),
  );
  const depth = containers.map((list) => list.length);
  const polygons = new Map<number, number[]>();
  for (const [index] of rings.entries()) if (depth[index]! % 2 === 0) polygons.set(index, [index]);
  for (const [index] of rings.entries()) {
    if (depth[index]! % 2 === 0) continue;
    const shell = containers[index]!.filter((other) => depth[other] === depth[index]! - 1).sort((a, b) => areas[a]! - areas[b]!)[0];
    if (shell === undefined) polygons.set(index, [index]);
    else polygons.get(shell)!.push(index);
  }
  return [...polygons.values()];
}
