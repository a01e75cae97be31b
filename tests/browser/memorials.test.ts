import type { FeatureCollection, Point } from "geojson";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { gcj02ToWgs84, wgs84ToGcj02 } from "../../src/geo/gcj02";
import { appState, loadErrors, waitForApp, whenIdle } from "./app";
import { openApp, screenshot, type AppSession, type OpenOptions } from "./driver";
import { handleCentre, horizontalOverflow, listedIds, mapAreaBox, openMemorialsTab, PANEL, PHONE, sheetHeight, touchDrag, waitForSnap } from "./memorialSteps";

const baseUrl = inject("baseUrl");
/** Near 珠溪镇, a few kilometres from the placeholder point of its three tombs. */
const NEAR_ZHUXI = { longitude: 105.665, latitude: 29.54, accuracy: 30 };
const ZHUXI_TOMBS = ["memorial-peng-zongquan", "memorial-su-chaomiao", "memorial-yang-shengjin"];

let memorialPositions: Map<string, [number, number]>;
let session: AppSession | undefined;

beforeAll(async () => {
  const response = await fetch(new URL("geodata/layers/memorials.geojson", baseUrl));
  const collection = (await response.json()) as FeatureCollection<Point>;
  memorialPositions = new Map(collection.features.map((feature) => [String(feature.properties?.id), feature.geometry.coordinates as [number, number]]));
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openReady(options: OpenOptions = {}): Promise<AppSession> {
  session = await openApp(baseUrl, "/", { ...PHONE, ...options });
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session;
}

/** Metres between two WGS-84 positions (equirectangular; exact enough below a kilometre). */
function metresBetween(a: [number, number], b: [number, number]): number {
  const latitude = (((a[1] + b[1]) / 2) * Math.PI) / 180;
  const dx = ((a[0] - b[0]) * Math.PI * 6_371_008.8 * Math.cos(latitude)) / 180;
  const dy = ((a[1] - b[1]) * Math.PI * 6_371_008.8) / 180;
  return Math.hypot(dx, dy);
}

interface FieldState {
  userLocation: { type: string; lngLat?: [number, number] };
  memorialCard: { type: string; memorialId?: string };
}

describe("memorial finder on a phone", () => {
  it("finds 饶国梁烈士纪念碑, flies there and quotes what the notice protects and prohibits", async () => {
    const current = await openReady();
    const { page } = current;
    expect(await waitForSnap(page, "peek")).toBeLessThan(120);
    await screenshot(page, "memorials-phone-peek");

    await openMemorialsTab(page);
    await waitForSnap(page, "half");
    await whenIdle(page);
    await screenshot(page, "memorials-phone-list");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.locator('[data-memorial-id="memorial-rao-guoliang"]').click();
    const card = page.locator('[data-memorial-card="memorial-rao-guoliang"]');
    await expect.poll(() => card.isVisible(), { timeout: 30_000 }).toBe(true);
    // Focus moves to the card's heading, so a screen reader starts reading there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("memorial-card-title");
    expect(await card.getAttribute("role")).toBe("region");
    expect(await card.getAttribute("aria-labelledby")).toBe("memorial-card-title");

    const protection = card.locator('[data-memorial-quote="protection"] blockquote');
    await expect.poll(() => protection.count(), { timeout: 30_000 }).toBe(1);
    expect(await protection.innerText()).toBe("一、划定大足区龙岗街道办事处龙岗村1组12号（北山公园内）饶国梁烈士纪念碑主体及所在广场为烈士纪念设施保护范围。");
    expect(await protection.locator("strong").innerText()).toBe("主体及所在广场");
    expect(await protection.getAttribute("data-citation")).toBe("dzfb-2023-47#s1");
    const rules = await card.locator('[data-memorial-quote="rules"] blockquote').innerText();
    expect(rules).toContain("任何组织和个人不得在烈士纪念设施保护范围内从事与纪念英烈无关或者有损纪念英烈环境和氛围的活动");
    expect(rules).toContain("不得侵占烈士纪念设施保护范围内的土地和设施，不得破坏、污损烈士纪念设施");
    expect(await card.locator('[data-memorial-quote="effective"] blockquote').innerText()).toBe("本通知自2023年5月17日起施行。");
    expect(await card.locator("time").getAttribute("datetime")).toBe("2023-05-17");
    const basis = await card.locator('[data-memorial-quote="basis"] li').allInnerTexts();
    expect(basis).toContain("《烈士褒扬条例》");
    expect(basis).toContain("《烈士纪念设施保护管理办法》");
    expect(await card.locator("[data-memorial-address]").innerText()).toBe("大足区龙岗街道办事处龙岗村1组12号（北山公园内）");
    expect(await card.locator('[data-position="approximate"]').innerText()).toContain("示意位置：±1 km");

    // The card is in the URL, beside whatever else the hash carries.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toContain("memorial=memorial-rao-guoliang");
    const state = (await appState(page)) as FieldState;
    expect(state.memorialCard).toEqual({ type: "memorial", memorialId: "memorial-rao-guoliang" });

    // The map shows the uncertainty with its label, in the part of the map the half-open sheet leaves visible.
    await whenIdle(page);
    const label = page.locator("[data-focus-label]");
    expect(await label.innerText()).toBe("位置待核实 ±1 km");
    const labelBox = await label.boundingBox();
    const map = await mapAreaBox(page);
    const sheetTop = (await page.locator(PANEL).boundingBox())!.y;
    expect(labelBox).not.toBeNull();
    expect(labelBox!.y).toBeGreaterThanOrEqual(map.top);
    expect(labelBox!.y + labelBox!.height).toBeLessThan(sheetTop);
    await screenshot(page, "memorials-phone-card");

    // Back to the list: focus returns to the memorial's button and the hash drops the card.
    await page.locator('[data-action="memorial-back"]').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-memorial-id"))).toBe("memorial-rao-guoliang");
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).not.toContain("memorial=");
    expect(await page.locator("[data-focus-label]").count()).toBe(0);
    expect(await loadErrors(page)).toEqual([]);
    expect(current.consoleErrors).toEqual([]);
    expect(current.offHostRequests).toEqual([]);
  });

  it("sorts by distance from a GPS fix, answers the restricted layers, searches a placeholder's address and links a pin in GCJ-02", async () => {
    const current = await openReady();
    const { page } = current;
    await page.context().grantPermissions(["geolocation"], { origin: new URL(baseUrl).origin });
    await page.context().setGeolocation(NEAR_ZHUXI);
    await openMemorialsTab(page);
    const before = await listedIds(page);
    expect(before[0]).toBe("memorial-rao-guoliang");

    await page.locator('[data-action="locate"]').click();
    await expect.poll(() => page.locator("[data-locate-status]").innerText(), { timeout: 30_000 }).toMatch(/已定位（精度 ±30 m）/);
    await expect.poll(() => page.locator("[data-memorial-list] [data-memorial-distance]").count(), { timeout: 30_000 }).toBe(6);
    const sorted = await listedIds(page);
    expect(sorted.slice(0, 3).sort()).toEqual(ZHUXI_TOMBS);
    expect(sorted.at(-1)).toBe("memorial-hu-zaiguo");
    const distances = await page.locator("[data-memorial-list] [data-memorial-distance]").allInnerTexts();
    expect(distances[0]).toMatch(/^东南 3(\.\d)? km$/);
    for (const text of distances) expect(text).toMatch(/^(北|东北|东|东南|南|西南|西|西北) \d+(\.\d)? k?m$/);

    // Each restricting layer gets an answer that admits its uncertainty.
    const memorialsAnswer = page.locator('[data-field-layer="memorials"]');
    expect(await memorialsAnswer.getAttribute("data-standing")).toBe("uncertain");
    expect(await memorialsAnswer.innerText()).toMatch(/不确定：距 .+ 3(\.\d)? km，在其位置误差 ±5 km（含你的定位精度）之内/);
    expect(await page.locator('[data-field-layer="mining-extraction-blocks"]').innerText()).toContain("位置未公布，无法判断");
    const state = (await appState(page)) as FieldState;
    expect(state.userLocation.type).toBe("located");
    await whenIdle(page);
    await screenshot(page, "memorials-phone-located");
    await page.locator('[data-action="sheet-handle"]').press("Home");
    await waitForSnap(page, "full");
    await page.locator("[data-field-answers]").scrollIntoViewIfNeeded();
    await screenshot(page, "memorials-phone-field-answers");

    await page.locator('[data-memorial-id="memorial-yang-shengjin"]').click();
    const card = page.locator('[data-memorial-card="memorial-yang-shengjin"]');
    await expect.poll(() => card.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await card.locator("[data-memorial-distance]").innerText()).toMatch(/^距你：东南 3(\.\d)? km（纪念设施位置误差 ±5 km）$/);
    expect(await card.locator('[data-position="approximate"]').innerText()).toContain("示意位置：±5 km，仅表示所在镇街。");
    expect(await card.locator("[data-memorial-shared]").innerText()).toContain("苏朝淼烈士墓、彭宗全烈士墓");

    // A town-level placeholder (±5 km): the apps search the published address instead of dropping a pin, and say so.
    const amap = card.locator('[data-navigation="amap"]');
    expect(await amap.getAttribute("target")).toBe("_blank");
    expect(await amap.getAttribute("rel")).toContain("noopener");
    const search = new URL((await amap.getAttribute("href"))!);
    expect(`${search.hostname}${search.pathname}`).toBe("uri.amap.com/search");
    expect(search.searchParams.get("keyword")).toBe("珠溪镇凉水村6组半边寺");
    // AMap's search URI takes a city (name, area code or city code), not a district; Baidu's region takes the district.
    expect(search.searchParams.get("city")).toBe("重庆");
    const baiduSearch = new URL((await card.locator('[data-navigation="baidu"]').getAttribute("href"))!);
    expect(`${baiduSearch.hostname}${baiduSearch.pathname}`).toBe("api.map.baidu.com/place/search");
    expect(baiduSearch.searchParams.get("query")).toBe("珠溪镇凉水村6组半边寺");
    expect(baiduSearch.searchParams.get("region")).toBe("重庆市大足区");
    expect(baiduSearch.searchParams.get("output")).toBe("html");
    expect(await card.locator('[data-navigation-target="address"]').innerText()).toContain("搜索公布地址");
    expect(await card.locator("[data-navigation-keyword]").innerText()).toBe("珠溪镇凉水村6组半边寺");

    // The park-level position of 饶国梁烈士纪念碑 (±1 km) is worth a pin: AMap in GCJ-02, Baidu in BD-09.
    await page.locator('[data-action="memorial-back"]').click();
    await page.locator('[data-memorial-id="memorial-rao-guoliang"]').click();
    const raoCard = page.locator('[data-memorial-card="memorial-rao-guoliang"]');
    await expect.poll(() => raoCard.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await raoCard.locator('[data-navigation-target="position"]').count()).toBe(1);
    const href = new URL((await raoCard.locator('[data-navigation="amap"]').getAttribute("href"))!);
    expect(`${href.hostname}${href.pathname}`).toBe("uri.amap.com/marker");
    const [gcjLongitude, gcjLatitude] = href.searchParams.get("position")!.split(",").map(Number) as [number, number];
    const wgs = memorialPositions.get("memorial-rao-guoliang")!;
    const expected = wgs84ToGcj02(wgs);
    // GCJ-02 is offset from WGS-84 by a few hundred metres here; the link carries exactly that offset…
    expect(metresBetween([gcjLongitude, gcjLatitude], wgs)).toBeGreaterThan(300);
    expect(metresBetween([gcjLongitude, gcjLatitude], wgs)).toBeLessThan(800);
    expect(metresBetween([gcjLongitude, gcjLatitude], expected)).toBeLessThan(0.2);
    // …and converts back to the published point within a metre.
    expect(metresBetween(gcj02ToWgs84([gcjLongitude, gcjLatitude]), wgs)).toBeLessThan(1);
    const baidu = new URL((await raoCard.locator('[data-navigation="baidu"]').getAttribute("href"))!);
    expect(baidu.searchParams.get("coord_type")).toBe("bd09ll");
    expect(await raoCard.locator('[data-navigation="geo"]').getAttribute("href")).toBe(
      `geo:${wgs[1].toFixed(6)},${wgs[0].toFixed(6)}?q=${wgs[1].toFixed(6)},${wgs[0].toFixed(6)}(${encodeURIComponent("饶国梁烈士纪念碑")})`,
    );
    expect(current.consoleErrors).toEqual([]);
  });

  it("says so when location is denied, and the finder keeps working", async () => {
    const current = await openReady();
    const { page } = current;
    await page.context().clearPermissions();
    await openMemorialsTab(page);
    await page.locator('[data-action="locate"]').click();
    const status = page.locator("[data-locate-status]");
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toContain("位置权限被拒绝");
    expect(await status.isVisible()).toBe(true);
    expect(((await appState(page)) as FieldState).userLocation).toEqual({ type: "failed", reason: "denied" });
    expect(await listedIds(page)).toHaveLength(6);
    await page.locator('[data-memorial-id="memorial-hu-zaiguo"]').click();
    await expect.poll(() => page.locator('[data-memorial-card="memorial-hu-zaiguo"]').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(current.consoleErrors).toEqual([]);
  });

  it("filters the list as one types", async () => {
    const { page } = await openReady();
    await openMemorialsTab(page);
    await page.locator("#memorial-filter").fill("珠溪");
    expect((await listedIds(page)).sort()).toEqual(ZHUXI_TOMBS);
    await page.locator("#memorial-filter").fill("纪念碑");
    expect(await listedIds(page)).toEqual(["memorial-rao-guoliang"]);
    await page.locator("#memorial-filter").fill("没有这个");
    expect(await listedIds(page)).toEqual([]);
    expect(await page.locator(".memorial-empty").innerText()).toContain("没有与“没有这个”匹配的纪念设施");
  });

  it("opens the card from a #memorial= link, in the link's language, and keeps the other parameters", async () => {
    const { page } = await openReady({ hash: "#lang=en&memorial=memorial-hu-zaiguo" });
    const card = page.locator('[data-memorial-card="memorial-hu-zaiguo"]');
    await expect.poll(() => card.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.locator(PANEL).getAttribute("data-snap")).toBe("half");
    expect(await card.locator("#memorial-card-title").innerText()).toBe("Tomb of Martyr Hu Zaiguo");
    expect(await card.locator('[data-position="approximate"]').innerText()).toContain("Approximate position: ±5 km, shows the town only.");
    await whenIdle(page);
    expect(await page.locator("[data-focus-label]").innerText()).toBe("Position to be verified ±5 km");
    await screenshot(page, "memorials-phone-card-english");

    // Another link in the same tab switches the card; closing it keeps lang=en.
    await page.evaluate(() => {
      window.location.hash = "#lang=en&memorial=memorial-chen-xianwen";
    });
    await expect.poll(() => page.locator('[data-memorial-card="memorial-chen-xianwen"]').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.locator("#memorial-card-title").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("[data-memorial-card]").count(), { timeout: 10_000 }).toBe(0);
    // Escape went to the card, not to the sheet.
    expect(await page.locator(PANEL).getAttribute("data-snap")).toBe("half");
    await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toBe("#lang=en");
  });

  it("shares a link that opens the card, and confirms the copy", async () => {
    const { page } = await openReady();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl).origin });
    // This Chromium has no system share sheet, so sharing falls back to the clipboard, as on most desktops.
    expect(await page.evaluate(() => typeof navigator.share)).toBe("undefined");
    await openMemorialsTab(page);
    await page.locator('[data-memorial-id="memorial-su-chaomiao"]').click();
    await page.locator('[data-action="memorial-share"]').click();
    const status = page.locator(".memorial-share-status");
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain("已复制链接");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).hash).toBe("#memorial=memorial-su-chaomiao");
    expect(copied.startsWith(baseUrl)).toBe(true);
  });

  it("falls back to a selectable link field when the clipboard refuses", async () => {
    const { page } = await openReady();
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("denied")) } });
    });
    await openMemorialsTab(page);
    await page.locator('[data-memorial-id="memorial-chen-xianwen"]').click();
    await page.locator('[data-action="memorial-share"]').click();
    const field = page.locator("[data-share-link]");
    await expect.poll(() => field.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(new URL(await field.inputValue()).hash).toBe("#memorial=memorial-chen-xianwen");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.selectionEnd ?? 0)).toBeGreaterThan(10);
  });
});

describe("bottom sheet", () => {
  it("follows a finger between peek, half and full, and answers the keyboard", async () => {
    const { page } = await openReady();
    const peek = await waitForSnap(page, "peek");

    // Placed near half and held: settles on half.
    await touchDrag(page, await handleCentre(page), { x: 195, y: 844 - 400 }, { holdMs: 250 });
    const half = await waitForSnap(page, "half");
    expect(half).toBeGreaterThan(peek + 200);
    await screenshot(page, "memorials-phone-sheet-half");

    // A quick flick upwards goes on to full.
    const start = await handleCentre(page);
    await touchDrag(page, start, { x: start.x, y: start.y - 150 }, { steps: 6, stepMs: 0 });
    const full = await waitForSnap(page, "full");
    expect(full).toBeGreaterThan(half + 200);
    const header = await page.locator(".app-header").boundingBox();
    expect(Math.round((await page.locator(PANEL).boundingBox())!.y)).toBe(Math.round(header!.y + header!.height));
    await openMemorialsTab(page);
    await screenshot(page, "memorials-phone-sheet-full");

    // Down and held: the nearest snap. A flick down from there: peek.
    const top = await handleCentre(page);
    await touchDrag(page, top, { x: top.x, y: 844 - 380 }, { holdMs: 250 });
    expect(await waitForSnap(page, "half")).toBeCloseTo(half, -1);
    const middle = await handleCentre(page);
    await touchDrag(page, middle, { x: middle.x, y: middle.y + 150 }, { steps: 6, stepMs: 0 });
    await waitForSnap(page, "peek");
    await touchDrag(page, await handleCentre(page), { x: 195, y: 844 - 400 }, { holdMs: 250 });
    await waitForSnap(page, "half");

    // The handle is a button: arrows, Home/End and Enter change the height; aria-expanded follows.
    const handle = page.locator('[data-action="sheet-handle"]');
    await handle.focus();
    await page.keyboard.press("End");
    await waitForSnap(page, "peek");
    expect(await handle.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowUp");
    await waitForSnap(page, "half");
    await page.keyboard.press("Home");
    await waitForSnap(page, "full");
    expect(await handle.getAttribute("aria-expanded")).toBe("true");
    expect(await handle.getAttribute("aria-label")).toContain("全屏");
    // Escape in the content returns to the map.
    await page.locator('[data-sheet-tab="memorials"]').focus();
    await page.keyboard.press("Escape");
    await waitForSnap(page, "peek");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("sheet-handle");
  });

  it("keeps every touch target at least 44 px and the tabs as an ARIA tab list", async () => {
    const { page } = await openReady();
    await openMemorialsTab(page);
    await page.locator('[data-memorial-id="memorial-rao-guoliang"]').click();
    await expect.poll(() => page.locator("[data-memorial-card]").count(), { timeout: 30_000 }).toBe(1);
    await page.locator('[data-action="sheet-handle"]').press("Home");
    await waitForSnap(page, "full");
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("#layer-panel button, #layer-panel a, #layer-panel input, #layer-panel summary")]
        .filter((element) => element.offsetParent !== null && !element.closest(".visually-hidden"))
        .map((element) => ({ element, rect: element.getBoundingClientRect() }))
        .filter(({ element, rect }) => element.closest("[data-memorial-card], [data-memorial-finder], .sheet-grip") && (rect.height < 44 || rect.width < 44))
        .map(({ element, rect }) => `${element.tagName} ${element.className} ${Math.round(rect.width)}×${Math.round(rect.height)}`),
    );
    expect(small).toEqual([]);
    const tabs = page.locator('[role="tablist"] [role="tab"]');
    expect(await tabs.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-sheet-tab="memorials"]').getAttribute("aria-selected")).toBe("true");
    expect(await page.locator('[data-sheet-tab="layers"]').getAttribute("aria-selected")).toBe("false");
    const fontSizes = await page
      .locator("[data-memorial-card] p, [data-memorial-card] dd, [data-memorial-card] li")
      .evaluateAll((elements) => elements.map((element) => parseFloat(getComputedStyle(element).fontSize)));
    expect(Math.min(...fontSizes)).toBeGreaterThanOrEqual(14);
  });

  it("never scrolls sideways at 360, 390, 768 and 1280 px, with the finder and the card open", async () => {
    const { page } = await openReady({ viewport: { width: 360, height: 640 } });
    await openMemorialsTab(page);
    expect(await horizontalOverflow(page), "360 px, list").toBeLessThanOrEqual(0);
    await page.locator('[data-memorial-id="memorial-yang-shengjin"]').click();
    await expect.poll(() => page.locator("[data-memorial-card]").count(), { timeout: 30_000 }).toBe(1);
    await whenIdle(page);
    await screenshot(page, "memorials-phone-360-card");
    for (const width of [360, 390, 768, 1280]) {
      await page.setViewportSize({ width, height: width < 700 ? 740 : 800 });
      await page.waitForTimeout(300);
      expect(await horizontalOverflow(page), `${width} px, card`).toBeLessThanOrEqual(0);
      const panel = (await page.locator(PANEL).boundingBox())!;
      expect(panel.x, `${width} px: panel inside the window`).toBeGreaterThanOrEqual(0);
      expect(panel.x + panel.width, `${width} px: panel inside the window`).toBeLessThanOrEqual(width + 0.5);
      // Wide screens keep the side panel beside the map.
      if (width >= 768) expect(panel.height, `${width} px: side panel height`).toBeGreaterThan(600);
    }
    await whenIdle(page);
    await screenshot(page, "memorials-desktop-1280-card");
    await page.locator('[data-action="memorial-back"]').click();
    expect(await horizontalOverflow(page), "1280 px, list").toBeLessThanOrEqual(0);
    // English is longer: the title shrinks, and the way back to Chinese stays on screen.
    await page.locator('[data-action="toggle-language"]').click();
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 740 });
      await page.waitForTimeout(300);
      expect(await horizontalOverflow(page), `${width} px, English`).toBeLessThanOrEqual(0);
      expect(await page.locator('[data-action="toggle-language"]').isVisible()).toBe(true);
    }
  });

  it("jumps instead of flying when the reader prefers reduced motion", async () => {
    const { page } = await openReady();
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openMemorialsTab(page);
    await waitForSnap(page, "half");
    const labelTop = async () => (await page.locator("[data-focus-label]").boundingBox())?.y ?? Number.NaN;
    await page.locator('[data-memorial-id="memorial-chen-xianwen"]').click();
    await page.locator("[data-focus-label]").waitFor();
    const immediately = await labelTop();
    await whenIdle(page);
    await page.waitForTimeout(700);
    expect(Math.abs((await labelTop()) - immediately)).toBeLessThan(1);
    expect(await sheetHeight(page)).toBeGreaterThan(300);
  });
});
