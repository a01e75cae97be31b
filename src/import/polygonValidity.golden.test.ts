import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lngLatToGaussKruger } from "../geo/crs";
import { areaFigures } from "../geo/measure";
import { importFile } from "./importFile";
import type { ImportResult } from "./types";
import { importMessageText } from "../i18n/messages.import";

const FIXTURES = new URL("../../tests/fixtures/import/validity/", import.meta.url);
const importFixture = (name: string): Promise<ImportResult> => importFile(name, new Uint8Array(readFileSync(new URL(name, FIXTURES))));

async function areaOf(name: string): Promise<{ area: number; warnings: string[] }> {
  const result = await importFixture(name);
  if (!result.ok) throw new Error(`${result.error.code}: ${importMessageText(result.error, "en")}`);
  expect(result.parcels).toHaveLength(1);
  return { area: areaFigures(result.parcels[0]!.geometry).gaussKrugerSquareMetres, warnings: result.warnings.map((warning) => warning.code) };
}

/** The refusal's code, and where it says the problem is, back in EPSG:4544 metres relative to the square's SW corner. */
async function refusal(name: string): Promise<{ code: string; at: [number, number]; text: string }> {
  const result = await importFixture(name);
  if (result.ok) throw new Error(`${name} was accepted with ${areaFigures(result.parcels[0]!.geometry).gaussKrugerSquareMetres} m²`);
  const lngLat = result.error.detail?.lngLat as [number, number];
  const [easting, northing] = lngLatToGaussKruger(lngLat);
  return { code: result.error.code, at: [Math.round(easting - 569_000), Math.round(northing - 3_287_000)], text: importMessageText(result.error, "zh") };
}

describe("polygon validity, golden files (areas by hand, EPSG:4544 metres)", () => {
  it("refuses a 200 m square with a 50 m part inside it, naming both parts and a point in the overlap (not 42 500 m²)", async () => {
    const refused = await refusal("nested-parts.geojson");
    expect(refused.code).toBe("overlapping-parts");
    expect(refused.text).toContain("第 1 部分与第 2 部分");
    // A corner of the inner part: (50, 50) from the square's south-west corner.
    expect(refused.at).toEqual([50, 50]);
  });

  it("refuses a hole outside its shell (not 37 500 m²) and says where the hole is", async () => {
    const refused = await refusal("hole-outside-shell.geojson");
    expect(refused.code).toBe("hole-outside-shell");
    expect(refused.at[0]).toBeGreaterThanOrEqual(300);
  });

  it("reads a Shapefile hole wound like its shell as a hole, by containment: 40 000 − 2 500 = 37 500 m², with a note", async () => {
    const read = await areaOf("shp-same-winding-hole.zip");
    expect(read.area).toBeCloseTo(37_500, 2);
    expect(read.warnings).toContain("rings-organised-by-containment");
  });

  it("reads a properly wound Shapefile hole the same, without the note", async () => {
    const read = await areaOf("shp-proper-hole.zip");
    expect(read.area).toBeCloseTo(37_500, 2);
    expect(read.warnings).not.toContain("rings-organised-by-containment");
  });

  it("accepts parts touching at one corner: 2 × 40 000 = 80 000 m²", async () => {
    expect((await areaOf("parts-touch-at-point.geojson")).area).toBeCloseTo(80_000, 2);
  });

  it("refuses parts sharing an edge, at a point on that edge", async () => {
    const refused = await refusal("parts-share-edge.geojson");
    expect(refused.code).toBe("overlapping-parts");
    expect(refused.at[0]).toBe(200);
  });

  it("accepts a hole touching its shell at one point (on an edge, not a vertex): 40 000 − ½ × 40 × 50 = 39 000 m²", async () => {
    expect((await areaOf("hole-touches-shell.geojson")).area).toBeCloseTo(39_000, 2);
  });

  it("accepts an island part inside another part's hole: 40 000 − 10 000 + 400 = 30 400 m²", async () => {
    expect((await areaOf("island-in-hole.geojson")).area).toBeCloseTo(30_400, 2);
  });

  it("refuses a part whose corners all lie on the other's edges but whose inside overlaps it", async () => {
    const refused = await refusal("inscribed-diamond.geojson");
    expect(refused.code).toBe("overlapping-parts");
  });
});
