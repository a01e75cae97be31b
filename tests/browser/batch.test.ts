import { readFileSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { appState, waitForApp } from "./app";
import { openSiteCheck, squaresFile, tableRows, uploadAndCheckAll } from "./batchSteps";
import { accessibilityViolations, screenshot, type AppSession, type OpenOptions, type Page } from "./driver";

const baseUrl = inject("baseUrl");
let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface SiteState {
  siteParcel: { name: string } | null;
  siteCheck: { type: string };
}

async function openSiteCheckPage(options: OpenOptions = {}): Promise<Page> {
  session = await openSiteCheck(baseUrl, options);
  return session.page;
}

describe("batch check in the page", () => {
  it("checks every parcel of a file: the table's figures, sorting, filtering, and a row opens its report", async () => {
    const page = await openSiteCheckPage();
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

  it("on a phone, the table scrolls inside its box with the name column kept in view, and the rows' open buttons reach a report", async () => {
    const page = await openSiteCheckPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await uploadAndCheckAll(page);
    const box = await page.locator("[data-batch-scroll]").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    // The page itself does not scroll sideways: the wide table scrolls in its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator("[data-batch-scroll]").evaluate((element) => {
      element.scrollLeft = 400;
    });
    const name = await page.locator('[data-batch-open="0"]').boundingBox();
    expect(name!.x).toBeGreaterThanOrEqual(box!.x - 1);
    await page.locator("[data-site-batch]").scrollIntoViewIfNeeded();
    await screenshot(page, "batch-table-phone", "[data-site-batch]");

    // The header is one line of titles, in Chinese and in English (it was three to four lines: 107 px in Chinese).
    const header = () =>
      page.locator("[data-batch-table] thead").evaluate((head) => ({
        height: (head as HTMLElement).offsetHeight,
        buttons: [...head.querySelectorAll<HTMLElement>("[data-batch-sort]")].map((button) => ({
          column: button.dataset.batchSort!,
          text: button.innerText.trim(),
          label: button.getAttribute("aria-label"),
          height: button.getBoundingClientRect().height,
        })),
      }));
    const oneLine = async (fee: { text: string; label: string }) => {
      const { height, buttons } = await header();
      const single = buttons.find((button) => button.column === "name")!.height;
      expect(single).toBeLessThan(40);
      // The row is its buttons and the header cells' bottom border.
      expect(height).toBeLessThanOrEqual(single + 2);
      expect(buttons.filter((button) => Math.abs(button.height - single) > 1)).toEqual([]);
      // The fee's long title is shortened on screen, and read out in full.
      const feeButton = buttons.find((button) => button.column === "fee")!;
      expect([feeButton.text, feeButton.label]).toEqual([fee.text, fee.label]);
      expect(buttons.filter((button) => button.column !== "fee" && button.label !== null)).toEqual([]);
    };
    await oneLine({ text: "城市建设配套费", label: "城市建设配套费（估算或待答问题）" });
    // Scrolled back to the start: scrolled sideways, a column half under the kept name column is a small target for axe.
    await page.locator("[data-batch-scroll]").evaluate((element) => {
      element.scrollLeft = 0;
    });
    expect(await accessibilityViolations(page, "[data-site-batch]")).toEqual([]);
    await page.evaluate(() => {
      window.location.hash = "#lang=en";
    });
    await expect.poll(() => page.locator('[data-batch-sort="name"]').innerText()).toBe("Parcel name");
    await oneLine({ text: "Infrastructure fee", label: "Infrastructure fee (rate or open question)" });
    expect(await accessibilityViolations(page, "[data-site-batch]")).toEqual([]);
    await screenshot(page, "batch-table-phone-en", "[data-site-batch]");
    expect(session!.consoleErrors).toEqual([]);
  });

  it("keeps the batch across a reload and puts it in the workspace file", async () => {
    const page = await openSiteCheckPage();
    await uploadAndCheckAll(page);
    // The batch is written in chunks after the table shows; its head, written last, says it is complete.
    const storedParcels = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open("dazu-map-parcels");
            open.onsuccess = () => {
              const request = open.result.transaction("batches").objectStore("batches").get("current");
              request.onsuccess = () => {
                resolve((request.result as { parcelCount?: number } | undefined)?.parcelCount ?? 0);
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(storedParcels, { timeout: 30_000 }).toBe(4);
    await page.reload({ waitUntil: "load" });
    await waitForApp(page);
    await page.locator('[data-sheet-tab="site-check"]').click();
    await expect.poll(() => page.locator("[data-batch-row]").count(), { timeout: 30_000 }).toBe(4);
    expect(await page.locator("[data-batch-source]").innerText()).toContain("batch-four-parcels-4544.geojson · 4 个地块");

    const summary = page.locator("[data-workspace-summary]");
    await summary.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-workspace-action="export"]').click()]);
    const file = JSON.parse(readFileSync(await download.path(), "utf8")) as {
      batch: { fileName: string; parcels: Array<{ name: string }>; results: Array<{ index: number }> } | null;
    };
    expect(file.batch?.fileName).toBe("batch-four-parcels-4544.geojson");
    expect(file.batch?.parcels.map((parcel) => parcel.name)).toEqual(["A-01 重点开采区东界", "B-02 城区", "C-03 区外", "D-04 小地块"]);
    expect(file.batch?.results.map((result) => result.index)).toEqual([0, 1, 2, 3]);
    expect(session!.consoleErrors).toEqual([]);
  });

  it("cancels a running batch and keeps the earlier one", async () => {
    const page = await openSiteCheckPage();
    await uploadAndCheckAll(page);
    const sourceBefore = await page.locator("[data-batch-source]").innerText();
    // Three thousand 50 m squares near the district centre: long enough a run to cancel part way.
    await page.locator("[data-site-file]").setInputFiles(squaresFile("three-thousand.geojson", 3000, 60, (index) => ({ 宗地编号: `ZD-${index}` })));
    await page.locator('[data-site-action="check-all"]').click();
    const progress = page.locator("[data-batch-progress]");
    await expect.poll(async () => Number(/(\d+) \/ 3000/.exec(await progress.innerText())?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await progress.getAttribute("role")).toBe("status");
    await page.locator('[data-batch-action="cancel"]').click();
    await page.locator("[data-batch-cancelled]").waitFor({ state: "visible" });
    expect(await page.locator("[data-batch-cancelled]").innerText()).toBe("已取消批量核查。 之前的批量核查结果未改变。");
    expect(await page.locator("[data-batch-source]").innerText()).toBe(sourceBefore);
    expect(await page.locator("[data-batch-row]").count()).toBe(4);
    // The workers were ended: nothing arrives later to replace the batch.
    await page.waitForTimeout(2_000);
    expect(page.workers().filter((worker) => /batchCheck\.worker/.test(worker.url()))).toHaveLength(0);
    expect(await page.locator("[data-batch-source]").innerText()).toBe(sourceBefore);
    expect(session!.consoleErrors).toEqual([]);
  });
});
