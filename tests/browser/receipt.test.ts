import { readFileSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { waitForApp, whenIdle } from "./app";
import { checkFixtureParcel, DESKTOP, openPrintView, openReady, openSiteCheck } from "./accessibilityScreens";
import type { AppSession, Page } from "./driver";

const baseUrl = inject("baseUrl");
const CASE_NUMBER = "大足规资受〔2026〕142号";
const OFFICER = "李明";

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function open(hash?: string): Promise<Page> {
  session = await openReady(baseUrl, { ...DESKTOP, ...(hash ? { hash } : {}) });
  return session.page;
}

async function pasteSquare(page: Page): Promise<void> {
  await page.locator('[data-site-mode="paste"]').click();
  await page.locator("[data-site-paste]").fill("105.70 29.70\n105.71 29.70\n105.71 29.71\n105.70 29.71");
  await page.locator('[data-site-action="read-paste"]').click();
  await page.locator("[data-site-parcel-name]").waitFor({ state: "visible", timeout: 60_000 });
  await page.locator("[data-finding]").first().waitFor({ state: "visible", timeout: 60_000 });
}

async function exported(page: Page, kind: "json" | "csv"): Promise<string> {
  await page.locator(".site-exports summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-site-export="${kind}"]`).click()]);
  return readFileSync(await download.path(), "utf8");
}

/** What the printer would get: whether the print layout and the map are shown under print media. */
async function printedLayout(page: Page): Promise<{ report: boolean; map: boolean }> {
  await page.emulateMedia({ media: "print" });
  try {
    return { report: await page.locator("[data-site-print] h1").isVisible(), map: await page.locator("#map").isVisible() };
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
}

/** The text of part of the print layout as printed (the layout is not displayed on screen). */
async function printedText(page: Page, selector: string): Promise<string> {
  await page.emulateMedia({ media: "print" });
  try {
    return await page.locator(`[data-site-print] ${selector}`).innerText();
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
}

const parcelLink = (page: Page) => new URL(page.url()).hash.match(/parcel=([^&]+)/)?.[1];

describe("the default parcel name", () => {
  it("is Parcel in English and 地块 in Chinese, on screen, in the print and in the saved list", async () => {
    const page = await open("#lang=en");
    await openSiteCheck(page);
    await pasteSquare(page);
    expect(await page.locator("[data-site-parcel-name]").innerText()).toBe("Parcel");
    expect(await page.locator("[data-site-save-name]").inputValue()).toBe("Parcel");
    await page.locator('[data-site-action="save"]').click();
    const saved = page.locator("[data-site-saved] .site-saved-name");
    await expect.poll(() => saved.allInnerTexts(), { timeout: 30_000 }).toEqual(["Parcel"]);
    await openPrintView(page);
    expect(await printedText(page, '[data-report-section="parcel"]')).toMatch(/Site\s+Parcel\s/);

    await page.locator('[data-action="toggle-language"]').click();
    await expect.poll(() => page.locator("[data-site-parcel-name]").innerText()).toBe("地块");
    // Saved with the name offered, so it follows the language too.
    await expect.poll(() => saved.allInnerTexts()).toEqual(["地块"]);
    await openPrintView(page);
    expect(await printedText(page, '[data-report-section="parcel"]')).toMatch(/地块名称\s+地块\s/);
    expect(session!.consoleErrors).toEqual([]);

    // A site opened from a link is named so in the reader's language too.
    await expect.poll(() => parcelLink(page), { timeout: 10_000 }).toBeTruthy();
    const linked = await openReady(baseUrl, { ...DESKTOP, hash: `#lang=en&parcel=${parcelLink(page)}` });
    try {
      await expect.poll(() => linked.page.locator("[data-site-parcel-name]").innerText(), { timeout: 60_000 }).toBe("Site from a link");
      await linked.page.locator('[data-action="toggle-language"]').click();
      await expect.poll(() => linked.page.locator("[data-site-parcel-name]").innerText()).toBe("链接中的地块");
    } finally {
      await linked.close();
    }
  });
});

describe("case number and officer", () => {
  it("are printed on the receipt, exported in JSON and CSV, kept with the saved query and the draft, and never put in the link", async () => {
    const page = await open();
    await openSiteCheck(page);
    await checkFixtureParcel(page);
    await expect.poll(() => parcelLink(page), { timeout: 10_000 }).toBeTruthy();
    const linkBefore = parcelLink(page);

    const caseNumber = page.locator('[data-site-case="caseNumber"]');
    const officer = page.locator('[data-site-case="officer"]');
    expect(await page.locator("label[for=site-case-caseNumber]").innerText()).toBe("受理编号");
    await caseNumber.fill(CASE_NUMBER);
    await officer.fill(OFFICER);

    await openPrintView(page);
    const receipt = await printedText(page, "[data-print-receipt]");
    expect(receipt).toMatch(new RegExp(`受理编号\\s+${CASE_NUMBER.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s`));
    expect(receipt).toMatch(/经办人\s+李明\s/);

    const model = JSON.parse(await exported(page, "json")) as {
      sections: Array<{ id: string; blocks: Array<{ id?: string; rows?: Array<{ id: string; value: { text: { plain?: string } } }> }> }>;
    };
    const facts = model.sections.find((section) => section.id === "receipt")!.blocks.find((block) => block.id === "receipt-facts")!.rows!;
    expect(facts.slice(0, 2).map((row) => [row.id, row.value.text.plain])).toEqual([
      ["case-number", CASE_NUMBER],
      ["officer", OFFICER],
    ]);
    const csv = (await exported(page, "csv")).split("\r\n");
    expect(csv).toContain(`受理编号,${CASE_NUMBER}`);
    expect(csv).toContain(`经办人,${OFFICER}`);

    // The link stays what it was: a shared or bookmarked link carries no officer's name (the router writes late).
    await page.waitForTimeout(800);
    expect(parcelLink(page)).toBe(linkBefore);
    expect(await page.locator("[data-print-link]").innerText()).toContain(linkBefore!);

    // Saved with the query; a new parcel starts a new case (the officer stays); the saved query brings its case back.
    await page.locator('[data-site-action="save"]').click();
    await expect.poll(() => page.locator("[data-site-saved] [data-saved-id]").count(), { timeout: 30_000 }).toBe(1);
    await page.locator('[data-site-action="clear"]').click();
    await pasteSquare(page);
    expect(await caseNumber.inputValue()).toBe("");
    expect(await officer.inputValue()).toBe(OFFICER);
    await page.locator("[data-saved-open]").first().click();
    await expect.poll(() => caseNumber.inputValue(), { timeout: 30_000 }).toBe(CASE_NUMBER);

    // The unsaved draft keeps them over a reload.
    await caseNumber.fill("草稿-7");
    await page.waitForTimeout(1_000);
    await page.reload({ waitUntil: "load" });
    await waitForApp(page);
    await page.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
    expect(await caseNumber.inputValue()).toBe("草稿-7");
    expect(await officer.inputValue()).toBe(OFFICER);
    expect(session!.consoleErrors).toEqual([]);
  });

  it("a query saved before case details were kept still opens, with empty fields", async () => {
    const page = await open();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open("dazu-map-parcels");
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const transaction = request.result.transaction("queries", "readwrite");
            transaction.objectStore("queries").put({
              schemaVersion: 1,
              id: "old-record",
              name: "旧查询",
              savedAt: "2026-01-05T08:00:00.000Z",
              parcel: {
                name: "旧查询",
                origin: "drawn",
                geometry: {
                  type: "Polygon",
                  coordinates: [
                    [
                      [105.7, 29.7],
                      [105.71, 29.7],
                      [105.71, 29.71],
                      [105.7, 29.7],
                    ],
                  ],
                },
              },
              overrides: {},
              fee: { floorAreas: {}, answers: {} },
              mineral: null,
            });
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload({ waitUntil: "load" });
    await waitForApp(page);
    await openSiteCheck(page);
    await page.locator('[data-saved-open="old-record"]').click();
    await expect.poll(() => page.locator("[data-site-parcel-name]").innerText(), { timeout: 60_000 }).toBe("旧查询");
    expect(await page.locator('[data-site-case="caseNumber"]').inputValue()).toBe("");
    expect(await page.locator('[data-site-case="officer"]').inputValue()).toBe("");
  });
});

describe("the browser's own print", () => {
  it("prints the report layout while a report is open, and the screen otherwise", async () => {
    const page = await open();
    await page.evaluate(() => {
      (window as unknown as { print: () => void }).print = () => ((window as unknown as { printed?: boolean }).printed = true);
    });
    const dispatch = (type: "beforeprint" | "afterprint") => page.evaluate((name) => window.dispatchEvent(new Event(name)), type);

    // No report: the print menu prints the screen.
    await dispatch("beforeprint");
    expect(await printedLayout(page)).toEqual({ report: false, map: true });
    await dispatch("afterprint");

    await openSiteCheck(page);
    await checkFixtureParcel(page);
    // The print menu (no time to draw a map picture): the report layout all the same.
    await dispatch("beforeprint");
    expect(await printedLayout(page)).toEqual({ report: true, map: false });
    expect(await page.locator("[data-site-print] [data-print-receipt]").isVisible()).toBe(false);
    await dispatch("afterprint");
    expect(await printedLayout(page)).toEqual({ report: false, map: true });

    // Ctrl+P: the print button's way, with a fresh map picture.
    await page.locator("#map canvas").focus();
    await page.keyboard.press("Control+P");
    await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true, undefined, { timeout: 60_000 });
    expect(await printedLayout(page)).toEqual({ report: true, map: false });
    expect(await page.locator("[data-print-map]").count()).toBe(1);
    await dispatch("afterprint");

    // Another tab in front: the report is not what is open, so the screen prints.
    await page.locator('[data-sheet-tab="layers"]').click();
    await whenIdle(page);
    await dispatch("beforeprint");
    expect(await printedLayout(page)).toEqual({ report: false, map: true });
    expect(session!.consoleErrors).toEqual([]);
  });
});
