import { afterEach, describe, expect, inject, it } from "vitest";
import {
  checkFixtureParcel,
  checkSiteFile,
  DESKTOP,
  openMemorialCard,
  openMemorialsTab,
  openOfficialDataForm,
  openPrintView,
  openReady,
  openSiteCheck,
  REPORT_SITE,
} from "./accessibilityScreens";
import { accessibilityViolations, type AccessibilityViolation, type AppSession, type Page } from "./driver";
import { PHONE, waitForSnap } from "./memorialSteps";

const baseUrl = inject("baseUrl");

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function open(options: Parameters<typeof openReady>[1]): Promise<Page> {
  session = await openReady(baseUrl, options);
  return session.page;
}

/** The violations a screen must not have: axe's serious and critical ones, and any skipped heading level. */
function blocking(violations: AccessibilityViolation[]): string[] {
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical" || violation.id === "heading-order")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => `${node.target} — ${node.summary}`).join("; ")}`);
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(blocking(await accessibilityViolations(page)), screen).toEqual([]);
}

/** A short description of the focused element, for assertions and failure messages. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "body";
    const data = [...element.attributes]
      .filter((attribute) => attribute.name.startsWith("data-"))
      .map((attribute) => `[${attribute.name}="${attribute.value}"]`);
    return `${element.localName}${element.id ? `#${element.id}` : ""}${data.join("")}`;
  });
}

describe("axe-core finds no serious or critical WCAG 2.2 A/AA violation", () => {
  it("on the desktop start screen, the official-data form, the workspace section, a site-check report and its print view", async () => {
    const page = await open(DESKTOP);
    await expectAccessible(page, "start screen");

    await openOfficialDataForm(page);
    await expectAccessible(page, "official-data form");

    await openSiteCheck(page);
    await page.locator("[data-workspace]").scrollIntoViewIfNeeded();
    await expectAccessible(page, "site check with the workspace section");

    await checkFixtureParcel(page);
    await expectAccessible(page, "site-check report");

    await openPrintView(page);
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.locator("[data-site-print] h1").isVisible()).toBe(true);
      await expectAccessible(page, "print view");
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("on a site-check report and its print view in English", async () => {
    const page = await open({ ...DESKTOP, hash: "#lang=en" });
    await checkSiteFile(page, REPORT_SITE);
    await page.locator('[data-site-question="town"]').waitFor({ state: "visible", timeout: 30_000 });
    await expectAccessible(page, "English site-check report");
    await openPrintView(page);
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.locator("[data-site-print] h1").innerText()).toMatch(/^[\x20-\x7e–—’]+$/);
      await expectAccessible(page, "English print view");
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("on the desktop inspector and document reader", async () => {
    const page = await open({ ...DESKTOP, hash: "#feature=urban-areas/urban-centre" });
    await page.locator("[data-inspector] [data-citation-text]").first().waitFor({ timeout: 30_000 });
    await expectAccessible(page, "inspector");

    await page.locator('[data-inspector] [data-action="open-in-document"]').first().click();
    await page.locator('[data-reader] [data-highlighted="true"]').waitFor({ timeout: 30_000 });
    await expectAccessible(page, "document reader");
  });

  it("on the phone's memorial list and memorial card", async () => {
    const page = await open(PHONE);
    await openMemorialsTab(page);
    await expectAccessible(page, "memorial list");
    await page.locator('[data-memorial-id="memorial-hu-zaiguo"]').click();
    await page.locator('[data-memorial-card="memorial-hu-zaiguo"]').waitFor({ state: "visible", timeout: 30_000 });
    await expectAccessible(page, "memorial card");
  });
});

describe("keyboard", () => {
  it("skips to the map and to the panel without touching the address", async () => {
    const page = await open(DESKTOP);
    const hashBefore = new URL(page.url()).hash;
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe('a[data-skip="map"]');
    expect(await page.locator('[data-skip="map"]').isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("maplibregl-canvas"))).toBe(true);

    await page.locator('[data-skip="panel"]').focus();
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe('button#sheet-tab-layers[data-sheet-tab="layers"]');
    expect(new URL(page.url()).hash).toBe(hashBefore);
  });

  it("reaches the inspector right after the map, and Escape on the map closes it", async () => {
    const page = await open({ ...DESKTOP, hash: "#feature=urban-areas/urban-centre" });
    const inspector = page.locator("[data-inspector]");
    await page.locator("[data-inspector-name]").waitFor({ timeout: 30_000 });
    await page.locator("#map canvas").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("[data-inspector]") !== null), await focused(page)).toBe(true);
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("maplibregl-canvas"))).toBe(true);

    await page.keyboard.press("Escape");
    await expect.poll(() => inspector.isVisible(), { timeout: 10_000 }).toBe(false);
    // The router writes the address after the store has been quiet for a moment.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).not.toContain("feature=");
    // The map keeps focus, so the next Tab goes on from the map.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("maplibregl-canvas"))).toBe(true);
  });

  it("keeps the panel's and the map's boxes when the site-check tab opens", async () => {
    const page = await open(DESKTOP);
    const boxes = async () => ({ panel: await page.locator("#layer-panel").boundingBox(), map: await page.locator("#map").boundingBox() });
    const before = await boxes();
    await openSiteCheck(page);
    expect(await boxes()).toEqual(before);
    await page.locator('[data-sheet-tab="memorials"]').click();
    expect(await boxes()).toEqual(before);
  });

  it("moves focus to the new content after switching the input mode and after 读取并核查", async () => {
    const page = await open(DESKTOP);
    await openSiteCheck(page);
    await page.locator('[data-site-mode="paste"]').focus();
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe('textarea#site-paste[data-site-paste=""]');
    await page.locator('[data-site-mode="upload"]').focus();
    await page.keyboard.press("Space");
    expect(await focused(page)).toBe('input#site-file[data-site-file=""]');
    await page.locator('[data-site-mode="draw"]').focus();
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe('button[data-site-draw="polygon"]');

    await page.locator('[data-site-mode="paste"]').focus();
    await page.keyboard.press("Enter");
    await page.keyboard.type("105.70 29.70\n105.71 29.70\n105.71 29.71\n105.70 29.71");
    await page.locator('[data-site-action="read-paste"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page), { timeout: 60_000 }).toBe('section[data-site-report=""]');
    expect(await page.locator("[data-site-parcel-name]").isVisible()).toBe(true);
  });

  it("puts focus back on a control that a view draws again (the layer list after a language switch)", async () => {
    const page = await open(DESKTOP);
    await page.locator('[data-layer-toggle="towns"]').focus();
    // A click from script, so focus stays on the checkbox while the panel is drawn again in English.
    await page.locator('[data-action="toggle-language"]').evaluate((button: HTMLButtonElement) => button.click());
    await expect.poll(() => page.locator('[data-sheet-tab="layers"]').innerText()).toBe("Layers");
    await expect.poll(() => focused(page)).toBe('input#layer-toggle-towns[data-layer-toggle="towns"]');
  });
});

interface TargetBox {
  description: string;
  width: number;
  height: number;
  mainAction: boolean;
}

/**
 * Every tap target rendered on the page (scrolled out of view or not), as the finger meets it: a checkbox or file
 * field inside its label counts with the label's box. Off-screen skip links are left out (they show on focus).
 */
async function tapTargets(page: Page): Promise<TargetBox[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [role="button"], [role="tab"], [tabindex]:not([tabindex="-1"])';
    const mainActions = 'button, a[href], select, summary, [role="button"], [role="tab"]';
    const targets: TargetBox[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest("[hidden], [inert]") || element.getClientRects().length === 0) continue;
      if (element.classList.contains("maplibregl-canvas")) continue;
      let box = element.getBoundingClientRect();
      for (const label of (element as HTMLInputElement).labels ?? []) {
        if (!label.contains(element)) continue;
        const labelBox = label.getBoundingClientRect();
        if (labelBox.width * labelBox.height > box.width * box.height) box = labelBox;
      }
      if (box.right <= 0) continue;
      const data = [...element.attributes]
        .filter((attribute) => attribute.name.startsWith("data-"))
        .map((attribute) => `[${attribute.name}="${attribute.value}"]`);
      targets.push({
        description: `${element.localName}.${[...element.classList].join(".")}${data.join("")} "${(element.textContent ?? "").trim().slice(0, 24)}"`,
        width: Math.round(box.width * 10) / 10,
        height: Math.round(box.height * 10) / 10,
        mainAction: element.matches(mainActions),
      });
    }
    return targets;
  });
}

function tooSmall(targets: TargetBox[]): string[] {
  return targets
    .filter((target) => target.width < 24 || target.height < 24 || (target.mainAction && (target.width < 44 || target.height < 44)))
    .map((target) => `${target.width}×${target.height} ${target.description}`);
}

describe("phone tap targets (390 × 844)", () => {
  it("are at least 24 × 24 px, and buttons, links, tabs and menus 44 × 44 px, on the start screen, the layers sheet, the memorial list and a card", async () => {
    const page = await open(PHONE);
    const start = await tapTargets(page);
    expect(start.length).toBeGreaterThan(5);
    expect(tooSmall(start), "start screen").toEqual([]);

    await page.locator('[data-sheet-tab="layers"]').click();
    await page.locator('[data-action="sheet-handle"]').focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await waitForSnap(page, "full");
    const layers = await tapTargets(page);
    // The named case: the link that opens the official-data form for a schematic layer.
    expect(layers.some((target) => target.description.includes("data-official-import-for"))).toBe(true);
    expect(tooSmall(layers), "layers sheet").toEqual([]);

    await openMemorialsTab(page);
    expect(tooSmall(await tapTargets(page)), "memorial list").toEqual([]);

    await openMemorialCard(page, "memorial-rao-guoliang");
    const card = await tapTargets(page);
    expect(card.some((target) => target.description.includes('data-navigation="amap"'))).toBe(true);
    expect(tooSmall(card), "memorial card").toEqual([]);
  });
});
