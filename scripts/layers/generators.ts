/**
 * Generator points for the town power diagram. A power cell's bisector with a neighbour is perpendicular to
 * the line joining their generators, so weights alone can only keep two towns' known points apart if those
 * points are separated along that line: every point of town j must project beyond every point of town i
 * by more than the two clearances (the two "p in cell" bounds of a pair sum to ≤ 0 exactly then). Where the
 * seats' direction fails that, the pair of generators is turned about its midpoint (distance kept) to the
 * direction that separates the two point sets best. Deterministic: fixed scan, fixed pair order.
 */
import type { Point } from "./geom";
import type { PowerSite } from "./power";

const unit = (angle: number): Point => [Math.cos(angle), Math.sin(angle)];

/** min over q ∈ later of q·u − max over p ∈ earlier of p·u: the gap (m) between the two sets along u. */
export function separationAlong(earlier: readonly Point[], later: readonly Point[], u: Point): number {
  const project = (point: Point) => point[0] * u[0] + point[1] * u[1];
  return Math.min(...later.map(project)) - Math.max(...earlier.map(project));
}

/** The direction (radians, from +x) along which `later` lies beyond `earlier` by the widest gap, and that gap. */
export function bestSeparation(earlier: readonly Point[], later: readonly Point[]): { angle: number; gap: number } {
  // A coarse scan then two refinements; the gap is piecewise-sinusoidal in the angle, so this finds its maximum.
  let best = { angle: 0, gap: -Infinity };
  const scan = (from: number, to: number, steps: number) => {
    for (let step = 0; step <= steps; step++) {
      const angle = from + ((to - from) * step) / steps;
      const gap = separationAlong(earlier, later, unit(angle));
      if (gap > best.gap) best = { angle, gap };
    }
  };
  scan(-Math.PI, Math.PI, 3600);
  const coarse = (2 * Math.PI) / 3600;
  scan(best.angle - coarse, best.angle + coarse, 200);
  const fine = coarse / 100;
  scan(best.angle - fine, best.angle + fine, 200);
  return best;
}

export interface GeneratorMove {
  i: number;
  j: number;
  /** Gap (m) along the seats' direction, and along the chosen one. */
  gapBefore: number;
  gapAfter: number;
  /** Rotation of the pair (degrees, counter-clockwise). */
  turnDeg: number;
}

/**
 * Start from `seats` and turn each pair whose point sets are not at least `minGap` apart along the line of
 * its generators. Throws if some pair cannot be separated by any straight line with that gap.
 */
export function separateGenerators(
  seats: readonly PowerSite[],
  points: readonly (readonly Point[])[],
  minGap: number,
): { sites: PowerSite[]; moves: GeneratorMove[] } {
  const sites = seats.map((site) => ({ ...site }));
  const moves: GeneratorMove[] = [];
  const gapOf = (i: number, j: number) => {
    const si = sites[i] as PowerSite;
    const sj = sites[j] as PowerSite;
    const length = Math.hypot(sj.x - si.x, sj.y - si.y);
    return separationAlong(points[i] as Point[], points[j] as Point[], [(sj.x - si.x) / length, (sj.y - si.y) / length]);
  };
  for (let round = 0; round < 4 * sites.length; round++) {
    let worst: { i: number; j: number; gap: number } | null = null;
    for (let i = 0; i < sites.length; i++)
      for (let j = i + 1; j < sites.length; j++) {
        const gap = gapOf(i, j);
        if (gap < minGap && (!worst || gap < worst.gap)) worst = { i, j, gap };
      }
    if (!worst) return { sites, moves };
    const { i, j } = worst;
    const best = bestSeparation(points[i] as Point[], points[j] as Point[]);
    if (best.gap < minGap) throw new Error(`generators ${i} and ${j}: their points are at best ${best.gap.toFixed(0)} m apart (need ${minGap})`);
    const si = sites[i] as PowerSite;
    const sj = sites[j] as PowerSite;
    const half = Math.hypot(sj.x - si.x, sj.y - si.y) / 2;
    const middle: Point = [(si.x + sj.x) / 2, (si.y + sj.y) / 2];
    const [ux, uy] = unit(best.angle);
    const before = Math.atan2(sj.y - si.y, sj.x - si.x);
    sites[i] = { x: middle[0] - half * ux, y: middle[1] - half * uy };
    sites[j] = { x: middle[0] + half * ux, y: middle[1] + half * uy };
    let turn = ((best.angle - before) * 180) / Math.PI;
    if (turn > 180) turn -= 360;
    if (turn < -180) turn += 360;
    moves.push({ i, j, gapBefore: worst.gap, gapAfter: gapOf(i, j), turnDeg: turn });
  }
  throw new Error("generators: pairs keep conflicting");
}
