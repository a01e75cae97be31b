import { afterEach, describe, expect, inject, it } from "vitest";
import { gaussKrugerToLngLat } from "../../src/geo/crs";
import { whenIdle } from "./app";
import { openSiteCheck, uploadAndCheckAll } from "./batchSteps";
import { capturePixels, type AppSession, type Page, type ScreenBox } from "./driver";

const baseUrl = inject("baseUrl");
let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

type Rgb = [number, number, number];
type HookedWindow = { __dazuTest: { screenPointOf(lngLat: [number, number]): { x: number; y: number } } };

/** The batch parcels' fill opacity (mark:batch:fill in src/map/mapMarks.ts). */
const FILL_OPACITY = 0.35;
const CANVAS = "#map canvas.maplibregl-canvas";

/** Three squares of the four-parcel fixture (EPSG:4544 west, south, east, north) and their worst result, hand-known. */
const PARCELS = [
  { index: 0, name: "A-01", box: [598_450, 3_288_880, 598_850, 3_289_280], worst: "undecided" },
  { index: 1, name: "B-02", box: [569_600, 3_287_000, 569_800, 3_287_200], worst: "clear" },
  { index: 2, name: "C-03", box: [652_100, 3_271_200, 652_300, 3_271_400], worst: "outside" },
] as const;

function lngLatOf([west, south, east, north]: readonly number[], fraction: [number, number] = [0.5, 0.5]): [number, number] {
  return gaussKrugerToLngLat([west! + (east! - west!) * fraction[0], south! + (north! - south!) * fraction[1]]);
}

async function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((value) => (window as unknown as HookedWindow).__dazuTest.screenPointOf(value), lngLat);
}

/** Puts the parcel's centre in the middle of the map at zoom 16 (a 200 m square is about 100 px wide) and waits for an idle map. */
async function centreOn(page: Page, box: readonly number[]): Promise<void> {
  const [longitude, latitude] = lngLatOf(box);
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#v=16/${latitude.toFixed(6)}/${longitude.toFixed(6)}`,
  );
  const canvas = (await page.locator(CANVAS).boundingBox())!;
  await expect
    .poll(async () => {
      const point = await screenPoint(page, [longitude, latitude]);
      return Math.hypot(point.x - canvas.width / 2, point.y - canvas.height / 2);
    })
    .toBeLessThan(2);
  await whenIdle(page);
}

/** The map's pixels in the middle fifth of a parcel (away from its outline), as drawn on the canvas alone. */
async function parcelPixels(page: Page, box: readonly number[], name: string): Promise<Rgb[]> {
  const canvas = (await page.locator(CANVAS).boundingBox())!;
  const from = await screenPoint(page, lngLatOf(box, [0.4, 0.6]));
  const to = await screenPoint(page, lngLatOf(box, [0.6, 0.4]));
  const area: ScreenBox = { x0: canvas.x + from.x, y0: canvas.y + from.y, x1: canvas.x + to.x, y1: canvas.y + to.y };
  expect(area.x1 - area.x0).toBeGreaterThan(10);
  const pixels = await capturePixels(page, area, name, { onlySelector: CANVAS });
  const colours: Rgb[] = [];
  for (let offset = 0; offset < pixels.data.length; offset += 4) colours.push([pixels.data[offset]!, pixels.data[offset + 1]!, pixels.data[offset + 2]!]);
  return colours;
}

/** Per channel, the median of the colour drawn over the map: after = fill · α + before · (1 − α), so fill = (after − before · (1 − α)) / α. */
function drawnColour(before: Rgb[], after: Rgb[]): Rgb {
  expect(after).toHaveLength(before.length);
  const channel = (index: 0 | 1 | 2) => {
    const values = after.map((pixel, at) => (pixel[index] - before[at]![index] * (1 - FILL_OPACITY)) / FILL_OPACITY).sort((a, b) => a - b);
    return Math.round(values[Math.floor(values.length / 2)]!);
  };
  return [channel(0), channel(1), channel(2)];
}

function rgbOf(css: string): Rgb {
  const [r, g, b] = css.match(/\d+/g)!.map(Number);
  return [r!, g!, b!];
}

describe("the batch on the map", () => {
  it("colours each parcel by its worst result, in the legend's colour for that result", async () => {
    session = await openSiteCheck(baseUrl);
    const { page } = session;
    // The map where each parcel will be, before the batch is drawn.
    const before: Rgb[][] = [];
    for (const parcel of PARCELS) {
      await centreOn(page, parcel.box);
      before.push(await parcelPixels(page, parcel.box, `batch-map-${parcel.name}-before`));
    }

    await uploadAndCheckAll(page);
    const legend = Object.fromEntries(
      await page
        .locator(".batch-legend .batch-swatch")
        .evaluateAll((swatches) =>
          swatches.map((swatch) => [
            [...swatch.classList].find((name) => name.startsWith("batch-swatch--"))!.slice(14),
            getComputedStyle(swatch).backgroundColor,
          ]),
        ),
    ) as Record<string, string>;
    // The three results differ in colour, so a parcel drawn in the wrong one cannot pass.
    const distance = (a: Rgb, b: Rgb) => Math.max(...a.map((value, index) => Math.abs(value - b[index]!)));
    expect(distance(rgbOf(legend.undecided!), rgbOf(legend.clear!))).toBeGreaterThan(60);
    expect(distance(rgbOf(legend.clear!), rgbOf(legend.outside!))).toBeGreaterThan(60);
    expect(distance(rgbOf(legend.undecided!), rgbOf(legend.outside!))).toBeGreaterThan(60);

    for (const [at, parcel] of PARCELS.entries()) {
      expect(await page.locator(`[data-batch-row="${parcel.index}"]`).getAttribute("data-worst")).toBe(parcel.worst);
      await centreOn(page, parcel.box);
      const drawn = drawnColour(before[at]!, await parcelPixels(page, parcel.box, `batch-map-${parcel.name}-after`));
      const expected = rgbOf(legend[parcel.worst]!);
      // Within a few levels: the screenshot's rounding, multiplied by 1/α in the unmixing.
      expect(distance(drawn, expected), `${parcel.name}: drawn rgb(${drawn}) against the legend's ${parcel.worst} rgb(${expected})`).toBeLessThanOrEqual(8);
    }
    expect(session.consoleErrors).toEqual([]);
  });
});
