import { afterEach, describe, expect, inject, it } from "vitest";
import { DESKTOP, openReady } from "./accessibilityScreens";
import type { AppSession, Page } from "./driver";

const baseUrl = inject("baseUrl");

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function typeQuery(page: Page, query: string): Promise<void> {
  const input = page.locator("[data-search-input]");
  await input.click();
  await input.fill("");
  await input.pressSequentially(query);
}

describe("search in the header", () => {
  it("ignores punctuation and spaces in the documents' text: 智凤街道城市建设用地 finds the clause written 智凤街道（城市建设用地…）", async () => {
    session = await openReady(baseUrl, DESKTOP);
    const { page } = session;
    await typeQuery(page, "智凤街道城市建设用地");
    const hit = page.locator('[data-search-group="clause"] [data-result-key="clause:dzf-2023-13#s1.p1"]');
    // The marked words are the clause's own, brackets included. Polled: while typing, the same clause is listed for
    // the first characters (智凤) before the whole query has been searched.
    await expect.poll(() => hit.locator("mark").first().innerText(), { timeout: 30_000 }).toBe("智凤街道（城市建设用地");

    // Spaces and punctuation typed by the user do not matter either.
    await typeQuery(page, "智凤街道 城市建设用地");
    await expect.poll(() => hit.locator("mark").first().innerText(), { timeout: 30_000 }).toBe("智凤街道（城市建设用地");
  });

  it("lists an exact name match first: 大足区 is the district, above the memorials whose addresses contain it", async () => {
    session = await openReady(baseUrl, DESKTOP);
    const { page } = session;
    await typeQuery(page, "大足区");
    const options = page.locator('[data-search-results] [role="option"]');
    await expect.poll(() => options.first().getAttribute("data-result-key"), { timeout: 30_000 }).toBe("feature:district/district-500111");
    expect(await page.locator('[data-search-group="memorial"] [role="option"]').count()).toBeGreaterThan(0);
  });
});
