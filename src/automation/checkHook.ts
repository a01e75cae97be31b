import type { Feature } from "geojson";
import type { DataPackage } from "../layers/layerData";
import { createCheckEngine, type CheckEngine, type LayerNotChecked } from "../siteCheck/checkEngine";
import type { CheckReport, ParcelGeometry } from "../check/types";

declare module "./appHooks" {
  interface DazuTestHooks {
    /**
     * Checks a site (a GeoJSON geometry, or a Feature of one) the way the site check does (src/siteCheck/checkEngine):
     * the same layers (`context` layers skipped), in the check worker, large layers read by bbox from their
     * FlatGeobuf file; one that cannot be read is listed in `notChecked`. Resolves with JSON-safe data.
     */
    runCheck?(site: ParcelGeometry | Feature<ParcelGeometry>): Promise<CheckReport & { notChecked: LayerNotChecked[] }>;
    /**
     * Checks many sites through `workers` check engines, each with its own check worker, the sites dealt out in turn
     * to whichever engine is free; each engine's one-time preparation (layers sent to its worker, projected and
     * indexed) is done first and timed apart. For the benchmark of a batch.
     */
    runCheckBatch?(sites: ParcelGeometry[], workers: number): Promise<BatchCheckTiming>;
    /**
     * Checks many sites the way "check all" does: the batch runner over `workers` batch workers, each given the data
     * package and preparing its layers itself. Resolves with the wall time from start to the last answer, the
     * workers' preparation included, which is what an officer waits.
     */
    runPageBatch?(sites: ParcelGeometry[], workers: number): Promise<{ totalMs: number; checked: number; failed: number }>;
  }
}

export interface BatchCheckTiming {
  /** ms until every engine had checked one site (its layers prepared). */
  prepareMs: number;
  /** ms for the sites, after the preparation. */
  checkMs: number;
  sitesOverlapping: number;
  overlaps: number;
}

function isFeature(site: ParcelGeometry | Feature<ParcelGeometry>): site is Feature<ParcelGeometry> {
  return site.type === "Feature";
}

/**
 * Adds `runCheck` to `window.__dazuTest`, for browser tests and benchmarks of the check path. The checker, its
 * worker and the FlatGeobuf reader are loaded on the first call, so start-up pays nothing for it.
 */
export function installCheckTestHook(dataPackage: DataPackage): void {
  const hooks = window.__dazuTest;
  if (!hooks) return;
  let engine: CheckEngine | null = null;
  hooks.runCheck = async (site) => {
    engine ??= createCheckEngine(dataPackage, async () => (await import("../check/checkClient")).createParcelChecker());
    const { report, notChecked } = await engine.check(isFeature(site) ? site.geometry : site, {});
    return { ...report, notChecked };
  };
  hooks.runCheckBatch = async (sites, workers) => {
    const createChecker = async () => (await import("../check/checkClient")).createParcelChecker();
    const engines = Array.from({ length: Math.max(1, workers) }, () => createCheckEngine(dataPackage, createChecker));
    const prepareStart = performance.now();
    await Promise.all(engines.map((pooled) => pooled.check(sites[0]!, {})));
    const prepareMs = performance.now() - prepareStart;
    let next = 0;
    let sitesOverlapping = 0;
    let overlaps = 0;
    const checkStart = performance.now();
    await Promise.all(
      engines.map(async (pooled) => {
        while (next < sites.length) {
          const { report } = await pooled.check(sites[next++]!, {});
          const found = report.findings.reduce((sum, finding) => sum + finding.overlaps.length, 0);
          overlaps += found;
          if (found > 0) sitesOverlapping++;
        }
      }),
    );
    const checkMs = performance.now() - checkStart;
    return { prepareMs, checkMs, sitesOverlapping, overlaps };
  };
  hooks.runPageBatch = async (sites, workers) => {
    const [{ runBatch }, { createBatchWorker }] = await Promise.all([import("../siteCheck/batch/batchRunner"), import("../siteCheck/batch/batchCheckers")]);
    const start = performance.now();
    const run = await runBatch({ geometries: sites, createChecker: () => createBatchWorker(dataPackage, location.href), poolSize: workers });
    const totalMs = performance.now() - start;
    const results = run.type === "done" ? run.results : [];
    const failed = results.filter((result) => "failed" in result).length;
    return { totalMs, checked: results.length - failed, failed };
  };
}
