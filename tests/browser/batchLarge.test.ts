import { statSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { waitForApp, whenIdle } from "./app";
import { type MainThreadWatched, WATCH_MAIN_THREAD } from "./mainThreadWatch";
import { largeTestFile } from "./largeTestFile";
import { appUrl, openApp, webgl2Renderer, type AppSession } from "./driver";

const baseUrl = inject("baseUrl");
const PARCELS = Number(process.env.BATCH_LARGE_PARCELS ?? 30_000);
/**
 * A generous bound for the page's own work (scripts, style, layout) in one frame while a 30 000-parcel file is listed
 * and checked, on this shared two-core machine with software WebGL; the precise figures are printed. Measured here:
 * 0.7 s when the importer's 30 000 parcels arrived from its worker in one message (now in pieces: 0–0.05 s), and
 * 0.3–0.7 s in the task after the check, where MapLibre copied all 30 000 parcels to its worker at once (now in parts
 * of 2 500, one per task: 0.2 s at most, on a loaded machine), against about 6.5 s before.
 */
const OWN_WORK_BOUND_MS = 1500;

let session: AppSession | undefined;

/**
 * 30 000 parcels, each a 60 m square over the district with the attributes a bureau's export carries (a long 备注
 * among them): about 43 MB, with 150 000 coordinate points, under the importers' limit of 200 000.
 */
function writeManyParcels(path: string): number {
  const remark = "界址点已实地复核，四至清楚，权属无争议；本记录由测试生成，用于检验大批量地块的导入与核查。".repeat(8);
  const features: string[] = [];
  for (let index = 0; index < PARCELS; index++) {
    const west = 105.5 + (index % 200) * 0.0025;
    const south = 29.45 + Math.floor(index / 200) * 0.0025;
    const east = (west + 0.0006).toFixed(8);
    const north = (south + 0.0006).toFixed(8);
    const [w, s] = [west.toFixed(8), south.toFixed(8)];
    features.push(
      `{"type":"Feature","properties":{"宗地编号":"ZD-${String(index).padStart(5, "0")}","name":"批量地块 ${index}","用途":"工业用地",` +
        `"权利人":"测试单位${index % 50}","坐落":"重庆市大足区测试路${index}号","备注":"${remark}"},` +
        `"geometry":{"type":"Polygon","coordinates":[[[${w},${s}],[${east},${s}],[${east},${north}],[${w},${north}],[${w},${s}]]]}}`,
    );
  }
  writeFileSync(path, `{"type":"FeatureCollection","features":[${features.join(",\n")}]}`);
  return statSync(path).size;
}

// The 30 000-parcel file is over 40 MB; a smaller run (BATCH_LARGE_PARCELS) only has to be a file.
const largeFile = largeTestFile("dazu-batch-large-", "thirty-thousand.geojson", writeManyParcels, PARCELS === 30_000 ? 40 * 1024 * 1024 : 0);

afterEach(async () => {
  await session?.close();
  session = undefined;
});

type Watched = MainThreadWatched;

describe("a batch of 30 000 parcels", () => {
  it("lists and checks a 43 MB file of 30 000 parcels without holding the page", async () => {
    session = await openApp(baseUrl, "about:blank", { viewport: { width: 1280, height: 800 } });
    const { page } = session;
    await page.addInitScript({ content: WATCH_MAIN_THREAD });
    await page.goto(appUrl(baseUrl, "/"), { waitUntil: "load" });
    await waitForApp(page);
    await whenIdle(page);
    await page.locator('[data-sheet-tab="site-check"]').click();
    await page.locator('[data-site-mode="upload"]').click();

    const mark = () => page.evaluate(() => performance.now());
    const uploadAt = await mark();
    await page.locator("[data-site-file]").setInputFiles(largeFile());
    const progressLog = setInterval(() => {
      void page
        .locator("[data-site-import]")
        .innerText()
        .then((text) => console.log(`[batch-large] ${Math.round((Date.now() - started) / 1000)} s: ${text.replace(/\s+/g, " ").slice(0, 200)}`))
        .catch(() => undefined);
    }, 10_000);
    const started = Date.now();
    await page.locator('[data-site-action="check-all"]').waitFor({ state: "visible", timeout: 300_000 });
    clearInterval(progressLog);
    const listedAt = await mark();
    // The list is virtual: a screenful of choices exists, not 30 000.
    expect(await page.locator("[data-site-choose]").count()).toBeLessThan(60);
    expect(await page.locator(".site-parcel-choice > p").first().innerText()).toContain(String(PARCELS));

    await page.locator('[data-site-action="check-all"]').click();
    const checkAt = await mark();
    await expect.poll(async () => page.locator("[data-batch-shown]").count(), { timeout: 600_000, interval: 2_000 }).toBe(1);
    await expect.poll(() => page.locator("[data-batch-shown]").innerText(), { timeout: 60_000 }).toBe(`显示 ${PARCELS} / ${PARCELS} 个地块`);
    const tableAt = await mark();
    await whenIdle(page);
    await page.waitForTimeout(1_000);
    expect(await page.locator("[data-batch-row]").count()).toBeLessThan(80);

    // Sorting 30 000 rows by area and filtering by text stay quick.
    await page.locator('[data-batch-sort="number"]').click();
    await page.locator('[data-batch-sort="number"]').click();
    await expect.poll(() => page.locator("[data-batch-row] th").first().innerText()).toContain(`批量地块 ${PARCELS - 1}`);
    await page.waitForTimeout(500);

    const watched = await page.evaluate((): Watched => {
      const state = window as unknown as Watched;
      return { __longTasks: state.__longTasks, __longFrames: state.__longFrames };
    });
    const within = (from: number, to: number) => ({
      tasks: watched.__longTasks.filter((task) => task.start >= from && task.start <= to),
      frames: watched.__longFrames.filter((frame) => frame.start >= from && frame.start <= to),
    });
    const longest = (items: Array<{ duration: number }>) => Math.max(0, ...items.map((item) => item.duration));
    const ownWork = (items: Array<{ ownWork: number }>) => Math.max(0, ...items.map((item) => item.ownWork));
    const listing = within(uploadAt, listedAt);
    const checking = within(checkAt, Number.POSITIVE_INFINITY);
    const renderer = (await webgl2Renderer(page)) ?? "";
    const worst = [...checking.frames].sort((a, b) => b.ownWork - a.ownWork).slice(0, 4);
    console.log(
      `[batch-large] ${renderer}; upload to list ${(listedAt - uploadAt).toFixed(0)} ms (longest task ${longest(listing.tasks).toFixed(0)} ms, ` +
        `own work ${ownWork(listing.frames).toFixed(0)} ms); check all to table ${(tableAt - checkAt).toFixed(0)} ms (longest task ` +
        `${longest(checking.tasks).toFixed(0)} ms, most own work in a frame ${ownWork(checking.frames).toFixed(0)} ms); ` +
        `worst frames: ${worst.map((frame) => `${frame.ownWork.toFixed(0)} ms [${frame.scripts.join(", ")}]`).join("; ")}`,
    );
    expect(ownWork(listing.frames), JSON.stringify(listing.frames)).toBeLessThanOrEqual(OWN_WORK_BOUND_MS);
    expect(ownWork(checking.frames), JSON.stringify(worst)).toBeLessThanOrEqual(OWN_WORK_BOUND_MS);
    expect(session.consoleErrors).toEqual([]);
  }, 900_000);
});
