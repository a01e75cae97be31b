/**
 * Power diagrams (weighted Voronoi) of sites in projected metres, clipped to a polygon, and an iterative
 * weight fit that matches target areas under "point p must lie in cell i" constraints.
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

/** A difference constraint w_i − w_j ≥ bound. */
export interface WeightConstraint {
  i: number;
  j: number;
  bound: number;
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
    constraints.push({ i: owner, j, bound: distanceI - distanceJ + 2 * margin * separation, label });
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

export interface FitOptions {
  /** Target area (m²) per site. */
  targets: readonly number[];
  /** Relative importance of each site's target (e.g. 1 for published areas, 0.02 for shares of the rest). */
  importance: readonly number[];
  constraints: readonly WeightConstraint[];
  iterations?: number;
  /** Stop when every important (importance ≥ 0.5) site is within this relative error and no constraint is violated. */
  tolerance?: number;
}

export interface FitResult {
  weights: number[];
  areas: number[];
  iterations: number;
  /** Largest |A − T|/T over the important sites. */
  maxRelativeError: number;
  worstConstraintViolation: number;
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

/**
 * Shared-edge coupling of the clipped cells: coupling[i][j] = L_ij / (2 d_ij), where L_ij is the length
 * of cell i's edge on its bisector with j. Then ∂A_i/∂w_j = −coupling[i][j] (j ≠ i) and ∂A_i/∂w_i = Σ_j coupling[i][j].
 */
export function edgeCoupling(ring: readonly Point[], sites: readonly PowerSite[], weights: readonly number[]): number[][] {
  return sites.map((_, i) => {
    const cell = clipToCell(ring, sites, weights, i);
    return sites.map((__, j) => {
      if (j === i) return 0;
      const [a, b, c] = halfPlane(sites, weights, i, j);
      const norm = Math.hypot(a, b);
      let length = 0;
      for (let k = 0; k < cell.length; k++) {
        const p = cell[k] as Point;
        const q = cell[(k + 1) % cell.length] as Point;
        const onP = Math.abs(a * p[0] + b * p[1] - c) / norm < 1e-6;
        const onQ = Math.abs(a * q[0] + b * q[1] - c) / norm < 1e-6;
        if (onP && onQ) length += Math.hypot(q[0] - p[0], q[1] - p[1]);
      }
      return length / norm;
    });
  });
}

/** Solve A x = b by Gaussian elimination with partial pivoting (small dense systems). */
export function solveLinear(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, index) => [...row, rhs[index] as number]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs((a[row] as number[])[column] as number) > Math.abs((a[pivot] as number[])[column] as number)) pivot = row;
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

/**
 * Fit weights so cell areas meet their targets: damped Gauss–Newton (Levenberg–Marquardt) on
 * Σ importance_i (A_i − T_i)², with the analytic Jacobian from shared edges. The containment constraints
 * are kept by an active set (constraints a step would break become heavily weighted equality rows, and
 * the step is re-solved) and by projection inside a backtracking line search. Deterministic.
 */
export function fitPowerDiagram(ring: readonly Point[], sites: readonly PowerSite[], options: FitOptions): FitResult {
  const { targets, importance, constraints } = options;
  const iterations = options.iterations ?? 300;
  const tolerance = options.tolerance ?? 0.002;
  const n = sites.length;
  const penalty = 1e6;
  // Aim slightly inside each constraint (an extra 10 m of clearance) so the final projection is a no-op.
  const aimed = constraints.map((constraint) => {
    const si = sites[constraint.i] as PowerSite;
    const sj = sites[constraint.j] as PowerSite;
    return { ...constraint, bound: constraint.bound + 20 * Math.hypot(sj.x - si.x, sj.y - si.y) };
  });
  const important = (i: number) => (importance[i] as number) >= 0.5;
  const errorOf = (candidate: readonly number[]) =>
    Math.max(...candidate.map((area, i) => (important(i) ? Math.abs(area - (targets[i] as number)) / (targets[i] as number) : 0)));
  const cost = (candidateAreas: readonly number[]) =>
    candidateAreas.reduce((sum, area, i) => sum + (importance[i] as number) * (area - (targets[i] as number)) ** 2, 0);
  const slackOf = (candidate: readonly number[], constraint: WeightConstraint) =>
    (candidate[constraint.i] as number) - (candidate[constraint.j] as number) - constraint.bound;

  let weights = sites.map(() => 0);
  projectWeights(weights, aimed);
  let areas = cellAreas(ring, sites, weights);
  let currentCost = cost(areas);
  let iteration = 0;
  for (; iteration < iterations; iteration++) {
    if (errorOf(areas) < tolerance) break;
    const coupling = edgeCoupling(ring, sites, weights);
    const areaRows: Array<{ gradient: Map<number, number>; residual: number; factor: number }> = sites.map((_, i) => {
      const gradient = new Map<number, number>();
      let diagonal = 0;
      (coupling[i] as number[]).forEach((value, j) => {
        if (value === 0) return;
        gradient.set(j, -value);
        diagonal += value;
      });
      gradient.set(i, diagonal);
      return { gradient, residual: (targets[i] as number) - (areas[i] as number), factor: importance[i] as number };
    });
    const active = new Set<number>();
    let step: number[] = [];
    for (let round = 0; round < 8; round++) {
      const rows = [...areaRows];
      for (const index of active) {
        const constraint = aimed[index] as WeightConstraint;
        // Δw_i − Δw_j may not go below −slack: hold it at the bound.
        rows.push({ gradient: new Map([[constraint.i, 1], [constraint.j, -1]]), residual: -slackOf(weights, constraint), factor: penalty });
      }
      const normal = sites.map(() => new Array<number>(n).fill(0));
      const rhs = new Array<number>(n).fill(0);
      for (const row of rows)
        for (const [p, gp] of row.gradient) {
          rhs[p] = (rhs[p] as number) + row.factor * gp * row.residual;
          for (const [q, gq] of row.gradient) (normal[p] as number[])[q] = ((normal[p] as number[])[q] as number) + row.factor * gp * gq;
        }
      const areaTrace = areaRows.reduce((sum, row) => sum + row.factor * [...row.gradient.values()].reduce((s2, g) => s2 + g * g, 0), 0);
      normal.forEach((row, p) => (row[p] = (row[p] as number) + (1e-4 * areaTrace) / n));
      step = solveLinear(normal, rhs);
      const trial = weights.map((weight, i) => weight + (step[i] as number));
      let added = false;
      aimed.forEach((constraint, index) => {
        if (!active.has(index) && slackOf(trial, constraint) < 0) {
          active.add(index);
          added = true;
        }
      });
      if (!added) break;
    }
    let scale = 1;
    let improved = false;
    for (let attempt = 0; attempt < 20; attempt++) {
      const candidate = weights.map((weight, i) => weight + scale * (step[i] as number));
      projectWeights(candidate, aimed);
      const candidateAreas = cellAreas(ring, sites, candidate);
      const candidateCost = cost(candidateAreas);
      if (candidateCost < currentCost) {
        weights = candidate;
        areas = candidateAreas;
        currentCost = candidateCost;
        improved = true;
        break;
      }
      scale /= 2;
    }
    if (!improved) break;
  }
  const worstConstraintViolation = projectWeights(weights, constraints);
  areas = cellAreas(ring, sites, weights);
  return { weights, areas, iterations: iteration, maxRelativeError: errorOf(areas), worstConstraintViolation };
}
