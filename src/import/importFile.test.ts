import { readFileSync } from "node:fs";
import type { Position } from "geojson";
import { crsReasonText } from "../i18n/messages.crs";
import { describe, expect, it } from "vitest";
import { gaussKrugerToLngLat } from "../geo/crs";
import { areaFigures } from "../geo/measure";
import { importBoundaryTxt } from "./importBoundaryTxt";
import { importFile } from "./importFile";
import { importGeoJson } from "./importGeoJson";
import { decodeText } from "./text";
import type { ImportedParcel, ImportResult } from "./types";
import { importMessageText } from "../i18n/messages.import";

const FIXTURES = new URL("../../tests/fixtures/import/", import.meta.url);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const importFixture = (name: string): Promise<ImportResult> => importFile(name, fixture(name));

/** The chosen GK CM105 corners of the 1 km test square, and their WGS-84 positions through proj4. */
const CORNERS: [number, number][] = [
  [569000, 3287000],
  [570000, 3287000],
  [570000, 3288000],
  [569000, 3288000],
];
const EXPECTED_LNG_LAT = CORNERS.map((corner) => gaussKrugerToLngLat(corner));

/** Ground distance in metres between two nearby WGS-84 points (local flat-earth is exact to < 1e-6 here). */
function metresApart(a: Position, b: [number, number]): number {
  const latitude = (b[1] * Math.PI) / 180;
  return Math.hypot((a[0]! - b[0]) * 111_320 * Math.cos(latitude), (a[1]! - b[1]) * 110_574);
}

function ok(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`${result.error.code}: ${importMessageText(result.error, "en")}`);
  return result;
}

/** Every corner of the square within 1 cm of the expected position (any start, any direction), and 1 km². */
function expectTheSquare(parcel: ImportedParcel): void {
  const geometry = parcel.geometry;
  if (geometry.type !== "Polygon") throw new Error(`expected a Polygon, got ${geometry.type}`);
  const ring = geometry.coordinates[0]!;
  expect(ring[0]).toEqual(ring[ring.length - 1]);
  const vertices = ring.slice(0, -1);
  expect(vertices).toHaveLength(4);
  for (const expected of EXPECTED_LNG_LAT) {
    const nearest = Math.min(...vertices.map((vertex) => metresApart(vertex, expected)));
    expect(nearest).toBeLessThan(0.01);
  }
  expect(Math.abs(areaFigures(geometry).gaussKrugerSquareMetres - 1_000_000)).toBeLessThan(1);
}

const codes = (result: Extract<ImportResult, { ok: true }>): string[] => result.warnings.map((warning) => warning.code);

describe("each format gives the same WGS-84 square", () => {
  it.each([
    ["shp-4523-utf8.zip", "EPSG:4523", "declared"],
    ["shp-4544-gbk.zip", "EPSG:4544", "declared"],
    ["shp-4490.zip", "EPSG:4490", "declared"],
    ["shp-4523-custom-prj.zip", "EPSG:4523", "declared"],
    ["geojson-4523.geojson", "EPSG:4523", "declared"],
    ["geojson-4490.geojson", "EPSG:4490", "declared"],
    ["geojson-4544-nocrs.geojson", "EPSG:4544", "inferred"],
    ["square.kml", "EPSG:4326", "declared"],
    ["square.kmz", "EPSG:4326", "declared"],
    ["square-xy.csv", "EPSG:4523", "inferred"],
    ["lonlat-two-parcels-gbk.csv", "EPSG:4326", "inferred"],
    ["square.dat", "EPSG:4544", "inferred"],
    ["jzd-two-parcels-gbk.txt", "EPSG:4523", "declared"],
  ])("%s → %s (%s)", async (name, code, confidence) => {
    const result = ok(await importFixture(name));
    expect(result.crs.code).toBe(code);
    expect(result.crs.confidence).toBe(confidence);
    expectTheSquare(result.parcels[0]!);
    expect(codes(result)).not.toContain("outside-dazu");
  });
});

describe("Shapefile", () => {
  it("reports the file's CRS and keeps its source coordinates (not shpjs's reprojection)", async () => {
    const result = ok(await importFixture("shp-4523-utf8.zip"));
    expect(crsReasonText(result.crs.reason, "zh")).toContain("CGCS2000_3_Degree_GK_Zone_35");
    const eastings = result.parcels[0]!.sourceCoordinates[0]![0]!.map((pair) => pair[0]);
    expect(Math.min(...eastings)).toBeCloseTo(35_569_000, 3);
    expect(Math.max(...eastings)).toBeCloseTo(35_570_000, 3);
    expect(result.parcels[0]!.properties).toEqual({ 名称: "宝顶测试地块", 用途: "工业用地", 编号: "DZ-001" });
  });

  it("reads a GBK table via its .cpg, and offers each polygon as a parcel", async () => {
    const result = ok(await importFixture("shp-4544-gbk.zip"));
    expect(result.parcels.map((parcel) => parcel.name)).toEqual(["宝顶测试地块", "龙水湖测试地块"]);
    expect(result.parcels[1]!.properties["用途"]).toBe("商服用地");
    // The second square is 200 m × 200 m.
    expect(areaFigures(result.parcels[1]!.geometry).gaussKrugerSquareMetres).toBeCloseTo(40_000, 0);
    expect(codes(result)).toEqual([]);
  });

  it("decodes a GBK table without .cpg as GBK, and says it guessed", async () => {
    const result = ok(await importFixture("shp-4544-gbk-nocpg.zip"));
    expect(result.parcels.map((parcel) => parcel.properties["名称"])).toEqual(["宝顶测试地块", "龙水湖测试地块"]);
    expect(codes(result)).toEqual(["dbf-encoding-guessed"]);
  });

  it("falls back to the values when the .prj is not WKT, and says so", async () => {
    const { default: JSZip } = await import("jszip");
    const archive = await JSZip.loadAsync(fixture("shp-4523-utf8.zip"));
    archive.file("square.prj", "GARBAGE");
    const result = ok(await importFile("bad-prj.zip", await archive.generateAsync({ type: "uint8array" })));
    expect(result.crs).toMatchObject({ code: "EPSG:4523", confidence: "inferred" });
    expect(codes(result)).toEqual(["declared-crs-unreadable", "datum-not-stated"]);
    expectTheSquare(result.parcels[0]!);
  });

  it("infers the CRS from the values when the .prj is missing, and warns", async () => {
    const result = ok(await importFixture("shp-4544-gbk-noprj.zip"));
    expect(result.crs).toMatchObject({ code: "EPSG:4544", confidence: "inferred" });
    expectTheSquare(result.parcels[0]!);
    expect(codes(result)).toContain("missing-prj");
  });
});

describe("界址点坐标 TXT", () => {
  const text = decodeText(fixture("jzd-two-parcels-gbk.txt")).text;

  it("reads both parcels (GBK), the header attributes and the hole", async () => {
    const result = ok(await importFixture("jzd-two-parcels-gbk.txt"));
    expect(result.crs.swappedAxes).toBe(true);
    expect(crsReasonText(result.crs.reason, "zh")).toContain("2000国家大地坐标系");
    expect(result.parcels.map((parcel) => parcel.name)).toEqual(["宝顶测试地块", "回龙测试地块"]);
    expect(result.parcels[0]!.statedAreaHectares).toBe(100);
    expect(result.parcels[0]!.properties).toMatchObject({ 地块编号: "DZ-001", 图幅号: "H48G057012", 地块用途: "工业用地" });
    const withHole = result.parcels[1]!;
    expect(withHole.geometry.type).toBe("Polygon");
    if (withHole.geometry.type === "Polygon") expect(withHole.geometry.coordinates).toHaveLength(2);
    // 300 m × 300 m minus a 100 m × 100 m hole = 80 000 m² = 8 ha, as stated.
    expect(Math.abs(areaFigures(withHole.geometry).gaussKrugerSquareMetres - 80_000)).toBeLessThan(1);
    expect(withHole.vertexLabels?.[0]?.[1]?.[0]).toBe("J5");
    expect(codes(result)).toEqual([]);
  });

  it("warns when the stated area is 2 % off, not when it is 0.5 % off", () => {
    const twoPercent = ok(importBoundaryTxt(text.replace("5,100.0000,", "5,102.0000,"), "a.txt"));
    const warning = twoPercent.warnings.find((item) => item.code === "stated-area-mismatch");
    expect(warning?.detail).toMatchObject({ statedHectares: 102 });
    expect(importMessageText(warning!, "zh")).toContain("宝顶测试地块");
    const halfPercent = ok(importBoundaryTxt(text.replace("5,100.0000,", "5,100.5000,"), "a.txt"));
    expect(codes(halfPercent)).not.toContain("stated-area-mismatch");
  });

  it("names a parcel without name or code in the reader's words, also in its warnings", () => {
    const unnamed = ok(importBoundaryTxt(text.replace("5,100.0000,DZ-001,宝顶测试地块,", "6,100.0000,,,"), "a.txt"));
    expect(unnamed.parcels[0]!.name).toBe("⟨parcel 1⟩");
    const mismatch = unnamed.warnings.find((item) => item.code === "point-count-mismatch");
    expect(importMessageText(mismatch!, "zh")).toBe("地块「地块1」的信息行写有 6 个界址点，实际读到 5 个。");
    expect(importMessageText(mismatch!, "en")).toBe('Parcel "Parcel 1": the header states 6 points, but 5 were read.');
  });

  it("treats a later ring outside ring 1 as a second part", () => {
    const twoParts = text
      .replace(/J5,2,3287100\.000,35571100\.000/g, "J5,2,3287100.000,35572100.000")
      .replace("J6,2,3287200.000,35571100.000", "J6,2,3287200.000,35572100.000")
      .replace("J7,2,3287200.000,35571200.000", "J7,2,3287200.000,35572200.000")
      .replace("J8,2,3287100.000,35571200.000", "J8,2,3287100.000,35572200.000");
    const parcel = ok(importBoundaryTxt(twoParts, "a.txt")).parcels[1]!;
    expect(parcel.geometry.type).toBe("MultiPolygon");
    // 90 000 m² outer + 10 000 m² second part.
    expect(Math.abs(areaFigures(parcel.geometry).gaussKrugerSquareMetres - 100_000)).toBeLessThan(1);
  });

  it("refuses a Xi'an 1980 file and a zone other than 35", () => {
    const xian = importBoundaryTxt(text.replace("2000国家大地坐标系", "1980西安坐标系"), "a.txt");
    expect(xian.ok ? "" : xian.error.code).toBe("unsupported-datum");
    const zone36 = importBoundaryTxt(text.replace("带号=35", "带号=36"), "a.txt");
    expect(zone36.ok ? "" : zone36.error.code).toBe("unsupported-zone");
  });

  it("warns when the header's point count disagrees with the rows", () => {
    const result = ok(importBoundaryTxt(text.replace("5,100.0000,", "6,100.0000,"), "a.txt"));
    expect(codes(result)).toContain("point-count-mismatch");
  });
});

describe("南方 CASS .dat", () => {
  it("reads the third field as Y (easting) and the fourth as X (northing), heights ignored", async () => {
    const result = ok(await importFixture("square.dat"));
    expect(result.crs.swappedAxes).toBe(false);
    expect(crsReasonText(result.crs.reason, "zh")).toContain("第三列为 Y（东坐标）");
    expect(result.parcels[0]!.sourceCoordinates[0]![0]![0]).toEqual([569000, 3287000]);
    expect(result.parcels[0]!.vertexLabels?.[0]?.[0]).toEqual(["1", "2", "3", "4"]);
    expect(codes(result)).toEqual(["datum-not-stated", "ring-closed"]);
  });

  it("notices a file that has X before Y, against the CASS layout", async () => {
    const text = CORNERS.map(([easting, northing], index) => `${index + 1},,${northing},${easting},0`).join("\n");
    const result = ok(await importFile("xy.dat", new TextEncoder().encode(text)));
    expect(result.crs.swappedAxes).toBe(true);
    expect(codes(result)).toContain("axis-order-from-values");
    expectTheSquare(result.parcels[0]!);
  });
});

describe("GeoJSON", () => {
  it("reads lat/lon-ordered degrees without a crs member as swapped", () => {
    const ring = [...EXPECTED_LNG_LAT, EXPECTED_LNG_LAT[0]!].map(([lng, lat]) => [lat, lng]);
    const result = ok(importGeoJson(JSON.stringify({ type: "Polygon", coordinates: [ring] }), "a.geojson"));
    expect(result.crs).toMatchObject({ code: "EPSG:4326", swappedAxes: true });
    expectTheSquare(result.parcels[0]!);
  });

  it("keeps properties plain: text as written (markup stays inert text), nested values as JSON text", () => {
    const feature = {
      type: "Feature",
      properties: { 名称: "<b>宝顶</b>地块", note: "<script>alert(1)</script>界线&amp;桩", rule: "x<5 and y>3", nested: { a: 1 }, empty: null },
      geometry: { type: "Polygon", coordinates: [[...CORNERS, CORNERS[0]!]] },
    };
    const parcel = ok(importGeoJson(JSON.stringify(feature), "a.json")).parcels[0]!;
    expect(parcel.name).toBe("<b>宝顶</b>地块");
    expect(parcel.properties).toEqual({ 名称: "<b>宝顶</b>地块", note: "<script>alert(1)</script>界线&amp;桩", rule: "x<5 and y>3", nested: '{"a":1}' });
  });

  it.each([
    ["{", "invalid-json"],
    ['{"type":"Topology"}', "topojson-unsupported"],
    ['{"spatialReference":{"wkid":4544},"features":[]}', "esri-json-unsupported"],
    ['{"type":"FeatureCollection","features":[]}', "no-parcels"],
    ['{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[569000,"3287000"]]]}}', "invalid-geometry"],
    ['{"hello":1}', "not-geojson"],
  ])("rejects %s with %s", (text, code) => {
    const result = importGeoJson(text, "a.geojson");
    expect(result.ok ? "" : result.error.code).toBe(code);
  });
});

describe("importFile errors", () => {
  it.each([
    ["empty.geojson", new Uint8Array(0), "empty-file"],
    ["blank.csv", new TextEncoder().encode("  \n\n"), "empty-file"],
    ["site.shp", new Uint8Array([1, 2, 3]), "unsupported-format"],
    ["site.dwg", new Uint8Array([1, 2, 3]), "unsupported-format"],
    ["site.xlsx", new Uint8Array([1, 2, 3]), "unsupported-format"],
    ["site", new Uint8Array([1, 2, 3]), "unsupported-format"],
    ["site.zip", new Uint8Array([1, 2, 3]), "invalid-zip"],
    ["site.kml", new TextEncoder().encode("<kml><Document>"), "invalid-kml"],
    ["site.kml", new TextEncoder().encode("<gpx></gpx>"), "invalid-kml"],
    ["site.dat", new TextEncoder().encode("1,,abc,3287000,0"), "invalid-cass-dat"],
    ["site.csv", new TextEncoder().encode("名称,面积\n宝顶,1"), "csv-columns-not-found"],
    ["site.txt", new TextEncoder().encode("[地块坐标]\nJ1,1,3287000,35569000"), "invalid-boundary-txt"],
  ])("%s → %s, bilingual", async (name, bytes, code) => {
    const result = await importFile(name, bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(importMessageText(result.error, "zh")).toMatch(/[\u4e00-\u9fff]/);
      expect(importMessageText(result.error, "en")).toMatch(/[a-z]/);
    }
  });

  it("tells a lone .shp to zip its companions", async () => {
    const result = await importFile("红线.shp", new Uint8Array([1]));
    expect(result.ok ? "" : importMessageText(result.error, "zh")).toContain(".zip");
  });

  it("names what a zip without a Shapefile holds", async () => {
    const result = await importFile("kml.zip", fixture("square.kmz"));
    expect(result.ok ? "" : result.error.code).toBe("zip-without-shapefile");
    expect(result.ok ? "" : importMessageText(result.error, "en")).toContain("doc.kml");
  });

  it("reads a .txt of plain coordinate lines as pasted text", async () => {
    const text = CORNERS.map(([easting, northing]) => `${northing} ${easting + 35_000_000}`).join("\n");
    const result = ok(await importFile("points.txt", new TextEncoder().encode(text)));
    expect(result.crs.code).toBe("EPSG:4523");
    expectTheSquare(result.parcels[0]!);
  });

  it("keeps the valid parcels and reports the rejected one", async () => {
    const bowTie = [CORNERS[0], CORNERS[2], CORNERS[1], CORNERS[3], CORNERS[0]];
    const collection = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name: "好" }, geometry: { type: "Polygon", coordinates: [[...CORNERS, CORNERS[0]]] } },
        { type: "Feature", properties: { name: "坏" }, geometry: { type: "Polygon", coordinates: [bowTie] } },
      ],
    };
    const result = ok(await importFile("two.geojson", new TextEncoder().encode(JSON.stringify(collection))));
    expect(result.parcels.map((parcel) => parcel.name)).toEqual(["好"]);
    const skipped = result.warnings.find((warning) => warning.code === "parcel-skipped");
    expect(skipped?.detail).toMatchObject({ parcel: "坏", reason: "self-intersection" });
  });
});
