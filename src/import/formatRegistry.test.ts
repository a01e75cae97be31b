import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatOf, IMPORT_ACCEPT, IMPORT_FORMATS, SUPPORTED_EXTENSIONS } from "./formatRegistry";
import { importFile } from "./importFile";

const FIXTURES = new URL("../../tests/fixtures/import/", import.meta.url);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

describe("the import format registry", () => {
  it("derives the extensions and the picker's accept attribute from one list, each extension once", () => {
    expect(SUPPORTED_EXTENSIONS).toEqual([".geojson", ".json", ".kml", ".kmz", ".zip", ".csv", ".txt", ".dat"]);
    expect(new Set(SUPPORTED_EXTENSIONS).size).toBe(SUPPORTED_EXTENSIONS.length);
    expect(IMPORT_ACCEPT.split(",")).toEqual(expect.arrayContaining([".kmz", "application/vnd.google-earth.kmz", "application/geo+json", "text/csv"]));
  });

  it("finds a format by extension, and by its first bytes when the name has none", () => {
    expect(formatOf(".kmz", new Uint8Array())?.id).toBe("kmz");
    expect(formatOf("", fixture("shp-4490.zip").subarray(0, 512))?.id).toBe("shapefile-zip");
    expect(formatOf("", fixture("geojson-4490.geojson").subarray(0, 512))?.id).toBe("geojson");
    expect(formatOf("", fixture("square.kml").subarray(0, 512))?.id).toBe("kml");
    expect(formatOf("", new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(formatOf(".exe", fixture("geojson-4490.geojson"))).toBeUndefined();
  });

  it("reads a GeoJSON file saved without an extension", async () => {
    const result = await importFile("地块", fixture("geojson-4490.geojson"));
    expect(result.ok).toBe(true);
  });

  it("loads every reader on demand", async () => {
    for (const format of IMPORT_FORMATS) expect(typeof (await format.load())).toBe("function");
  });
});
