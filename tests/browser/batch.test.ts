import { readFileSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { appState, waitForApp, whenIdle } from "./app";
import { appUrl, openApp, screenshot, type AppSession, type Page } from "./driver";

const baseUrl = inject("baseUrl");
const FIXTURE = new URL("../fixtures/parcel/batch-four-parcels-4544.geojson", import.meta.url);
const FIXTURE_FILE = { name: "batch-four-parcels-4544.geojson", mimeType: "application/geo+json", buffer: readFileSync(FIXTURE) };

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface SiteState {
  siteParcel: { name: string } | null;
  siteCheck: { type: string };
}

async function openSiteCheck(options: { viewport?: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean } = {}): Promise<Page> {
  session = await openApp(baseUrl, "/", options);
  const { page } = session;
  await waitForApp(page);
  await whenIdle(page);
  await page.locator('[data-sheet-tab="site-check"]').click();
  await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
  return page;
}

async function uploadAndCheckAll(page: Page): Promise<void> {
  await page.locator('[data-site-mode="upload"]').click();
  await page.locator("[data-site-file]").setInputFiles(FIXTURE_FILE);
  await page.locator('[data-site-action="check-all"]').click();
  await expect.poll(() => page.locator("[data-batch-row]").count(), { timeout: 60_000 }).toBe(4);
}

/** The table as text: one object per row, by column id. */
async function tableRows(page: Page): Promise<Array<Record<string, string>>> {
  return page.locator("[data-batch-row]").evaluateAll((rows) =>
    rows.map((row) => {
      const cells: Record<string, string> = { name: (row.querySelector("th") as HTMLElement).innerText.trim() };
      for (const cell of row.querySelectorAll<HTMLElement>("td[data-column]")) cells[cell.dataset.column!] = cell.innerText.trim();
      return cells;
    }),
  );
}

describe("batch check in the page", () => {
  it("checks every parcel of a file: the table's figures, sorting, filtering, and a row opens its report", async () => {
    const page = await openSiteCheck();
    await uploadAndCheckAll(page);
    const rows = await tableRows(page);
    // Hand-worked in EPSG:4544 metres: 400 m × 400 m = 160 000 m² = 240 亩; 200 m squares 40 000 m² = 60 亩; 100 m 15 亩.
    expect(rows.map((row) => [row.name, row.number, row.areaSquareMetres, row.areaMu])).toEqual([
      ["A-01 重点开采区东界", "DZ-2024-001", "160000.00", "240.00"],
      ["B-02 城区", "DZ-2024-002", "40000.00", "60.00"],
      ["C-03 区外", "DZ-2024-003", "40000.00", "60.00"],
      ["D-04 小地块", "DZ-2024-004", "10000.00", "15.00"],
    ]);
    // The key zone's east edge crosses A-01 within the zone's ±2 km (see tests/fixtures/parcel/README.md); 渝中区 is outside.
    expect(rows.map((row) => row["status:mining-key-zone"])).toEqual(["? 无法判定", "✔ 未涉及", "○ 区外不适用", "✔ 未涉及"]);
    // A-01 also reaches past the district outline (derived, from the published outline), so it is flagged partly outside.
    expect(rows.map((row) => row.district)).toEqual(["部分在区外", "否", "全部在区外", "否"]);
    expect(rows[2]!.fee).toBe("");
    expect(await page.locator("[data-batch-shown]").innerText()).toBe("显示 4 / 4 个地块");

    // Sort by area: ascending, then descending; aria-sort says which.
    await page.locator('[data-batch-sort="areaSquareMetres"]').click();
    expect((await tableRows(page)).map((row) => row.number)).toEqual(["DZ-2024-004", "DZ-2024-002", "DZ-2024-003", "DZ-2024-001"]);
    expect(await page.locator('th[data-column="areaSquareMetres"]').getAttribute("aria-sort")).toBe("ascending");
    await page.locator('[data-batch-sort="areaSquareMetres"]').click();
    expect((await tableRows(page)).map((row) => row.number)).toEqual(["DZ-2024-001", "DZ-2024-002", "DZ-2024-003", "DZ-2024-004"]);
    expect(await page.locator('th[data-column="areaSquareMetres"]').getAttribute("aria-sort")).toBe("descending");
    expect(await page.locator('th[data-column="name"]').getAttribute("aria-sort")).toBe("none");

    // Filter by result, then by text.
    await page.locator("[data-batch-filter-status]").selectOption("outside");
    expect((await tableRows(page)).map((row) => row.number)).toEqual(["DZ-2024-003"]);
    expect(await page.locator("[data-batch-shown]").innerText()).toBe("显示 1 / 4 个地块");
    await page.locator("[data-batch-filter-status]").selectOption("all");
    await page.locator("[data-batch-filter-text]").fill("dz-2024-002");
    await expect.poll(async () => (await tableRows(page)).map((row) => row.number)).toEqual(["DZ-2024-002"]);
    await page.locator("[data-batch-filter-text]").fill("");
    await expect.poll(() => page.locator("[data-batch-row]").count()).toBe(4);

    // A row opens that parcel's full report through the single-parcel check.
    await page.locator('[data-batch-open="1"]').click();
    await expect.poll(async () => ((await appState(page)) as SiteState).siteParcel?.name, { timeout: 60_000 }).toBe("B-02 城区");
    await expect.poll(async () => ((await appState(page)) as SiteState).siteCheck.type, { timeout: 60_000 }).toBe("done");
    expect(await page.locator("[data-site-parcel-name]").innerText()).toBe("B-02 城区");
    expect(await page.locator('[data-batch-row="1"]').getAttribute("aria-current")).toBe("true");
    await screenshot(page, "batch-table-desktop", "[data-site-batch]");
    expect(session!.consoleErrors).toEqual([]);
  });
});
