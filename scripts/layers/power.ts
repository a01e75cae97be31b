/**
 * Power diagrams (weighted Voronoi) of sites in projected metres, clipped to a polygon: cells, areas,
 * shared edges, and "point p must lie in cell i" constraints (the fit is in powerFit.ts).
 *
 * The power of a point p with respect to site i is |p − s_i|² − w_i; cell i is where that is smallest.
 * Cell i is the intersection of the half-planes  2 p·(s_j − s_i) ≤ |s_j|² − |s_i|² + w_i − w_j  (j ≠ i),
 * so "p in cell i" is the linear difference constraint  w_i − w_j ≥ |p − s_i|² − |p − s_j|².
 */
import { clipRingByHalfPlane, polygonArea, type Point, type Ring } from "./geom";

export interface PowerSite {
  x: number;
  y: number;
}

/** A difference constraint w_i − w_j ≥ bound: `point` lies in cell i, `margin` metres from the bisector with j. */
export interface WeightConstraint {
  i: number;
  j: number;
  /** The bound for the sites the constraint was made with (it changes when a site moves). */
  bound: number;
  point: Point;
  margin: number;
  /** What it protects, for reports. */
  label: string;
}

/** Coefficients (a, b, c) of cell i's half-plane against site j: a·x + b·y ≤ c. */
export function halfPlane(sites: readonly PowerSite[], weights: readonly number[], i: number, j: number): [number, number, number] {
  const si = sites[i] as PowerSite;
  const sj = sites[j] as PowerSite;
  const a = 2 * (sj.x - si.x);
  const b = 2 * (sj.y - si.y);
  const c = sj.x * sj.x + sj.y * sj.y - (si.x * si.x + si.y * si.y) + (weights[i] as number) - (weights[j] as number);
  return [a, b, c];
}

/** Clip a ring to power cell i (area-exact; disconnected pieces come back bridged). */
export function clipToCell(ring: readonly Point[], sites: readonly PowerSite[], weights: readonly number[], i: number): Ring {
  let result: Ring = ring.map((point) => [point[0], point[1]] as Point);
  for (let j = 0; j < sites.length && result.length > 0; j++) {
    if (j === i) continue;
    const [a, b, c] = halfPlane(sites, weights, i, j);
    result = clipRingByHalfPlane(result, a, b, c);
  }
  return result;
}

export function cellAreas(ring: readonly Point[], sites: readonly PowerSite[], weights: readonly number[]): number[] {
  return sites.map((_, i) => polygonArea([clipToCell(ring, sites, weights, i)]));
}

/** The convex power cell of site i inside a bounding box [minX, minY, maxX, maxY]. */
export function convexCell(box: readonly [number, number, number, number], sites: readonly PowerSite[], weights: readonly number[], i: number): Ring {
  const [minX, minY, maxX, maxY] = box;
  const square: Ring = [
    [minX, minY],
    [maxX, minY],
    [maxX, maxY],
    [minX, maxY],
  ];
  return clipToCell(square, sites, weights, i);
}

/** Constraints that keep point p inside cell `owner` with a clearance of `margin` metres from every bisector. */
export function containmentConstraints(sites: readonly PowerSite[], owner: number, p: Point, margin: number, label: string): WeightConstraint[] {
  const si = sites[owner] as PowerSite;
  const constraints: WeightConstraint[] = [];
  sites.forEach((sj, j) => {
    if (j === owner) return;
    const distanceI = (p[0] - si.x) ** 2 + (p[1] - si.y) ** 2;
    const distanceJ = (p[0] - sj.x) ** 2 + (p[1] - sj.y) ** 2;
    const separation = Math.hypot(sj.x - si.x, sj.y - si.y);
    constraints.push({ i: owner, j, bound: distanceI - distanceJ + 2 * margin * separation, point: p, margin, label });
  });
  return constraints;
}

/** Signed clearance (m) of point p from the bisector of (i, j); positive when p is on i's side. */
export function bisectorClearance(sites: readonly PowerSite[], weights: readonly number[], i: number, j: number, p: Point): number {
  const si = sites[i] as PowerSite;
  const sj = sites[j] as PowerSite;
  const powerI = (p[0] - si.x) ** 2 + (p[1] - si.y) ** 2 - (weights[i] as number);
  const powerJ = (p[0] - sj.x) ** 2 + (p[1] - sj.y) ** 2 - (weights[j] as number);
  return (powerJ - powerI) / (2 * Math.hypot(sj.x - si.x, sj.y - si.y));
}

/** Enforce w_i − w_j ≥ bound by repeated symmetric corrections (a projection onto the difference constraints). */
export function projectWeights(weights: number[], constraints: readonly WeightConstraint[], passes = 500): number {
  let worst = 0;
  for (let pass = 0; pass < passes; pass++) {
    worst = 0;
    for (const constraint of constraints) {
      const violation = constraint.bound - ((weights[constraint.i] as number) - (weights[constraint.j] as number));
      if (violation > 0) {
        weights[constraint.i] = (weights[constraint.i] as number) + violation / 2;
        weights[constraint.j] = (weights[constraint.j] as number) - violation / 2;
        worst = Math.max(worst, violation);
      }
    }
    if (worst === 0) break;
  }
  return worst;
}

/** The part of cell i's boundary on its bisector with j: its length and first moment ∫ p dl (m²). */
export interface SharedEdge {
  length: number;
  moment: Point;
}

/**
 * Shared edges of the clipped cells, edges[i][j] for the boundary of cell i on its bisector with j. A change
 * δf_k(p) = δa_k·p + δc_k of the cells' affine functions moves that boundary by (δf_j − δf_i)/|a_j − a_i| towards j,
 * so the area derivatives are these lengths and moments divided by |a_j − a_i| = 2 d_ij.
 */
export function sharedEdges(ring: readonly Point[], sites: readonly PowerSite[], weights: readonly number[]): SharedEdge[][] {
  return sites.map((_, i) => {
    const cell = clipToCell(ring, sites, weights, i);
    return sites.map((__, j) => {
      const edge: SharedEdge = { length: 0, moment: [0, 0] };
      if (j === i) return edge;
      const [a, b, c] = halfPlane(sites, weights, i, j);
      const norm = Math.hypot(a, b);
      for (let k = 0; k < cell.length; k++) {
        const p = cell[k] as Point;
        const q = cell[(k + 1) % cell.length] as Point;
        const onP = Math.abs(a * p[0] + b * p[1] - c) / norm < 1e-6;
        const onQ = Math.abs(a * q[0] + b * q[1] - c) / norm < 1e-6;
        if (!onP || !onQ) continue;
        const length = Math.hypot(q[0] - p[0], q[1] - p[1]);
        edge.length += length;
        edge.moment = [edge.moment[0] + (length * (p[0] + q[0])) / 2, edge.moment[1] + (length * (p[1] + q[1])) / 2];
      }
      return edge;
    });
  });
}

/** Solve A x = b by Gaussian elimination with partial pivoting (small dense systems). */
export function solveLinear(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, index) => [...row, rhs[index] as number]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++)
      if (Math.abs((a[row] as number[])[column] as number) > Math.abs((a[pivot] as number[])[column] as number)) pivot = row;
    [a[column], a[pivot]] = [a[pivot] as number[], a[column] as number[]];
    const pivotRow = a[column] as number[];
    const pivotValue = pivotRow[column] as number;
    if (pivotValue === 0) throw new Error("singular system");
    for (let row = column + 1; row < n; row++) {
      const current = a[row] as number[];
      const factor = (current[column] as number) / pivotValue;
      if (factor === 0) continue;
      for (let k = column; k <= n; k++) current[k] = (current[k] as number) - factor * (pivotRow[k] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    const current = a[row] as number[];
    let sum = current[n] as number;
    for (let k = row + 1; k < n; k++) sum -= (current[k] as number) * (x[k] as number);
    x[row] = sum / (current[row] as number);
  }
  return x;
}
