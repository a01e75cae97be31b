import { expect } from "vitest";
import type { Page } from "./driver";

/** The phone the memorial tests use: an iPhone-12-sized screen with touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;

export const PANEL = "#layer-panel";

export async function sheetSnap(page: Page): Promise<string | null> {
  return page.locator(PANEL).getAttribute("data-snap");
}

export async function sheetHeight(page: Page): Promise<number> {
  const box = await page.locator(PANEL).boundingBox();
  if (!box) throw new Error("the panel has no layout box");
  return box.height;
}

/** Waits until the sheet has settled (its height stops changing) at `snap`. */
export async function waitForSnap(page: Page, snap: string): Promise<number> {
  await expect.poll(() => sheetSnap(page), { timeout: 10_000 }).toBe(snap);
  let previous = -1;
  let height = await sheetHeight(page);
  for (let attempt = 0; attempt < 40 && Math.abs(height - previous) > 0.5; attempt += 1) {
    await page.waitForTimeout(60);
    previous = height;
    height = await sheetHeight(page);
  }
  return height;
}

export async function openMemorialsTab(page: Page): Promise<void> {
  await page.locator('[data-sheet-tab="memorials"]').click();
  await expect.poll(() => page.locator("[data-memorial-list] [data-memorial-id]").count(), { timeout: 30_000 }).toBe(6);
}

/** Memorial ids in list order. */
export async function listedIds(page: Page): Promise<string[]> {
  return page.locator("[data-memorial-list] [data-memorial-id]").evaluateAll((items) => items.map((item) => item.getAttribute("data-memorial-id") ?? ""));
}

/**
 * How far anything sticks out past the window's right edge, in px: the page's own scroll width, and the layout boxes
 * and header buttons, which `overflow: hidden` on the app would otherwise cut off without any scrolling.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const boxes = [".app-header", ".app-body", ".map-area", "#layer-panel", ".app-header button"].flatMap((selector) =>
      [...document.querySelectorAll(selector)].filter((element) => element.getClientRects().length > 0).map((element) => element.getBoundingClientRect().right),
    );
    return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, ...boxes) - window.innerWidth;
  });
}

/**
 * Drags with a real touch sequence (touchstart, moves, touchend) from one point to another, in CSS px. `holdMs`
 * keeps the finger still before lifting it, so the release has no speed (a placed drag, not a fling).
 */
export async function touchDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  { steps = 12, stepMs = 16, holdMs = 0 }: { steps?: number; stepMs?: number; holdMs?: number } = {},
): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from.x, y: from.y }] });
    for (let step = 1; step <= steps; step += 1) {
      const x = from.x + ((to.x - from.x) * step) / steps;
      const y = from.y + ((to.y - from.y) * step) / steps;
      await session.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
      if (stepMs > 0) await page.waitForTimeout(stepMs);
    }
    if (holdMs > 0) await page.waitForTimeout(holdMs);
    await session.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  } finally {
    await session.detach();
  }
}

/** Where the handle bar is: the place a thumb grabs the sheet. */
export async function handleCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-action="sheet-handle"]').boundingBox();
  if (!box) throw new Error("the sheet handle has no layout box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function mapAreaBox(page: Page): Promise<{ top: number; bottom: number; left: number; right: number }> {
  return page.locator(".map-area").evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  });
}
