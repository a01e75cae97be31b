import { readFileSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { appState, waitForApp, whenIdle } from "./app";
import { appUrl, openApp, screenshot, type AppSession, type Page } from "./driver";

const baseUrl = inject("baseUrl");
const FIXTURE = new URL("../fixtures/parcel/key-zone-edge-4544.geojson", import.meta.url);
const FIXTURE_PARCEL_NAME = "重点开采区东界测试地块";
const TOKEN = "workspace-test-secret-token";

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The parts of `__dazuTest.getState()` these tests read (see `stateSnapshot` in src/state/store.ts). */
interface SettingsState {
  language: string;
  basemap: string;
  layers: Record<string, { visible: boolean; opacity: number }>;
  siteParcel: { name: string } | null;
}

const stateOf = async (page: Page) => (await appState(page)) as SettingsState;

/** An imported layer record as the official-data import stores it (src/workspace/importedLayer.ts). */
const importedLayer = {
  schemaVersion: 1,
  id: "imported-workspace-test",
  title: { zh: "测试导入图层", en: "Test imported layer" },
  replaces: null,
  role: "informs",
  geometryType: "point",
  source: ["dzfb-2023-47#s1"],
  sourceDocuments: ["dzfb-2023-47"],
  provenance: "测试",
  positionalAccuracyM: 10,
  fileName: "points.geojson",
  importedAt: "2024-06-01T00:00:00.000Z",
  crs: { code: "EPSG:4326", swappedAxes: false, confidence: "declared" },
  data: {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { id: "p1", name: "测试点", source: ["dzfb-2023-47#s1"], geometry_quality: "official", geometry_note: "测试" },
        geometry: { type: "Point", coordinates: [105.72, 29.7] },
      },
    ],
  },
};

async function openReady(): Promise<Page> {
  session = await openApp(baseUrl, "/");
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session.page;
}

/** A full page load (not a same-document hash change) of the app at `hash`. */
async function loadFresh(page: Page, hash = ""): Promise<void> {
  await page.goto("about:blank");
  await page.goto(appUrl(baseUrl, "/", hash), { waitUntil: "load" });
  await waitForApp(page);
}

async function openSiteCheck(page: Page): Promise<void> {
  await page.locator('[data-sheet-tab="site-check"]').click();
  await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
}

async function openLayers(page: Page): Promise<void> {
  await page.locator('[data-sheet-tab="layers"]').click();
  await page.locator('[data-layer-toggle="towns"]').waitFor({ state: "visible" });
}

async function storedLayerIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("dazu-map-parcels");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction("layers").objectStore("layers").getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result.map(String));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Errors other than the aborted requests for online basemap tiles (every off-host request is blocked here). */
const appErrors = (current: AppSession) => current.consoleErrors.filter((message) => !/ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(message));

describe("workspace", () => {
  it("exports everything to one file and restores it into an empty browser", async () => {
    let page = await openReady();

    // A saved parcel, which also stays open as the unsaved draft.
    await openSiteCheck(page);
    await page.locator('[data-site-mode="upload"]').click();
    await page
      .locator("[data-site-file]")
      .setInputFiles({ name: "key-zone-edge-4544.geojson", mimeType: "application/geo+json", buffer: readFileSync(FIXTURE) });
    await page.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
    await page.locator("[data-site-save-name]").fill("工作区测试");
    await page.locator('[data-site-action="save"]').click();
    await expect.poll(() => page.locator("[data-site-saved] [data-saved-id]").count(), { timeout: 30_000 }).toBe(1);
    await page.locator("[data-site-caution-distance]").fill("300");
    await page.locator("[data-site-caution-distance]").dispatchEvent("change");

    // Settings: layers, basemap, language; a 天地图 key that must never leave the browser.
    await openLayers(page);
    await page.locator('[data-layer-toggle="towns"]').setChecked(false);
    await page.locator('[data-layer-toggle="urban-areas"]').setChecked(true);
    await page.locator('[data-layer-opacity="fee-tiers"]').evaluate((slider: HTMLInputElement) => {
      slider.value = "30";
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.locator('[data-control="basemap"]').selectOption("osm");
    await page.locator('[data-action="toggle-language"]').click();
    await page.evaluate((token) => localStorage.setItem("dazu-map.tianditu-token", token), TOKEN);

    // An imported layer, put where the official-data import keeps it.
    await page.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("dazu-map-parcels");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const transaction = open.result.transaction("layers", "readwrite");
            transaction.objectStore("layers").put(record);
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      importedLayer,
    );

    // The workspace block counts what is kept, then exports it.
    await openSiteCheck(page);
    const summary = page.locator("[data-workspace-summary]");
    await summary.scrollIntoViewIfNeeded();
    await expect.poll(() => summary.innerText(), { timeout: 30_000 }).toContain("saved sites 1, imported layers 1, unsaved drafts 1");
    // A moment for the last settings to be written.
    await page.waitForTimeout(1_000);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-workspace-action="export"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^大足规划地图-工作区-\d{8}\.json$/);
    const text = readFileSync(await download.path(), "utf8");
    expect(text).not.toContain(TOKEN);
    const file = JSON.parse(text) as {
      format: string;
      formatVersion: number;
      dataPackageVersion: string | null;
      settings: { language: string; basemap: string; layers: Record<string, unknown>; cautionDistanceMetres: number };
      savedQueries: Array<{ name: string }>;
      draft: { query: { parcel: { name: string } } | null } | null;
      importedLayers: Array<{ id: string }>;
    };
    expect(file).toMatchObject({ format: "dazu-map-workspace", formatVersion: 1 });
    expect(file.dataPackageVersion).toMatch(/\S/);
    expect(file.settings).toMatchObject({
      language: "en",
      basemap: "osm",
      cautionDistanceMetres: 300,
      layers: { towns: { visible: false }, "urban-areas": { visible: true }, "fee-tiers": { opacity: 0.3 } },
    });
    expect(file.savedQueries.map((query) => query.name)).toEqual(["工作区测试"]);
    expect(file.draft?.query?.parcel.name).toBe(FIXTURE_PARCEL_NAME);
    expect(file.importedLayers.map((layer) => layer.id)).toEqual([importedLayer.id]);
    expect(appErrors(session!)).toEqual([]);

    // A browser with nothing stored: defaults, nothing saved.
    await session!.close();
    page = await openReady();
    expect(await stateOf(page)).toMatchObject({ language: "zh", basemap: "none", siteParcel: null });
    await openSiteCheck(page);
    await expect
      .poll(() => page.locator("[data-workspace-summary]").innerText(), { timeout: 30_000 })
      .toContain("已保存地块 0 个，导入图层 0 个，未保存的草稿 0 个");

    // Importing asks first, saying what will be replaced; cancelling changes nothing.
    const choose = () => page.locator("[data-workspace-file]").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await choose();
    const confirm = page.locator("[data-workspace-confirm]");
    await confirm.waitFor({ state: "visible" });
    expect(await confirm.innerText()).toContain("已保存地块 1 个");
    expect(await confirm.innerText()).toContain("替换本浏览器中的设置");
    await screenshot(page, "workspace-import-confirm", "[data-workspace]");
    await page.locator('[data-workspace-action="cancel"]').click();
    await confirm.waitFor({ state: "detached" });
    await choose();
    await Promise.all([page.waitForEvent("load", { timeout: 60_000 }), page.locator('[data-workspace-action="confirm"]').click()]);
    await waitForApp(page);

    // After the reload: settings, the draft (checked again with the restored caution distance), the saved parcel, the layer.
    await expect.poll(async () => (await stateOf(page)).siteParcel?.name, { timeout: 60_000 }).toBe(FIXTURE_PARCEL_NAME);
    const state = await stateOf(page);
    expect(state.language).toBe("en");
    expect(state.basemap).toBe("osm");
    expect(state.layers.towns?.visible).toBe(false);
    expect(state.layers["urban-areas"]?.visible).toBe(true);
    expect(state.layers["fee-tiers"]?.opacity).toBeCloseTo(0.3);
    await openSiteCheck(page);
    await page.locator("[data-site-caution-distance]").waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.locator("[data-site-caution-distance]").inputValue()).toBe("300");
    await expect.poll(() => page.locator("[data-site-saved] [data-saved-id]").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator("[data-site-saved]").innerText()).toContain("工作区测试");
    expect(await storedLayerIds(page)).toEqual([importedLayer.id]);
    expect(await page.evaluate(() => localStorage.getItem("dazu-map.tianditu-token"))).toBeNull();
    expect(appErrors(session!)).toEqual([]);
  });

  it("refuses a damaged or foreign file with a specific message and changes nothing", async () => {
    const page = await openReady();
    await openSiteCheck(page);
    await page.locator("[data-workspace-file]").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"format": "dazu-map-workspace", "formatVersion": 1, "savedQue'),
    });
    const error = page.locator("[data-workspace-error]");
    await error.waitFor({ state: "visible" });
    expect(await error.getAttribute("data-workspace-error")).toBe("workspace-invalid-json");
    expect(await error.innerText()).toContain("本浏览器中的数据未改变");

    await page
      .locator("[data-workspace-file]")
      .setInputFiles({ name: "newer.json", mimeType: "application/json", buffer: Buffer.from('{"format": "dazu-map-workspace", "formatVersion": 9}') });
    await expect.poll(() => error.getAttribute("data-workspace-error")).toBe("workspace-future-version");
    expect(await page.locator("[data-workspace-confirm]").count()).toBe(0);
    expect(session!.consoleErrors).toEqual([]);
  });

  it("keeps settings over a reload, but a link's hash wins without overwriting them", async () => {
    const page = await openReady();
    await openLayers(page);
    await page.locator('[data-layer-toggle="towns"]').setChecked(false);
    await page.locator('[data-action="toggle-language"]').click();
    await expect.poll(async () => (await stateOf(page)).language).toBe("en");
    // Settings are written a moment after the last change.
    await page.waitForTimeout(1_000);

    await loadFresh(page);
    let state = await stateOf(page);
    expect(state.language).toBe("en");
    expect(state.layers.towns?.visible).toBe(false);

    // A shared link says Chinese and which layers: it wins over this browser's settings.
    await loadFresh(page, "#lang=zh&layers=district,towns,fee-tiers,mining-key-zone,memorials");
    state = await stateOf(page);
    expect(state.language).toBe("zh");
    expect(state.layers.towns?.visible).toBe(true);
    await page.waitForTimeout(1_000);

    // Having only looked at the link, the next plain visit has this browser's settings again.
    await loadFresh(page);
    state = await stateOf(page);
    expect(state.language).toBe("en");
    expect(state.layers.towns?.visible).toBe(false);
    expect(session!.consoleErrors).toEqual([]);
  });
});
