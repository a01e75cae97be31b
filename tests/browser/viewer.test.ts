import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { LayerDefinition, Manifest } from "../../src/layers/manifestTypes";
import { appState, districtScreenBox, loadErrors, renderedFeatureCount, waitForApp, whenIdle } from "./app";
import { capturePixels, openApp, screenshot, type AppSession, type OpenOptions, type Pixels, type ScreenBox } from "./driver";

const baseUrl = inject("baseUrl");

let manifest: Manifest;
let session: AppSession | undefined;

beforeAll(async () => {
  const response = await fetch(new URL("geodata/manifest.json", baseUrl));
  expect(response.ok, `GET geodata/manifest.json → ${response.status}`).toBe(true);
  manifest = (await response.json()) as Manifest;
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

function layer(id: string): LayerDefinition {
  const found = manifest.layers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`layer "${id}" is not in geodata/manifest.json (has: ${manifest.layers.map((l) => l.id).join(", ")})`);
  return found;
}

async function openReady(options: OpenOptions = {}): Promise<AppSession> {
  session = await openApp(baseUrl, "/", options);
  await waitForApp(session.page);
  await whenIdle(session.page);
  return session;
}

async function mapCanvasBox(current: AppSession): Promise<ScreenBox> {
  const rect = await current.page.locator("#map canvas").first().boundingBox();
  if (!rect) throw new Error("the map canvas has no layout box");
  return { x0: rect.x, y0: rect.y, x1: rect.x + rect.width, y1: rect.y + rect.height };
}

/** The parts of `__dazuTest.getState()` these tests read (see `stateSnapshot` in src/state/store.ts). */
interface StateSnapshot {
  layers: Record<string, { visible: boolean; opacity: number }>;
  view: { type: "district" | "camera"; center?: [number, number]; zoom?: number };
  language: string;
  basemap: string;
}

type Rgb = [number, number, number];

function pixelAt(pixels: Pixels, x: number, y: number): Rgb {
  const offset = (y * pixels.width + x) * 4;
  return [pixels.data[offset]!, pixels.data[offset + 1]!, pixels.data[offset + 2]!];
}

function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** The most common colour among the pixels for which `include(x, y)` holds. */
function dominantColour(pixels: Pixels, include: (x: number, y: number) => boolean): { colour: Rgb; count: number } {
  const counts = new Map<number, number>();
  for (let y = 0; y < pixels.height; y += 1) {
    for (let x = 0; x < pixels.width; x += 1) {
      if (!include(x, y)) continue;
      const [r, g, b] = pixelAt(pixels, x, y);
      const key = (r << 16) | (g << 8) | b;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let bestKey = -1;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      bestKey = key;
      bestCount = count;
    }
  }
  return { colour: [(bestKey >> 16) & 255, (bestKey >> 8) & 255, bestKey & 255], count: bestCount };
}

describe("viewer", () => {
  it("loads with no console errors, no failed loads and no request leaving the machine", async () => {
    const current = await openReady();
    expect(await loadErrors(current.page)).toEqual([]);
    expect(current.consoleErrors).toEqual([]);
    expect(current.httpErrors).toEqual([]);
    expect(current.offHostRequests).toEqual([]);
  });

  it("reads out the map centre in WGS-84 and CGCS2000 Gauss–Krüger once the map is idle", async () => {
    const { page } = await openReady();
    const gaussKruger = page.locator('[data-coordinate="gauss-kruger"]');
    await expect.poll(() => gaussKruger.textContent(), { timeout: 15_000 }).toMatch(/^E 5\d{5}\.\d N 32\d{5}\.\d$/);
    // The district's centre lies near E105.75°, N29.62° (the manifest's bounds), about 72 km east of the CM.
    const [easting, northing] = ((await gaussKruger.textContent()) ?? "").match(/[\d.]+/g)!.map(Number) as [number, number];
    expect(easting).toBeGreaterThan(560_000);
    expect(easting).toBeLessThan(585_000);
    expect(northing).toBeGreaterThan(3_265_000);
    expect(northing).toBeLessThan(3_295_000);
    expect(await page.locator('[data-coordinate="wgs84"]').textContent()).toMatch(/°N .*°E$/);
  });

  it("draws the district on the map canvas", async () => {
    const current = await openReady();
    const canvas = await mapCanvasBox(current);
    const district = await districtScreenBox(current.page);
    expect(district.x1 - district.x0, "district box width in px").toBeGreaterThan(150);
    expect(district.y1 - district.y0, "district box height in px").toBeGreaterThan(150);

    const pixels = await capturePixels(current.page, canvas, "viewer-map-canvas", {
      onlySelector: "#map canvas.maplibregl-canvas",
    });
    // districtScreenBox is in canvas CSS px; the screenshot is the canvas at CSS scale.
    const box = {
      x0: Math.max(0, Math.floor(district.x0)),
      y0: Math.max(0, Math.floor(district.y0)),
      x1: Math.min(pixels.width, Math.ceil(district.x1)),
      y1: Math.min(pixels.height, Math.ceil(district.y1)),
    };
    const inside = (x: number, y: number) => x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
    const outside = dominantColour(pixels, (x, y) => !inside(x, y));
    expect(outside.count, "pixels outside the district box to read the background from").toBeGreaterThan(500);

    let drawn = 0;
    let total = 0;
    for (let y = box.y0; y < box.y1; y += 1) {
      for (let x = box.x0; x < box.x1; x += 1) {
        total += 1;
        if (colourDistance(pixelAt(pixels, x, y), outside.colour) > 12) drawn += 1;
      }
    }
    // The outline fills roughly half of its bounding box; fills, outlines and labels all count.
    expect(drawn / total, `share of non-background pixels in the district box (background rgb(${outside.colour.join(",")}))`).toBeGreaterThan(0.3);
  });

  it("hides a layer's features when its checkbox is cleared and shows them again when it is ticked", async () => {
    const layerId = "fee-tiers";
    expect(layer(layerId).visible, `${layerId} is visible by default`).toBe(true);
    const current = await openReady();
    const toggle = current.page.locator(`[data-layer-toggle="${layerId}"]`);

    expect(await toggle.isChecked()).toBe(true);
    expect(await renderedFeatureCount(current.page, layerId)).toBeGreaterThan(0);

    await toggle.click();
    await whenIdle(current.page);
    expect(await toggle.isChecked()).toBe(false);
    expect(await renderedFeatureCount(current.page, layerId)).toBe(0);

    await toggle.click();
    await whenIdle(current.page);
    expect(await toggle.isChecked()).toBe(true);
    expect(await renderedFeatureCount(current.page, layerId)).toBeGreaterThan(0);
  });

  it("restores the camera and hidden layers from the URL hash after a reload", async () => {
    const hiddenId = "fee-tiers";
    const [west, south, east, north] = manifest.district.bounds;
    const zoom = 11.5;
    // Off the district's centre, so the restored view cannot be mistaken for the default one.
    const center: [number, number] = [Number((west + (east - west) * 0.35).toFixed(5)), Number((south + (north - south) * 0.6).toFixed(5))];
    const visibleLayers = manifest.layers.filter((entry) => entry.visible && entry.id !== hiddenId).map((entry) => entry.id);
    const hash = `#v=${zoom}/${center[1]}/${center[0]}&layers=${visibleLayers.join(",")}`;

    const current = await openReady();
    const before = (await appState(current.page)) as StateSnapshot;
    expect(before.view.type).toBe("district");
    expect(before.layers[hiddenId]?.visible).toBe(true);

    await current.page.evaluate((value) => {
      window.location.hash = value;
    }, hash);
    await current.page.reload({ waitUntil: "load" });
    await waitForApp(current.page);
    await whenIdle(current.page);

    const after = (await appState(current.page)) as StateSnapshot;
    expect(after.view.type).toBe("camera");
    expect(after.view.zoom).toBeCloseTo(zoom, 2);
    expect(after.view.center?.[0]).toBeCloseTo(center[0], 4);
    expect(after.view.center?.[1]).toBeCloseTo(center[1], 4);
    for (const entry of manifest.layers) {
      expect(after.layers[entry.id]?.visible, `${entry.id} visible`).toBe(entry.visible && entry.id !== hiddenId);
    }
    expect(await current.page.locator(`[data-layer-toggle="${hiddenId}"]`).isChecked()).toBe(false);
    expect(await renderedFeatureCount(current.page, hiddenId)).toBe(0);
    expect(new URL(current.page.url()).hash).toContain(`v=${zoom}/`);
  });

  it("switches the panel to English", async () => {
    const layerId = "fee-tiers";
    const current = await openReady();
    const title = current.page.locator(`[data-layer-title="${layerId}"]`);
    expect((await title.innerText()).trim()).toBe(layer(layerId).title.zh);
    expect(await current.page.locator("html").getAttribute("lang")).toMatch(/^zh/);

    await current.page.locator('[data-action="toggle-language"]').click();

    await expect.poll(async () => (await title.innerText()).trim(), { timeout: 30_000 }).toBe(layer(layerId).title.en);
    expect(await current.page.locator("html").getAttribute("lang")).toBe("en");
    expect(((await appState(current.page)) as StateSnapshot).language).toBe("en");
    await whenIdle(current.page);
    await screenshot(current.page, "viewer-desktop-english");
  });

  it("disables a layer whose file is broken, says so, and still draws the others", async () => {
    const brokenId = "memorials";
    const broken = layer(brokenId);
    const current = await openReady({
      fakeResponses: [{ pathEndsWith: `/geodata/${broken.file}`, body: '{"type":"FeatureCollection","features":[' }],
    });
    expect(current.fakedRequests.length, "the broken file was requested").toBeGreaterThan(0);

    const errors = await loadErrors(current.page);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(new RegExp(`${brokenId}|${broken.title.zh}|${(broken.file ?? "").replace(/[.]/g, "[.]")}`));

    // The status area says that something failed; the layer's own row says which and why.
    const status = current.page.locator('[role="status"]').filter({ visible: true, hasText: /\S/ });
    await expect.poll(() => status.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const toggle = current.page.locator(`[data-layer-toggle="${brokenId}"]`);
    expect(await toggle.isDisabled()).toBe(true);
    const describedBy = await toggle.getAttribute("aria-describedby");
    expect(describedBy, "the disabled checkbox points at its error message").toBeTruthy();
    const layerMessage = current.page.locator(`[id="${describedBy}"]`);
    expect(await layerMessage.isVisible()).toBe(true);
    expect((await layerMessage.innerText()).trim()).not.toBe("");

    expect(await renderedFeatureCount(current.page, brokenId)).toBe(0);
    expect(await renderedFeatureCount(current.page, "district")).toBeGreaterThan(0);
    expect(await renderedFeatureCount(current.page, "fee-tiers")).toBeGreaterThan(0);
  });

  it("goes back to the whole district with the reset button", async () => {
    const [west, south, east, north] = manifest.district.bounds;
    const hash = `#v=12/${((south + north) / 2).toFixed(5)}/${(west + (east - west) * 0.3).toFixed(5)}`;
    const current = await openReady({ hash });
    expect(((await appState(current.page)) as StateSnapshot).view.type).toBe("camera");
    const zoomedIn = await districtScreenBox(current.page);

    await current.page.locator('[data-action="reset-view"]').click();
    await whenIdle(current.page);

    expect(((await appState(current.page)) as StateSnapshot).view.type).toBe("district");
    const reset = await districtScreenBox(current.page);
    const canvas = await mapCanvasBox(current);
    // The whole district fits on the canvas again, and is much smaller on screen than at zoom 12.
    expect(reset.x0).toBeGreaterThanOrEqual(-1);
    expect(reset.y0).toBeGreaterThanOrEqual(-1);
    expect(reset.x1).toBeLessThanOrEqual(canvas.x1 - canvas.x0 + 1);
    expect(reset.y1).toBeLessThanOrEqual(canvas.y1 - canvas.y0 + 1);
    expect(reset.x1 - reset.x0).toBeLessThan((zoomedIn.x1 - zoomedIn.x0) / 2);
  });

  it("asks only the chosen online basemap's host for tiles, and says so when it cannot be reached", async () => {
    const current = await openReady();
    expect(current.offHostRequests).toEqual([]);

    await current.page.locator('[data-control="basemap"]').selectOption("osm");
    await expect.poll(() => current.offHostRequests.length, { timeout: 60_000 }).toBeGreaterThan(0);
    const hosts = new Set(current.offHostRequests.map((url) => new URL(url).hostname));
    expect([...hosts]).toEqual(["tile.openstreetmap.org"]);

    expect(((await appState(current.page)) as StateSnapshot).basemap).toBe("osm");
    const status = current.page.locator('[role="status"]').filter({ visible: true, hasText: /\S/ });
    await expect.poll(() => status.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    // The overlays stay drawn without the basemap.
    await whenIdle(current.page);
    expect(await renderedFeatureCount(current.page, "district")).toBeGreaterThan(0);
  });

  it("saves a desktop screenshot of the default view", async () => {
    const current = await openReady({ viewport: { width: 1280, height: 800 } });
    await screenshot(current.page, "viewer-desktop-1280x800");
    const overflow = await current.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
    expect(current.consoleErrors).toEqual([]);
  });

  it("saves a phone screenshot and keeps the map usable on a small screen", async () => {
    const current = await openReady({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await screenshot(current.page, "viewer-phone-390x844");
    const overflow = await current.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
    const canvas = await mapCanvasBox(current);
    expect(canvas.x1 - canvas.x0, "map width on the phone").toBeGreaterThan(300);
    expect(canvas.y1 - canvas.y0, "map height on the phone").toBeGreaterThan(250);
    expect(await renderedFeatureCount(current.page, "district")).toBeGreaterThan(0);
    // Every memorial position is named at district zoom: 4 places (three tombs share one), a point's name winning
    // over an area's where they collide.
    await expect.poll(() => current.page.locator('[data-label-layer="memorials"]:not([hidden])').count(), { timeout: 15_000 }).toBe(4);

    // On a narrow screen the layer panel sits behind a button; open it and keep a picture of it too.
    const panelToggle = current.page.locator('[data-action="toggle-panel"]');
    if (await panelToggle.isVisible()) {
      await panelToggle.click();
      const panelId = await panelToggle.getAttribute("aria-controls");
      const panel = current.page.locator(`[id="${panelId}"]`);
      await expect.poll(() => panel.isVisible(), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => current.page.locator('[data-layer-title="fee-tiers"]').isVisible(), { timeout: 30_000 }).toBe(true);
      await screenshot(current.page, "viewer-phone-390x844-panel");
      const panelOverflow = await current.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(panelOverflow, "horizontal overflow with the panel open, in px").toBeLessThanOrEqual(0);
    }
    expect(current.consoleErrors).toEqual([]);
  });
});
