import Flatbush from "flatbush";

/** One ring in planar metres, open (the closing edge from the last point back to the first is implied). */
export interface PlanarRing {
  part: number;
  ring: number;
  points: [number, number][];
}

export interface EdgeReference {
  part: number;
  ring: number;
  /** Edge k runs from point k to point k + 1 of the open ring (the last edge back to point 0). */
  edge: number;
}

export interface Crossing {
  /** Where the edges meet, in the same planar metres as the input. */
  point: [number, number];
  first: EdgeReference;
  second: EdgeReference;
  /** "cross": the edges pass through each other; "touch": a vertex lies on another edge; "overlap": collinear edges share a stretch. */
  kind: "cross" | "touch" | "overlap";
}

/** Closer than this (metres) counts as touching: far below survey precision, far above floating-point noise. */
const TOLERANCE_METRES = 1e-6;

interface Segment extends EdgeReference {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  ringSize: number;
}

function cross(ox: number, oy: number, ax: number, ay: number, bx: number, by: number): number {
  return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
}

/** Signed distance of (px, py) from the line through a→b, in metres. */
function sideDistance(segment: Segment, px: number, py: number): number {
  const length = Math.hypot(segment.bx - segment.ax, segment.by - segment.ay);
  return length === 0 ? Math.hypot(px - segment.ax, py - segment.ay) : cross(segment.ax, segment.ay, segment.bx, segment.by, px, py) / length;
}

function withinSegment(segment: Segment, px: number, py: number): boolean {
  const dx = segment.bx - segment.ax;
  const dy = segment.by - segment.ay;
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return Math.hypot(px - segment.ax, py - segment.ay) <= TOLERANCE_METRES;
  const t = ((px - segment.ax) * dx + (py - segment.ay) * dy) / lengthSquared;
  const slack = TOLERANCE_METRES / Math.sqrt(lengthSquared);
  return t >= -slack && t <= 1 + slack && Math.abs(sideDistance(segment, px, py)) <= TOLERANCE_METRES;
}

/** The key under which two touching rings are recorded, the same whichever is named first. */
export function contactKey(a: { part: number; ring: number }, b: { part: number; ring: number }): string {
  const first = `${a.part}/${a.ring}`;
  const second = `${b.part}/${b.ring}`;
  return first < second ? `${first}|${second}` : `${second}|${first}`;
}

function samePoint(ax: number, ay: number, bx: number, by: number): boolean {
  return Math.hypot(ax - bx, ay - by) <= TOLERANCE_METRES;
}

function intersect(s: Segment, t: Segment): { point: [number, number]; kind: Crossing["kind"] } | null {
  const d1 = sideDistance(s, t.ax, t.ay);
  const d2 = sideDistance(s, t.bx, t.by);
  const d3 = sideDistance(t, s.ax, s.ay);
  const d4 = sideDistance(t, s.bx, s.by);
  const collinear = Math.abs(d1) <= TOLERANCE_METRES && Math.abs(d2) <= TOLERANCE_METRES;
  if (collinear) {
    const shared: [number, number][] = [];
    if (withinSegment(s, t.ax, t.ay)) shared.push([t.ax, t.ay]);
    if (withinSegment(s, t.bx, t.by)) shared.push([t.bx, t.by]);
    if (withinSegment(t, s.ax, s.ay)) shared.push([s.ax, s.ay]);
    if (withinSegment(t, s.bx, s.by)) shared.push([s.bx, s.by]);
    if (shared.length === 0) return null;
    const distinct = shared.filter((point, index) => shared.findIndex((other) => samePoint(point[0], point[1], other[0], other[1])) === index);
    return { point: distinct[0]!, kind: distinct.length > 1 ? "overlap" : "touch" };
  }
  const straddles = (a: number, b: number): boolean => (a > TOLERANCE_METRES && b < -TOLERANCE_METRES) || (a < -TOLERANCE_METRES && b > TOLERANCE_METRES);
  if (straddles(d1, d2) && straddles(d3, d4)) {
    const t0 = d3 / (d3 - d4);
    return { point: [s.ax + t0 * (s.bx - s.ax), s.ay + t0 * (s.by - s.ay)], kind: "cross" };
  }
  for (const [px, py, segment] of [
    [t.ax, t.ay, s],
    [t.bx, t.by, s],
    [s.ax, s.ay, t],
    [s.bx, s.by, t],
  ] as const) {
    if (withinSegment(segment, px, py)) return { point: [px, py], kind: "touch" };
  }
  return null;
}

/**
 * Every place where the rings of one parcel meet themselves or each other, except at the shared vertex of
 * consecutive edges and single-point touches between different rings (OGC allows both). Such touches are
 * collected in `contacts` (ring keys "part/ring" joined by "|"), because a ring passing through another at a
 * vertex looks like a touch here and must then be checked point by point (see polygonValidity). Indexed with
 * Flatbush, so 200 000 vertices take well under a second.
 */
export function findSelfIntersections(rings: readonly PlanarRing[], limit = 1000, contacts?: Set<string>): Crossing[] {
  const segments: Segment[] = [];
  for (const ring of rings) {
    const size = ring.points.length;
    for (let index = 0; index < size; index++) {
      const a = ring.points[index]!;
      const b = ring.points[(index + 1) % size]!;
      segments.push({ part: ring.part, ring: ring.ring, edge: index, ax: a[0], ay: a[1], bx: b[0], by: b[1], ringSize: size });
    }
  }
  if (segments.length < 2) return [];
  const index = new Flatbush(segments.length);
  for (const segment of segments) {
    index.add(
      Math.min(segment.ax, segment.bx) - TOLERANCE_METRES,
      Math.min(segment.ay, segment.by) - TOLERANCE_METRES,
      Math.max(segment.ax, segment.bx) + TOLERANCE_METRES,
      Math.max(segment.ay, segment.by) + TOLERANCE_METRES,
    );
  }
  index.finish();

  const crossings: Crossing[] = [];
  for (let i = 0; i < segments.length && crossings.length < limit; i++) {
    const s = segments[i]!;
    const candidates = index.search(
      Math.min(s.ax, s.bx) - TOLERANCE_METRES,
      Math.min(s.ay, s.by) - TOLERANCE_METRES,
      Math.max(s.ax, s.bx) + TOLERANCE_METRES,
      Math.max(s.ay, s.by) + TOLERANCE_METRES,
      (j) => j > i,
    );
    candidates.sort((a, b) => a - b);
    for (const j of candidates) {
      const t = segments[j]!;
      const sameRing = s.part === t.part && s.ring === t.ring;
      const result = intersect(s, t);
      if (!result) continue;
      if (sameRing) {
        const gap = Math.abs(s.edge - t.edge);
        const adjacent = gap === 1 || gap === s.ringSize - 1;
        // Consecutive edges share a vertex by construction; only a fold back along the same line is wrong.
        if (adjacent && result.kind !== "overlap") continue;
        if (adjacent && s.ringSize <= 2) continue;
      } else if (result.kind === "touch") {
        contacts?.add(contactKey(s, t));
        continue;
      }
      crossings.push({
        point: result.point,
        first: { part: s.part, ring: s.ring, edge: s.edge },
        second: { part: t.part, ring: t.ring, edge: t.edge },
        kind: result.kind,
      });
      if (crossings.length >= limit) break;
    }
  }
  return crossings;
}
