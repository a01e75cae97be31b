import { readFileSync } from "node:fs";
import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import type { CrsGuess, SourcePosition } from "./crsTypes";
import type { LocatedParcel as ImportedParcel } from "./crsDetect";
import { gaussKrugerToLngLat } from "./crs";
import { checkInsideDazu } from "../import/outsideDazu";
import {
  detectCrsFromCoordinates,
  detectCrsFromGeoJsonCrs,
  detectCrsFromPrj,
  parseWkt,
  reconcileDeclaredCrs,
  sourceToWgs84,
  type CrsDetection,
} from "./crsDetect";
import { gcj02ToWgs84, wgs84ToGcj02 } from "./gcj02";
import { crsReasonPart } from "./crsTypes";
import { crsReasonText } from "../i18n/messages.crs";
import { crsProblemMessage } from "../import/crsMessages";
import { importMessageText } from "../i18n/messages.import";

const prj = (name: string): string => readFileSync(new URL(`../../tests/fixtures/import/${name}`, import.meta.url), "utf8");

function guess(detection: CrsDetection | null): CrsGuess {
  if (!detection || !detection.ok) throw new Error(`expected a CRS, got ${JSON.stringify(detection)}`);
  return detection.crs;
}

function errorCode(detection: CrsDetection | null): string {
  if (!detection || detection.ok) throw new Error(`expected an error, got ${JSON.stringify(detection)}`);
  return crsProblemMessage(detection.problem).code;
}

/** The 1 km test square: GK CM105 corners E 569 000–570 000, N 3 287 000–3 288 000. */
const SQUARE_EASTING_NORTHING: SourcePosition[] = [
  [569000, 3287000],
  [570000, 3287000],
  [570000, 3288000],
  [569000, 3288000],
];

function parcelFrom(source: SourcePosition[], crs: Pick<CrsGuess, "code" | "swappedAxes">): ImportedParcel {
  const ring = source.map((pair) => sourceToWgs84(pair, crs));
  return {
    name: "测试",
    geometry: { type: "Polygon", coordinates: [[...ring, ring[0]!]] },
    sourceCoordinates: [[source]],
  };
}

describe("detectCrsFromPrj", () => {
  it.each([
    ["prj/esri-4523.prj", "EPSG:4523"],
    ["prj/esri-4544.prj", "EPSG:4544"],
    ["prj/esri-4490.prj", "EPSG:4490"],
    ["prj/esri-4326.prj", "EPSG:4326"],
    ["prj/gdal-4523.prj", "EPSG:4523"],
    ["prj/wkt2-4544.prj", "EPSG:4544"],
    ["source/custom-gauss-kruger-zone35.prj", "EPSG:4523"],
  ])("reads %s as %s, declared", (file, code) => {
    const crs = guess(detectCrsFromPrj(prj(file)));
    expect(crs.code).toBe(code);
    expect(crs.confidence).toBe("declared");
    expect(crs.swappedAxes).toBe(false);
    expect(crsReasonText(crs.reason, "zh")).toContain(code);
    expect(crsReasonText(crs.reason, "en")).toContain(code);
  });

  it("uses the AUTHORITY code of the root, not of the base GEOGCS (4490) or unit (9001)", () => {
    expect(crsReasonText(guess(detectCrsFromPrj(prj("prj/gdal-4523.prj"))).reason, "en")).toContain("declares EPSG:4523");
  });

  it("reads the zone or central meridian from an Esri name when the parameters are missing", () => {
    const base =
      'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    const named = (name: string): string => `PROJCS["${name}",${base},PROJECTION["Gauss_Kruger"],UNIT["Meter",1.0]]`;
    expect(guess(detectCrsFromPrj(named("CGCS2000_3_Degree_GK_CM_105E"))).code).toBe("EPSG:4544");
    expect(guess(detectCrsFromPrj(named("CGCS2000_3_Degree_GK_Zone_35"))).code).toBe("EPSG:4523");
  });

  it("names the zone of a neighbouring 3° zone (36, CM 108°E) and refuses it", () => {
    const result = detectCrsFromPrj(prj("prj/esri-4524.prj"));
    expect(errorCode(result)).toBe("unsupported-zone");
    if (!result.ok) {
      expect(crsProblemMessage(result.problem).detail).toMatchObject({ centralMeridian: 108, falseEasting: 36_500_000 });
      expect(importMessageText(crsProblemMessage(result.problem), "zh")).toContain("108");
    }
  });

  it("refuses UTM (scale 0.9996) even though its central meridian is 105°E", () => {
    const result = detectCrsFromPrj(prj("prj/esri-32648.prj"));
    expect(errorCode(result)).toBe("unsupported-projection");
    if (!result.ok) expect(importMessageText(crsProblemMessage(result.problem), "en")).toContain("UTM");
  });

  it("refuses Xi'an 1980: a datum shift, not a projection change", () => {
    const result = detectCrsFromPrj(prj("prj/esri-xian1980-cm105.prj"));
    expect(errorCode(result)).toBe("unsupported-datum");
    if (!result.ok) expect(importMessageText(crsProblemMessage(result.problem), "zh")).toContain("西安");
  });

  it("reports text that is not WKT", () => {
    expect(errorCode(detectCrsFromPrj("坐标系：2000"))).toBe("invalid-prj");
    expect(parseWkt('PROJCS["a",GEOGCS["b"]')).toBeNull();
  });
});

describe("detectCrsFromGeoJsonCrs", () => {
  const named = (name: string): unknown => ({ type: "name", properties: { name } });
  it.each([
    [named("urn:ogc:def:crs:EPSG::4544"), "EPSG:4544"],
    [named("EPSG:4523"), "EPSG:4523"],
    [named("urn:ogc:def:crs:OGC:1.3:CRS84"), "EPSG:4326"],
    [named("urn:ogc:def:crs:EPSG::4490"), "EPSG:4490"],
    [named("http://www.opengis.net/def/crs/EPSG/0/4523"), "EPSG:4523"],
    [{ type: "EPSG", properties: { code: 4544 } }, "EPSG:4544"],
  ])("reads %j as %s", (member, code) => {
    expect(guess(detectCrsFromGeoJsonCrs(member)).code).toBe(code);
  });

  it("treats EPSG:4507 (6° CM 105°E) as EPSG:4544: identical parameters", () => {
    expect(guess(detectCrsFromGeoJsonCrs(named("EPSG:4507"))).code).toBe("EPSG:4544");
  });

  it("returns null without a member and an error for an unsupported one", () => {
    expect(detectCrsFromGeoJsonCrs(undefined)).toBeNull();
    expect(errorCode(detectCrsFromGeoJsonCrs(named("urn:ogc:def:crs:EPSG::3857")))).toBe("unsupported-crs");
    expect(errorCode(detectCrsFromGeoJsonCrs(named("urn:ogc:def:crs:EPSG::4524")))).toBe("unsupported-zone");
  });
});

describe("detectCrsFromCoordinates", () => {
  it.each<[string, SourcePosition[], string, boolean]>([
    [
      "lon lat",
      [
        [105.72, 29.71],
        [105.73, 29.72],
      ],
      "EPSG:4326",
      false,
    ],
    [
      "lat lon",
      [
        [29.71, 105.72],
        [29.72, 105.73],
      ],
      "EPSG:4326",
      true,
    ],
    ["easting northing (no zone)", SQUARE_EASTING_NORTHING, "EPSG:4544", false],
    ["northing easting (X first, no zone)", SQUARE_EASTING_NORTHING.map(([e, n]) => [n, e]), "EPSG:4544", true],
    ["northing, zone-prefixed easting", SQUARE_EASTING_NORTHING.map(([e, n]) => [n, e + 35_000_000]), "EPSG:4523", true],
    ["zone-prefixed easting, northing", SQUARE_EASTING_NORTHING.map(([e, n]) => [e + 35_000_000, n]), "EPSG:4523", false],
  ])("%s → %s, swapped %s", (_, pairs, code, swapped) => {
    const crs = guess(detectCrsFromCoordinates(pairs));
    expect(crs.code).toBe(code);
    expect(crs.swappedAxes).toBe(swapped);
    expect(crs.confidence).toBe("inferred");
  });

  it("explains a missing zone prefix: 6-digit eastings are read as CM 105°E", () => {
    const crs = guess(detectCrsFromCoordinates([[3287000.12, 569000.45]]));
    expect(crsReasonText(crs.reason, "zh")).toContain("不带带号");
    expect(crsReasonText(crs.reason, "en")).toContain("no zone number");
    expect(crsReasonText(crs.reason, "zh")).toContain("X 在前");
  });

  it("refuses zone 36 (CM 108°E) and 6° zone 18, naming them", () => {
    const zone36 = detectCrsFromCoordinates([[3287000, 36279000]]);
    expect(errorCode(zone36)).toBe("unsupported-zone");
    if (!zone36.ok) expect(crsProblemMessage(zone36.problem).detail).toMatchObject({ centralMeridian: 108 });
    const zone18 = detectCrsFromCoordinates([[3287000, 18569000]]);
    expect(errorCode(zone18)).toBe("unsupported-zone");
    if (!zone18.ok) {
      expect(crsProblemMessage(zone18.problem).detail).toMatchObject({ centralMeridian: 105, falseEasting: 18_500_000 });
      expect(importMessageText(crsProblemMessage(zone18.problem), "zh")).toContain("18");
    }
  });

  it("points at the first point whose magnitude differs", () => {
    const result = detectCrsFromCoordinates([
      [569000, 3287000],
      [35570000, 3287000],
      [569000, 3288000],
    ]);
    expect(errorCode(result)).toBe("inconsistent-coordinates");
    if (!result.ok) expect(crsProblemMessage(result.problem).detail).toMatchObject({ pointIndex: 1 });
  });

  it("refuses values that are neither degrees nor GK metres", () => {
    expect(errorCode(detectCrsFromCoordinates([[1.5, 2.5]]))).toBe("unrecognised-coordinates");
  });
});

describe("reconcileDeclaredCrs", () => {
  const declared4544: CrsGuess = {
    code: "EPSG:4544",
    swappedAxes: false,
    confidence: "declared",
    reason: [crsReasonPart("stored-text", { zh: "声明。", en: "Declared." })],
  };

  it("switches to EPSG:4523 when a file declared without the zone prefix carries it, and says so", () => {
    const { crs, warnings } = reconcileDeclaredCrs(declared4544, [[35569000, 3287000]]);
    expect(crs.code).toBe("EPSG:4523");
    expect(warnings.map((warning) => warning.code)).toEqual(["declared-crs-mismatch"]);
  });

  it("keeps the declared CRS but takes a northing-first order from the values", () => {
    const { crs, warnings } = reconcileDeclaredCrs(declared4544, [[3287000, 569000]]);
    expect(crs).toMatchObject({ code: "EPSG:4544", swappedAxes: true, confidence: "declared" });
    expect(warnings.map((warning) => warning.code)).toEqual(["axis-order-from-values"]);
  });

  it("leaves a consistent declaration alone", () => {
    expect(reconcileDeclaredCrs(declared4544, SQUARE_EASTING_NORTHING)).toEqual({ crs: declared4544, warnings: [] });
  });
});

describe("checkInsideDazu", () => {
  it("is silent for the test square", () => {
    expect(
      checkInsideDazu([parcelFrom(SQUARE_EASTING_NORTHING, { code: "EPSG:4544", swappedAxes: false })], { code: "EPSG:4544", swappedAxes: false }),
    ).toEqual([]);
  });

  it("suggests swapped axes when X (northing) was read as the easting", () => {
    const crs = { code: "EPSG:4544", swappedAxes: false } as const;
    const swapped = SQUARE_EASTING_NORTHING.map(([e, n]): SourcePosition => [n, e]);
    const [warning] = checkInsideDazu([parcelFrom(swapped, crs)], crs);
    expect(warning?.code).toBe("outside-dazu");
    expect(warning?.detail?.["suggestions"]).toEqual(["swap-axes"]);
    expect(importMessageText(warning!, "zh")).toContain("X、Y 顺序颠倒");
  });

  it("suggests GCJ-02 for web-map coordinates of a parcel at the district's south edge", () => {
    // True position 0.00067° (74 m) north of the southern limit 29°23′; GCJ-02 moves it ~0.0027° south.
    const truth: SourcePosition[] = [
      [105.75, 29.384],
      [105.76, 29.384],
      [105.76, 29.393],
      [105.75, 29.393],
    ];
    const copiedFromAmap = truth.map((lngLat) => wgs84ToGcj02(lngLat));
    const crs = { code: "EPSG:4326", swappedAxes: false } as const;
    const [warning] = checkInsideDazu([parcelFrom(copiedFromAmap, crs)], crs);
    expect(warning?.code).toBe("outside-dazu");
    expect(warning?.detail?.["suggestions"]).toEqual(["gcj-02"]);
    // 0.00270° − 0.00067° ≈ 0.00203° of latitude ≈ 225 m beyond the limit.
    expect(warning?.detail?.["metresBeyond"]).toBeGreaterThan(200);
    expect(warning?.detail?.["metresBeyond"]).toBeLessThan(250);
    expect(warning?.detail?.["verticesOutside"]).toBe(2);
    expect(gcj02ToWgs84(copiedFromAmap[0]!)[1]).toBeCloseTo(29.384, 8);
  });

  it("suggests another central meridian for CM 108°E coordinates read as CM 105°E", () => {
    const cm108 = "+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs";
    const source = SQUARE_EASTING_NORTHING.map((corner): SourcePosition => {
      const [easting, northing] = proj4("EPSG:4326", cm108, gaussKrugerToLngLat(corner));
      return [easting as number, northing as number];
    });
    // CM 108°E puts Dazu about 2.3° (≈ 220 km) west of the meridian: eastings near 279 000 m.
    expect(source[0]![0]).toBeGreaterThan(270_000);
    expect(source[0]![0]).toBeLessThan(290_000);
    const crs = { code: "EPSG:4544", swappedAxes: false } as const;
    const [warning] = checkInsideDazu([parcelFrom(source, crs)], crs);
    expect(warning?.detail?.["suggestions"]).toEqual(["central-meridian-108"]);
  });

  it("warns without suggestions when it does not know the CRS used", () => {
    const crs = { code: "EPSG:4544", swappedAxes: false } as const;
    const swapped = SQUARE_EASTING_NORTHING.map(([e, n]): SourcePosition => [n, e]);
    const [warning] = checkInsideDazu([parcelFrom(swapped, crs)]);
    expect(warning?.detail?.["suggestions"]).toEqual([]);
    expect(importMessageText(warning!, "en")).toContain("Check the coordinate system");
  });
});
