import type { Feature, FeatureCollection, Polygon, Position } from "geojson";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { appState, districtScreenBox, waitForApp, whenIdle } from "./app";
import { openApp, screenshot, type AppSession, type OpenOptions, type Page } from "./driver";

const baseUrl = inject("baseUrl");

let session: AppSession | undefined;
let towns: FeatureCollection<Polygon>;
let memorials: FeatureCollection;

const GUOLIANG = "town-500111112";
const RAO_GUOLIANG = "memorial-rao-guoliang";
const PHONE: OpenOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

beforeAll(async () => {
  const fetchJson = async <T>(path: string): Promise<T> => {
    const response = await fetch(new URL(path, baseUrl));
    expect(response.ok, `GET ${path} → ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };
  towns = await fetchJson("geodata/layers/towns.geojson");
  memorials = await fetchJson("geodata/layers/memorials.geojson");
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

interface StateSnapshot {
  layers: Record<string, { visible: boolean }>;
  selection: { type: "none" } | { type: "feature"; layerId: string; featureId: string };
  reader: { type: "closed" } | { type: "open"; documentId: string; clauseId: string | null };
  notices: Array<{ id: string }>;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type HookedWindow = { __dazuTest?: { screenPointOf(lngLat: [number, number]): { x: number; y: number } } };

async function openReady(options: OpenOptions = {}): Promise<AppSession> {
  session = await openApp(baseUrl, "/", options);
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session;
}

async function state(page: Page): Promise<StateSnapshot> {
  return (await appState(page)) as StateSnapshot;
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} has no layout box`);
  return found;
}

/** A known place on the map in page coordinates (the hook answers in canvas pixels). */
async function pagePointOf(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const canvas = await box(page, "#map canvas");
  const point = await page.evaluate((value) => (window as unknown as HookedWindow).__dazuTest!.screenPointOf(value), lngLat);
  return { x: canvas.x + point.x, y: canvas.y + point.y };
}

async function districtWidth(page: Page): Promise<number> {
  const district = await districtScreenBox(page);
  return district.x1 - district.x0;
}

function inside(point: { x: number; y: number }, area: Box): boolean {
  return point.x >= area.x && point.x <= area.x + area.width && point.y >= area.y && point.y <= area.y + area.height;
}

function distanceToSegment([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]): number {
  const dx = bx! - ax!;
  const dy = by! - ay!;
  const t = Math.max(0, Math.min(1, ((px! - ax!) * dx + (py! - ay!) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px! - (ax! + t * dx), py! - (ay! + t * dy));
}

function insideRing([x, y]: number[], ring: Position[]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) result = !result;
  }
  return result;
}

/** The point of a polygon farthest from its edges (grid search), so a click cannot land on a neighbour. */
function deepInside(feature: Feature<Polygon>): [number, number] {
  const ring = feature.geometry.coordinates[0]!;
  const xs = ring.map((position) => position[0]!);
  const ys = ring.map((position) => position[1]!);
  const [west, east, south, north] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best: [number, number] = [(west + east) / 2, (south + north) / 2];
  let bestDistance = -1;
  for (let i = 1; i < 40; i++) {
    for (let j = 1; j < 40; j++) {
      const candidate = [west + ((east - west) * i) / 40, south + ((north - south) * j) / 40];
      if (!insideRing(candidate, ring)) continue;
      let distance = Infinity;
      for (let k = 1; k < ring.length; k++) distance = Math.min(distance, distanceToSegment(candidate, ring[k - 1]!, ring[k]!));
      if (distance > bestDistance) {
        bestDistance = distance;
        best = [candidate[0]!, candidate[1]!];
      }
    }
  }
  return best;
}

function town(id: string): Feature<Polygon> {
  const found = towns.features.find((feature) => feature.properties?.id === id);
  if (!found) throw new Error(`${id} is not in towns.geojson`);
  return found;
}

function memorialPosition(id: string): [number, number] {
  const found = memorials.features.find((feature) => feature.properties?.id === id);
  if (found?.geometry.type !== "Point") throw new Error(`${id} is not a point in memorials.geojson`);
  return [found.geometry.coordinates[0]!, found.geometry.coordinates[1]!];
}

async function clickTown(page: Page, id: string): Promise<void> {
  const point = await pagePointOf(page, deepInside(town(id)));
  await page.mouse.click(point.x, point.y);
}

const inspector = (page: Page) => page.locator("[data-inspector]");
const reader = (page: Page) => page.locator("[data-reader]");

describe("click-through to policy", () => {
  it("clicking 国梁镇 lists what lies there and inspects its fee tier with the cited clause quoted", async () => {
    const { page, consoleErrors } = await openReady();
    expect(await inspector(page).count()).toBe(0);

    // Hovering names what a click would open.
    const point = await pagePointOf(page, deepInside(town(GUOLIANG)));
    await page.mouse.move(point.x - 30, point.y);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const tooltip = page.locator("[data-map-tooltip]");
    await expect.poll(() => tooltip.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await tooltip.innerText()).toContain("国梁镇");
    expect(await tooltip.innerText()).toContain("城市基础设施配套费标准");
    const tip = await box(page, "[data-map-tooltip]");
    expect(Math.abs(tip.x - point.x), "the tooltip follows the pointer").toBeLessThan(400);

    await clickTown(page, GUOLIANG);

    await expect.poll(() => inspector(page).getAttribute("data-inspector"), { timeout: 30_000 }).toBe(`fee-tiers/${GUOLIANG}`);
    expect((await page.locator("[data-inspector-name]").innerText()).trim()).toBe("国梁镇");
    expect(await page.locator('[data-attribute="fee_tier"]').innerText()).toContain("120 元/m²");
    expect(await page.locator('[data-attribute-label="fee_tier"]').innerText()).toBe("城市基础设施配套费");

    // Everything under the point is listed, the inspected one marked.
    const hits = await page.locator("[data-hit]").evaluateAll((buttons) => buttons.map((button) => button.getAttribute("data-hit")));
    expect(hits).toEqual(expect.arrayContaining([`fee-tiers/${GUOLIANG}`, `towns/${GUOLIANG}`, "district/district-500111"]));
    expect(await page.locator(`[data-hit="fee-tiers/${GUOLIANG}"]`).getAttribute("aria-current")).toBe("true");

    const quote = page.locator('.citation[data-citation="dzf-2023-13#s1.p3"] [data-citation-text]');
    await expect.poll(() => quote.count(), { timeout: 30_000 }).toBe(1);
    const text = await quote.innerText();
    expect(text).toContain("国梁镇");
    expect(text).toContain("按建筑面积120元/平方米计征");
    expect(await page.locator('.citation[data-citation="dzf-2023-13#s1.p3"]').innerText()).toContain("大足府发〔2023〕13号");

    expect((await state(page)).selection).toEqual({ type: "feature", layerId: "fee-tiers", featureId: GUOLIANG });
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toContain(`feature=fee-tiers/${GUOLIANG}`);

    // Choosing another hit inspects it in place.
    await page.locator(`[data-hit="towns/${GUOLIANG}"]`).click();
    await expect.poll(() => inspector(page).getAttribute("data-inspector")).toBe(`towns/${GUOLIANG}`);
    await page.locator(`[data-hit="fee-tiers/${GUOLIANG}"]`).click();
    await expect.poll(() => inspector(page).getAttribute("data-inspector")).toBe(`fee-tiers/${GUOLIANG}`);
    await whenIdle(page);
    await screenshot(page, "policy-desktop-inspector");
    expect(consoleErrors).toEqual([]);
  });

  it("“在文件中查看” opens 13号 in the reader with （三） highlighted and in view", async () => {
    const { page, consoleErrors } = await openReady();
    await clickTown(page, GUOLIANG);
    const button = page.locator('.citation[data-citation="dzf-2023-13#s1.p3"] [data-action="open-in-document"]');
    await expect.poll(() => button.count(), { timeout: 30_000 }).toBe(1);
    expect((await button.innerText()).trim()).toBe("在文件中查看");
    await button.click();

    const clause = page.locator('[data-reader] [data-clause-id="s1.p3"]');
    await expect.poll(() => clause.getAttribute("data-highlighted"), { timeout: 30_000 }).toBe("true");
    expect(await page.locator('[data-reader] [data-highlighted="true"]').count()).toBe(1);
    expect(await reader(page).getAttribute("data-document-id")).toBe("dzf-2023-13");
    const clauseBox = await box(page, '[data-reader] [data-clause-id="s1.p3"]');
    const scrollBox = await box(page, "[data-reader] .reader-scroll");
    expect(clauseBox.y, "clause top inside the reader").toBeGreaterThanOrEqual(scrollBox.y);
    expect(clauseBox.y + clauseBox.height, "clause bottom inside the reader").toBeLessThanOrEqual(scrollBox.y + scrollBox.height);

    const readerText = await reader(page).innerText();
    expect(readerText).toContain("大足府发〔2023〕13号");
    expect(readerText).toContain("2023-04-24");
    expect(readerText).toContain("本通知自发布之日起执行。");
    expect(await page.locator("[data-reader] [data-toc-clause]").count()).toBeGreaterThan(0);
    // The router writes the address after the store has been quiet for a moment.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toContain("doc=dzf-2023-13");
    const hash = new URL(page.url()).hash;
    expect(hash).toContain("clause=s1.p3");
    expect((await state(page)).reader).toEqual({ type: "open", documentId: "dzf-2023-13", clauseId: "s1.p3" });

    // The inspector stays beside the reader on a wide screen.
    expect(await inspector(page).isVisible()).toBe(true);
    await whenIdle(page);
    await screenshot(page, "policy-desktop-reader");
    expect(consoleErrors).toEqual([]);
  });

  it("a long document scrolls to a linked table row, and a table renders as a table", async () => {
    const { page } = await openReady({ hash: "#doc=dzfb-2023-32&clause=box1.r1" });
    const row = page.locator('[data-reader] tr[data-clause-id="box1.r1"]');
    await expect.poll(() => row.getAttribute("data-highlighted"), { timeout: 30_000 }).toBe("true");
    expect(await page.locator("[data-reader] .reader-scroll").evaluate((element) => element.scrollTop)).toBeGreaterThan(500);
    const rowBox = await box(page, '[data-reader] tr[data-clause-id="box1.r1"]');
    const scrollBox = await box(page, "[data-reader] .reader-scroll");
    expect(inside({ x: rowBox.x + 4, y: rowBox.y + rowBox.height / 2 }, scrollBox)).toBe(true);
    expect(await page.locator('[data-reader] [data-clause-id="box1"] table caption').innerText()).toContain("矿产资源勘查规划区块表");
    expect(await page.locator('[data-reader] [data-clause-id="box1"] th').first().innerText()).toBe("序号");
  });

  it("the reverse link from 47号 一、 flies to 饶国梁烈士纪念碑 and opens it", async () => {
    const { page, consoleErrors } = await openReady({ hash: "#doc=dzfb-2023-47&clause=s1" });
    const clause = page.locator('[data-reader] [data-clause-id="s1"]');
    await expect.poll(() => clause.getAttribute("data-highlighted"), { timeout: 30_000 }).toBe("true");
    const before = { districtWidth: await districtWidth(page) };

    const link = page.locator(`[data-reader] [data-clause-features="s1"] [data-feature-link="memorials/${RAO_GUOLIANG}"]`);
    expect(await link.innerText()).toContain("饶国梁烈士纪念碑");
    await link.click();

    await expect
      .poll(async () => (await state(page)).selection, { timeout: 30_000 })
      .toEqual({ type: "feature", layerId: "memorials", featureId: RAO_GUOLIANG });
    await expect.poll(() => page.locator("[data-inspector-name]").innerText(), { timeout: 30_000 }).toBe("饶国梁烈士纪念碑");
    // Zoomed in: the district now spans many screens.
    await expect.poll(async () => districtWidth(page), { timeout: 30_000 }).toBeGreaterThan(before.districtWidth * 8);
    await whenIdle(page);

    // The memorial is on screen, on the canvas and clear of the reader and the inspector.
    const memorial = await pagePointOf(page, memorialPosition(RAO_GUOLIANG));
    expect(inside(memorial, await box(page, "#map canvas"))).toBe(true);
    expect(inside(memorial, await box(page, "[data-reader]"))).toBe(false);
    expect(inside(memorial, await box(page, "[data-inspector]"))).toBe(false);
    const hash = new URL(page.url()).hash;
    expect(hash).toContain(`feature=memorials/${RAO_GUOLIANG}`);
    expect(hash).toContain("doc=dzfb-2023-47");
    expect(consoleErrors).toEqual([]);
  });

  it("a pasted #feature= link opens the inspector after reload; an unknown one says so and is dropped", async () => {
    const { page, consoleErrors } = await openReady();
    await page.evaluate((value) => {
      window.location.hash = value;
    }, `#feature=memorials/${RAO_GUOLIANG}`);
    await page.reload({ waitUntil: "load" });
    await waitForApp(page);
    await whenIdle(page);
    expect(await inspector(page).getAttribute("data-inspector")).toBe(`memorials/${RAO_GUOLIANG}`);
    expect((await page.locator("[data-inspector-name]").innerText()).trim()).toBe("饶国梁烈士纪念碑");
    expect(await page.locator('[data-inspector-measure="position"]').innerText()).toMatch(/E \d+\.\d N \d+\.\d/);
    // A link without a camera opens on the feature.
    const memorial = await pagePointOf(page, memorialPosition(RAO_GUOLIANG));
    expect(inside(memorial, await box(page, "#map canvas"))).toBe(true);
    expect(inside(memorial, await box(page, "[data-inspector]"))).toBe(false);
    expect(await districtWidth(page)).toBeGreaterThan(5000);

    await page.evaluate(() => {
      window.location.hash = "#feature=memorials/memorial-nobody";
    });
    const notice = page.locator('[data-notice="policy-link"]');
    await expect.poll(() => notice.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await notice.innerText()).toContain("memorials/memorial-nobody");
    expect(await inspector(page).count()).toBe(0);
    await expect.poll(() => new URL(page.url()).hash).not.toContain("feature=");
    expect(consoleErrors).toEqual([]);
  });

  it("an unknown document or clause in a link gives a notice, not a crash", async () => {
    const { page, consoleErrors } = await openReady({ hash: "#doc=dzf-2099-1&clause=s1" });
    const notice = page.locator('[data-notice="reader-link"]');
    await expect.poll(() => notice.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await notice.innerText()).toContain("dzf-2099-1");
    expect(await reader(page).isVisible()).toBe(false);

    await page.evaluate(() => {
      window.location.hash = "#doc=dzf-2023-13&clause=s9.p9";
    });
    await expect.poll(() => reader(page).getAttribute("data-document-id"), { timeout: 30_000 }).toBe("dzf-2023-13");
    await expect.poll(() => notice.innerText()).toContain("s9.p9");
    expect((await state(page)).reader).toEqual({ type: "open", documentId: "dzf-2023-13", clauseId: null });
    expect(await page.locator("[data-reader] .reader-scroll").evaluate((element) => element.scrollTop)).toBe(0);
    await whenIdle(page);
    await screenshot(page, "policy-desktop-reader-top");
    expect(consoleErrors).toEqual([]);
  });

  it("where 7号 and 8号 disagree (一中心三组团 / 四组团), the inspector says so and quotes both", async () => {
    const { page } = await openReady({ hash: "#feature=urban-areas/urban-centre" });
    const notice = page.locator('[data-inspector] [data-disagreement="urban-layout-clusters"]');
    await expect.poll(() => notice.locator("[data-citation-text]").count(), { timeout: 30_000 }).toBe(2);
    const texts = await notice.locator("[data-citation-text]").allInnerTexts();
    expect(texts[0]).toContain("一中心三组团");
    expect(texts[1]).toContain("一中心四组团");
    expect(await notice.locator("[data-conflict-note]").innerText()).toContain("8号");
    expect(await notice.innerText()).toContain("2023-03-31");
    expect((await state(page)).layers["urban-areas"]?.visible, "the linked feature's layer is shown").toBe(true);

    await page.locator('[data-action="toggle-language"]').click();
    await expect.poll(() => notice.locator("h3").innerText(), { timeout: 30_000 }).toBe("The documents disagree: Urban layout: the number of clusters");
    expect(await notice.locator("[data-conflict-note]").innerText()).toContain("7号 (population plan)");
    expect(await notice.innerText()).toContain("neither supersedes the other");
    expect(await page.locator('[data-attribute-label="member_towns"]').innerText()).toBe("Member towns");
    await whenIdle(page);
    await screenshot(page, "policy-desktop-inspector-english");
  });

  it("search 饶国梁: the memorial comes first, with the words marked, and Enter opens it", async () => {
    const { page, consoleErrors } = await openReady();
    const input = page.locator("[data-search-input]");
    await input.click();
    await input.pressSequentially("饶国梁");

    const options = page.locator('[data-search-results] [role="option"]');
    await expect.poll(() => options.first().getAttribute("data-result-key"), { timeout: 30_000 }).toBe(`feature:memorials/${RAO_GUOLIANG}`);
    const first = options.first();
    await expect.poll(() => first.locator("mark").first().innerText(), { timeout: 30_000 }).toBe("饶国梁");
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    expect(await input.getAttribute("aria-activedescendant")).toBe(await first.getAttribute("id"));
    expect(await page.locator('[data-search-group="memorial"] [role="presentation"]').innerText()).toBe("烈士纪念设施");
    // The documents' text is searched too, once the corpus has arrived.
    await expect.poll(() => page.locator('[data-search-group="clause"] [data-result-key="clause:dzfb-2023-47#s1"]').count(), { timeout: 30_000 }).toBe(1);

    await input.press("ArrowDown");
    expect(await input.getAttribute("aria-activedescendant")).toBe(await options.nth(1).getAttribute("id"));
    await input.press("ArrowUp");
    expect(await input.getAttribute("aria-activedescendant")).toBe(await first.getAttribute("id"));
    await screenshot(page, "policy-desktop-search");

    await input.press("Enter");
    await expect.poll(() => inspector(page).getAttribute("data-inspector"), { timeout: 30_000 }).toBe(`memorials/${RAO_GUOLIANG}`);
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    expect((await state(page)).selection).toEqual({ type: "feature", layerId: "memorials", featureId: RAO_GUOLIANG });

    // Escape closes the list first, then clears the box.
    await input.fill("");
    await input.pressSequentially("大足");
    await expect.poll(() => input.getAttribute("aria-expanded"), { timeout: 30_000 }).toBe("true");
    await input.press("Escape");
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    await input.press("Escape");
    expect(await input.inputValue()).toBe("");
    expect(consoleErrors).toEqual([]);
  });

  it("a layer result turns the layer on and brings its panel row into view", async () => {
    const { page } = await openReady();
    expect((await state(page)).layers["urban-axes"]?.visible).toBe(false);
    const input = page.locator("[data-search-input]");
    await input.click();
    await input.pressSequentially("两轴线");
    const option = page.locator('[data-result-key="layer:urban-axes"]');
    await expect.poll(() => option.count(), { timeout: 30_000 }).toBe(1);
    await option.click();
    await expect.poll(async () => (await state(page)).layers["urban-axes"]?.visible).toBe(true);
    const toggle = page.locator('[data-layer-toggle="urban-axes"]');
    expect(await toggle.isChecked()).toBe(true);
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await toggle.isVisible()).toBe(true);
  });

  it("on a phone the inspector is a card above the sheet and the reader covers the screen", async () => {
    const { page, consoleErrors } = await openReady({ ...PHONE, hash: `#feature=fee-tiers/${GUOLIANG}` });
    await expect.poll(() => page.locator('.citation[data-citation="dzf-2023-13#s1.p3"] [data-citation-text]').count(), { timeout: 30_000 }).toBe(1);
    const card = await box(page, "[data-inspector]");
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(390);
    await screenshot(page, "policy-phone-390x844-inspector");

    await page.locator('.citation[data-citation="dzf-2023-13#s1.p3"] [data-action="open-in-document"]').click();
    await expect.poll(() => page.locator('[data-reader] [data-clause-id="s1.p3"]').getAttribute("data-highlighted"), { timeout: 30_000 }).toBe("true");
    const readerBox = await box(page, "[data-reader]");
    expect(readerBox.width).toBe(390);
    expect(readerBox.height).toBeGreaterThan(800);
    await screenshot(page, "policy-phone-390x844-reader");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);

    // Opening a feature from the full-screen reader goes back to the map.
    await page.locator('[data-reader] [data-clause-features="s1.p3"] [data-feature-link]').first().click();
    await expect.poll(() => reader(page).isVisible(), { timeout: 30_000 }).toBe(false);
    expect(await inspector(page).isVisible()).toBe(true);

    await page.locator('[data-action="open-search"]').click();
    await page.locator("[data-search-input]").pressSequentially("珠溪");
    await expect.poll(() => page.locator('[data-search-results] [role="option"]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await screenshot(page, "policy-phone-390x844-search");
    expect(consoleErrors).toEqual([]);
  });
});
