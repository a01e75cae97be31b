import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { waitForApp, whenIdle } from "./app";
import { openApp, type AppSession, type OpenOptions, type Page } from "./driver";

/** Four squares in EPSG:4544 with hand-worked areas and results (tests/fixtures/parcel/README.md). */
export const FOUR_PARCELS_FILE = {
  name: "batch-four-parcels-4544.geojson",
  mimeType: "application/geo+json",
  buffer: readFileSync(new URL("../fixtures/parcel/batch-four-parcels-4544.geojson", import.meta.url)),
};

/** Opens the app at the site-check tab, its inputs shown. */
export async function openSiteCheck(baseUrl: string, options: OpenOptions = {}): Promise<AppSession> {
  const session = await openApp(baseUrl, "/", options);
  const { page } = session;
  await waitForApp(page);
  await whenIdle(page);
  await page.locator('[data-sheet-tab="site-check"]').click();
  await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
  return session;
}

/** Uploads a file (the four-parcel fixture unless told) and checks all of its `parcels`; waits for the table to hold them all. */
export async function uploadAndCheckAll(page: Page, file: { name: string; mimeType: string; buffer: Buffer } = FOUR_PARCELS_FILE, parcels = 4): Promise<void> {
  await page.locator('[data-site-mode="upload"]').click();
  await page.locator("[data-site-file]").setInputFiles(file);
  await page.locator('[data-site-action="check-all"]').click();
  // The table counts its header row too.
  const rowCount = () => page.evaluate(() => document.querySelector("[data-batch-table]")?.getAttribute("aria-rowcount") ?? null);
  await expect.poll(rowCount, { timeout: 120_000 }).toBe(String(parcels + 1));
  await expect.poll(() => page.locator("[data-batch-row]").count()).toBeGreaterThan(0);
}

/** The table as text: one object per rendered row, by column id. */
export async function tableRows(page: Page): Promise<Array<Record<string, string>>> {
  return page.locator("[data-batch-row]").evaluateAll((rows) =>
    rows.map((row) => {
      const cells: Record<string, string> = { name: (row.querySelector("th") as HTMLElement).innerText.trim() };
      for (const cell of row.querySelectorAll<HTMLElement>("td[data-column]")) cells[cell.dataset.column!] = cell.innerText.trim();
      return cells;
    }),
  );
}

/** Clicks an export button as a user would and returns the download's suggested name and bytes. */
export async function downloadExport(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-batch-export="${format}"]`).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/**
 * A GeoJSON file of `count` 50 m squares near the district's centre, `perRow` to a row 0.003° apart; each with the
 * properties `properties(index)` gives.
 */
export function squaresFile(name: string, count: number, perRow: number, properties: (index: number) => Record<string, string>) {
  const features = Array.from({ length: count }, (_, index) => {
    const west = 105.6 + (index % perRow) * 0.003;
    const south = 29.6 + Math.floor(index / perRow) * 0.003;
    const ring = [
      [west, south],
      [west + 0.0005, south],
      [west + 0.0005, south + 0.0005],
      [west, south + 0.0005],
      [west, south],
    ];
    return { type: "Feature", properties: properties(index), geometry: { type: "Polygon", coordinates: [ring] } };
  });
  return { name, mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify({ type: "FeatureCollection", features })) };
}
