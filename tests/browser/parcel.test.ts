import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { appState, districtScreenBox, waitForApp, whenIdle } from "./app";
import { artifactsDir, openApp, screenshot, type AppSession, type OpenOptions, type Page } from "./driver";

const baseUrl = inject("baseUrl");
const FIXTURE = new URL("../fixtures/parcel/key-zone-edge-4544.geojson", import.meta.url);
const KEY_ZONE_NAME = "西山背斜渝蓉高速以北重点开采区";
/** Share of the fixture square inside the key mining zone, worked out by hand in tests/fixtures/parcel/README.md. */
const EXPECTED_KEY_ZONE_SHARE_PERCENT = 23.7;

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The parts of `__dazuTest.getState()` these tests read (see `stateSnapshot` in src/state/store.ts). */
interface SiteState {
  siteParcel: { name: string; origin: string; geometry: { type: string; coordinates: number[][][] } } | null;
  siteCheck: { type: string; report?: { parcel: { gaussKrugerSquareMetres: number } } };
}

async function openReady(options: OpenOptions = {}): Promise<AppSession> {
  session = await openApp(baseUrl, "/", options);
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session;
}

async function openSiteCheck(page: Page): Promise<void> {
  await page.locator('[data-sheet-tab="site-check"]').click();
  await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
}

async function uploadFixture(page: Page): Promise<void> {
  await page.locator('[data-site-mode="upload"]').click();
  await page.locator("[data-site-file]").setInputFiles({
    name: "key-zone-edge-4544.geojson",
    mimeType: "application/geo+json",
    buffer: readFileSync(FIXTURE),
  });
  await page.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
}

describe("site check", () => {
  it("checks an uploaded GK-metre GeoJSON: the key mining zone with its share and the clause quoted", async () => {
    const { page } = await openReady();
    await openSiteCheck(page);
    await uploadFixture(page);

    // The file's declared CRS is what was used.
    expect(await page.locator("[data-site-crs-code]").getAttribute("data-site-crs-code")).toBe("EPSG:4544");

    const finding = page.locator('[data-finding="mining-key-zone"]');
    const row = finding.locator('[data-report-block="overlaps"] [data-report-row]').filter({ hasText: KEY_ZONE_NAME });
    expect(await row.count()).toBe(1);
    const share = Number(await row.locator("[data-share]").getAttribute("data-share"));
    expect(Math.abs(share - EXPECTED_KEY_ZONE_SHARE_PERCENT), `share ${share}% vs ${EXPECTED_KEY_ZONE_SHARE_PERCENT}%`).toBeLessThanOrEqual(0.5);
    // Status in words and icon, not colour only.
    // The site crosses the schematic zone's east edge but reaches less than its ±2 km accuracy into it: the data
    // cannot decide, and the report says so rather than "only touches" or "clear".
    expect(await finding.locator(".site-status").first().innerText()).toBe("? 无法判定");
    expect(await finding.locator(".site-finding-reason").innerText()).toContain("依本数据无法判定是否涉及，请导入官方边界后再查");

    // The clause is quoted from the policy corpus (fetched lazily) with a link into the reader.
    const quote = finding.locator('[data-citation="dzfb-2023-32#s4.n1.para2"]');
    await expect.poll(() => quote.locator("blockquote").innerText(), { timeout: 30_000 }).toContain("16.55平方千米");
    const link = await quote.locator("[data-reader-link]").getAttribute("href");
    expect(link).toContain("doc=dzfb-2023-32");
    expect(link).toContain("clause=s4.n1.para2");

    // GK area first, ellipsoidal beside it, in m², 公顷 and 亩; the schematic caveat; the query in the address bar.
    expect(await page.locator('[data-site-area="gk"]').innerText()).toContain("160,000.00 m²");
    expect(await page.locator('[data-site-area="gk"]').innerText()).toContain("240.00 亩");
    expect(await page.locator('[data-site-report] [data-report-block="schematic-caveat"]').innerText()).toContain(
      "本结果依据示意性数据，仅为筛查参考，不构成法律认定。",
    );
    expect(new URL(page.url()).hash).toMatch(/parcel=a[A-Za-z0-9_-]+/);
    await whenIdle(page);
    await screenshot(page, "parcel-desktop-report");

    // The exports: the report as JSON and CSV, the parcel as 界址点 TXT (X = northing first, Y with zone 35).
    const exported = async (kind: string) => {
      await page.locator(".site-exports summary").click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-site-export="${kind}"]`).click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
    };
    const json = await exported("json");
    expect(json.name).toMatch(/^地块核查-重点开采区东界测试地块-\d{4}-\d{2}-\d{2}\.json$/);
    // The JSON export is the report model: sections of typed blocks, text as message codes, figures as numbers.
    type Block = {
      type: string;
      id?: string;
      rows?: Array<{ id: string; cells: Array<{ text: { join?: Array<{ params?: { share?: { share: number } } }> } }> }>;
      citation?: string;
      text?: string | null;
    };
    const model = JSON.parse(json.text) as { formatVersion: number; sections: Array<{ id: string; blocks: Block[] }> };
    expect(model.formatVersion).toBe(2);
    const findingsSection = model.sections.find((section) => section.id === "findings")!;
    const zoneRow = findingsSection.blocks.find((block) => block.id === "findings")!.rows!.find((row) => row.id === "mining-key-zone")!;
    const exportedShare = zoneRow.cells[3]!.text.join![0]!.params!.share!.share * 100;
    expect(Math.abs(exportedShare - EXPECTED_KEY_ZONE_SHARE_PERCENT)).toBeLessThanOrEqual(0.5);
    expect(
      findingsSection.blocks
        .filter((block) => block.type === "quote")
        .map((block) => block.text ?? "")
        .join(""),
    ).toContain("16.55平方千米");
    const csv = await exported("csv");
    expect(csv.text).toContain(KEY_ZONE_NAME);
    const txt = await exported("txt");
    expect(txt.text).toContain("J1,1,3288880.000,35598450.000");

    // The memorial caution distance is the officer's to set: the nearest memorial (10.04 km away, placed to ±5 km)
    // cannot be ruled out once caution distance + uncertainty (6 km + 5 km) exceed that, and the check re-runs.
    const memorials = page.locator('[data-finding="memorials"]').first();
    expect(await memorials.getAttribute("data-status")).toBe("clear");
    await page.locator("[data-site-caution-distance]").fill("6000");
    await page.locator("[data-site-caution-distance]").dispatchEvent("change");
    await expect.poll(() => page.locator('[data-finding="memorials"]').first().getAttribute("data-status"), { timeout: 30_000 }).toBe("caution");
    expect(await page.locator('[data-finding="mining-key-zone"] [data-share]').first().getAttribute("data-share")).not.toBeNull();
    expect(session!.consoleErrors).toEqual([]);
  });

  it("says at the top of the report and the print that a site in 成都 lies wholly outside 大足区, and reads no layer clear", async () => {
    const { page } = await openReady();
    await openSiteCheck(page);
    await page.locator('[data-site-mode="paste"]').click();
    await page.locator("[data-site-paste]").fill("104.060 30.660\n104.062 30.660\n104.062 30.662\n104.060 30.662");
    await page.locator('[data-site-action="read-paste"]').click();
    const warning = page.locator('[data-site-report] [data-report-block="district-outside"]');
    await warning.waitFor({ state: "visible", timeout: 60_000 });
    expect(await warning.innerText()).toContain("地块全部位于大足区以外");
    expect(await page.locator('[data-finding][data-status="clear"]').count()).toBe(0);
    expect(await page.locator('[data-finding][data-status="outside"]').count()).toBeGreaterThan(0);
    await page.evaluate(() => {
      (window as unknown as { print: () => void }).print = () => ((window as unknown as { printed?: boolean }).printed = true);
    });
    await page.locator('[data-site-action="print"]').click();
    await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true, undefined, { timeout: 60_000 });
    expect(await page.locator('[data-site-print] [data-report-section="district"]').innerText()).toContain("本报告所列政策仅适用于大足区");
    expect(session!.consoleErrors).toEqual([]);
  });

  it("checks a parcel drawn by clicking on the map and shows its area", async () => {
    const { page } = await openReady();
    await openSiteCheck(page);
    await page.locator('[data-site-draw="polygon"]').click();
    await page.locator("[data-sketch-toolbar]").waitFor({ state: "visible" });

    const canvas = await page.locator("#map canvas").first().boundingBox();
    const district = await districtScreenBox(page);
    if (!canvas) throw new Error("no map canvas");
    const x = canvas.x + (district.x0 + district.x1) / 2;
    const y = canvas.y + (district.y0 + district.y1) / 2;
    await page.mouse.click(x - 60, y - 40);
    await page.mouse.click(x + 60, y - 40);
    await page.mouse.click(x + 60, y + 40);
    // A double-click adds the last corner and finishes.
    await page.mouse.dblclick(x - 60, y + 40);

    await page.locator('[data-site-area="gk"]').waitFor({ state: "visible", timeout: 60_000 });
    const state = (await appState(page)) as SiteState;
    expect(state.siteParcel?.origin).toBe("drawn");
    expect(state.siteParcel?.geometry.type).toBe("Polygon");
    expect(state.siteParcel?.geometry.coordinates[0]).toHaveLength(5);
    const area = state.siteCheck.report?.parcel.gaussKrugerSquareMetres ?? 0;
    // 120 × 80 px at the district view (≈ 100 m a pixel) is some tens of km², far less than the district.
    expect(area).toBeGreaterThan(1e6);
    expect(area).toBeLessThan(1436e6);
    const shown = await page.locator('[data-site-area="gk"]').innerText();
    expect(shown).toContain(`${area.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} m²`);
    expect(await page.locator("[data-site-counts]").innerText()).toMatch(/✔ 未涉及 \d+/);
    expect(session!.consoleErrors).toEqual([]);
  });

  it("prints an A4 report with the map picture, the receipt and a link that reopens the query", async () => {
    const { page } = await openReady();
    await openSiteCheck(page);
    await uploadFixture(page);
    await page.evaluate(() => {
      const target = window as unknown as { print: () => void; printed?: boolean };
      target.print = () => {
        target.printed = true;
      };
    });
    await page.locator('[data-site-action="print"]').click();
    await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true, undefined, { timeout: 60_000 });
    // The receipt's file hashes arrive asynchronously.
    await expect.poll(() => page.locator('[data-file-hash="layers/mining-key-zone.geojson"]').count(), { timeout: 30_000 }).toBe(1);

    await page.emulateMedia({ media: "print" });
    const image = page.locator("[data-print-map]");
    expect(await image.isVisible()).toBe(true);
    expect(await page.locator("#app").isVisible(), "the app is hidden when printing").toBe(false);
    const source = (await image.getAttribute("src")) ?? "";
    expect(source.startsWith("data:image/png;base64,")).toBe(true);
    // A blank canvas of this size encodes to a few kB; the drawn map with the parcel is far larger.
    expect(source.length).toBeGreaterThan(30_000);
    const decoded = await image.evaluate((element: HTMLImageElement) =>
      element.decode().then(() => ({ width: element.naturalWidth, height: element.naturalHeight })),
    );
    expect(decoded.width).toBeGreaterThan(200);

    const receipt = page.locator("[data-print-receipt]");
    expect(await receipt.innerText()).toContain("仅供参考，不作为审批依据");
    expect(await page.locator('[data-file-hash="layers/mining-key-zone.geojson"]').innerText()).toMatch(/^[0-9a-f]{12}$/);
    const link = await page.locator("[data-print-link]").innerText();
    expect(link).toMatch(/#parcel=a[A-Za-z0-9_-]+/);
    // The printed QR code encodes the same link: finder patterns drawn, at least version 1's 21 modules across.
    const qrModuleCount = await page.locator("[data-print-qr] svg").evaluate((svg) => Number(svg.getAttribute("viewBox")!.split(" ")[2]) - 8);
    expect(qrModuleCount).toBeGreaterThanOrEqual(21);
    expect(await page.locator("[data-print-qr] svg path").getAttribute("d")).toMatch(/^M4 4h1v1h-1z/);

    // A4 at 96 dpi is 794 px wide; the whole printed report as one picture, and as the PDF the browser would save.
    await page.setViewportSize({ width: 794, height: 1123 });
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, "parcel-print-a4.png"), await page.screenshot({ fullPage: true }));
    await page.pdf({ path: join(artifactsDir, "parcel-print.pdf"), format: "A4", printBackground: true });

    // Opening the printed link in a fresh browser restores the parcel and checks it again.
    await session!.close();
    session = await openApp(baseUrl, "/", { hash: new URL(link).hash });
    await waitForApp(session.page);
    const reopened = session.page.locator('[data-finding="mining-key-zone"] [data-share]');
    await reopened.first().waitFor({ state: "visible", timeout: 60_000 });
    expect(Math.abs(Number(await reopened.first().getAttribute("data-share")) - EXPECTED_KEY_ZONE_SHARE_PERCENT)).toBeLessThanOrEqual(0.5);
  });

  it("shows an error for a bad file and keeps the previous parcel and report", async () => {
    const { page } = await openReady();
    await openSiteCheck(page);
    await uploadFixture(page);
    const nameBefore = await page.locator("[data-site-parcel-name]").innerText();

    await page
      .locator("[data-site-file]")
      .setInputFiles({ name: "broken.geojson", mimeType: "application/geo+json", buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });

    const error = page.locator('[data-site-error="invalid-json"]');
    await error.waitFor({ state: "visible", timeout: 30_000 });
    expect(await error.innerText()).toContain("当前地块和核查报告未改变");
    expect(await page.locator("[data-site-parcel-name]").innerText()).toBe(nameBefore);
    expect(await page.locator('[data-finding="mining-key-zone"]').isVisible()).toBe(true);
    const state = (await appState(page)) as SiteState;
    expect(state.siteCheck.type).toBe("done");
    expect(state.siteParcel?.name).toBe(nameBefore);
  });

  it("keeps an unfinished sketch and the checked parcel over a reload, and saves, reopens and deletes a parcel", async () => {
    const { page } = await openReady();
    await openSiteCheck(page);
    await uploadFixture(page);
    // Saved under a name, then listed.
    await page.locator("[data-site-save-name]").fill("东界测试");
    await page.locator('[data-site-action="save"]').click();
    const saved = page.locator("[data-site-saved] [data-saved-id]");
    await expect.poll(() => saved.count(), { timeout: 30_000 }).toBe(1);
    expect(await saved.first().innerText()).toContain("东界测试");

    // Start a new sketch but do not finish it.
    await page.locator('[data-site-mode="draw"]').click();
    await page.locator('[data-site-draw="polygon"]').click();
    const canvas = await page.locator("#map canvas").first().boundingBox();
    if (!canvas) throw new Error("no map canvas");
    await page.mouse.click(canvas.x + canvas.width / 2 - 50, canvas.y + canvas.height / 2 - 50);
    await page.mouse.click(canvas.x + canvas.width / 2 + 50, canvas.y + canvas.height / 2 - 50);
    await expect.poll(() => page.locator("[data-sketch-toolbar]").innerText()).toContain("已有 2 个");
    // The draft is written shortly after the last change.
    await page.waitForTimeout(1_000);

    await page.reload({ waitUntil: "load" });
    await waitForApp(page);
    await page.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.locator("[data-site-parcel-name]").innerText()).toBe("重点开采区东界测试地块");
    await expect.poll(() => page.locator("[data-sketch-toolbar]").innerText(), { timeout: 30_000 }).toContain("已有 2 个");
    await page.locator('[data-sketch-action="cancel"]').click();

    // Clear, then reopen the saved parcel: it is checked again.
    await page.locator('[data-site-action="clear"]').click();
    await page.locator(".site-empty").waitFor({ state: "visible" });
    await page.locator("[data-saved-open]").first().click();
    await page.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
    await page.locator("[data-saved-delete]").first().click();
    await expect.poll(() => saved.count(), { timeout: 30_000 }).toBe(0);
    expect(session!.consoleErrors).toEqual([]);
  });

  it("saves a phone screenshot of the report as a sheet", async () => {
    const { page } = await openReady({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await openSiteCheck(page);
    await uploadFixture(page);
    await whenIdle(page);
    await screenshot(page, "parcel-phone-390x844");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
    expect(session!.consoleErrors).toEqual([]);
  });
});
