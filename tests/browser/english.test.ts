import type { FeatureCollection } from "geojson";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Manifest } from "../../src/layers/manifestTypes";
import { loadErrors, waitForApp, whenIdle } from "./app";
import { openApp, type AppSession } from "./driver";
import { hanFindings, NONE, type HanFindings } from "./hanFindings";
import { checkSiteFile, openPrintView, REPORT_SITE } from "./accessibilityScreens";
import { openMemorialsTab, PHONE } from "./memorialSteps";

const baseUrl = inject("baseUrl");

let manifest: Manifest;
/** Every feature id of every layer with a GeoJSON file, by layer id. */
const featureIds = new Map<string, string[]>();
let session: AppSession | undefined;

beforeAll(async () => {
  manifest = (await (await fetch(new URL("geodata/manifest.json", baseUrl))).json()) as Manifest;
  for (const layer of manifest.layers) {
    if (layer.file === undefined) continue;
    const data = (await (await fetch(new URL(`geodata/${layer.file}`, baseUrl))).json()) as FeatureCollection;
    featureIds.set(
      layer.id,
      data.features.map((feature) => String(feature.properties?.id)),
    );
  }
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Opens a feature by link and waits until its clauses are quoted and its measure is drawn. */
async function openFeature(page: Page, layerId: string, featureId: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#lang=en&feature=${layerId}/${featureId}`);
  const inspector = page.locator("[data-inspector]");
  await expect.poll(() => inspector.getAttribute("data-inspector"), { timeout: 30_000 }).toBe(`${layerId}/${featureId}`);
  await expect.poll(() => inspector.locator(".inspector-measuring").count(), { timeout: 30_000 }).toBe(0);
}

describe("English mode is English", () => {
  it("shows features of every layer in the inspector with no Chinese outside quotations", async () => {
    session = await openApp(baseUrl, "/", { hash: "#lang=en" });
    const { page } = session;
    await waitForApp(page);
    await whenIdle(page);
    const findings: Record<string, HanFindings> = {};
    let opened = 0;
    for (const layer of manifest.layers) {
      // The first and the last feature of each layer (the unit tests read every value of every feature).
      const ids = featureIds.get(layer.id) ?? [];
      for (const featureId of new Set([ids[0], ids.at(-1)].filter((id): id is string => id !== undefined))) {
        await openFeature(page, layer.id, featureId);
        opened++;
        const found = await hanFindings(page, "[data-inspector]");
        if (found.unmarked.length + found.markedNotQuotation.length + found.strayTerms.length > 0) findings[`${layer.id}/${featureId}`] = found;
      }
    }
    // Every layer with a file is walked; the extraction blocks ship no geometry and the synthetic parcels are tiled.
    expect(
      [...featureIds]
        .filter(([, ids]) => ids.length > 0)
        .map(([id]) => id)
        .sort(),
    ).toEqual(
      manifest.layers
        .filter((layer) => layer.file !== undefined && layer.id !== "mining-extraction-blocks")
        .map((layer) => layer.id)
        .sort(),
    );
    expect(opened).toBeGreaterThan(20);
    expect(findings).toEqual({});

    // The same walk finds Chinese where it is: the check is not blind.
    await page.evaluate(() => {
      window.location.hash = "#lang=zh&feature=mining-key-zone/mining-key-zone-xishan-north";
    });
    await expect.poll(async () => (await hanFindings(page, "[data-inspector]")).unmarked.length, { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await loadErrors(page)).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  }, 240_000);

  it("shows the layer panel — titles, descriptions, legends, quality notes and published counts — with no Chinese outside marked terms", async () => {
    session = await openApp(baseUrl, "/", { hash: "#lang=en" });
    const { page } = session;
    await waitForApp(page);
    await whenIdle(page);
    // The quality notes are toggletips: show them all, so the walk reads them as a reader who opens each one does.
    const showNotes = () =>
      page.evaluate(() => {
        for (const tip of document.querySelectorAll<HTMLElement>("#layer-panel .toggletip")) tip.hidden = false;
      });
    await showNotes();
    expect(await page.locator("#layer-panel .legend-entry").count()).toBeGreaterThan(10);
    expect(await hanFindings(page, "#layer-panel")).toEqual(NONE);
    // The terms an English note names (智凤, 四至, 场镇 …) are marked Chinese inside it.
    const terms = await page.locator("#layer-panel [data-prose] [data-chinese-term]").allInnerTexts();
    expect(terms).toContain("四至");
    expect(terms).toContain("场镇");

    // The same walk finds the Chinese of the Chinese panel: the check is not blind.
    await page.locator('[data-action="toggle-language"]').click();
    await expect.poll(() => page.locator('[data-sheet-tab="layers"]').innerText()).toBe("图层");
    await showNotes();
    expect((await hanFindings(page, "#layer-panel")).unmarked.length).toBeGreaterThan(20);
    expect(session.consoleErrors).toEqual([]);
  });

  it("names the key zone's towns, values and clauses in English", async () => {
    session = await openApp(baseUrl, "/", { hash: "#lang=en&feature=mining-key-zone/mining-key-zone-xishan-north" });
    const { page } = session;
    await waitForApp(page);
    await openFeature(page, "mining-key-zone", "mining-key-zone-xishan-north");
    expect(await page.locator('[data-attribute="towns"]').innerText()).toBe("Yongxi Town, Gulong Town, Wangu Town");
    expect(await page.locator('[data-attribute-label="towns"]').innerText()).toBe("Towns");
    expect(await page.locator('[data-attribute="area_by_town_km2"]').innerText()).toBe("Gulong Town 10.36 km², Yongxi Town 6.11 km², Wangu Town 0.07 km²");
    // The quoted clause stays Chinese, introduced by the document's English title.
    const citation = page.locator("[data-inspector] .citation").first();
    expect(await citation.locator(".citation-document").innerText()).toMatch(/^[\x20-\x7e–—’]+$/);
    expect(await citation.locator("blockquote").getAttribute("lang")).toBe("zh-CN");
  });

  it("writes a site-check report and its print view in English, quoting the documents in Chinese under their English titles", async () => {
    session = await openApp(baseUrl, "/", { hash: "#lang=en" });
    const { page } = session;
    await waitForApp(page);
    await whenIdle(page);
    await checkSiteFile(page, REPORT_SITE);
    const report = page.locator("[data-site-report]");
    // Both towns and the memorial by their English names, joined the English way.
    expect(await report.locator('[data-finding="fee-tiers"] .site-finding-reason').innerText()).toMatch(
      /^Lies in: Longgang Subdistrict, Tangxiang Subdistrict \(/,
    );
    expect(await report.locator('[data-finding="memorials"] .site-finding-reason').innerText()).toMatch(/^0 m from Monument to Martyr Rao Guoliang,/);
    // The fee question names the towns in English; the clauses are quoted in Chinese under the document's English title.
    await expect.poll(() => page.locator('[data-site-question="town"]').innerText(), { timeout: 30_000 }).toContain("Tangxiang Subdistrict");
    const quote = report.locator('[data-finding="memorials"] [data-citation]').first();
    await expect.poll(() => quote.locator("blockquote").getAttribute("lang"), { timeout: 30_000 }).toBe("zh-CN");
    expect(await quote.locator(".citation-document").innerText()).toMatch(/^[\x20-\x7e–—’]+$/);
    await expect.poll(() => report.locator(".site-quote-text--pending").count(), { timeout: 30_000 }).toBe(0);
    expect(await hanFindings(page, "[data-site-report]")).toEqual(NONE);
    const mineral = report.locator('[data-report-section="mining"] [data-site-mineral]');
    expect(await mineral.count()).toBe(1);
    // Minerals are named in English beside the plan's own word, in the choice and in the rules shown for it.
    expect(await mineral.locator('option[value="石灰岩"]').innerText()).toBe("Limestone (石灰岩)");
    await mineral.selectOption("石灰岩");
    const scales = report.locator('[data-report-section="mining"] [data-report-block="mining-scales"]');
    await expect.poll(() => scales.count(), { timeout: 30_000 }).toBe(1);
    expect(await scales.innerText()).toContain("Limestone for building stone (建筑石料用灰岩)");
    await expect.poll(() => report.locator(".site-quote-text--pending").count(), { timeout: 30_000 }).toBe(0);
    expect(await hanFindings(page, "[data-site-report]")).toEqual(NONE);

    await openPrintView(page);
    await page.emulateMedia({ media: "print" });
    try {
      const printed = page.locator("[data-site-print]");
      expect(await printed.locator('[data-report-row="fee-tiers"]').innerText()).toContain("Lies in: Longgang Subdistrict, Tangxiang Subdistrict");
      expect(await hanFindings(page, "[data-site-print]")).toEqual(NONE);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }

    // The same walk finds the Chinese report Chinese: the check is not blind.
    await page.locator('[data-action="toggle-language"]').click();
    await expect.poll(async () => (await hanFindings(page, "[data-site-report]")).unmarked.length, { timeout: 30_000 }).toBeGreaterThan(10);
    expect(session.consoleErrors).toEqual([]);
  }, 180_000);

  it("lists the memorials and shows every memorial card with no Chinese outside quotations, and says when you are far outside the district", async () => {
    session = await openApp(baseUrl, "/", { ...PHONE, hash: "#lang=en" });
    const { page } = session;
    await waitForApp(page);
    await whenIdle(page);
    await openMemorialsTab(page);
    await expect.poll(() => page.locator(".memorial-intro").innerText(), { timeout: 30_000 }).toContain("Protection Areas of Martyrs");
    expect(await hanFindings(page, "[data-memorial-finder]")).toEqual(NONE);
    expect(await page.locator('[data-memorial-id="memorial-rao-guoliang"] .memorial-item-meta').innerText()).toBe("Monument · Longgang Subdistrict");

    const ids = await page
      .locator("[data-memorial-list] [data-memorial-id]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-memorial-id")!));
    const findings: Record<string, HanFindings> = {};
    for (const id of ids) {
      await page.locator(`[data-memorial-id="${id}"]`).click();
      const card = page.locator(`[data-memorial-card="${id}"]`);
      await expect.poll(() => card.locator('[data-memorial-quote="rules"]').count(), { timeout: 30_000 }).toBe(1);
      const found = await hanFindings(page, `[data-memorial-card="${id}"]`);
      if (found.unmarked.length + found.markedNotQuotation.length + found.strayTerms.length > 0) findings[id] = found;
      if (id === "memorial-su-chaomiao") {
        expect(await card.locator(".memorial-card-kind").innerText()).toBe("Martyr's tomb · Zhuxi Town");
        expect(await card.locator("[data-memorial-range]").innerText()).toMatch(/^The tomb and the memorial ground in front of it\s+“?主体及墓前纪念场地”?$/);
        expect(await card.locator("[data-memorial-shared]").innerText()).toContain("Tomb of Martyr Yang Shengjin, Tomb of Martyr Peng Zongquan");
        expect(await card.locator('[data-navigation-target="address"]').innerText()).toContain("search for the published address");
        expect(await card.locator("[data-navigation-keyword]").innerText()).toBe("珠溪镇凉水村6组半边寺");
        expect(new URL((await card.locator('[data-navigation="baidu"]').getAttribute("href"))!).searchParams.get("query")).toBe("珠溪镇凉水村6组半边寺");
      }
      await page.locator('[data-action="memorial-back"]').click();
    }
    expect(ids).toHaveLength(6);
    expect(findings).toEqual({});

    // Chengdu, ≈ 170 km from the district: the finder says so before the distances.
    await page.context().grantPermissions(["geolocation"], { origin: new URL(baseUrl).origin });
    await page.context().setGeolocation({ longitude: 104.066, latitude: 30.657, accuracy: 30 });
    await page.locator('[data-action="locate"]').click();
    const district = page.locator("[data-district-standing]");
    await expect.poll(() => district.getAttribute("data-district-standing"), { timeout: 30_000 }).toBe("farOutside");
    expect(await district.innerText()).toMatch(/^You are far outside Dazu District \(about 1\d\d km from its boundary\)/);
    expect(await hanFindings(page, "[data-memorial-finder]")).toEqual(NONE);
    expect(session.consoleErrors).toEqual([]);
  });
});
