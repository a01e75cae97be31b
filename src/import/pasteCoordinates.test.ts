import { crsReasonText } from "../i18n/messages.crs";
import { describe, expect, it } from "vitest";
import { gaussKrugerToLngLat, lngLatToGaussKruger } from "../geo/crs";
import { wgs84ToGcj02 } from "../geo/gcj02";
import { parcelName } from "../i18n/defaultParcelName";
import { areaFigures } from "../geo/measure";
import { importPastedCoordinates, parsePastedCoordinates } from "./pasteCoordinates";
import type { ImportResult, SourcePosition } from "./types";
import { importMessageText } from "../i18n/messages.import";

const CORNERS: SourcePosition[] = [
  [569000, 3287000],
  [570000, 3287000],
  [570000, 3288000],
  [569000, 3288000],
];

function firstPair(text: string): SourcePosition {
  const parsed = parsePastedCoordinates(text);
  if (!parsed.ok) throw new Error(importMessageText(parsed.error, "en"));
  return parsed.value.drafts[0]!.sourceCoordinates[0]![0]![0]!;
}

function expectSquare(result: ImportResult): void {
  if (!result.ok) throw new Error(importMessageText(result.error, "en"));
  const ring = result.parcels[0]!.geometry;
  if (ring.type !== "Polygon") throw new Error(ring.type);
  const vertices = ring.coordinates[0]!.slice(0, -1);
  expect(vertices).toHaveLength(4);
  for (const [index, vertex] of vertices.entries()) {
    const [easting, northing] = lngLatToGaussKruger([vertex[0]!, vertex[1]!]);
    expect(Math.hypot(easting - CORNERS[index]![0], northing - CORNERS[index]![1])).toBeLessThan(0.01);
  }
  expect(Math.abs(areaFigures(ring).gaussKrugerSquareMetres - 1_000_000)).toBeLessThan(1);
}

const lines = (pairs: SourcePosition[], format: (pair: SourcePosition) => string): string => pairs.map(format).join("\n");

function toDms(value: number): string {
  const degrees = Math.floor(value);
  const minutesFloat = (value - degrees) * 60;
  const minutes = Math.floor(minutesFloat);
  const seconds = (minutesFloat - minutes) * 60;
  return `${degrees}°${minutes}′${seconds.toFixed(5)}″`;
}

describe("one coordinate line", () => {
  // 105°43′12″ = 105 + 43/60 + 12/3600 = 105.72; 29°42′36″ = 29 + 42/60 + 36/3600 = 29.71.
  it.each([
    ["105°43′12″ 29°42′36″", [105.72, 29.71]],
    ["105°43'12\" 29°42'36\"", [105.72, 29.71]],
    ["105°43'12'' 29°42'36''", [105.72, 29.71]],
    ["105d43m12s 29d42m36s", [105.72, 29.71]],
    ["105° 43′ 12″ E, 29° 42′ 36″ N", [105.72, 29.71]],
    ["E105°43′12″ N29°42′36″", [105.72, 29.71]],
    ["29°42′36″N 105°43′12″E", [29.71, 105.72]],
    ["东经105度43分12秒 北纬29度42分36秒", [105.72, 29.71]],
    ["105°43.2′ 29°42.6′", [105.72, 29.71]],
    ["105.72E 29.71N", [105.72, 29.71]],
  ])("reads %s", (text, expected) => {
    const [a, b] = firstPair(text);
    expect(a).toBeCloseTo(expected[0]!, 10);
    expect(b).toBeCloseTo(expected[1]!, 10);
  });

  it.each(["105.72 29.71", "105.72,29.71", "105.72\t29.71", "105.72，29.71", "105.72；29.71", "105.72;29.71", "105.72 , 29.71", "１０５.７２　２９.７１"])(
    "splits %j",
    (text) => {
      expect(firstPair(text)).toEqual([105.72, 29.71]);
    },
  );

  it("takes a leading label and keeps it", () => {
    const parsed = parsePastedCoordinates("J1, 3287000.12, 35569000.45");
    if (!parsed.ok) throw new Error(importMessageText(parsed.error, "en"));
    expect(parsed.value.drafts[0]!.sourceCoordinates[0]![0]![0]).toEqual([3287000.12, 35569000.45]);
    expect(parsed.value.drafts[0]!.vertexLabels?.[0]?.[0]?.[0]).toBe("J1");
  });

  it("tells a point number from a height by the magnitudes", () => {
    expect(firstPair("1 3287000.12 35569000.45")).toEqual([3287000.12, 35569000.45]);
    expect(firstPair("569000 3287000 312.5")).toEqual([569000, 3287000]);
    expect(firstPair("J1,1,3287000,35569000")).toEqual([3287000, 35569000]);
  });
});

describe("importPastedCoordinates", () => {
  it("reads X-first metres with the zone prefix as EPSG:4523, swapped, and says why", () => {
    const result = importPastedCoordinates(lines(CORNERS, ([e, n]) => `J, ${n.toFixed(2)}, ${(e + 35_000_000).toFixed(2)}`));
    expectSquare(result);
    if (!result.ok) return;
    expect(result.crs).toMatchObject({ code: "EPSG:4523", swappedAxes: true, confidence: "inferred" });
    expect(crsReasonText(result.crs.reason, "zh")).toContain("带号 35");
    expect(crsReasonText(result.crs.reason, "en")).toContain("northing (X) first");
    expect(result.warnings.map((warning) => warning.code)).toEqual(["datum-not-stated", "ring-closed"]);
  });

  it("reads easting-first metres without prefix as EPSG:4544", () => {
    const result = importPastedCoordinates(lines(CORNERS, ([e, n]) => `${e}\t${n}`));
    expectSquare(result);
    if (result.ok) expect(result.crs).toMatchObject({ code: "EPSG:4544", swappedAxes: false });
  });

  it("reads northing-first metres without prefix (zone number missing) as EPSG:4544, swapped", () => {
    const result = importPastedCoordinates(lines(CORNERS, ([e, n]) => `${n} ${e}`));
    expectSquare(result);
    if (result.ok) expect(result.crs).toMatchObject({ code: "EPSG:4544", swappedAxes: true });
  });

  it("reads lat lon degrees as swapped WGS-84", () => {
    const result = importPastedCoordinates(lines(CORNERS.map(gaussKrugerToLngLat), ([lng, lat]) => `${lat.toFixed(10)}, ${lng.toFixed(10)}`));
    expectSquare(result);
    if (result.ok) expect(result.crs).toMatchObject({ code: "EPSG:4326", swappedAxes: true });
  });

  it("reads degrees–minutes–seconds with N/E suffixes to within 1 cm", () => {
    const result = importPastedCoordinates(lines(CORNERS.map(gaussKrugerToLngLat), ([lng, lat]) => `${toDms(lat)}N，${toDms(lng)}E`));
    expectSquare(result);
    if (!result.ok) return;
    expect(result.crs.swappedAxes).toBe(true);
    expect(crsReasonText(result.crs.reason, "zh")).toContain("度分秒");
    expect(crsReasonText(result.crs.reason, "en")).toContain("N/E marks");
  });

  it("splits parcels at blank lines, #2 and 地块N lines, named by those lines", () => {
    const square = lines(CORNERS, ([e, n]) => `${e} ${n}`);
    const shifted = lines(
      CORNERS.map(([e, n]) => [e + 2000, n]),
      ([e, n]) => `${e} ${n}`,
    );
    const result = importPastedCoordinates(`X Y\n${square}\n\n${shifted}\n#2\n${square}\n地块3 宝顶\n${shifted}\n# 5\n${square}\n地块 6\n${shifted}`);
    if (!result.ok) throw new Error(importMessageText(result.error, "en"));
    expect(result.parcels.map((parcel) => parcel.name)).toEqual(["⟨parcel 1⟩", "⟨parcel 2⟩", "#2", "地块3 宝顶", "#5", "地块 6"]);
    // Unnamed blocks carry the default-name marker, shown as 地块1 / Parcel 1 in the reader's language.
    expect(result.parcels.map((parcel) => parcelName(parcel.name, "en")).slice(0, 2)).toEqual(["Parcel 1", "Parcel 2"]);
    expect(parcelName(result.parcels[0]!.name, "zh")).toBe("地块1");
    expect(crsReasonText(result.crs.reason, "zh")).toContain("已跳过表头行");
  });

  it("warns when a third number was dropped as a height", () => {
    const result = importPastedCoordinates(lines(CORNERS, ([e, n]) => `${e} ${n} 312.45`));
    if (!result.ok) throw new Error(importMessageText(result.error, "en"));
    expect(result.warnings.map((warning) => warning.code)).toContain("extra-numbers-ignored");
  });

  it.each([
    ["", "empty-input"],
    ["   \n  ", "empty-input"],
    ["只有文字", "no-coordinates"],
    ["105.72\n29.71", "unreadable-line"],
    ["105°75′00″ 29°42′36″", "unreadable-coordinate"],
    ["105°43x 29.71", "unreadable-coordinate"],
    ["1 2 3 4 5", "unreadable-line"],
  ])("rejects %j with %s", (text, code) => {
    const result = importPastedCoordinates(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(importMessageText(result.error, "zh")).not.toBe("");
      expect(importMessageText(result.error, "en")).not.toBe("");
    }
  });

  it("names the line of an unreadable value", () => {
    const result = importPastedCoordinates("105.72 29.71\n105.73 29.71\n105°75′00″ 29°42′36″");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.detail).toMatchObject({ line: 3 });
      expect(importMessageText(result.error, "zh")).toContain("第 3 行");
    }
  });

  it("warns outside Dazu and suggests GCJ-02 for coordinates copied from AMap at the south edge", () => {
    const truth: [number, number][] = [
      [105.75, 29.384],
      [105.76, 29.384],
      [105.76, 29.393],
      [105.75, 29.393],
    ];
    const result = importPastedCoordinates(truth.map((lngLat) => wgs84ToGcj02(lngLat).join(" ")).join("\n"));
    if (!result.ok) throw new Error(importMessageText(result.error, "en"));
    const warning = result.warnings.find((item) => item.code === "outside-dazu");
    expect(warning?.detail?.["suggestions"]).toEqual(["gcj-02"]);
    expect(importMessageText(warning!, "zh")).toContain("GCJ-02");
  });

  it("warns outside Dazu and suggests swapping when the user forces easting-first on X-first data", () => {
    const result = importPastedCoordinates(
      lines(CORNERS, ([e, n]) => `${n} ${e}`),
      { crsOverride: { code: "EPSG:4544", swappedAxes: false } },
    );
    if (!result.ok) throw new Error(importMessageText(result.error, "en"));
    expect(crsReasonText(result.crs.reason, "zh")).toContain("用户选择");
    const warning = result.warnings.find((item) => item.code === "outside-dazu");
    expect(warning?.detail?.["suggestions"]).toEqual(["swap-axes"]);
  });

  it("names the missing zone prefix when EPSG:4523 is forced on unprefixed eastings", () => {
    const result = importPastedCoordinates(
      lines(CORNERS, ([e, n]) => `${n} ${e}`),
      { crsOverride: { code: "EPSG:4523", swappedAxes: true } },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("non-finite-coordinate");
      expect(result.error.detail?.["suggestions"]).toEqual(["zone-prefix"]);
      expect(importMessageText(result.error, "zh")).toContain("缺少带号 35");
    }
  });
});

describe("an unnamed parcel in a message", () => {
  it("is named in the reader's words, never by its stored marker", () => {
    const result = importPastedCoordinates("105 29.70\n105 29.71\n105 29.72");
    // Three points on the central meridian: the ring folds back on itself.
    expect(result.ok ? "" : result.error.code).toBe("self-intersection");
    if (result.ok) return;
    expect(importMessageText(result.error, "zh")).toMatch(/^地块「地块」的边界自相交 \d+ 处：/);
    expect(importMessageText(result.error, "en")).toMatch(/^The boundary of parcel "Parcel" intersects itself/);
  });
});
