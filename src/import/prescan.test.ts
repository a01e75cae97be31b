import { describe, expect, it } from "vitest";
import { jsonShape, textShape, xmlShape } from "./prescan";
import { MAX_NESTING_DEPTH } from "./types";
import { readZipDirectory } from "./zipArchive";

describe("jsonShape", () => {
  it("counts every GeoJSON position, not bboxes, flat attributes or brackets in strings", () => {
    expect(jsonShape('{"type":"Point","coordinates":[105.7,29.7]}')).toEqual({ depth: 2, positions: 1 });
    const polygon =
      '{"type":"Feature","bbox":[1,2,3,4],"properties":{"a":[1,2],"b":"[[1,2]]"},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,2]]]}}';
    expect(jsonShape(polygon)).toEqual({ depth: 5, positions: 4 });
    expect(jsonShape('{"coordinates" : [ -1 , 2 ], "x":"\\"["}').positions).toBe(1);
  });

  it("stops as soon as the nesting limit is passed", () => {
    expect(jsonShape("[".repeat(1_000_000)).depth).toBe(MAX_NESTING_DEPTH + 1);
  });
});

describe("xmlShape", () => {
  it("counts coordinate tuples and gx:coord, skipping comments and CDATA", () => {
    const kml = `<?xml version="1.0"?><kml><!-- <coordinates>9,9 9,9</coordinates> --><Placemark><description><![CDATA[<b>x</b>]]></description>
      <Polygon><outerBoundaryIs><LinearRing><kml:coordinates>
        105.7,29.7,0 105.8,29.7  105.8,29.8
        105.7,29.7</kml:coordinates></LinearRing></outerBoundaryIs></Polygon><gx:Track><gx:coord>1 2 3</gx:coord><gx:coord>1 2 3</gx:coord></gx:Track><Point/></Placemark></kml>`;
    expect(xmlShape(kml)).toEqual({ depth: 6, internalSubset: false, coordinateTuples: 6 });
  });

  it("sees a DTD internal subset, and lets an external DOCTYPE alone", () => {
    expect(xmlShape('<!DOCTYPE kml [<!ENTITY a "b">]><kml/>').internalSubset).toBe(true);
    expect(xmlShape('<!DOCTYPE kml SYSTEM "kml.dtd"><kml>[x]</kml>').internalSubset).toBe(false);
  });
});

describe("textShape", () => {
  it("counts lines (LF, CRLF, CR) and the lines with two runs of digits", () => {
    expect(textShape("x,y\r\n105.7,29.7\r\n\r\n#2\n１０５ ２９\r3287000.1")).toEqual({ lines: 6, coordinateLines: 3 });
  });
});

describe("readZipDirectory", () => {
  it("reads names and declared sizes from a real zip without inflating", async () => {
    const { default: JSZip } = await import("jszip");
    const zip = new JSZip();
    zip.file("doc.kml", "<kml/>".repeat(100));
    zip.file("图层/地块.kml", "x");
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const directory = readZipDirectory(bytes);
    expect(directory.ok && directory.entries.map(({ name, method, uncompressedSize }) => ({ name, method, uncompressedSize }))).toEqual([
      { name: "doc.kml", method: 8, uncompressedSize: 600 },
      { name: "图层/", method: 0, uncompressedSize: 0 },
      { name: "图层/地块.kml", method: 8, uncompressedSize: 1 },
    ]);
    const cut = readZipDirectory(bytes.slice(0, bytes.length - 30));
    expect(cut.ok ? null : cut.problem).toEqual({ type: "truncated" });
  });
});
