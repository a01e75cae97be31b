import { readFileSync } from "node:fs";
import { waitForApp, whenIdle } from "./app";
import { openApp, type AppSession, type OpenOptions, type Page } from "./driver";

const SITE_FIXTURE = new URL("../fixtures/parcel/key-zone-edge-4544.geojson", import.meta.url);

export const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;

export async function openReady(baseUrl: string, options: OpenOptions = {}): Promise<AppSession> {
  const session = await openApp(baseUrl, "/", options);
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session;
}

export async function openSiteCheck(page: Page): Promise<void> {
  await page.locator('[data-sheet-tab="site-check"]').click();
  await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
}

/** Uploads the key-zone fixture and waits for its report. */
export async function checkFixtureParcel(page: Page): Promise<void> {
  await page.locator('[data-site-mode="upload"]').click();
  await page.locator("[data-site-file]").setInputFiles({
    name: "key-zone-edge-4544.geojson",
    mimeType: "application/geo+json",
    buffer: readFileSync(SITE_FIXTURE),
  });
  await page.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
}

/** A 3 km × 2 km site around the Monument to Martyr Rao Guoliang, across 龙岗街道 and 棠香街道, as a lon/lat CSV. */
export const REPORT_SITE = { name: "memorial-site.csv", text: "lon,lat\n105.700,29.705\n105.730,29.705\n105.730,29.725\n105.700,29.725\n" };

/** Opens the site check, uploads a boundary file and waits for its report. */
export async function checkSiteFile(page: Page, file: { name: string; text: string }): Promise<void> {
  await openSiteCheck(page);
  await page.locator('[data-site-mode="upload"]').click();
  await page.locator("[data-site-file]").setInputFiles({ name: file.name, mimeType: "text/csv", buffer: Buffer.from(file.text) });
  await page.locator('[data-finding="memorials"]').first().waitFor({ state: "visible", timeout: 60_000 });
}

/** Opens the print view of the report on screen, with the browser's print dialog stubbed out. */
export async function openPrintView(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { print: () => void }).print = () => ((window as unknown as { printed?: boolean }).printed = true);
  });
  await page.locator('[data-site-action="print"]').click();
  await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true, undefined, { timeout: 60_000 });
}

export async function openOfficialDataForm(page: Page): Promise<void> {
  await page.locator("[data-official-open]").click();
  await page.locator("[data-official-form]").waitFor({ state: "visible" });
}

export async function openMemorialCard(page: Page, id: string): Promise<void> {
  await openMemorialsTab(page);
  await page.locator(`[data-memorial-id="${id}"]`).click();
  await page.locator(`[data-memorial-card="${id}"]`).waitFor({ state: "visible", timeout: 30_000 });
}

/** Opens the memorials tab and waits for its six entries (without vitest's expect, so scripts can use it too). */
export async function openMemorialsTab(page: Page): Promise<void> {
  await page.locator('[data-sheet-tab="memorials"]').click();
  await page.waitForFunction(() => document.querySelectorAll("[data-memorial-list] [data-memorial-id]").length === 6, undefined, { timeout: 30_000 });
}
