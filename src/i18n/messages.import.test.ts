import { describe, expect, it } from "vitest";
import { CRS_PROBLEM_CODES } from "../import/crsMessages";
import { IMPORT_ERROR_CODES } from "../import/types";
import { IMPORT_MESSAGE_TEXT, importMessageText, type ImportMessage, type ImportMessageParams, type ImportTextKey } from "./messages.import";

const AT = { part: 0, ring: 1, parts: 2, index: 2, label: "J3" };
const ARCHIVE = { archive: "zip" as const, fileName: "地块.zip" };
const NESTED: ImportMessage = { code: "zero-area", key: "zero-area", params: { parcel: "A", squareMetres: 0.5 } };

/**
 * Parameters for every text key, one set per variant the text distinguishes. Typed by the table, so a key added
 * without samples fails to compile.
 */
const SAMPLES: { [Key in ImportTextKey]: [ImportMessageParams[Key], ...ImportMessageParams[Key][]] } = {
  "file-too-large": [{ fileName: "a.zip", megabytes: "60.0", limitMegabytes: 50 }],
  "input-too-large": [{ characters: 60_000_000, limit: 52_428_800 }],
  "unreadable-file": [{ fileName: "a.zip", reason: "NotReadableError: gone" }],
  "import-cancelled": [{}],
  "unexpected-error": [
    { subject: { type: "file", name: "a.kml" }, parserMessage: "TypeError: x" },
    { subject: { type: "pasted" }, parserMessage: "TypeError: x" },
    { subject: { type: "data" }, parserMessage: "TypeError: x" },
  ],
  "unexpected-error.crashed": [{ subject: { type: "file", name: "a.kml" }, reason: "Out of memory" }],
  "empty-file.zero-bytes": [{ fileName: "a.csv" }],
  "empty-file.whitespace": [{ fileName: "a.csv" }],
  "unsupported-format": [
    { fileName: "a.dwg", extension: ".dwg", advice: "cad" },
    { fileName: "a.shp", extension: ".shp", advice: "shapefile-part" },
    { fileName: "a.xlsx", extension: ".xlsx", advice: "excel" },
    { fileName: "a.gdb", extension: ".gdb", advice: "geodatabase" },
    { fileName: "a", extension: "" },
  ],
  "too-deeply-nested": [
    { fileName: "a.geojson", format: "json", limit: 256 },
    { fileName: "a.kml", format: "xml", limit: 256 },
  ],
  "too-many-vertices": [{ vertices: 300_000, limit: 200_000 }],
  "too-many-vertices.before-parsing": [
    { counted: 300_000, unit: "lines", limit: 200_000 },
    { counted: 300_000, unit: "positions", limit: 200_000 },
    { counted: 300_000, unit: "kml-tuples", limit: 200_000 },
    { counted: 300_000, unit: "shp-headers", limit: 200_000 },
  ],
  "too-many-lines": [{ lines: 2_000_000, limit: 1_000_000, vertexLimit: 200_000 }],
  "no-parcels": [{}],
  "rings-organised-by-containment": [
    { layer: "地块", rings: 1 },
    { layer: "地块", rings: 3 },
  ],
  "missing-prj": [{ layer: "地块" }],
  "datum-not-stated": [{}],
  "unreadable-crs-statement": [{ statement: "地方坐标系" }],
  "non-finite-coordinate.source": [{ parcel: "A", at: AT, source: ["Infinity", "1"] }],
  "non-finite-coordinate.converted": [{ parcel: "A", at: { part: 0, ring: 0, parts: 1, index: 0 } }],
  "coordinates-out-of-range.source": [{ parcel: "A", at: AT, source: ["1e9", "1"] }],
  "coordinates-out-of-range.converted": [{ parcel: "A", at: AT, lngLat: [200, 95] }],
  "coordinates-out-of-range.area": [{ parcel: "A" }],
  "too-many-vertices.parcel": [{ parcel: "A", vertices: 300_000, limit: 200_000 }],
  "too-few-vertices.line": [{ parcel: "A", vertices: 1 }],
  "too-few-vertices.ring": [{ parcel: "A", at: { part: 0, ring: 0, parts: 1 }, vertices: 2 }],
  "ring-closed": [
    { parcel: "A", rings: [{ part: 0, ring: 0, parts: 1 }] },
    { parcel: "A", rings: [AT, { part: 1, ring: 0, parts: 2 }] },
  ],
  "duplicate-vertices-removed": [
    { parcel: "A", removed: 1 },
    { parcel: "A", removed: 2 },
  ],
  "self-intersection": [
    {
      parcel: "A",
      count: 4,
      listed: [
        {
          lngLat: [105.7, 29.7],
          kind: "cross",
          first: { part: 0, ring: 0, parts: 1, labels: ["J1", "J2"] },
          second: { part: 0, ring: 0, parts: 1, labels: ["J3", "J4"] },
        },
      ],
    },
  ],
  "zero-area": [{ parcel: "A", squareMetres: 0.25 }],
  "larger-than-district": [{ parcel: "A", squareMetres: 2e9, districtKm2: 1436 }],
  "stated-area-mismatch": [{ parcel: "A", statedHectares: 2, computedHectares: 2.1, differencePercent: 5 }],
  "overlapping-parts": [{ parcel: "A", parts: [0, 1], lngLat: [105.7, 29.7] }],
  "hole-outside-shell": [{ parcel: "A", part: 1, parts: 2, ring: 1, lngLat: [105.7, 29.7] }],
  "overlapping-holes": [{ parcel: "A", part: 0, parts: 1, rings: [1, 2], lngLat: [105.7, 29.7] }],
  "empty-input": [{}],
  "no-coordinates.pasted": [{}],
  "unreadable-line": [
    { line: 3, text: "1 2 3 4 5", problem: { type: "too-many-tokens", limit: 32 } },
    { line: 3, text: "105", problem: { type: "one-number" } },
    { line: 3, text: "1 2 3 4 5", problem: { type: "many-numbers", numbers: 5 } },
    { line: 3, text: "N29 N105", problem: { type: "same-axis" } },
  ],
  "unreadable-coordinate.pasted": [
    { line: 3, text: "105°70′", problem: { type: "token", token: "105°70′", reason: "minutes-or-seconds-over-60" } },
    { line: 3, text: "N105E", problem: { type: "token", token: "N105E", reason: "conflicting-hemispheres" } },
    { line: 3, text: "1°x", problem: { type: "token", token: "1°x", reason: "unreadable-coordinate" } },
  ],
  "mixed-axis-order": [{}],
  "extra-numbers-ignored": [{ lines: 1 }, { lines: 2 }],
  "hemisphere-marks-contradict-values": [{}],
  "empty-file.csv": [{ fileName: "a.csv" }],
  "csv-columns-not-found": [{ fileName: "a.csv", header: ["名称", "备注"] }],
  "unreadable-coordinate.csv": [
    { fileName: "a.csv", row: 3, column: "x", value: "abc" },
    { fileName: "a.csv", row: 3, column: "x", value: "" },
  ],
  "invalid-boundary-txt": [
    { line: 12, problem: { type: "point-before-header" } },
    { line: 12, problem: { type: "too-few-fields", text: "J1,1" } },
  ],
  "unreadable-coordinate.boundary-txt": [{ line: 12, problem: { type: "coordinates-not-numbers", text: "J1,1,x,y" } }],
  "too-few-vertices.boundary-txt": [{ line: 12, problem: { type: "no-points", parcel: "A" } }],
  "invalid-boundary-txt.no-parcels": [{ fileName: "a.txt" }],
  "point-count-mismatch": [{ parcel: "A", stated: 5, read: 4 }],
  "unsupported-projection.boundary-txt": [{ projection: "UTM" }],
  "unsupported-zone.boundary-txt": [{ zoneWidth: 3, zone: 36, centralMeridian: 108 }],
  "invalid-cass-dat": [
    { line: 2, text: "1,,2", problem: { type: "too-few-fields", fields: 3 } },
    { line: 2, text: "1,,x,2", problem: { type: "not-a-number", field: 3, value: "x" } },
    { line: 2, text: "1,,2,x", problem: { type: "not-a-number", field: 4, value: "x" } },
  ],
  "empty-file.cass-dat": [{ fileName: "a.dat" }],
  "invalid-geometry": [
    { feature: 0, path: "geometry", problem: { type: "not-object" } },
    { feature: 0, path: "geometry", problem: { type: "no-geometries" } },
    { feature: 0, path: "geometry", problem: { type: "collection-depth", limit: 8 } },
    { feature: 0, path: "geometry", problem: { type: "unsupported-type", shown: "Circle" } },
    { feature: 0, path: "geometry", problem: { type: "unsupported-type", shown: null } },
    { feature: 0, path: "geometry", problem: { type: "malformed-coordinates", geometryType: "Polygon" } },
  ],
  "features-without-geometry": [{ skipped: 1 }, { skipped: 2 }],
  "invalid-json": [
    { fileName: "a.geojson", truncated: true, line: 3, column: 4 },
    { fileName: "a.geojson", truncated: false },
  ],
  "not-geojson.not-object": [{ fileName: "a.geojson" }],
  "not-geojson.no-features": [{ fileName: "a.geojson" }],
  "not-geojson.no-type": [{ fileName: "a.geojson" }],
  "topojson-unsupported": [{ fileName: "a.json" }],
  "esri-json-unsupported": [{ fileName: "a.json" }],
  "no-parcels.geojson": [{ fileName: "a.geojson" }],
  "kml-entities-refused": [{ fileName: "a.kml" }],
  "invalid-kml.xml": [{ fileName: "a.kml", parserMessage: "unclosed tag" }],
  "invalid-kml.root": [{ fileName: "a.kml", root: "html" }],
  "invalid-kml.structure": [{ fileName: "a.kml", parserMessage: "bad" }],
  "network-link-not-followed": [
    { count: 1, links: ["http://a/b.kml"] },
    { count: 4, links: ["a", "b", "c"] },
  ],
  "no-parcels.kml": [{ fileName: "a.kml" }],
  "kmz-without-kml": [{ fileName: "a.kmz" }],
  "invalid-zip.directory": [
    { ...ARCHIVE, problem: { type: "truncated" } },
    { ...ARCHIVE, problem: { type: "not-zip" } },
    { ...ARCHIVE, problem: { type: "zip64-locator" } },
    { ...ARCHIVE, problem: { type: "zip64-record" } },
    { ...ARCHIVE, problem: { type: "directory-outside" } },
    { ...ARCHIVE, problem: { type: "entry-damaged", entry: 2 } },
  ],
  "zip-too-many-entries": [{ ...ARCHIVE, problem: { type: "too-many-entries", count: 3000, limit: 2000 } }],
  "zip-encrypted": [{ ...ARCHIVE, entry: "a.shp" }],
  "zip-unsupported-compression": [{ archive: "KMZ", fileName: "a.kmz", entry: "doc.kml", method: "LZMA" }],
  "unzipped-too-large.entry": [{ ...ARCHIVE, entry: "a.shp", megabytes: "60.0", limitMegabytes: "50.0" }],
  "unzipped-too-large.total": [{ ...ARCHIVE, megabytes: "120.0", limitMegabytes: "100.0" }],
  "unzipped-too-large.understated": [{ ...ARCHIVE, entry: "a.shp", declared: 10, inflated: 100 }],
  "unzipped-too-large.inflating": [{ ...ARCHIVE, entry: "a.shp", fileLimitMegabytes: "50.0", totalLimitMegabytes: "100.0" }],
  "invalid-zip.open": [
    { ...ARCHIVE, damage: "truncated" },
    { ...ARCHIVE, damage: "header" },
    { ...ARCHIVE, damage: "size-mismatch" },
    { ...ARCHIVE, damage: "damaged" },
  ],
  "invalid-zip.entry": [{ ...ARCHIVE, entry: "a.shp", damage: "damaged" }],
  "invalid-zip.size-mismatch": [{ ...ARCHIVE, entry: "a.shp", inflated: 9, declared: 10 }],
  "zip-without-shapefile": [
    { fileName: "a.zip", entries: ["a.kml"], other: "a.kml" },
    { fileName: "a.zip", entries: [] },
  ],
  "invalid-prj.unreadable": [
    { layer: "地块", characters: 100_000, depth: 3, tooLong: true },
    { layer: "地块", characters: 400, depth: 300, tooLong: false },
  ],
  "invalid-shapefile": [
    { layer: "地块", problem: { type: "short-header", bytes: 50 } },
    { layer: "地块", problem: { type: "no-signature" } },
    { layer: "地块", problem: { type: "shape-type", shapeType: "MultiPatch" } },
    { layer: "地块", problem: { type: "negative-count", record: 1, count: -1 } },
    { layer: "地块", problem: { type: "truncated-header", record: 1, byte: 100 } },
    { layer: "地块", problem: { type: "invalid-length", record: 1, bytes: 2 } },
    { layer: "地块", problem: { type: "truncated-record", record: 1, needs: 100, left: 50 } },
    { layer: "地块", problem: { type: "record-too-short", record: 1, needs: 100, has: 50 } },
    { layer: "地块", problem: { type: "type-mismatch", record: 1, shapeType: "Point", headerType: "Polygon" } },
    { layer: "地块", problem: { type: "invalid-part-start", record: 1, part: 2, start: 99 } },
  ],
  "invalid-shapefile.damaged": [{ layer: "地块", parserMessage: "bad" }],
  "invalid-dbf": [
    { layer: "地块", problem: { type: "short-header", bytes: 10 } },
    { layer: "地块", problem: { type: "header-length", headerLength: 10 } },
    { layer: "地块", problem: { type: "fields-too-long", fieldBytes: 100, recordLength: 50 } },
    { layer: "地块", problem: { type: "truncated", records: 10, recordLength: 50, bytes: 100 } },
  ],
  "invalid-dbf.damaged": [{ layer: "地块", parserMessage: "bad" }],
  "too-many-attributes": [{ layer: "地块", records: 2000, fields: 1000, limit: 1_000_000 }],
  "dbf-encoding-guessed": [{ layer: "地块" }],
  "missing-dbf": [{ layer: "地块" }],
  "mixed-crs-layers": [{ layers: ["a", "b"], codes: ["EPSG:4544", "EPSG:4326"] }],
  "no-parcels.shapefile": [{ fileName: "a.zip" }],
  "provenance-required": [{}],
  "invalid-accuracy": [{}],
  "no-citations": [{}],
  "wrong-geometry-type": [{ layer: { zh: "烈士纪念设施保护范围", en: "Martyr memorial protection areas" }, kind: "polygon" }],
  "features-of-other-type": [
    { dropped: 1, kind: "point" },
    { dropped: 3, kind: "line" },
  ],
  "parcel-skipped": [{ parcel: "A", reason: NESTED }],
  "no-valid-parcels": [{ parcels: 2, errors: [NESTED, { code: "too-few-vertices", key: "too-few-vertices.line", params: { parcel: "B", vertices: 1 } }] }],
  "likely-cause": [{ error: NESTED, mistakes: [{ kind: "swap-axes", projected: true }, { kind: "gcj-02" }] }],
  "crs-problem": [
    { problem: { kind: "unsupported-epsg", params: { source: { kind: "prj" }, epsg: 32648, utm: true } } },
    { problem: { kind: "no-coordinates", params: {} } },
  ],
  "declared-crs-unreadable": [{ problem: { kind: "unreadable-statement", params: { statement: "地方坐标系" } } }],
  "crs-warning": [{ warning: { code: "axis-order-from-values", params: { projected: true, swappedAxes: true } } }],
  "outside-dazu": [
    { parcel: "A", verticesOutside: 2, vertices: 4, farthestLngLat: [106.2, 29.7], metresBeyond: 1500, likelyMistakes: [{ mistake: { kind: "gcj-02" } }] },
    { parcel: "A", verticesOutside: 4, vertices: 4, farthestLngLat: [106.2, 29.7], metresBeyond: 200, likelyMistakes: [] },
  ],
  "in-layer": [{ layer: "地块", error: NESTED }],
};

function render<Key extends ImportTextKey>(key: Key, params: ImportMessageParams[Key]) {
  return IMPORT_MESSAGE_TEXT[key](params);
}

describe("import message table", () => {
  it("renders every key and variant in both languages, with nothing left unfilled", () => {
    for (const key of Object.keys(SAMPLES) as ImportTextKey[]) {
      for (const params of SAMPLES[key]) {
        const text = render(key, params as never);
        expect(text.zh, key).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en, key).toMatch(/[A-Za-z]{3}/);
        for (const written of [text.zh, text.en]) {
          expect(written, key).not.toMatch(/\{\w+\}|\$\{|undefined|NaN|\[object Object\]/);
        }
      }
    }
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(IMPORT_MESSAGE_TEXT).sort());
  });

  it("has a text for every public error code: by its key, or as a coordinate-system problem's code", () => {
    const codes = new Set([...Object.keys(IMPORT_MESSAGE_TEXT).map((key) => key.split(".")[0]), ...Object.values(CRS_PROBLEM_CODES)]);
    expect(IMPORT_ERROR_CODES.filter((code) => !codes.has(code))).toEqual([]);
  });

  it("renders a coded message from the table, a stored rendered one as stored, and an unknown key as its code", () => {
    expect(importMessageText(NESTED, "zh")).toBe("地块「A」的面积只有 0.5000 m²（接近零）：界址点可能共线，或把经纬度当成了米制坐标。");
    expect(importMessageText(NESTED, "en")).toBe(
      'Parcel "A" has an area of only 0.5000 m² (near zero): the points may be collinear, or degrees were read as metres.',
    );
    const stored = { code: "ring-closed", zh: "地块「A」的外圈首尾点不重合，已自动闭合（终点连回起点）。", en: 'Parcel "A": the outer ring was closed.' };
    expect(importMessageText(stored, "zh")).toBe(stored.zh);
    expect(importMessageText(stored, "en")).toBe(stored.en);
    const later = { code: "new-code", key: "new-code.variant", params: {} } as unknown as ImportMessage;
    expect(importMessageText(later, "en")).toBe("new-code");
    const damaged = { code: "zero-area", key: "zero-area", params: {} } as unknown as ImportMessage;
    expect(importMessageText(damaged, "zh")).toBe("zero-area");
  });

  it("quotes nested messages in the reader's language", () => {
    const skipped: ImportMessage = { code: "parcel-skipped", key: "parcel-skipped", params: { parcel: "⟨parcel 2⟩", reason: NESTED } };
    expect(importMessageText(skipped, "en")).toBe(`Parcel "Parcel 2" was not imported: ${importMessageText(NESTED, "en")}`);
    const none = SAMPLES["no-valid-parcels"][0];
    expect(render("no-valid-parcels", none).zh).toBe(`2 个地块都未通过检查：${importMessageText(NESTED, "zh")} 线「B」只有 1 个不同的点，至少需要 2 个。`);
  });
});
