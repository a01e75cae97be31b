import { readFileSync, statSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { MAX_FILE_BYTES } from "../../src/import/types";
import { appState, waitForApp, whenIdle } from "./app";
import { type MainThreadWatched, WATCH_MAIN_THREAD } from "./mainThreadWatch";
import { largeTestFile } from "./largeTestFile";
import { appUrl, openApp, webgl2Renderer, type AppSession, type Page } from "./driver";

const baseUrl = inject("baseUrl");
const FIXTURE = new URL("../fixtures/parcel/key-zone-edge-4544.geojson", import.meta.url);
const LARGE_PARCEL_NAME = "大文件测试地块";
/** The longest the main thread may be held by one task while a large file is imported. */
const LONGEST_TASK_MS = 200;

let session: AppSession | undefined;

/**
 * A large-but-allowed GeoJSON: one 200 m square parcel near the district centre whose properties carry a survey log of
 * half a million small records, about 43 MB. JSON.parse alone takes the worker a second or more.
 */
function writeLargeGeoJson(path: string): number {
  const records: string[] = [];
  for (let index = 0; index < 450_000; index++) {
    records.push(`{"点号":"J${String(index).padStart(6, "0")}","说明":"界址点复核记录，桩位完好，无位移","测量员":"surveyor-${index % 97}"}`);
  }
  const text =
    `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"${LARGE_PARCEL_NAME}","survey":[` +
    records.join(",") +
    `]},"geometry":{"type":"Polygon","coordinates":[[[105.72,29.7],[105.722,29.7],[105.722,29.702],[105.72,29.702],[105.72,29.7]]]}}]}`;
  writeFileSync(path, text);
  return statSync(path).size;
}

const largeFile = largeTestFile("dazu-large-import-", "large-site.geojson", writeLargeGeoJson, 30 * 1024 * 1024);

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/**
 * Installed before the app's first script: every long task on the main thread; every long animation frame with the
 * page's own work in it (scripts, then style and layout) and what ran; each text the import progress line shows with
 * its stage; and when the import's result (how the file was read) first appeared. A string, not a function, so no
 * test-runner helper leaks into the page.
 */
const WATCH = `${WATCH_MAIN_THREAD}
  window.__progressSeen = [];
  const watchImport = () => {
    const line = document.querySelector("[data-site-progress]");
    if (line) {
      const seen = (line.getAttribute("data-site-progress") || "") + " " + line.textContent;
      if (window.__progressSeen[window.__progressSeen.length - 1] !== seen) window.__progressSeen.push(seen);
    }
    if (window.__uploadAt !== undefined && window.__resultAt === undefined && document.querySelector("[data-site-import] [data-site-crs-code]")) {
      window.__resultAt = performance.now();
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    new MutationObserver(watchImport).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
`;

interface Watched extends MainThreadWatched {
  __progressSeen: string[];
  __uploadAt?: number;
  __resultAt?: number;
}

/** A phone-sized page, as in the performance tests: with software WebGL a large map frame alone can take 200 ms. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

async function openWatched(): Promise<{ page: Page; workers: string[] }> {
  session = await openApp(baseUrl, "about:blank", PHONE);
  const { page } = session;
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.addInitScript({ content: WATCH });
  await page.goto(appUrl(baseUrl, "/"), { waitUntil: "load" });
  await waitForApp(page);
  await whenIdle(page);
  await page.locator('[data-sheet-tab="site-check"]').click();
  await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
  await page.locator('[data-site-mode="upload"]').click();
  return { page, workers };
}

interface SiteState {
  siteParcel: { name: string } | null;
  siteCheck: { type: string };
}

const importWorkers = (workers: string[]) => workers.filter((url) => /import\.worker/.test(url));

describe("importing large files", () => {
  // Timed on a shared machine: one more run when a neighbour's load pushed a frame over the bound. A real regression
  // fails both runs.
  it("imports a 43 MB GeoJSON in the worker with progress, never holding the main thread over 200 ms", { retry: 1 }, async () => {
    const { page, workers } = await openWatched();
    await page.evaluate(() => {
      (window as unknown as Watched).__uploadAt = performance.now();
    });
    await page.locator("[data-site-file]").setInputFiles(largeFile());
    await page.locator("[data-site-parcel-name]").filter({ hasText: LARGE_PARCEL_NAME }).waitFor({ state: "visible", timeout: 120_000 });
    await page.locator('[data-site-area="gk"]').waitFor({ state: "visible", timeout: 60_000 });
    await expect.poll(async () => ((await appState(page)) as SiteState).siteCheck.type, { timeout: 60_000 }).toBe("done");
    await whenIdle(page);
    // Tasks that began before the report settled are reported once they end.
    await page.waitForTimeout(500);

    const watched = await page.evaluate(() => {
      const state = window as unknown as Watched;
      const from = state.__uploadAt!;
      const resultAt = state.__resultAt!;
      const tasks = state.__longTasks.filter((task) => task.start >= from);
      return {
        importMs: resultAt - from,
        // Up to the import's result on screen: reading, parsing, and rendering how the file was read.
        importTasks: tasks.filter((task) => task.start <= resultAt),
        // Then the check of the parcel: the map moving to it, the report, the print picture.
        reportTasks: tasks.filter((task) => task.start > resultAt),
        reportFrames: state.__longFrames.filter((frame) => frame.start > resultAt).sort((a, b) => b.duration - a.duration),
        progress: state.__progressSeen,
      };
    });
    const longest = (tasks: Array<{ duration: number }>) => Math.max(0, ...tasks.map((task) => task.duration));
    const renderer = (await webgl2Renderer(page)) ?? "";
    const reportOwnWork = Math.max(0, ...watched.reportFrames.map((frame) => frame.ownWork));
    console.log(
      `[import-large] ${renderer}; upload to import result ${watched.importMs.toFixed(0)} ms: ${watched.importTasks.length} long tasks, ` +
        `longest ${longest(watched.importTasks).toFixed(0)} ms; then to the report: ${watched.reportTasks.length} long tasks, longest ` +
        `${longest(watched.reportTasks).toFixed(0)} ms, most own work in a frame ${reportOwnWork.toFixed(0)} ms; longest frames: ` +
        `${watched.reportFrames
          .slice(0, 3)
          .map((frame) => `${frame.duration.toFixed(0)} ms [${frame.scripts.join(", ")}]`)
          .join("; ")}; progress shown: ${watched.progress.join(" | ")}`,
    );
    // Reading and parsing 43 MB happen in the worker: nothing from the upload to its result holds the page 200 ms.
    expect(longest(watched.importTasks), JSON.stringify(watched.importTasks)).toBeLessThanOrEqual(LONGEST_TASK_MS);
    // The check that follows is the same for a small file. Its scripts, style and layout stay under the bound too; with
    // software WebGL (SwiftShader) the map's frames are rasterised on the CPU and whole tasks can pass it for that alone
    // (see performance.test.ts), so the whole-task bound there needs a GPU.
    expect(reportOwnWork, JSON.stringify(watched.reportFrames)).toBeLessThanOrEqual(LONGEST_TASK_MS);
    if (!/swiftshader/i.test(renderer)) expect(longest(watched.reportTasks), JSON.stringify(watched.reportTasks)).toBeLessThanOrEqual(LONGEST_TASK_MS);

    // The progress line named the stages, with percentages where the share was known; the file was read by the worker.
    const stages = new Set(watched.progress.map((seen) => seen.split(" ")[0]));
    expect([...stages]).toEqual(expect.arrayContaining(["reading", "parsing"]));
    expect(watched.progress.some((seen) => /^reading 读取文件 \d+%$/.test(seen))).toBe(true);
    expect(importWorkers(workers)).toHaveLength(1);
    expect(await page.locator("[data-site-busy]").count()).toBe(0);
    expect(session!.consoleErrors).toEqual([]);
  });

  it("cancels a large import and keeps the previous parcel and report", async () => {
    const { page } = await openWatched();
    await page
      .locator("[data-site-file]")
      .setInputFiles({ name: "key-zone-edge-4544.geojson", mimeType: "application/geo+json", buffer: readFileSync(FIXTURE) });
    await page.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
    const nameBefore = await page.locator("[data-site-parcel-name]").innerText();

    await page.locator("[data-site-file]").setInputFiles(largeFile());
    const cancel = page.locator('[data-site-action="cancel-import"]');
    await cancel.waitFor({ state: "visible" });
    expect(await page.locator("[data-site-progress]").getAttribute("role")).toBe("status");
    await cancel.click();

    const notice = page.locator("[data-site-cancelled]");
    await notice.waitFor({ state: "visible", timeout: 10_000 });
    expect(await notice.innerText()).toContain("已取消导入。");
    expect(await notice.innerText()).toContain("当前地块和核查报告未改变");
    expect(await page.locator("[data-site-busy]").count()).toBe(0);
    expect(await page.locator("[data-site-parcel-name]").innerText()).toBe(nameBefore);
    expect(await page.locator('[data-finding="mining-key-zone"]').isVisible()).toBe(true);
    // The earlier file's reading is still shown, so its CRS can still be corrected.
    expect(await page.locator("[data-site-crs-code]").getAttribute("data-site-crs-code")).toBe("EPSG:4544");
    const state = (await appState(page)) as SiteState;
    expect(state.siteCheck.type).toBe("done");
    expect(state.siteParcel?.name).toBe(nameBefore);
    // The worker was ended: no result arrives later to replace the parcel.
    await page.waitForTimeout(3_000);
    expect(((await appState(page)) as SiteState).siteParcel?.name).toBe(nameBefore);
    expect(page.workers().filter((worker) => /import\.worker/.test(worker.url()))).toHaveLength(0);

    // The earlier file can still be read again in a chosen CRS: the picked File is read afresh by a new worker.
    await page.locator("[data-site-crs-override] summary").click();
    await page.locator("[data-site-crs]").selectOption("EPSG:4544");
    await page.locator('[data-site-action="reread"]').click();
    await expect.poll(() => page.locator(".site-crs-reason").innerText(), { timeout: 30_000 }).toContain("按用户选择读取");
    expect(await page.locator("[data-site-cancelled]").count()).toBe(0);
    await expect.poll(async () => ((await appState(page)) as SiteState).siteCheck.type, { timeout: 60_000 }).toBe("done");
    expect(await page.locator("[data-site-parcel-name]").innerText()).toBe(nameBefore);
    expect(session!.consoleErrors).toEqual([]);
  });

  it("refuses a file over the size limit by its size, before any parsing", async () => {
    const { page, workers } = await openWatched();
    await page.locator("[data-site-file]").evaluate((input: HTMLInputElement, size) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(size)], "huge-site.geojson", { type: "application/geo+json" }));
      input.files = transfer.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }, MAX_FILE_BYTES + 1);
    const error = page.locator('[data-site-error="file-too-large"]');
    await error.waitFor({ state: "visible", timeout: 10_000 });
    const text = await error.innerText();
    expect(text).toContain("huge-site.geojson");
    expect(text).toContain("50.0 MB");
    expect(text).toContain("超过 50 MB 的上限，未读取");
    const progress = await page.evaluate(() => (window as unknown as Watched).__progressSeen);
    expect(progress.filter((seen) => /^(reading|parsing)/.test(seen))).toEqual([]);
    expect(importWorkers(workers)).toEqual([]);
    expect(session!.consoleErrors).toEqual([]);
  });
});
