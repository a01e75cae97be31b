import { describe, expect, it } from "vitest";
import { importFile } from "../../src/import/importFile";
import { importPastedCoordinates } from "../../src/import/pasteCoordinates";
import type { ImportedParcel, ImportResult } from "../../src/import/types";
import { utf8, writeDbf, writeShp, writeZip, type ShpPart } from "../fuzz/binary";
import { importMessageText } from "../../src/i18n/messages.import";

/** Strings that would run script if a caller ever put them into HTML or an href; they must come out as text. */
const IMAGE = "<img src=x onerror=alert(1)>";
const LINK = "javascript:alert(document.cookie)";
const SCRIPT = "<script>alert(1)</script>";

const SQUARE_GK: ShpPart = [
  [569000, 3287000],
  [569000, 3288000],
  [570000, 3288000],
  [570000, 3287000],
  [569000, 3287000],
];
const SQUARE_LNG_LAT = "105.713,29.699 105.723,29.699 105.723,29.708 105.713,29.708 105.713,29.699";
const xml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>
  <name>${xml(IMAGE)}</name>
  <description><![CDATA[<p>用途：工业</p>${SCRIPT}<a href="${LINK}">详情</a>]]></description>
  <ExtendedData><Data name="url"><value>${LINK}</value></Data><Data name="note"><value>${xml(SCRIPT)}</value></Data></ExtendedData>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>${SQUARE_LNG_LAT}</coordinates></LinearRing></outerBoundaryIs></Polygon>
</Placemark></kml>`;

function parcelsOf(result: ImportResult): ImportedParcel[] {
  if (!result.ok) throw new Error(`${result.error.code}: ${importMessageText(result.error, "en")}`);
  return result.parcels;
}

/** No nested objects, functions or other values a renderer might treat as markup or code: text, numbers, booleans. */
function expectPlain(parcel: ImportedParcel): void {
  expect(typeof parcel.name).toBe("string");
  expect(Object.getPrototypeOf(parcel.properties)).toBe(Object.prototype);
  for (const value of Object.values(parcel.properties)) expect(["string", "number", "boolean"]).toContain(typeof value);
  for (const label of parcel.vertexLabels?.flat(2) ?? []) expect(typeof label).toBe("string");
}

const files: [string, () => Uint8Array, (parcel: ImportedParcel) => void][] = [
  [
    "hostile.geojson",
    () =>
      utf8(
        JSON.stringify({
          type: "Feature",
          properties: { 名称: IMAGE, url: LINK, note: SCRIPT, nested: { html: IMAGE, list: [LINK] }, flag: true, count: 3 },
          geometry: { type: "Polygon", coordinates: [SQUARE_GK] },
        }),
      ),
    (parcel) => {
      expect(parcel.name).toBe(IMAGE);
      expect(parcel.properties).toMatchObject({
        名称: IMAGE,
        url: LINK,
        note: SCRIPT,
        nested: JSON.stringify({ html: IMAGE, list: [LINK] }),
        flag: "true",
        count: 3,
      });
    },
  ],
  [
    "hostile.kml",
    () => utf8(KML),
    (parcel) => {
      expect(parcel.name).toBe(IMAGE);
      expect(parcel.properties).toMatchObject({ url: LINK, note: SCRIPT, description: "用途：工业\n详情" });
    },
  ],
  [
    "hostile.kmz",
    () => writeZip([{ name: "doc.kml", data: utf8(KML) }]),
    (parcel) => expect(parcel.properties).toMatchObject({ url: LINK, description: "用途：工业\n详情" }),
  ],
  [
    "hostile.zip",
    () =>
      writeZip([
        { name: "a.shp", data: writeShp(5, [[SQUARE_GK]]) },
        {
          name: "a.dbf",
          data: writeDbf(
            [
              { name: utf8("NAME"), type: "C", length: 60 },
              { name: utf8("URL"), type: "C", length: 60 },
            ],
            [[utf8(IMAGE), utf8(LINK)]],
          ),
        },
        { name: "a.cpg", data: utf8("UTF-8") },
      ]),
    (parcel) => {
      expect(parcel.name).toBe(IMAGE);
      expect(parcel.properties).toMatchObject({ NAME: IMAGE, URL: LINK });
    },
  ],
  [
    "hostile.csv",
    () =>
      utf8(
        ["地块编号,点号,X坐标,Y坐标", ...SQUARE_GK.slice(0, 4).map(([x, y], index) => `"${IMAGE}",${index === 0 ? LINK : `J${index + 1}`},${y},${x}`)].join(
          "\n",
        ),
      ),
    (parcel) => {
      expect(parcel.name).toBe(IMAGE);
      expect(parcel.properties).toEqual({ 地块编号: IMAGE });
      expect(parcel.vertexLabels?.[0]?.[0]?.[0]).toBe(LINK);
    },
  ],
  [
    "hostile.txt",
    () =>
      utf8(
        [
          "[地块坐标]",
          `4,100.0000,${LINK},${IMAGE},面,,${SCRIPT},,@`,
          ...SQUARE_GK.slice(0, 4).map(([x, y], index) => `${index === 0 ? IMAGE : `J${index + 1}`},1,${y},${x}`),
        ].join("\n"),
      ),
    (parcel) => {
      expect(parcel.name).toBe(IMAGE);
      expect(parcel.properties).toMatchObject({ 地块编号: LINK, 地块名称: IMAGE, 地块用途: SCRIPT });
      expect(parcel.vertexLabels?.[0]?.[0]?.[0]).toBe(IMAGE.slice(0, 40));
    },
  ],
  [
    "hostile.dat",
    () =>
      utf8(
        SQUARE_GK.slice(0, 4)
          .map(([x, y], index) => `${index === 0 ? LINK : index + 1},,${x},${y},300`)
          .join("\n"),
      ),
    (parcel) => expect(parcel.vertexLabels?.[0]?.[0]?.[0]).toBe(LINK),
  ],
];

describe("imported text stays inert plain text", () => {
  it.each(files)("%s: names, attributes and labels are plain strings, kept as written", async (fileName, bytes, check) => {
    const parcels = parcelsOf(await importFile(fileName, bytes()));
    for (const parcel of parcels) expectPlain(parcel);
    check(parcels[0]!);
  });

  it("pasted text: a parcel name line with markup is kept as text", () => {
    const text = [IMAGE, ...SQUARE_GK.slice(0, 4).map(([x, y]) => `${LINK.slice(0, 10)} ${x} ${y}`)].join("\n");
    const parcel = parcelsOf(importPastedCoordinates(text))[0]!;
    expectPlain(parcel);
    expect(parcel.name).toBe(IMAGE);
  });

  it("error messages quote hostile input as text, cut short", async () => {
    const result = await importFile(`${IMAGE}.csv`, utf8(`${SCRIPT.repeat(100)},y\n1,2`));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("csv-columns-not-found");
      expect(importMessageText(result.error, "en")).toContain(IMAGE);
      expect(importMessageText(result.error, "en").length).toBeLessThan(600);
    }
  });
});
