import { afterEach, describe, expect, inject, it } from "vitest";
import { waitForApp } from "./app";
import { openSiteCheck, squaresFile, tableRows, uploadAndCheckAll } from "./batchSteps";
import { accessibilityViolations, openApp, screenshot, type AppSession, type Page } from "./driver";

const baseUrl = inject("baseUrl");
let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/**
 * Three parcels in EPSG:4544 (GK metres): the 400 m square across the schematic key zone's east edge (undecided,
 * see tests/fixtures/parcel/README.md), the 1 km 宝顶 square far from it (clear), and a 200 m square 25 km west of
 * the district (outside: no layer applies).
 */
const THREE_PARCELS = JSON.stringify({
  type: "FeatureCollection",
  crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::4544" } },
  features: (
    [
      ["重点开采区东界测试地块", "DZ-101", 598450, 3288880, 400],
      ["宝顶测试地块", "DZ-102", 569000, 3287000, 1000],
      ["区外测试地块", "DZ-103", 520000, 3278000, 200],
    ] as const
  ).map(([name, number, east, north, side]) => ({
    type: "Feature",
    properties: { name, 宗地编号: number },
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [east, north],
          [east + side, north],
          [east + side, north + side],
          [east, north + side],
          [east, north],
        ],
      ],
    },
  })),
});

interface PrintedBatch {
  printed: number;
  selection: string | null;
  summaryRows: Array<{ name: string; number: string; area: string; keyZone: string | null }>;
  receipts: Array<{ count: string; name: string; keyZone: string | null; receipts: number; link: string | null; qr: number }>;
}

/** Prints the three parcels through the test hook (window.print replaced by a counter) and reads the print back. */
async function printThreeParcels(page: Page): Promise<PrintedBatch> {
  return page.evaluate(async (text) => {
    const hooked = window as unknown as { __printed: number; print(): void; __dazuTest: { printBatchOfFile(name: string, text: string): Promise<number> } };
    hooked.__printed = 0;
    hooked.print = () => void hooked.__printed++;
    await hooked.__dazuTest.printBatchOfFile("three.geojson", text);
    const section = document.querySelector("[data-batch-print]")!;
    const cell = (row: Element, column: string) => row.querySelector(`[data-column="${column}"]`);
    return {
      printed: hooked.__printed,
      selection: section.querySelector("[data-batch-print-selection]")?.textContent ?? null,
      summaryRows: [...section.querySelectorAll("[data-batch-print-summary] tbody tr")].map((row) => ({
        name: cell(row, "name")!.textContent!,
        number: cell(row, "number")!.textContent!,
        area: cell(row, "areaSquareMetres")!.textContent!,
        keyZone: cell(row, "status:mining-key-zone")!.getAttribute("data-status"),
      })),
      receipts: [...section.querySelectorAll("[data-batch-print-parcel]")].map((parcel) => ({
        count: parcel.querySelector(".batch-print-count")!.textContent!,
        name: parcel.querySelector('[data-report-row="name"] td')!.textContent!,
        keyZone: parcel.querySelector('[data-report-block="findings"] [data-report-row="mining-key-zone"]')!.getAttribute("data-status"),
        receipts: parcel.querySelectorAll("[data-print-receipt]").length,
        link: parcel.querySelector("[data-print-link]")?.textContent ?? null,
        qr: parcel.querySelectorAll("[data-print-qr] svg").length,
      })),
    };
  }, THREE_PARCELS);
}

describe("combined print of a batch", () => {
  it("prints the summary of three parcels, then each parcel's report and receipt on a page of its own", async () => {
    session = await openApp(baseUrl, "/");
    const { page } = session;
    await waitForApp(page);
    const printed = await printThreeParcels(page);
    expect(printed.printed).toBe(1);
    expect(printed.selection).toBeNull();
    expect(printed.summaryRows).toEqual([
      { name: "重点开采区东界测试地块", number: "DZ-101", area: "160,000.00", keyZone: "undecided" },
      { name: "宝顶测试地块", number: "DZ-102", area: "1,000,000.00", keyZone: "clear" },
      { name: "区外测试地块", number: "DZ-103", area: "40,000.00", keyZone: "outside" },
    ]);
    expect(printed.receipts.map(({ count, name, keyZone, receipts }) => ({ count, name, keyZone, receipts }))).toEqual([
      { count: "第 1 宗，共 3 宗", name: "重点开采区东界测试地块", keyZone: "undecided", receipts: 1 },
      { count: "第 2 宗，共 3 宗", name: "宝顶测试地块", keyZone: "clear", receipts: 1 },
      { count: "第 3 宗，共 3 宗", name: "区外测试地块", keyZone: "outside", receipts: 1 },
    ]);
    // Each receipt carries the link that reopens its own parcel, and its QR code.
    for (const receipt of printed.receipts) {
      expect(receipt.link).toMatch(/#parcel=/);
      expect(receipt.qr).toBe(1);
    }
    expect(new Set(printed.receipts.map((receipt) => receipt.link)).size).toBe(3);

    // On paper: only the batch print shows, each parcel starts a page, and no "map could not be made" under each.
    await page.emulateMedia({ media: "print" });
    const layout = await page.evaluate(() => {
      const section = document.querySelector("[data-batch-print]")!;
      const shown = (element: Element) => getComputedStyle(element).display !== "none";
      return {
        batchShown: shown(section),
        othersShown: [...document.body.children].filter((child) => child !== section && shown(child)).length,
        breaks: [...section.querySelectorAll("[data-batch-print-parcel]")].map((parcel) => getComputedStyle(parcel).breakBefore),
        summaryBreak: getComputedStyle(section.querySelector("[data-batch-print-summary]")!).breakBefore,
        noMapNotes: [...section.querySelectorAll("[data-print-no-map]")].filter(shown).length,
      };
    });
    expect(layout).toEqual({ batchShown: true, othersShown: 0, breaks: ["page", "page", "page"], summaryBreak: "auto", noMapNotes: 0 });
    expect(session.consoleErrors).toEqual([]);
  });

  it("prints in English when the page is in English", async () => {
    session = await openApp(baseUrl, "/", { hash: "#lang=en" });
    const { page } = session;
    await waitForApp(page);
    const printed = await printThreeParcels(page);
    expect(printed.summaryRows.map((row) => [row.area, row.keyZone])).toEqual([
      ["160,000.00", "undecided"],
      ["1,000,000.00", "clear"],
      ["40,000.00", "outside"],
    ]);
    expect(printed.receipts.map((receipt) => receipt.count)).toEqual(["Parcel 1 of 3", "Parcel 2 of 3", "Parcel 3 of 3"]);
    const headings = await page.evaluate(() => ({
      title: document.querySelector("[data-batch-print-summary] h1")!.textContent,
      header: [...document.querySelectorAll("[data-batch-print-summary] thead th")].map((cell) => cell.textContent),
      receipt: document.querySelector("[data-batch-print-parcel] [data-print-receipt] h2")!.textContent,
    }));
    expect(headings.title).toBe("Site check summary");
    expect(headings.header.slice(0, 5)).toEqual(["#", "Parcel name", "Parcel number", "Area (m²)", "Area (mu)"]);
    expect(headings.receipt).toBe("Query receipt");
  });

  it("from the page: past 200 parcels it says so plainly, and prints the rows the table shows, in the table's order", async () => {
    // 230 squares of 50 m near the district's centre, numbered ZD-000 … ZD-229.
    const file = squaresFile("two-hundred-thirty.geojson", 230, 20, (index) => {
      const number = `ZD-${String(index).padStart(3, "0")}`;
      return { name: `地块 ${number}`, 宗地编号: number };
    });
    session = await openSiteCheck(baseUrl);
    const { page } = session;
    await uploadAndCheckAll(page, file, 230);
    const printButton = page.locator('[data-batch-export="print"]');
    const limit = page.locator("[data-batch-print-limit]");
    expect(await printButton.isDisabled()).toBe(true);
    expect(await limit.isVisible()).toBe(true);
    expect(await limit.innerText()).toBe("合并打印一次最多 200 个地块，表中现显示 230 个。请先按结果或名称筛选；打印的是表中显示的地块，按表中的顺序。");
    expect(await printButton.getAttribute("aria-describedby")).toBe("batch-print-limit");
    await limit.scrollIntoViewIfNeeded();
    await screenshot(page, "batch-print-limit", "[data-site-batch]");
    expect(await accessibilityViolations(page, "[data-site-batch]")).toEqual([]);

    // Filtered to ZD-010 … ZD-019 and sorted by number, descending: ten rows, and the note goes.
    await page.locator("[data-batch-filter-text]").fill("zd-01");
    await expect.poll(() => page.locator("[data-batch-shown]").innerText()).toBe("显示 10 / 230 个地块");
    await page.locator('[data-batch-sort="number"]').click();
    await page.locator('[data-batch-sort="number"]').click();
    const expected = Array.from({ length: 10 }, (_, index) => `ZD-0${19 - index}`);
    expect((await tableRows(page)).map((row) => row.number)).toEqual(expected);
    expect(await printButton.isDisabled()).toBe(false);
    expect(await printButton.innerText()).toBe("打印汇总及 10 份告知单");
    expect(await limit.isVisible()).toBe(false);
    expect(await printButton.getAttribute("aria-describedby")).toBeNull();

    await page.evaluate(() => {
      const hooked = window as unknown as { __printed: number; print(): void };
      hooked.__printed = 0;
      hooked.print = () => void hooked.__printed++;
    });
    await printButton.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed), { timeout: 60_000 }).toBe(1);
    const printed = await page.evaluate(() => {
      const section = document.querySelector("[data-batch-print]")!;
      return {
        selection: section.querySelector("[data-batch-print-selection]")?.textContent ?? null,
        summary: [...section.querySelectorAll("[data-batch-print-summary] tbody tr")].map((row) => row.querySelector('[data-column="number"]')!.textContent),
        receipts: [...section.querySelectorAll("[data-batch-print-parcel]")].map((parcel) => [
          parcel.querySelector(".batch-print-count")!.textContent,
          parcel.querySelector('[data-report-row="name"] td')!.textContent,
        ]),
      };
    });
    // The paper says it is a selection, and which.
    expect(printed.selection).toBe("本次打印的是表中筛选显示的 10 宗（名称或宗地编号含“zd-01”；本批共 230 宗），按表中的顺序排列。");
    expect(printed.summary).toEqual(expected);
    expect(printed.receipts).toEqual(expected.map((number, index) => [`第 ${index + 1} 宗，共 10 宗`, `地块 ${number}`]));
    // Done preparing: the button is back, for the same ten.
    await expect.poll(() => printButton.innerText()).toBe("打印汇总及 10 份告知单");
    expect(await printButton.isDisabled()).toBe(false);
    expect(session.consoleErrors).toEqual([]);
  });
});
