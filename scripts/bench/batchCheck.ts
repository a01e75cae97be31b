import { checkParcel } from "../../src/check/checkParcel";
import type { CheckLayer } from "../../src/check/types";
import type { BenchTable } from "./postgisComparison";
import { benchmarkParcels } from "./syntheticLayers";

/**
 * A batch — a land-supply plan's parcels — checked one after another through checkParcel against an already
 * prepared layer, on one thread: the total wall time, and how many sites overlapped anything (so the batch is
 * known to do real work).
 */
export function benchBatchCheck(table: BenchTable, layers: CheckLayer[], count: number, label: string): void {
  const sites = benchmarkParcels(count, 2023);
  const start = performance.now();
  let overlapping = 0;
  let overlaps = 0;
  for (const site of sites) {
    const report = checkParcel(site, layers);
    const found = report.findings.reduce((sum, finding) => sum + finding.overlaps.length, 0);
    overlaps += found;
    if (found > 0) overlapping++;
  }
  const totalMs = performance.now() - start;
  table.rows.push([
    `batch: ${count} sites against ${label} polygons, one thread (ms), target ≤ 10 000`,
    "10000",
    totalMs.toFixed(0),
    (totalMs / 10_000).toFixed(2),
  ]);
  table.rows.push([`  sites overlapping a feature / overlaps found`, "", `${overlapping} / ${overlaps}`, ""]);
  // The headline batch_…_ms is the page's (scripts/bench/browser.ts); this is the same batch in Node, one thread.
  table.results[`batch_node_${count}x${label}_ms`] = Math.round(totalMs);
}
