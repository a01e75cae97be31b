import { orientation, type PreparedPolygon } from "./preparedPolygon";

/** A proper crossing of edge `firstEdge` of the first polygon with edge `secondEdge` of the second, at (x, y). */
export interface EdgeCrossing {
  firstEdge: number;
  secondEdge: number;
  /** Where the crossing lies along each edge, 0 at its start and 1 at its end. */
  alongFirst: number;
  alongSecond: number;
  x: number;
  y: number;
}

export interface BoundaryContact {
  /** The boundaries cross or touch somewhere (the test planarDistance makes). */
  meet: boolean;
  /** Some meeting is not a clean crossing of two edge interiors: a shared vertex, a vertex on an edge, a shared stretch. */
  degenerate: boolean;
  crossings: EdgeCrossing[];
  /** Least distance between the two boundaries: 0 when they meet, exact when within `reach`, else Infinity. */
  distance: number;
}

/** Same formula and operation order as geo/planar's pointSegmentDistance (on numbers, not arrays, in this hot loop), so distances agree to the bit. */
function pointSegmentDistance(px: number, py: number, sx: number, sy: number, ex: number, ey: number): number {
  const dx = ex - sx;
  const dy = ey - sy;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - sx) * dx + (py - sy) * dy) / lengthSquared));
  return Math.hypot(px - (sx + t * dx), py - (sy + t * dy));
}

/**
 * How two polygon boundaries meet, looking only at edge pairs whose boxes lie within `reach` of each other: the
 * first polygon's edges near the second's box, then for each the second's edges near it (through its R-tree when it
 * has one). Pairs farther apart than `reach` can neither meet nor set a distance within `reach`.
 */
export function boundaryContact(first: PreparedPolygon, second: PreparedPolygon, reach: number): BoundaryContact {
  const contact: BoundaryContact = { meet: false, degenerate: false, crossings: [], distance: Infinity };
  const minX = second.box[0] - reach;
  const minY = second.box[1] - reach;
  const maxX = second.box[2] + reach;
  const maxY = second.box[3] + reach;
  const near = first.index ? first.index.search(minX, minY, maxX, maxY) : null;
  const nearCount = near ? near.length : first.edgeCount;
  const a = first.edges;
  const b = second.edges;
  for (let position = 0; position < nearCount; position++) {
    const edge = near ? near[position]! : position;
    const ax = a[edge * 4]!;
    const ay = a[edge * 4 + 1]!;
    const bx = a[edge * 4 + 2]!;
    const by = a[edge * 4 + 3]!;
    if (!near && (Math.max(ax, bx) < minX || Math.min(ax, bx) > maxX || Math.max(ay, by) < minY || Math.min(ay, by) > maxY)) continue;
    const edgeMinX = Math.min(ax, bx) - reach;
    const edgeMinY = Math.min(ay, by) - reach;
    const edgeMaxX = Math.max(ax, bx) + reach;
    const edgeMaxY = Math.max(ay, by) + reach;
    const others = second.index ? second.index.search(edgeMinX, edgeMinY, edgeMaxX, edgeMaxY) : null;
    const otherCount = others ? others.length : second.edgeCount;
    for (let otherPosition = 0; otherPosition < otherCount; otherPosition++) {
      const other = others ? others[otherPosition]! : otherPosition;
      const cx = b[other * 4]!;
      const cy = b[other * 4 + 1]!;
      const dx = b[other * 4 + 2]!;
      const dy = b[other * 4 + 3]!;
      if (!others && (Math.max(cx, dx) < edgeMinX || Math.min(cx, dx) > edgeMaxX || Math.max(cy, dy) < edgeMinY || Math.min(cy, dy) > edgeMaxY)) continue;
      const o1 = orientation(ax, ay, bx, by, cx, cy);
      const o2 = orientation(ax, ay, bx, by, dx, dy);
      const o3 = orientation(cx, cy, dx, dy, ax, ay);
      const o4 = orientation(cx, cy, dx, dy, bx, by);
      const s1 = Math.sign(o1);
      const s2 = Math.sign(o2);
      const s3 = Math.sign(o3);
      const s4 = Math.sign(o4);
      if (s1 !== s2 && s3 !== s4) {
        contact.meet = true;
        contact.distance = 0;
        if (s1 * s2 < 0 && s3 * s4 < 0) {
          const alongFirst = o3 / (o3 - o4);
          contact.crossings.push({
            firstEdge: edge,
            secondEdge: other,
            alongFirst,
            alongSecond: o1 / (o1 - o2),
            x: ax + alongFirst * (bx - ax),
            y: ay + alongFirst * (by - ay),
          });
        } else {
          contact.degenerate = true;
        }
        continue;
      }
      if (
        s1 === 0 &&
        s2 === 0 &&
        Math.max(ax, bx) >= Math.min(cx, dx) &&
        Math.max(cx, dx) >= Math.min(ax, bx) &&
        Math.max(ay, by) >= Math.min(cy, dy) &&
        Math.max(cy, dy) >= Math.min(ay, by)
      ) {
        // Collinear edges sharing a stretch: planarDistance finds 0 through the vertex distances below.
        contact.degenerate = true;
      }
      if (contact.meet) continue;
      const distance = Math.min(
        pointSegmentDistance(ax, ay, cx, cy, dx, dy),
        pointSegmentDistance(bx, by, cx, cy, dx, dy),
        pointSegmentDistance(cx, cy, ax, ay, bx, by),
        pointSegmentDistance(dx, dy, ax, ay, bx, by),
      );
      if (distance < contact.distance) contact.distance = distance;
    }
  }
  if (contact.distance > reach) contact.distance = Infinity;
  return contact;
}
