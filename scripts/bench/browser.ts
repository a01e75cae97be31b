import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { benchLayer } from "./benchLayer";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureCollection } from "geojson";
import { build } from "vite";
import type { Manifest } from "../../src/layers/manifestTypes";
import { startAppServer } from "../../tests/browser/appServer";
import { appUrl, openApp, type Page } from "../../tests/browser/driver";
import type { BenchTable } from "./flatgeobufCheck";
import { benchmarkParcels, syntheticPolygons } from "./syntheticLayers";

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Records, in the page, when the app's `ready` settles (ms since navigation), however early that is. A string, not
 * a function: the TypeScript loader may wrap functions in helpers that do not exist in the page.
 */
const RECORD_READY_TIME = `
  let hooks;
  Object.defineProperty(window, "__dazuTest", {
    configurable: true,
    get: () => hooks,
    set: (value) => {
      hooks = value;
      value.ready.then(() => { window.__readyAt = performance.now(); }, () => { window.__readyAt = -1; });
    },
  });
`;

/** Samples the page's used JS heap (CDP) until `until` settles; returns the peak and the size after a forced GC. */
async function heapDuring(page: Page, until: Promise<unknown>): Promise<{ peak: number; settled: number }> {
  const session = await page.context().newCDPSession(page);
  let peak = 0;
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const { usedSize } = (await session.send("Runtime.getHeapUsage")) as { usedSize: number };
    peak = Math.max(peak, usedSize);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await until;
  await session.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await session.send("Runtime.getHeapUsage")) as { usedSize: number };
  await session.detach();
  return { peak: Math.max(peak, usedSize), settled: usedSize };
}

/** Opens a fresh browser (cold cache) on `path` and returns ms from navigation until `window[readyExpression]` is a number. */
async function timeToReady(baseUrl: string, path: string, readyExpression: string, measureHeap = false) {
  const session = await openApp(baseUrl, "about:blank");
  try {
    await session.page.addInitScript({ content: RECORD_READY_TIME });
    const ready = session.page
      .goto(appUrl(baseUrl, path), { waitUntil: "load" })
      .then(() =>
        session.page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] ?? false, readyExpression, {
          timeout: 300_000,
          polling: 50,
        }),
      )
      .then((handle) => handle.jsonValue() as Promise<number>);
    const heap = measureHeap ? await heapDuring(session.page, ready) : null;
    const milliseconds = await ready;
    if (milliseconds < 0) throw new Error(`${path} failed to start: ${session.consoleErrors.join("\n")}`);
    return { milliseconds, heap };
  } finally {
    await session.close();
  }
}

/** Builds scripts/bench/bare.html (plain MapLibre, same GeoJSON) into the served app's folder, under bench-bare/. */
async function buildBarePage(outDir: string): Promise<string> {
  await build({
    root: join(rootDir, "scripts", "bench"),
    configFile: false,
    base: "./",
    logLevel: "warn",
    publicDir: false,
    build: { outDir: join(outDir, "bench-bare"), emptyOutDir: true, rollupOptions: { input: join(rootDir, "scripts", "bench", "bare.html") } },
    worker: { format: "es" },
  });
  return "bench-bare/bare.html";
}

/** A copy of the default data package plus one 100 000-polygon GeoJSON layer, served as `?data=bench-data/`. */
function writeLargePackage(outDir: string, count: number): string {
  const target = join(outDir, "bench-data");
  mkdirSync(join(target, "layers"), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(rootDir, "geodata", "manifest.json"), "utf8")) as Manifest;
  for (const layer of manifest.layers) if (layer.file) cpSync(join(rootDir, "geodata", layer.file), join(target, layer.file));
  const features = syntheticPolygons(count, 20, 42).map((feature) => ({
    ...feature,
    properties: { ...feature.properties, source: [], geometry_quality: "schematic", geometry_note: "" },
  }));
  const large: FeatureCollection = { type: "FeatureCollection", features };
  writeFileSync(join(target, "layers", "bench-large.geojson"), JSON.stringify(large));
  const layer = benchLayer({
    id: "bench-large",
    title: { zh: "大图层（基准测试）", en: "Large layer (benchmark)" },
    group: manifest.groups[0]!.id,
    file: "layers/bench-large.geojson",
    style: { color: "#7c3aed", opacity: 0.3 },
  });
  // Only GeoJSON layers: the point is a large layer loaded the simple way.
  const layers = [...manifest.layers.filter((entry) => entry.file !== undefined), layer];
  writeFileSync(join(target, "manifest.json"), JSON.stringify({ ...manifest, layers }));
  return "bench-data/";
}

/** Long tasks and the script time of long animation frames, recorded from the first script on. */
const WATCH_MAIN_THREAD = `
  window.__longTasks = [];
  window.__longFrames = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longFrames.push([entry.startTime, entry.scripts.reduce((sum, part) => sum + part.duration, 0)]);
  }).observe({ type: "long-animation-frame", buffered: true });
`;

/** The same drags and wheel zooms on a phone-sized page once it is ready: the longest task, and the most script time in one frame. */
async function interactionLongTasks(baseUrl: string, path: string, readyExpression: string): Promise<{ longestTask: number; longestScript: number }> {
  const session = await openApp(baseUrl, "about:blank", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await session.page.addInitScript({ content: RECORD_READY_TIME + WATCH_MAIN_THREAD });
    await session.page.goto(appUrl(baseUrl, path), { waitUntil: "load" });
    await session.page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] ?? false, readyExpression, {
      timeout: 120_000,
      polling: 50,
    });
    const settle = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
    await settle(1000);
    const start = (await session.page.evaluate("performance.now()")) as number;
    const box = (await session.page.locator("canvas.maplibregl-canvas").boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    for (const [dx, dy] of [
      [180, 0],
      [-120, 140],
      [0, -160],
    ] as const) {
      await session.page.mouse.move(centre.x, centre.y);
      await session.page.mouse.down();
      await session.page.mouse.move(centre.x + dx, centre.y + dy, { steps: 12 });
      await session.page.mouse.up();
      await settle(800);
    }
    for (const delta of [-400, -400, -400, 600, 400]) {
      await session.page.mouse.move(centre.x, centre.y);
      await session.page.mouse.wheel(0, delta);
      await settle(1500);
    }
    const [tasks, frames] = (await session.page.evaluate("[window.__longTasks, window.__longFrames]")) as [number[][], number[][]];
    const longest = (entries: number[][]) => Math.max(0, ...entries.filter(([at]) => at! >= start).map(([, value]) => value!));
    return { longestTask: longest(tasks), longestScript: longest(frames) };
  } finally {
    await session.close();
  }
}

interface BatchCheckTiming {
  prepareMs: number;
  checkMs: number;
  sitesOverlapping: number;
  overlaps: number;
}

/** Opens the app on the large package and runs one of the batch hooks (test builds only) over the bench's sites. */
async function runBatchHook<Result>(
  hook: "runCheckBatch" | "runPageBatch",
  baseUrl: string,
  dataPath: string,
  count: number,
  workers: number,
): Promise<Result> {
  const session = await openApp(baseUrl, `/?data=${dataPath}`);
  try {
    await session.page.waitForFunction((name) => (window as unknown as { __dazuTest?: Record<string, unknown> }).__dazuTest?.[name] !== undefined, hook, {
      timeout: 300_000,
    });
    return (await session.page.evaluate(
      async ({ hook, sites, workers }) => {
        const hooks = (window as unknown as { __dazuTest: { ready: Promise<void> } & Record<string, (sites: unknown[], workers: number) => Promise<unknown>> })
          .__dazuTest;
        await hooks.ready;
        return hooks[hook]!(sites, workers);
      },
      { hook, sites: benchmarkParcels(count, 2023), workers },
    )) as Result;
  } finally {
    await session.close();
  }
}

/**
 * A batch in the page: `count` sites (the Node batch's, scripts/bench/batchCheck.ts) against the package with the
 * large GeoJSON layer, through the page's check engine and check workers (`__dazuTest.runCheckBatch`), timed in the
 * page after each worker's one-time preparation.
 */
function browserBatch(baseUrl: string, dataPath: string, count: number, workers: number): Promise<BatchCheckTiming> {
  return runBatchHook("runCheckBatch", baseUrl, dataPath, count, workers);
}

/** "Check all" as the page runs it (`__dazuTest.runPageBatch`): the batch workers' preparation included. */
function pageBatch(baseUrl: string, dataPath: string, count: number, workers: number): Promise<{ totalMs: number; checked: number; failed: number }> {
  return runBatchHook("runPageBatch", baseUrl, dataPath, count, workers);
}

/** The batch figure in the page, with one check worker and with two (this machine has two cores). */
export async function benchBrowserBatch(table: BenchTable, options: { count: number; largeCount: number }): Promise<void> {
  const server = await startAppServer({ root: rootDir });
  try {
    const dataPath = writeLargePackage(server.outDir, options.largeCount);
    await recordBrowserBatch(table, server.baseUrl, dataPath, options);
  } finally {
    await server.close();
  }
}

async function recordBrowserBatch(table: BenchTable, baseUrl: string, dataPath: string, options: { count: number; largeCount: number }): Promise<void> {
  const label = `${options.largeCount / 1000}k`;
  let best: number | null = null;
  for (const workers of [1, 2]) {
    const timing = await browserBatch(baseUrl, dataPath, options.count, workers);
    table.rows.push([
      `batch in the page: ${options.count} sites against ${label} polygons, ${workers} check worker${workers > 1 ? "s" : ""} (ms), target ≤ 10 000`,
      "10000",
      timing.checkMs.toFixed(0),
      (timing.checkMs / 10_000).toFixed(2),
    ]);
    table.rows.push([
      `  one-time preparation (layers to the worker, projected, indexed) (ms) / sites overlapping / overlaps`,
      "",
      `${timing.prepareMs.toFixed(0)} / ${timing.sitesOverlapping} / ${timing.overlaps}`,
      "",
    ]);
    table.results[`batch_${options.count}x${label}_${workers}worker_ms`] = Math.round(timing.checkMs);
    best = best === null ? timing.checkMs : Math.min(best, timing.checkMs);
  }
  table.results[`batch_${options.count}x${label}_ms`] = Math.round(best!);
  // The same sites through "check all": the page's pool of batch workers, each preparing the layers itself.
  const workers = 2;
  const page = await pageBatch(baseUrl, dataPath, options.count, workers);
  table.rows.push([
    `"check all" in the page: ${options.count} sites against ${label} polygons, ${workers} batch workers, preparation included (ms) / checked / failed`,
    "",
    `${page.totalMs.toFixed(0)} / ${page.checked} / ${page.failed}`,
    "",
  ]);
  table.results[`batch_${options.count}x${label}_check_all_ms`] = Math.round(page.totalMs);
}

/** The window properties the pages set once ready (read by a function: the app's CSP forbids evaluating strings). */
const APP_READY = "__readyAt";
const BARE_READY = "__bareIdleAt";

/**
 * In headless Chromium: start-up of the app with the default data (navigation → first idle map) against a bare
 * MapLibre page showing the same GeoJSON; and the JS heap with a 100 000-feature GeoJSON layer loaded.
 */
export async function benchBrowser(table: BenchTable, options: { runs: number; largeCount: number; startupOnly?: boolean }): Promise<void> {
  const server = await startAppServer({ root: rootDir });
  try {
    const barePath = await buildBarePage(server.outDir);
    const app: number[] = [];
    const bare: number[] = [];
    // Alternating, so both see the same machine load.
    for (let run = 0; run < options.runs; run++) {
      app.push((await timeToReady(server.baseUrl, "/", APP_READY)).milliseconds);
      bare.push((await timeToReady(server.baseUrl, barePath, BARE_READY)).milliseconds);
    }
    const appMs = median(app);
    const bareMs = median(bare);
    table.rows.push([
      `start-up to first idle map, default data (ms, median of ${options.runs})`,
      bareMs.toFixed(0),
      appMs.toFixed(0),
      `${(appMs / bareMs).toFixed(2)}× (target ≤ 1.3)`,
    ]);
    table.rows.push([`  runs: bare MapLibre | app`, bare.map((value) => value.toFixed(0)).join(" "), app.map((value) => value.toFixed(0)).join(" "), ""]);
    table.results.startup_ms = Math.round(appMs);
    table.results.startup_bare_ms = Math.round(bareMs);
    table.results.startup_ratio = Number((appMs / bareMs).toFixed(2));
    if (options.startupOnly) return;

    const appPanning = await interactionLongTasks(server.baseUrl, "/", APP_READY);
    const barePanning = await interactionLongTasks(server.baseUrl, barePath, BARE_READY);
    table.rows.push([
      `longest main-thread task panning/zooming a phone-sized map (ms)`,
      barePanning.longestTask.toFixed(0),
      appPanning.longestTask.toFixed(0),
      "target ≤ 200 on a GPU",
    ]);
    table.rows.push([`  most script time in one frame meanwhile (ms)`, barePanning.longestScript.toFixed(0), appPanning.longestScript.toFixed(0), ""]);
    table.results.pan_longest_task_ms = Math.round(appPanning.longestTask);
    table.results.pan_longest_task_bare_ms = Math.round(barePanning.longestTask);
    table.results.pan_longest_script_ms = Math.round(appPanning.longestScript);

    const dataPath = writeLargePackage(server.outDir, options.largeCount);
    const baseline = await timeToReady(server.baseUrl, "/", APP_READY, true);
    const large = await timeToReady(server.baseUrl, `/?data=${dataPath}`, APP_READY, true);
    const perFeature = (large.heap!.peak - baseline.heap!.peak) / options.largeCount;
    const settledPerFeature = (large.heap!.settled - baseline.heap!.settled) / options.largeCount;
    const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    table.rows.push([
      `page JS heap, default data vs + ${options.largeCount / 1000}k-polygon GeoJSON layer: peak (MB)`,
      megabytes(baseline.heap!.peak),
      megabytes(large.heap!.peak),
      `${perFeature.toFixed(0)} B/feature`,
    ]);
    table.rows.push([`  after GC (MB)`, megabytes(baseline.heap!.settled), megabytes(large.heap!.settled), `${settledPerFeature.toFixed(0)} B/feature`]);
    table.rows.push([`  start-up with the large layer (ms)`, baseline.milliseconds.toFixed(0), large.milliseconds.toFixed(0), ""]);
    table.results.heap_bytes_per_feature = Math.round(perFeature);
    table.results.heap_settled_bytes_per_feature = Math.round(settledPerFeature);
    await recordBrowserBatch(table, server.baseUrl, dataPath, { count: 1000, largeCount: options.largeCount });
  } finally {
    await server.close();
  }
}
