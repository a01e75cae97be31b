import { existsSync, readdirSync, readFileSync } from "node:fs";
import { benchLayer } from "./bench/benchLayer";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import type { Feature, Geometry } from "geojson";
import { checkParcel } from "../src/check/checkParcel";
import type { CheckLayer } from "../src/check/types";
import type { Manifest } from "../src/layers/manifestTypes";
import { benchBrowser, benchBrowserBatch } from "./bench/browser";
import { benchFlatGeobufCheck } from "./bench/flatgeobufCheck";
import { naiveOverlapCheck } from "./bench/naiveCheck";
import { benchBatchCheck } from "./bench/batchCheck";
import { startPostgisCluster, type ClusterStart } from "./bench/postgisCluster";
import { compareWithPostgis } from "./bench/postgisComparison";
import { WARM_UP_RUNS } from "./bench/postgisPeer";
import { benchmarkParcel, syntheticPolygons } from "./bench/syntheticLayers";

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// No forced GC between runs: after a full collection the check's allocations cost more (235 against 175 ms at
// 100k), which would time the collector, not the check. `--expose-gc` serves the memory rows only.
function timeRuns(runs: number, body: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  return median(times);
}

const officialLayer = benchLayer({
  id: "official-blocks",
  title: { zh: "官方地块", en: "Official blocks" },
  group: "mining",
  file: "layers/official.geojson",
  geometryQuality: "official",
  qualityNote: { zh: "官方", en: "Official" },
});

const results: Record<string, number> = {};
const rows: string[][] = [["measure", "baseline", "ours", "ratio"]];

function benchCheckAtScale(count: number, peer: ClusterStart | null): void {
  // Earlier sections' garbage is collected first, so each scale starts from the heap a fresh process would have.
  (globalThis as { gc?: () => void }).gc?.();
  const features = syntheticPolygons(count, 20, count);
  const parcel = benchmarkParcel(200);
  const layers: CheckLayer[] = [{ definition: officialLayer, features: features as Feature<Geometry>[] }];
  const prepareStart = performance.now();
  const first = checkParcel(parcel, layers);
  const prepareMs = performance.now() - prepareStart;
  // The layer's preparation is kept, as a page keeps it between checks; the site is a new object each run, so its
  // projection and edge index are timed every time, as PostGIS transforms the site in every query.
  // Untimed checks of new sites first (as many as PostGIS gets, WARM_UP_RUNS), so the check's code is compiled, as
  // PostGIS's is; the first nine checks after the preparation are reported too.
  const sites = Array.from({ length: WARM_UP_RUNS + 9 }, () => structuredClone(parcel));
  let run = 0;
  const earlyMs = timeRuns(9, () => checkParcel(sites[run++]!, layers));
  for (; run < WARM_UP_RUNS; run++) checkParcel(sites[run]!, layers);
  const indexedMs = timeRuns(9, () => checkParcel(sites[run++]!, layers));
  const naiveRuns = count >= 100_000 ? 3 : 5;
  let naiveHits: Array<{ id: string; squareMetres: number }> = [];
  const naiveMs = timeRuns(naiveRuns, () => {
    naiveHits = naiveOverlapCheck(parcel, features);
  });
  const ours = first.findings[0]!.overlaps.filter((overlap) => overlap.tolerance !== "touches");
  const sameIds = JSON.stringify(ours.map((overlap) => overlap.featureId).sort()) === JSON.stringify(naiveHits.map((hit) => hit.id).sort());
  const areasAgree = ours.every((overlap) => {
    const naive = naiveHits.find((hit) => hit.id === overlap.featureId);
    return naive !== undefined && Math.abs(naive.squareMetres - overlap.overlapSquareMetres) / naive.squareMetres < 0.005;
  });
  const label = count >= 1000 ? `${count / 1000}k` : String(count);
  rows.push([`check ${label} polygons (ms, median)`, naiveMs.toFixed(2), indexedMs.toFixed(2), `${(naiveMs / indexedMs).toFixed(1)}×`]);
  rows.push([`  first check incl. projecting + indexing (ms)`, naiveMs.toFixed(2), prepareMs.toFixed(2), `${(naiveMs / prepareMs).toFixed(1)}×`]);
  rows.push([`  checks 2–10, before the check's code is compiled (ms, median)`, "", earlyMs.toFixed(2), ""]);
  rows.push([`  same features as baseline (${ours.length})`, "", "", sameIds && areasAgree ? "yes" : "NO"]);
  results[`check_speedup_${label}`] = Number((naiveMs / indexedMs).toFixed(1));
  if (!sameIds || !areasAgree) results[`check_mismatch_${label}`] = 1;
  if (peer && "cluster" in peer && count >= 10_000) {
    try {
      compareWithPostgis({ rows, results }, peer, label, features, parcel, { medianMs: indexedMs, overlaps: first.findings[0]!.overlaps });
    } catch (error) {
      rows.push([`check ${label} vs PostGIS`, "", `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, ""]);
    }
  }
  if (count >= 100_000) benchBatchCheck({ rows, results }, layers, 1000, label);
}

/** PostGIS as the peer, in a throwaway cluster of its own, or the reason it is skipped. */
function startPeer(): ClusterStart {
  try {
    const started = startPostgisCluster();
    if ("skipped" in started) rows.push(["PostGIS peer", "", `skipped: ${started.skipped}`, ""]);
    return started;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    rows.push(["PostGIS peer", "", `failed to start: ${reason}`, ""]);
    return { skipped: reason };
  }
}

function benchMemory(): void {
  const globalWithGc = globalThis as { gc?: () => void };
  globalWithGc.gc?.();
  const before = process.memoryUsage().heapUsed;
  const features = syntheticPolygons(100_000, 20, 42);
  const layers: CheckLayer[] = [{ definition: officialLayer, features: features as Feature<Geometry>[] }];
  checkParcel(benchmarkParcel(200), layers);
  globalWithGc.gc?.();
  const perFeature = (process.memoryUsage().heapUsed - before) / 100_000;
  rows.push(["Node heap per feature, 100k layer loaded + indexed (bytes)", "", perFeature.toFixed(0), ""]);
  results.node_heap_bytes_per_feature = Math.round(perFeature);
}

function gzipKilobytes(path: string): number {
  return gzipSync(readFileSync(path)).length / 1024;
}

async function benchBundle(): Promise<void> {
  const distDir = join(rootDir, "dist");
  // Built here, so the sizes are those of the source being measured, never of an older dist/.
  await build({ root: rootDir, logLevel: "warn" });
  if (!existsSync(join(distDir, "index.html"))) {
    rows.push(["bundle", "", "build failed", ""]);
    return;
  }
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const jsKb = initial.filter((file) => file.endsWith(".js")).reduce((sum, file) => sum + gzipKilobytes(join(distDir, file)), 0);
  const cssKb = initial.filter((file) => file.endsWith(".css")).reduce((sum, file) => sum + gzipKilobytes(join(distDir, file)), 0);
  rows.push(["initial JS gzip (KB), target ≤ 350", "350", jsKb.toFixed(1), (jsKb / 350).toFixed(2)]);
  rows.push(["initial CSS gzip (KB)", "", cssKb.toFixed(1), ""]);
  // Everything else in assets/ loads only when asked for (a dynamic import, a worker) — list it by size.
  const lazy = readdirSync(join(distDir, "assets"))
    .filter((file) => file.endsWith(".js") && !initial.includes(`assets/${file}`))
    .map((file) => ({ file, kb: gzipKilobytes(join(distDir, "assets", file)) }))
    .sort((a, b) => b.kb - a.kb);
  for (const { file, kb } of lazy) rows.push([`  lazy chunk ${file} (gzip KB)`, "", kb.toFixed(1), ""]);
  results.lazy_js_gzip_kb = Number(lazy.reduce((sum, { kb }) => sum + kb, 0).toFixed(1));
  results.js_gzip_kb = Number(jsKb.toFixed(1));
  results.css_gzip_kb = Number(cssKb.toFixed(1));
  const manifestPath = join(rootDir, "geodata", "manifest.json");
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    // Large (display + check) layers are read piecewise on demand, so only GeoJSON files load at start-up.
    const files = [...new Set(manifest.layers.flatMap((layer) => (layer.file ? [layer.file] : [])))];
    const geodataKb = files.reduce((sum, file) => sum + gzipKilobytes(join(rootDir, "geodata", file)), 0);
    rows.push(["default geodata gzip (KB), target ≤ 250", "250", geodataKb.toFixed(1), (geodataKb / 250).toFixed(2)]);
    results.geodata_gzip_kb = Number(geodataKb.toFixed(1));
  }
}

const quick = process.argv.includes("--quick");
// Only the bundle and start-up rows, for iterating on start-up; `--runs=N` sets how many start-ups are timed.
const startupOnly = process.argv.includes("--startup-only");
// Only the site-check rows (in memory, against PostGIS, the batch), for iterating on the check.
const checkOnly = process.argv.includes("--check-only");
const withoutPostgis = process.argv.includes("--no-postgis");
// Only the batch of 1 000 sites in the page, for iterating on the page's check path.
const browserBatchOnly = process.argv.includes("--browser-batch-only");
const runsArgument = process.argv.find((argument) => argument.startsWith("--runs="));
const runs = runsArgument ? Number(runsArgument.slice("--runs=".length)) : quick ? 3 : 5;
if (browserBatchOnly) {
  await benchBrowserBatch({ rows, results }, { count: 1000, largeCount: quick ? 10_000 : 100_000 });
} else if (!startupOnly) {
  const peer = withoutPostgis ? null : startPeer();
  const stopPeer = () => {
    if (peer && "cluster" in peer) peer.cluster.stop();
  };
  // A bench stopped half-way must not leave a server running or its temp directory behind.
  const interrupted = () => {
    stopPeer();
    process.exit(130);
  };
  process.once("exit", stopPeer);
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const scales = quick ? [1000, 10_000] : [1000, 10_000, 100_000];
    for (const count of scales) benchCheckAtScale(count, peer);
  } finally {
    process.removeListener("exit", stopPeer);
    process.removeListener("SIGINT", interrupted);
    process.removeListener("SIGTERM", interrupted);
    stopPeer();
  }
  if (!checkOnly) benchMemory();
}
if (!checkOnly && !browserBatchOnly) await benchBundle();
// FlatGeobuf's index search narrates every step on console.debug.
console.debug = () => undefined;
if (!startupOnly && !checkOnly && !browserBatchOnly) {
  try {
    await benchFlatGeobufCheck({ rows, results }, quick ? 10_000 : 100_000);
  } catch (error) {
    // A failure here (e.g. the loopback server dropping a 100 MB response) must not lose the rows measured so far.
    rows.push(["FlatGeobuf check", "", `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, ""]);
  }
}
if (!checkOnly && !browserBatchOnly) {
  try {
    await benchBrowser({ rows, results }, { runs, largeCount: quick ? 10_000 : 100_000, startupOnly });
  } catch (error) {
    rows.push(["browser benchmarks", "", `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, ""]);
  }
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
// The headline figures first, in a fixed order, then the rest.
const headline = [
  "check_speedup_100k",
  "check_vs_postgis_10k",
  "check_vs_postgis_100k",
  "batch_1000x100k_ms",
  "startup_ratio",
  "js_gzip_kb",
  "geodata_gzip_kb",
  "heap_bytes_per_feature",
];
const keys = [...headline.filter((key) => key in results), ...Object.keys(results).filter((key) => !headline.includes(key))];
console.log(`bench: ${keys.map((key) => `${key}=${results[key]}`).join(" ")}`);
