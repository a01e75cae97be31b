import { afterEach, describe, expect, inject, it } from "vitest";
import { gaussKrugerToLngLat, lngLatToGaussKruger } from "../../src/geo/crs";
import { wgs84ToBd09, wgs84ToGcj02 } from "../../src/geo/gcj02";
import { appState, renderedFeatureCount, waitForApp, whenIdle } from "./app";
import { openApp, screenshot, type AppSession, type Page } from "./driver";

const baseUrl = inject("baseUrl");

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const HOSTILE_NAME = '<img src=x onerror="window.__officialInjected=1">采矿权 甲';

/** A square in EPSG:4544 metres (easting, northing), closed. */
function square(west: number, south: number, size: number): number[][] {
  return [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
}

const GK_CRS = { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::4544" } };
// A corner near the middle of the district, on whole metres so the overlap below is exact.
const [cornerEasting, cornerNorthing] = lngLatToGaussKruger([105.72, 29.7]).map(Math.round) as [number, number];

/** Two surveyed blocks as a bureau would export them: GK metres, CRS declared, attributes in Chinese. */
function officialBlocksFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      type: "FeatureCollection",
      crs: GK_CRS,
      features: [
        {
          type: "Feature",
          properties: { 区块名称: HOSTILE_NAME, 矿种: "砂岩" },
          geometry: { type: "Polygon", coordinates: [square(cornerEasting, cornerNorthing, 500)] },
        },
        {
          type: "Feature",
          properties: { 区块名称: "采矿权 乙", 矿种: "页岩" },
          geometry: { type: "Polygon", coordinates: [square(cornerEasting + 3000, cornerNorthing, 500)] },
        },
      ],
    }),
  );
}

/**
 * A 200 m square site whose south-west quarter (100 m × 100 m) lies in block 甲: by hand, 10 000 m² of 40 000 m²,
 * 25 % of the site.
 */
function siteFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      type: "FeatureCollection",
      crs: GK_CRS,
      features: [
        {
          type: "Feature",
          properties: { name: "拟用地" },
          geometry: { type: "Polygon", coordinates: [square(cornerEasting + 400, cornerNorthing + 400, 200)] },
        },
      ],
    }),
  );
}

interface LayerState {
  layers: Record<string, { visible: boolean }>;
}

async function openReady(): Promise<Page> {
  session = await openApp(baseUrl, "/");
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session.page;
}

/** Clicks something that reloads the page and waits for the app to be ready again. */
async function reloadingClick(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent("load", { timeout: 60_000 }), page.locator(selector).click()]);
  await waitForApp(page);
  await whenIdle(page);
}

async function importOfficialBlocks(page: Page): Promise<string> {
  await page.locator("[data-official-open]").click();
  const form = page.locator("[data-official-form]");
  await form.waitFor({ state: "visible" });
  expect(await page.locator("[data-official-target]").inputValue()).toBe("mining-extraction-blocks");
  await page.locator("[data-official-file]").setInputFiles({ name: "开采区块.geojson", mimeType: "application/geo+json", buffer: officialBlocksFile() });
  await page.locator("[data-official-read]").waitFor({ state: "visible", timeout: 60_000 });
  expect(await page.locator("[data-official-read]").getAttribute("data-official-read")).toBe("2");
  expect(await page.locator("[data-official-preview]").textContent()).toContain("EPSG:4544");
  await page.locator("[data-official-name]").selectOption("区块名称");
  // 32号 publishes 28 extraction blocks: a file of 2 is a partial import, saved only once the officer confirms it.
  expect(await page.locator("[data-official-published]").getAttribute("data-official-published")).toBe("2/28");
  expect(await page.locator("[data-official-preview]").textContent()).toContain("本文件 2 个，政策文件公布 28 个");
  expect(await page.locator("[data-official-save]").isDisabled()).toBe(true);
  await page.locator("[data-official-partial-confirm]").check();
  expect(await page.locator("[data-official-save]").isDisabled()).toBe(false);
  await screenshot(page, "official-data-form", "[data-official-data]");

  // Without a stated source nothing is stored.
  await page.locator("[data-official-save]").click();
  await page.locator("[data-official-failure]").waitFor({ state: "visible" });
  expect(await page.locator("[data-official-failure]").textContent()).toContain("数据来源");

  await page.locator("[data-official-provenance]").fill("大足区规划和自然资源局 2024 年 3 月成果（测试）");
  await reloadingClick(page, "[data-official-save]");
  const ids = (await page.locator("[data-official-layer]").evaluateAll((items) => items.map((item) => item.getAttribute("data-official-layer")))) as string[];
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

describe("official data imported as a layer", () => {
  it("replaces the schematic extraction blocks on the map and in the site check, and can be removed", async () => {
    const page = await openReady();
    expect(await page.locator("[data-official-none]").count()).toBe(1);
    const layerId = await importOfficialBlocks(page);
    expect(layerId).toMatch(/^imported-mining-extraction-blocks-/);

    // After the reload: an official layer right after the placeholder, drawn, and the placeholder hidden.
    const rows = await page.locator("[data-layer-row]").evaluateAll((items) => items.map((item) => item.getAttribute("data-layer-row")));
    expect(rows.indexOf(layerId)).toBe(rows.indexOf("mining-extraction-blocks") + 1);
    expect(await page.locator(`[data-quality-badge="${layerId}"]`).getAttribute("class")).toContain("official");
    const state = (await appState(page)) as LayerState;
    expect(state.layers[layerId]?.visible).toBe(true);
    expect(state.layers["mining-extraction-blocks"]?.visible).toBe(false);
    expect(await renderedFeatureCount(page, layerId)).toBe(2);

    // The hostile attribute became a name shown as text, never markup.
    expect(await page.locator("[data-official-layer]").textContent()).toContain("开采区块.geojson");
    expect(await page.evaluate(() => (window as unknown as { __officialInjected?: number }).__officialInjected)).toBeUndefined();

    // A site overlapping block 甲 by a quarter: the finding comes from the official layer, with its source.
    await page.locator('[data-sheet-tab="site-check"]').click();
    await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
    await page.locator('[data-site-mode="upload"]').click();
    await page.locator("[data-site-file]").setInputFiles({ name: "拟用地.geojson", mimeType: "application/geo+json", buffer: siteFile() });
    const finding = page.locator(`[data-finding="${layerId}"]`);
    await finding.waitFor({ state: "visible", timeout: 60_000 });
    const share = Number(await finding.locator("[data-share]").first().getAttribute("data-share"));
    expect(share).toBeCloseTo(25, 1);
    const findingText = (await finding.textContent()) ?? "";
    expect(findingText).toContain(HOSTILE_NAME);
    expect(findingText).toContain("大足区规划和自然资源局 2024 年 3 月成果（测试）");
    expect(await page.locator('[data-finding="mining-extraction-blocks"]').count()).toBe(0);
    // A site 10 km from both imported blocks: 2 of the 28 published are imported, so it is not clear.
    const away = { type: "Point", coordinates: gaussKrugerToLngLat([cornerEasting, cornerNorthing + 10_000]) };
    const awayFinding = await page.evaluate(
      async ({ site, id }) => {
        const hooks = (
          window as unknown as {
            __dazuTest: {
              runCheck(
                site: unknown,
              ): Promise<{ findings: Array<{ layerId: string; status: string; reason: { code: string; params: Record<string, unknown> } }> }>;
            };
          }
        ).__dazuTest;
        return (await hooks.runCheck(site)).findings.find((entry) => entry.layerId === id);
      },
      { site: away, id: layerId },
    );
    expect(awayFinding?.status).toBe("undecided");
    expect(awayFinding?.reason).toEqual({ code: "site.reason.partialNone", params: { imported: 2, published: 28, missing: 26 } });
    expect(await page.evaluate(() => (window as unknown as { __officialInjected?: number }).__officialInjected)).toBeUndefined();
    // The printed sheet names the imported data's source and hashes its stored features in the receipt.
    await page.evaluate(() => {
      (window as unknown as { print: () => void }).print = () => ((window as unknown as { printed?: boolean }).printed = true);
    });
    await page.locator('[data-site-action="print"]').click();
    await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true, undefined, { timeout: 60_000 });
    expect(await page.locator(`[data-print-provenance="${layerId}"]`).textContent()).toContain("大足区规划和自然资源局 2024 年 3 月成果（测试）");
    expect(await page.locator(`[data-file-hash="开采区块.geojson (${layerId})"]`).textContent()).toMatch(/^[0-9a-f]{8,}/);
    await finding.scrollIntoViewIfNeeded();
    await screenshot(page, "official-data-finding");
    await screenshot(page, "official-data-finding-detail", `[data-finding="${layerId}"]`);

    // Removing it brings the placeholder back.
    await page.locator('[data-sheet-tab="layers"]').click();
    await page.locator(`[data-official-remove="${layerId}"]`).click();
    await reloadingClick(page, `[data-official-remove-confirm="${layerId}"]`);
    expect(await page.locator("[data-official-layer]").count()).toBe(0);
    expect(await page.locator(`[data-layer-row="${layerId}"]`).count()).toBe(0);
    expect(((await appState(page)) as LayerState).layers[layerId]).toBeUndefined();
  });

  it("gives official park boundaries as evidence for the fee's park question, which the officer still answers", async () => {
    const page = await openReady();
    // A 2 km square around 三驱镇's seat, named as 13号 names the park; the site is a 200 m square inside it.
    const [seatEasting, seatNorthing] = lngLatToGaussKruger([105.6208, 29.6371]).map(Math.round) as [number, number];
    const parks = {
      type: "FeatureCollection",
      crs: GK_CRS,
      features: [
        {
          type: "Feature",
          properties: { 园区: "大足高新区" },
          geometry: { type: "Polygon", coordinates: [square(seatEasting - 1000, seatNorthing - 1000, 2000)] },
        },
      ],
    };
    await page.locator("[data-official-open]").click();
    await page.locator("[data-official-target]").selectOption("parks");
    await page
      .locator("[data-official-file]")
      .setInputFiles({ name: "园区四至.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(parks)) });
    await page.locator("[data-official-read]").waitFor({ state: "visible", timeout: 60_000 });
    await page.locator("[data-official-name]").selectOption("园区");
    await page.locator("[data-official-provenance]").fill("区经信委园区四至认定图（测试）");
    await reloadingClick(page, "[data-official-save]");

    const site = {
      type: "FeatureCollection",
      crs: GK_CRS,
      features: [{ type: "Feature", properties: { name: "厂房" }, geometry: { type: "Polygon", coordinates: [square(seatEasting, seatNorthing, 200)] } }],
    };
    await page.locator('[data-sheet-tab="site-check"]').click();
    await page.locator('[data-site-mode="upload"]').click();
    await page.locator("[data-site-file]").setInputFiles({ name: "厂房.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(site)) });
    await page.locator('[data-floor-area="office"]').waitFor({ state: "visible", timeout: 60_000 });
    await page.locator('[data-floor-area="office"]').fill("1000");
    const evidence = page.locator('[data-site-question="park"] [data-site-park-evidence]');
    await evidence.waitFor({ state: "visible", timeout: 30_000 });
    expect(await evidence.getAttribute("data-site-park-evidence")).toBe("1");
    const text = (await evidence.textContent()) ?? "";
    expect(text).toContain("大足高新区 100");
    expect(text).toContain("园区四至.geojson");
    // Evidence, not an answer: the question is still open.
    expect(await page.locator('[data-site-question="park"] input[value="unknown"]').isChecked()).toBe(true);
  });

  it("gives a resident the surveyed position of a memorial named in imported official points", async () => {
    const page = await openReady();
    const points = {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { 名称: "陈现文烈士墓" }, geometry: { type: "Point", coordinates: [105.7712, 29.6688] } }],
    };
    await page.locator("[data-official-open]").click();
    await page.locator("[data-official-target]").selectOption("memorials");
    await page
      .locator("[data-official-file]")
      .setInputFiles({ name: "纪念设施实测.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(points)) });
    await page.locator("[data-official-read]").waitFor({ state: "visible", timeout: 60_000 });
    await page.locator("[data-official-name]").selectOption("名称");
    await page.locator("[data-official-provenance]").fill("区退役军人事务局实测（测试）");
    await page.locator("[data-official-accuracy]").fill("3");
    expect(await page.locator("[data-official-published]").getAttribute("data-official-published")).toBe("1/6");
    await page.locator("[data-official-partial-confirm]").check();
    await reloadingClick(page, "[data-official-save]");
    // The layer list says how many memorials the points were matched to.
    expect(await page.locator("[data-official-match]").getAttribute("data-official-match")).toBe("1/6");

    await page.locator('[data-sheet-tab="memorials"]').click();
    await page.locator('[data-memorial-list] [data-memorial-id="memorial-chen-xianwen"]').click();
    const card = page.locator('[data-memorial-card="memorial-chen-xianwen"]');
    await card.waitFor({ state: "visible", timeout: 30_000 });
    expect(await card.locator("[data-position]").getAttribute("data-position")).toBe("exact");
    expect(await card.textContent()).toContain("区退役军人事务局实测（测试）");
    // The surveyed point is worth navigating to: both apps get the point (GCJ-02 for AMap, BD-09 for Baidu), no search.
    expect(await card.locator('[data-navigation-target="position"]').count()).toBe(1);
    const amap = new URL((await card.locator('[data-navigation="amap"]').getAttribute("href"))!);
    expect(`${amap.hostname}${amap.pathname}`).toBe("uri.amap.com/marker");
    const [gcjLongitude, gcjLatitude] = wgs84ToGcj02([105.7712, 29.6688]);
    expect(amap.searchParams.get("position")).toBe(`${gcjLongitude.toFixed(6)},${gcjLatitude.toFixed(6)}`);
    const baidu = new URL((await card.locator('[data-navigation="baidu"]').getAttribute("href"))!);
    expect(`${baidu.hostname}${baidu.pathname}`).toBe("api.map.baidu.com/marker");
    const [bdLongitude, bdLatitude] = wgs84ToBd09([105.7712, 29.6688]);
    expect(baidu.searchParams.get("location")).toBe(`${bdLatitude.toFixed(6)},${bdLongitude.toFixed(6)}`);
    // A memorial the file does not name keeps its placeholder and says so.
    await page.locator('[data-action="memorial-back"]').click();
    await page.locator('[data-memorial-list] [data-memorial-id="memorial-hu-zaiguo"]').click();
    const other = page.locator('[data-memorial-card="memorial-hu-zaiguo"]');
    await other.waitFor({ state: "visible", timeout: 30_000 });
    expect(await other.locator("[data-position]").getAttribute("data-position")).toBe("approximate");
    // …and its buttons still search the published address rather than drop a pin at the town-level placeholder.
    expect(await other.locator('[data-navigation-target="address"]').count()).toBe(1);
    const search = new URL((await other.locator('[data-navigation="amap"]').getAttribute("href"))!);
    expect(`${search.hostname}${search.pathname}`).toBe("uri.amap.com/search");
  });

  it("refuses a file with nothing of the layer's kind and stores nothing", async () => {
    const page = await openReady();
    // The published counts of a layer shipped without geometry offer the import for that layer.
    await page.locator('[data-official-import-for="mining-extraction-blocks"]').click();
    await page.locator("[data-official-form]").waitFor({ state: "visible" });
    expect(await page.locator("[data-official-target]").inputValue()).toBe("mining-extraction-blocks");
    expect(await page.locator("[data-official-open]").count()).toBe(0);
    await screenshot(page, "official-data-from-summary", '[data-layer-group="mining"]');
    const points = {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: gaussKrugerToLngLat([cornerEasting, cornerNorthing]) } }],
    };
    await page
      .locator("[data-official-file]")
      .setInputFiles({ name: "点.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(points)) });
    await page.locator("[data-official-read]").waitFor({ state: "visible", timeout: 60_000 });
    await page.locator("[data-official-provenance]").fill("测试");
    await page.locator("[data-official-save]").click();
    await page.locator("[data-official-failure]").waitFor({ state: "visible" });
    expect(await page.locator("[data-official-failure]").textContent()).toContain("没有面要素");
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open("dazu-map-parcels");
          open.onsuccess = () => {
            const database = open.result;
            if (!database.objectStoreNames.contains("layers")) return resolve(0);
            const count = database.transaction("layers").objectStore("layers").count();
            count.onsuccess = () => resolve(count.result);
          };
          open.onerror = () => resolve(-1);
        }),
    );
    expect(stored).toBe(0);
  });
});
