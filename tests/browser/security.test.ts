import { readFileSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { renderedFeatureCount, waitForApp, whenIdle } from "./app";
import { openApp, type AppSession, type Page } from "./driver";

const baseUrl = inject("baseUrl");
const FIXTURE = new URL("../fixtures/security/hostile-names.geojson", import.meta.url);
const RLO = "\u202e";

/** The fixture's two parcels, named and attributed with markup, script URLs and a right-to-left override. */
interface FixtureFeature {
  properties: Record<string, string>;
}
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as { features: FixtureFeature[] };
const PARCEL_NAMES = fixture.features.map((feature) => feature.properties.name!);
/** Every hostile string in the fixture, whole. */
const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__pwned=1">',
  "<script>window.__pwned=2</script>",
  "javascript:window.__pwned=3",
  '"><svg onload=window.__pwned=4>',
];

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openReady(): Promise<AppSession> {
  session = await openApp(baseUrl, "/");
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session;
}

interface InjectionCheck {
  pwned: unknown;
  /** Elements carrying an inline handler (onerror, onload, …) anywhere in the document. */
  handlerElements: string[];
  /** `<img src="x">`, `<svg>` or `<script>` elements that could only have come from the fixture's text. */
  injectedElements: string[];
  /** Links whose href runs script. */
  scriptLinks: string[];
  bodyText: string;
}

/**
 * Looks through the whole document (and open shadow roots) for anything the hostile text could have become.
 * The page's Content-Security-Policy would stop inline scripts and handlers from running, so `__pwned` alone
 * would not notice markup rendered as HTML; the element checks do.
 */
async function injectionCheck(page: Page): Promise<InjectionCheck> {
  return page.evaluate(() => {
    const elements: Element[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const element of Array.from(root.querySelectorAll("*"))) {
        elements.push(element);
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(document);
    const describe = (element: Element) => element.outerHTML.slice(0, 160);
    const handlerElements = elements.filter((element) => element.getAttributeNames().some((name) => name.toLowerCase().startsWith("on"))).map(describe);
    const injectedElements = elements
      .filter((element) => {
        const tag = element.tagName.toLowerCase();
        if (tag === "img") return element.getAttribute("src") === "x";
        if (tag === "script") return (element.textContent ?? "").includes("__pwned");
        if (tag === "svg") return element.hasAttribute("onload") || element.closest("[data-site-parcel-name], .site-parcel-name, td, th") !== null;
        return false;
      })
      .map(describe);
    const scriptLinks = elements
      .filter((element) => element.tagName.toLowerCase() === "a")
      .map((element) => element.getAttribute("href") ?? "")
      .filter((href) => /^\s*javascript:/i.test(href));
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      handlerElements,
      injectedElements,
      scriptLinks,
      bodyText: document.body.textContent ?? "",
    };
  });
}

async function expectNoInjection(page: Page, where: string): Promise<InjectionCheck> {
  const check = await injectionCheck(page);
  expect(check.pwned, `window.__pwned after ${where}`).toBeUndefined();
  expect(check.handlerElements, `elements with inline handlers after ${where}`).toEqual([]);
  expect(check.injectedElements, `elements made from the hostile text after ${where}`).toEqual([]);
  expect(check.scriptLinks, `javascript: links after ${where}`).toEqual([]);
  return check;
}

async function openSiteCheck(page: Page): Promise<void> {
  await page.locator('[data-sheet-tab="site-check"]').click();
  await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
}

/** Every string in a parsed JSON value. */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value && typeof value === "object") for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

describe("hostile text in imported parcels", () => {
  it("shows names and attributes with markup, script URLs and RTL overrides as text only: report, print and export", async () => {
    const { page } = await openReady();
    await openSiteCheck(page);
    await page.locator('[data-site-mode="upload"]').click();
    await page.locator("[data-site-file]").setInputFiles({
      name: "hostile-names.geojson",
      mimeType: "application/geo+json",
      buffer: readFileSync(FIXTURE),
    });
    // Two parcels: the app lists them to choose from, each name as text.
    const choices = page.locator("[data-site-choose]");
    await expect.poll(() => choices.count(), { timeout: 60_000 }).toBe(2);
    // The second line of defence is in place: no inline script may run.
    const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    const listed = await page.locator(".site-parcel-name").allTextContents();
    expect(listed).toEqual(PARCEL_NAMES);
    expect(PARCEL_NAMES.every((name) => name.includes(RLO))).toBe(true);
    await expectNoInjection(page, "the parcel list");

    await page.evaluate(() => {
      const target = window as unknown as { print: () => void; printed?: number };
      target.printed = 0;
      target.print = () => {
        target.printed = (target.printed ?? 0) + 1;
      };
    });

    for (const [index, name] of PARCEL_NAMES.entries()) {
      await page.locator(`[data-site-choose="${index}"]`).click();
      await page.locator(`[data-site-choose="${index}"][aria-pressed="true"]`).waitFor({ timeout: 60_000 });
      await page.locator("[data-site-counts]").waitFor({ state: "visible", timeout: 60_000 });
      await whenIdle(page);
      await expectNoInjection(page, `the report of parcel ${index + 1}`);
      // The report for this parcel: its name shown literally.
      expect(await page.locator("[data-site-parcel-name]").textContent()).toBe(name);
      // The name is isolated for bidi, so a right-to-left override inside it cannot reorder the text around it.
      expect(await page.locator("[data-site-parcel-name]").getAttribute("dir")).toBe("auto");

      // The print view, as printed.
      await page.locator('[data-site-action="print"]').click();
      await page.waitForFunction((count) => (window as unknown as { printed?: number }).printed === count, index + 1, { timeout: 60_000 });
      await page.emulateMedia({ media: "print" });
      const printed = page.locator("[data-print-receipt]");
      expect(await printed.isVisible()).toBe(true);
      expect(await page.locator("[data-site-print]").textContent()).toContain(name);
      await expectNoInjection(page, `printing parcel ${index + 1}`);
      await page.emulateMedia({ media: "screen" });

      // The JSON export keeps the name as data, exactly.
      await page.locator(".site-exports summary").click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-site-export="json"]').click()]);
      const text = readFileSync(await download.path(), "utf8");
      const strings = stringsOf(JSON.parse(text));
      expect(
        strings.some((value) => value.includes(name)),
        `the exported JSON holds "${name}"`,
      ).toBe(true);
      await expectNoInjection(page, `exporting parcel ${index + 1}`);
    }

    // Every hostile string reached the page as literal text somewhere (list, report, print).
    const { bodyText } = await injectionCheck(page);
    for (const hostile of HOSTILE_STRINGS) expect(bodyText, `"${hostile}" shown as text`).toContain(hostile);
    expect(session!.consoleErrors).toEqual([]);
  });

  it("quotes hostile text pasted as coordinates in the error as text only", async () => {
    const { page } = await openReady();
    await openSiteCheck(page);
    await page.locator('[data-site-mode="paste"]').click();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await page.locator("[data-site-paste]").fill(`105.7200 29.7000\n105.7220 ${hostile}\n105.7220 29.7020\n`);
    await page.locator('[data-site-action="read-paste"]').click();
    const error = page.locator("[data-site-error]");
    await error.waitFor({ state: "visible", timeout: 30_000 });
    const shown = (await error.textContent()) ?? "";
    // The importer quotes at most 40 characters of the offending token; what it quotes is the raw text.
    expect(shown).toContain("<img");
    expect(shown).toContain("onerror=");
    await expectNoInjection(page, "a hostile paste");

    for (const text of [HOSTILE_STRINGS.join("\n"), `${RLO}105.72 29.70 "><svg onload=window.__pwned=4>`]) {
      await page.locator("[data-site-paste]").fill(text);
      await page.locator('[data-site-action="read-paste"]').click();
      await page.locator("[data-site-error]").waitFor({ state: "visible", timeout: 30_000 });
      await expectNoInjection(page, "a hostile paste");
    }
    expect(session!.consoleErrors).toEqual([]);
  });
});

describe("WebGL context loss", () => {
  it("says the map's graphics were lost, then draws the map again and clears the notice when the context is restored", async () => {
    const { page } = await openReady();
    expect(await renderedFeatureCount(page, "fee-tiers")).toBeGreaterThan(0);

    const lost = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>("#map canvas.maplibregl-canvas") ?? document.querySelector<HTMLCanvasElement>("#map canvas");
      if (!canvas) return "no canvas";
      const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
      const extension = gl?.getExtension("WEBGL_lose_context");
      if (!extension) return "no WEBGL_lose_context";
      (window as unknown as { __loseContext?: WEBGL_lose_context }).__loseContext = extension;
      extension.loseContext();
      return "lost";
    });
    expect(lost).toBe("lost");

    const notice = page.locator('[data-notice="map-graphics-lost"]');
    await notice.waitFor({ state: "visible", timeout: 30_000 });
    expect(await notice.textContent()).toContain("地图图形已丢失");

    await page.evaluate(() => (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext());
    await notice.waitFor({ state: "detached", timeout: 30_000 });
    await whenIdle(page);
    await expect.poll(() => renderedFeatureCount(page, "fee-tiers"), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(session!.consoleErrors).toEqual([]);
  });
});
