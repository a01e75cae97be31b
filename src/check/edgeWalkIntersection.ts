import type { EdgeCrossing } from "./boundaryContact";
import { preparedContainsPoint, type PreparedPolygon } from "./preparedPolygon";

export interface IntersectionMeasures {
  squareMetres: number;
  perimeterMetres: number;
}

interface Accumulator {
  originX: number;
  originY: number;
  twiceArea: number;
  perimeter: number;
}

const firstEdgeOf = (crossing: EdgeCrossing): number => crossing.firstEdge;
const secondEdgeOf = (crossing: EdgeCrossing): number => crossing.secondEdge;

function addPiece(sum: Accumulator, side: number, px: number, py: number, qx: number, qy: number): void {
  sum.twiceArea += side * ((px - sum.originX) * (qy - sum.originY) - (qx - sum.originX) * (py - sum.originY));
  sum.perimeter += Math.hypot(qx - px, qy - py);
}

/**
 * Adds the pieces of `owner`'s boundary that lie inside `other`. Along a ring, inside and outside change only at a
 * crossing, so one point-in-polygon test per ring suffices. Returns false when a ring meets an odd number of
 * crossings — floating point disagreeing with itself — so the caller can hand the pair to the general clipper.
 */
function addBoundaryInside(owner: PreparedPolygon, other: PreparedPolygon, crossings: EdgeCrossing[], ownerIsFirst: boolean, sum: Accumulator): boolean {
  const edgeOf = ownerIsFirst ? firstEdgeOf : secondEdgeOf;
  const { edges } = owner;
  let next = 0;
  for (const ring of owner.rings) {
    const start = next;
    while (next < crossings.length && edgeOf(crossings[next]!) < ring.endEdge) next++;
    let inside = preparedContainsPoint(other, ring.firstX, ring.firstY);
    if (start === next) {
      if (inside) {
        sum.twiceArea += ring.orientedTwiceArea;
        sum.perimeter += ring.perimeter;
      }
      continue;
    }
    if ((next - start) % 2 !== 0) return false;
    let crossing = start;
    for (let edge = ring.firstEdge; edge < ring.endEdge; edge++) {
      let fromX = edges[edge * 4]!;
      let fromY = edges[edge * 4 + 1]!;
      while (crossing < next && edgeOf(crossings[crossing]!) === edge) {
        const { x, y } = crossings[crossing]!;
        if (inside) addPiece(sum, ring.side, fromX, fromY, x, y);
        inside = !inside;
        fromX = x;
        fromY = y;
        crossing++;
      }
      if (inside) addPiece(sum, ring.side, fromX, fromY, edges[edge * 4 + 2]!, edges[edge * 4 + 3]!);
    }
  }
  return true;
}

/**
 * Area and perimeter of the intersection of two simple polygons whose boundaries meet only in clean crossings, by
 * Green's theorem: the intersection's boundary is the first polygon's boundary inside the second plus the second's
 * inside the first, so summing those pieces' cross products gives the area without building the result polygon.
 * Returns null when the walk cannot be trusted; the caller then clips.
 */
export function edgeWalkIntersection(first: PreparedPolygon, second: PreparedPolygon, crossings: EdgeCrossing[]): IntersectionMeasures | null {
  const sum: Accumulator = { originX: first.box[0], originY: first.box[1], twiceArea: 0, perimeter: 0 };
  const alongFirst = [...crossings].sort((m, n) => m.firstEdge - n.firstEdge || m.alongFirst - n.alongFirst);
  if (!addBoundaryInside(first, second, alongFirst, true, sum)) return null;
  const alongSecond = [...crossings].sort((m, n) => m.secondEdge - n.secondEdge || m.alongSecond - n.alongSecond);
  if (!addBoundaryInside(second, first, alongSecond, false, sum)) return null;
  const squareMetres = sum.twiceArea / 2;
  if (squareMetres < -1e-6) return null;
  return { squareMetres: Math.max(0, squareMetres), perimeterMetres: sum.perimeter };
}
