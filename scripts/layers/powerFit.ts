/**
 * Fit a power diagram to target cell areas under "point p lies in cell i" constraints, moving the weights
 * and, if allowed, the generator points.
 *
 * Cell i is where f_i(p) = a_i·p + c_i is smallest (a_i = −2 s_i, c_i = |s_i|² − w_i: the power minus |p|²).
 * In (a, c) the area derivatives are edge lengths and moments (see sharedEdges) and a containment
 * constraint, f_j(p) − f_i(p) ≥ margin·|a_j − a_i|, has a convex feasible set. The fit is damped
 * Gauss–Newton (Levenberg–Marquardt) on Σ importance_i (A_i − T_i)² + stiffness Σ |s_i − home_i|², inside the
 * constraints by a log barrier (−μ Σ log slack, μ shrinking to nearly nothing): every iterate is strictly
 * feasible, so no constraint is ever broken. Deterministic.
 */
import type { Point } from "./geom";
import { cellAreas, projectWeights, sharedEdges, solveLinear, type PowerSite, type WeightConstraint } from "./power";

export interface FitOptions {
  /** Target area (m²) per site. */
  targets: readonly number[];
  /** Relative importance of each site's target (e.g. 1 for published areas, 0.002 for shares of the rest). */
  importance: readonly number[];
  constraints: readonly WeightConstraint[];
  iterations?: number;
  /** Stop when every important (importance ≥ 0.5) site is within this relative error (and the barrier is spent). */
  tolerance?: number;
  /**
   * Cost (m⁴ per m², i.e. squared m² of area per squared metre) of moving a generator away from its home;
   * undefined keeps the generators fixed and fits the weights only.
   */
  siteStiffness?: number;
  /** Where each generator is drawn back to (default: the given sites). */
  homes?: readonly PowerSite[];
  /** Weights to start from if they meet every constraint (default: zeros projected onto the constraints). */
  startWeights?: readonly number[];
}

export interface FitResult {
  sites: PowerSite[];
  weights: number[];
  areas: number[];
  iterations: number;
  /** Largest |A − T|/T over the important sites. */
  maxRelativeError: number;
  /** Largest amount (m) by which a point constraint's clearance falls short of its margin; 0 when all hold. */
  worstConstraintViolation: number;
}

/** Barrier weight (m⁴) at the start and at the end of the fit, and the factor it shrinks by per step. */
const BARRIER_START = 1e11;
const BARRIER_END = 1e4;
const BARRIER_DECAY = 0.3;
/** Marquardt damping: the diagonal of the normal equations is scaled by 1 + this. */
const DAMPING = 1e-4;

/** Parameters (a_x, a_y, c) of cell k at 3k, 3k+1, 3k+2. */
type Parameters = number[];

function toParameters(sites: readonly PowerSite[], weights: readonly number[]): Parameters {
  return sites.flatMap((site, k) => [-2 * site.x, -2 * site.y, site.x * site.x + site.y * site.y - (weights[k] as number)]);
}

function toSites(x: Parameters): { sites: PowerSite[]; weights: number[] } {
  const sites: PowerSite[] = [];
  const weights: number[] = [];
  for (let k = 0; 3 * k < x.length; k++) {
    const site = { x: -(x[3 * k] as number) / 2, y: -(x[3 * k + 1] as number) / 2 };
    sites.push(site);
    weights.push(site.x * site.x + site.y * site.y - (x[3 * k + 2] as number));
  }
  return { sites, weights };
}

/** Slack of a constraint in power units: f_j(p) − f_i(p) − margin·|a_j − a_i| (= 2 d_ij × (clearance − margin)). */
function slackOf(x: Parameters, constraint: WeightConstraint): number {
  const { i, j, point, margin } = constraint;
  const dx = (x[3 * j] as number) - (x[3 * i] as number);
  const dy = (x[3 * j + 1] as number) - (x[3 * i + 1] as number);
  return dx * point[0] + dy * point[1] + (x[3 * j + 2] as number) - (x[3 * i + 2] as number) - margin * Math.hypot(dx, dy);
}

/** The slack's gradient as (parameter index, value) pairs. */
function slackGradient(x: Parameters, constraint: WeightConstraint): Array<[number, number]> {
  const { i, j, point, margin } = constraint;
  const dx = (x[3 * j] as number) - (x[3 * i] as number);
  const dy = (x[3 * j + 1] as number) - (x[3 * i + 1] as number);
  const length = Math.hypot(dx, dy);
  const gx = point[0] - (margin * dx) / length;
  const gy = point[1] - (margin * dy) / length;
  return [
    [3 * j, gx],
    [3 * j + 1, gy],
    [3 * j + 2, 1],
    [3 * i, -gx],
    [3 * i + 1, -gy],
    [3 * i + 2, -1],
  ];
}

/** Clearance (m) a constraint's point has beyond its margin. */
function clearanceBeyondMargin(x: Parameters, constraint: WeightConstraint): number {
  const dx = (x[3 * constraint.j] as number) - (x[3 * constraint.i] as number);
  const dy = (x[3 * constraint.j + 1] as number) - (x[3 * constraint.i + 1] as number);
  return slackOf(x, constraint) / Math.hypot(dx, dy);
}

export function fitPowerDiagram(ring: readonly Point[], sites: readonly PowerSite[], options: FitOptions): FitResult {
  const { targets, importance, constraints, siteStiffness } = options;
  const iterations = options.iterations ?? 300;
  const tolerance = options.tolerance ?? 0.002;
  const homes = options.homes ?? sites;
  const n = sites.length;
  const sitesMove = siteStiffness !== undefined;
  const free = Array.from({ length: 3 * n }, (_, index) => index).filter((index) => sitesMove || index % 3 === 2);
  const important = (i: number) => (importance[i] as number) >= 0.5;
  const errorOf = (areas: readonly number[]) =>
    Math.max(0, ...areas.map((area, i) => (important(i) ? Math.abs(area - (targets[i] as number)) / (targets[i] as number) : 0)));
  const areaCost = (areas: readonly number[]) => areas.reduce((sum, area, i) => sum + (importance[i] as number) * (area - (targets[i] as number)) ** 2, 0);
  const homeCost = (x: Parameters) =>
    sitesMove
      ? (siteStiffness as number) *
        toSites(x).sites.reduce((sum, site, k) => sum + (site.x - (homes[k] as PowerSite).x) ** 2 + (site.y - (homes[k] as PowerSite).y) ** 2, 0)
      : 0;
  const barrier = (x: Parameters) => {
    let sum = 0;
    for (const constraint of constraints) {
      const slack = slackOf(x, constraint);
      if (!(slack > 0)) return Infinity;
      sum -= Math.log(slack);
    }
    return sum;
  };
  const areasOf = (x: Parameters) => {
    const current = toSites(x);
    return cellAreas(ring, current.sites, current.weights);
  };

  // Start strictly inside: weights projected onto the constraints with 10 m of extra clearance.
  const startWeights = sites.map(() => 0);
  projectWeights(
    startWeights,
    constraints.map((constraint) => {
      const si = sites[constraint.i] as PowerSite;
      const sj = sites[constraint.j] as PowerSite;
      return { ...constraint, bound: constraint.bound + 20 * Math.hypot(sj.x - si.x, sj.y - si.y) };
    }),
    5000,
  );
  let x = toParameters(sites, startWeights);
  if (options.startWeights) {
    const given = toParameters(sites, options.startWeights);
    if (Number.isFinite(barrier(given))) x = given;
  }
  let areas = areasOf(x);
  const result = (iteration: number): FitResult => ({
    ...toSites(x),
    areas,
    iterations: iteration,
    maxRelativeError: errorOf(areas),
    worstConstraintViolation: Math.max(0, ...constraints.map((constraint) => -clearanceBeyondMargin(x, constraint))),
  });
  if (!Number.isFinite(barrier(x))) return result(0);

  let mu = BARRIER_START;
  let iteration = 0;
  for (; iteration < iterations; iteration++) {
    if (mu <= BARRIER_END && errorOf(areas) < tolerance) break;
    const objective = areaCost(areas) + homeCost(x) + mu * barrier(x);
    const normal = Array.from({ length: 3 * n }, () => new Array<number>(3 * n).fill(0));
    const rhs = new Array<number>(3 * n).fill(0);
    const addRow = (gradient: ReadonlyArray<readonly [number, number]>, factor: number, residual: number) => {
      for (const [p, gp] of gradient) {
        rhs[p] = (rhs[p] as number) + factor * gp * residual;
        for (const [q, gq] of gradient) (normal[p] as number[])[q] = ((normal[p] as number[])[q] as number) + factor * gp * gq;
      }
    };
    const { sites: currentSites, weights: currentWeights } = toSites(x);
    const edges = sharedEdges(ring, currentSites, currentWeights);
    sites.forEach((_, i) => {
      // ∂A_i: −(L, M)/D on i's own parameters, +(L, M)/D on each neighbour's (D = |a_j − a_i|).
      const gradient = new Map<number, number>();
      const add = (index: number, value: number) => gradient.set(index, (gradient.get(index) ?? 0) + value);
      (edges[i] as Array<{ length: number; moment: Point }>).forEach((edge, j) => {
        if (edge.length === 0) return;
        const distance = Math.hypot((x[3 * j] as number) - (x[3 * i] as number), (x[3 * j + 1] as number) - (x[3 * i + 1] as number));
        const [mx, my] = [edge.moment[0] / distance, edge.moment[1] / distance];
        const l = edge.length / distance;
        add(3 * i, -mx);
        add(3 * i + 1, -my);
        add(3 * i + 2, -l);
        add(3 * j, mx);
        add(3 * j + 1, my);
        add(3 * j + 2, l);
      });
      addRow([...gradient], importance[i] as number, (targets[i] as number) - (areas[i] as number));
    });
    if (sitesMove)
      homes.forEach((home, k) => {
        // stiffness·|s − home|² = stiffness/4 · |a − a_home|².
        addRow([[3 * k, 1]], (siteStiffness as number) / 4, -2 * home.x - (x[3 * k] as number));
        addRow([[3 * k + 1, 1]], (siteStiffness as number) / 4, -2 * home.y - (x[3 * k + 1] as number));
      });
    for (const constraint of constraints) {
      // Newton terms of −μ log(slack): gradient −μ g/s, curvature μ g gᵀ/s².
      const slack = slackOf(x, constraint);
      addRow(slackGradient(x, constraint), mu / (slack * slack), slack);
    }
    const reduced = free.map((p) => free.map((q) => (normal[p] as number[])[q] as number));
    reduced.forEach((row, k) => (row[k] = (row[k] as number) * (1 + DAMPING) + 1e-12));
    const reducedStep = solveLinear(
      reduced,
      free.map((p) => rhs[p] as number),
    );
    const step = new Array<number>(3 * n).fill(0);
    free.forEach((p, k) => (step[p] = reducedStep[k] as number));
    let scale = 1;
    let improved = false;
    for (let attempt = 0; attempt < 30; attempt++) {
      const candidate = x.map((value, index) => value + scale * (step[index] as number));
      const candidateBarrier = barrier(candidate);
      if (Number.isFinite(candidateBarrier)) {
        const candidateAreas = areasOf(candidate);
        if (areaCost(candidateAreas) + homeCost(candidate) + mu * candidateBarrier < objective) {
          x = candidate;
          areas = candidateAreas;
          improved = true;
          break;
        }
      }
      scale /= 2;
    }
    if (!improved && mu <= BARRIER_END) break;
    mu = Math.max(BARRIER_END, mu * BARRIER_DECAY);
  }
  return result(iteration);
}
