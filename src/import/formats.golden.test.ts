import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lngLatToGaussKruger } from "../geo/crs";
import { bd09ToWgs84, wgs84ToBd09 } from "../geo/gcj02";
import { areaFigures } from "../geo/measure";
import { importFile } from "./importFile";
import { importPastedCoordinates } from "./pasteCoordinates";
import type { ImportOptions, ImportResult } from "./types";
import { importMessageText } from "../i18n/messages.import";

const FIXTURES = new URL("../../tests/fixtures/import/", import.meta.url);
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const importFixture = (name: string, options?: ImportOptions): Promise<ImportResult> => importFile(name.replace(/^.*\//, ""), bytes(name), options);

function ok(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`${result.error.code}: ${importMessageText(result.error, "en")}`);
  return result;
}
const areas = (result: Extract<ImportResult, { ok: true }>): number[] =>
  result.parcels.map((parcel) => Math.round(areaFigures(parcel.geometry).gaussKrugerSquareMetres * 100) / 100);
/** The south-west corner of the first parcel, back in EPSG:4544 metres, to the centimetre. */
const firstCorner = (result: Extract<ImportResult, { ok: true }>): number[] => {
  const geometry = result.parcels[0]!.geometry;
  const ring = geometry.type === "Polygon" ? geometry.coordinates[0]! : geometry.type === "MultiPolygon" ? geometry.coordinates[0]![0]! : [];
  const corners = ring.map((position) => lngLatToGaussKruger([position[0]!, position[1]!]));
  const southWest = corners.reduce((best, corner) => (corner[0] + corner[1] < best[0] + best[1] ? corner : best));
  return southWest.map((value) => Math.round(value * 100) / 100);
};

describe("界址点 TXT with an EPSG code", () => {
  it("reads 坐标系=EPSG:4544 as EPSG:4544 (the 54 in 4544 is no 北京54): 200 m square, 40 000 m²", async () => {
    const result = ok(await importFixture("formats/jzd-epsg4544.txt"));
    expect(result.crs).toMatchObject({ code: "EPSG:4544", swappedAxes: true, confidence: "declared" });
    expect(areas(result)).toEqual([40_000]);
    expect(firstCorner(result)).toEqual([569_000, 3_287_000]);
    expect(result.warnings.map((warning) => warning.code)).toEqual([]);
  });

  it("reads 坐标系=EPSG:4523 with the zone prefix on Y (the 80 of no datum here either)", async () => {
    const result = ok(await importFixture("formats/jzd-epsg4523.txt"));
    expect(result.crs.code).toBe("EPSG:4523");
    expect(areas(result)).toEqual([40_000]);
  });

  it("still refuses a file that names 西安 1980 as its system", async () => {
    const result = await importFixture("formats/jzd-xian80.txt");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("unsupported-datum");
      expect(result.chooseCrs).toBe(true);
    }
  });
});

describe("KML MultiGeometry", () => {
  it("reads a Placemark with two polygons as one parcel of two parts: 2 × 40 000 = 80 000 m²", async () => {
    const result = ok(await importFixture("formats/kml-multigeometry.kml"));
    expect(result.parcels).toHaveLength(1);
    expect(result.parcels[0]!.name).toBe("两块地");
    expect(result.parcels[0]!.geometry.type).toBe("MultiPolygon");
    expect(areas(result)).toEqual([80_000]);
  });
});

describe("a failed read offers the coordinate-system choice", () => {
  it("fails on a CAD converter's LOCAL_CS .prj saying the CRS should be chosen, and reads with the choice: 40 000 m²", async () => {
    const failed = await importFixture("formats/shp-local-cs.zip");
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error.code).toBe("unsupported-crs");
      expect(failed.chooseCrs).toBe(true);
    }
    const chosen = ok(await importFixture("formats/shp-local-cs.zip", { crsOverride: { code: "EPSG:4544", swappedAxes: false } }));
    expect(areas(chosen)).toEqual([40_000]);
    expect(firstCorner(chosen)).toEqual([569_000, 3_287_000]);
  });

  it("does not offer it for a failure the coordinate system cannot cause", async () => {
    const result = importPastedCoordinates("");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.chooseCrs).toBeUndefined();
  });
});

describe("南方 CASS .dat as land offices send it", () => {
  it("skips the header, splits at point-count lines, reads tabs: two parcels, 40 000 and 10 000 m²", async () => {
    const result = ok(await importFixture("formats/cass-header-count-tab.dat"));
    expect(result.crs.code).toBe("EPSG:4544");
    expect(areas(result)).toEqual([40_000, 10_000]);
    expect(firstCorner(result)).toEqual([569_000, 3_287_000]);
    expect(result.parcels[1]!.vertexLabels?.[0]?.[0]).toEqual(["5", "6", "7", "8"]);
  });

  it("names a parcel after a text line between parcels", () => {
    const text = [
      "地块A",
      "1,,569000,3287000,0",
      "2,,569100,3287000,0",
      "3,,569100,3287100,0",
      "地块B",
      "4,,570000,3287000,0",
      "5,,570100,3287000,0",
      "6,,570100,3287100,0",
    ].join("\n");
    return importFile("two.dat", new TextEncoder().encode(text)).then((result) => {
      const read = ok(result);
      expect(read.parcels.map((parcel) => parcel.name)).toEqual(["地块A", "地块B"]);
      expect(areas(read)).toEqual([5_000, 5_000]);
    });
  });
});

describe("CSV from Excel", () => {
  it("finds the header under a title row, with headers 北坐标X / 东坐标Y: 40 000 m²", async () => {
    const result = ok(await importFixture("formats/csv-title-row.csv"));
    expect(result.crs).toMatchObject({ code: "EPSG:4544", swappedAxes: true });
    expect(areas(result)).toEqual([40_000]);
    expect(firstCorner(result)).toEqual([569_000, 3_287_000]);
  });
});

describe("a 坐标系 line among pasted points", () => {
  it("is read as the declaration (EPSG:4490, latitude first), not as a parcel name or a bad line: 40 000 m²", async () => {
    const result = ok(await importFixture("formats/paste-crs-line.txt"));
    expect(result.crs).toMatchObject({ code: "EPSG:4490", swappedAxes: true, confidence: "declared" });
    expect(result.parcels).toHaveLength(1);
    expect(areas(result)).toEqual([40_000]);
  });

  it("refuses an older datum stated that way, and warns when the line names nothing known", () => {
    const points = "3287000 569000\n3287000 569200\n3287200 569200\n3287200 569000";
    const xian = importPastedCoordinates(`坐标系：西安80\n${points}`);
    expect(xian.ok ? "accepted" : xian.error.code).toBe("unsupported-datum");
    const unknown = ok(importPastedCoordinates(`坐标系=本地独立坐标\n${points}`));
    expect(unknown.warnings.map((warning) => warning.code)).toContain("declared-crs-unreadable");
    expect(areas(unknown)).toEqual([40_000]);
  });
});

describe("BD-09 (Baidu)", () => {
  it("is a choice: points read as BD-09 land where bd09ToWgs84 puts them", () => {
    const baidu: [number, number][] = [
      [105.73, 29.71],
      [105.732, 29.71],
      [105.732, 29.712],
      [105.73, 29.712],
    ];
    const result = ok(importPastedCoordinates(baidu.map((pair) => pair.join(",")).join("\n"), { crsOverride: { code: "BD-09", swappedAxes: false } }));
    const ring = (result.parcels[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    const expected = bd09ToWgs84(baidu[0]!);
    expect(ring[0]![0]).toBeCloseTo(expected[0], 9);
    expect(ring[0]![1]).toBeCloseTo(expected[1], 9);
    // The Baidu offset here is about 1 km: the WGS-84 point is west and south of the Baidu one.
    expect(expected[0]).toBeLessThan(105.73);
    expect(expected[1]).toBeLessThan(29.71);
  });

  it("is named as the likely cause when Baidu coordinates were read as WGS-84 at the district's edge", () => {
    // A WGS-84 site just inside the eastern edge (106°02′ = 106.0333°E); Baidu's offset (≈ 1 km east) puts it beyond.
    const site: [number, number][] = (
      [
        [106.029, 29.6],
        [106.031, 29.6],
        [106.031, 29.602],
        [106.029, 29.602],
      ] as [number, number][]
    ).map((point) => wgs84ToBd09(point));
    const result = ok(importPastedCoordinates(site.map((pair) => pair.map((value) => value.toFixed(7)).join(",")).join("\n")));
    const outside = result.warnings.find((warning) => warning.code === "outside-dazu");
    expect(outside?.detail?.suggestions).toContain("bd-09");
    expect(importMessageText(outside!, "zh")).toContain("BD-09");
  });
});

describe("metres with no stated system", () => {
  it("warns that 西安80 / 北京54 would be off by tens to hundreds of metres", async () => {
    const result = ok(await importFixture("shp-4544-gbk-noprj.zip"));
    const warning = result.warnings.find((item) => item.code === "datum-not-stated");
    expect(importMessageText(warning!, "zh")).toContain("西安 80");
    expect(importMessageText(warning!, "zh")).toContain("北京 54");
    expect(importMessageText(warning!, "en")).toContain("tens to hundreds of metres");
  });

  it("does not warn for degrees or for a stated system", async () => {
    expect(ok(await importFixture("formats/jzd-epsg4544.txt")).warnings.map((warning) => warning.code)).not.toContain("datum-not-stated");
    expect(ok(await importFixture("formats/paste-crs-line.txt")).warnings.map((warning) => warning.code)).not.toContain("datum-not-stated");
  });
});
