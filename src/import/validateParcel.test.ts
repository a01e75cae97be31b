import kinks from "@turf/kinks";
import { describe, expect, it } from "vitest";
import { gaussKrugerToLngLat } from "../geo/crs";
import { toImportedParcel } from "./assemble";
import { findSelfIntersections } from "../geo/selfIntersections";
import type { CrsGuess, ImportedParcel, ParcelDraft, SourcePosition } from "./types";
import { MAX_VERTICES } from "./types";
import { validateParcel, type ParcelValidation } from "./validateParcel";
import { readGeodata } from "../../tests/support/testGeodata";
import { importPastedCoordinates } from "./pasteCoordinates";
import type { Manifest } from "../layers/manifestTypes";

/** The district's published area, as the data package states it (the importers are given it by their callers). */
const DISTRICT_AREA_KM2 = (readGeodata("manifest.json") as Manifest).district.publishedAreaKm2;
import { importMessageText } from "../i18n/messages.import";

const GK: CrsGuess = { code: "EPSG:4544", swappedAxes: false, confidence: "declared", reason: [{ code: "kml", params: {} }] };
const DEGREES: CrsGuess = { ...GK, code: "EPSG:4326" };

function parcel(rings: SourcePosition[][], extra: Partial<ParcelDraft> = {}, crs: CrsGuess = GK): ImportedParcel {
  return toImportedParcel({ name: "测试地块", kind: "polygon", sourceCoordinates: [rings], properties: {}, ...extra }, crs);
}

function errors(validation: ParcelValidation): string[] {
  return validation.ok ? [] : validation.errors.map((error) => error.code);
}

const SQUARE: SourcePosition[] = [
  [569000, 3287000],
  [570000, 3287000],
  [570000, 3288000],
  [569000, 3288000],
];

describe("validateParcel", () => {
  it("accepts the closed 1 km square without warnings", () => {
    const validation = validateParcel(parcel([[...SQUARE, SQUARE[0]!]]));
    expect(validation.ok).toBe(true);
    expect(validation.warnings).toEqual([]);
  });

  it("closes an unclosed ring and says so", () => {
    const validation = validateParcel(parcel([SQUARE]));
    if (!validation.ok) throw new Error(importMessageText(validation.errors[0]!, "en"));
    expect(validation.warnings.map((warning) => warning.code)).toEqual(["ring-closed"]);
    expect(importMessageText(validation.warnings[0]!, "zh")).toContain("已自动闭合");
    const geometry = validation.parcel.geometry;
    if (geometry.type !== "Polygon") throw new Error(geometry.type);
    expect(geometry.coordinates[0]).toHaveLength(5);
    expect(geometry.coordinates[0]![4]).toEqual(geometry.coordinates[0]![0]);
  });

  it("rejects fewer than 3 vertices, counting repeated points once", () => {
    expect(errors(validateParcel(parcel([[SQUARE[0]!, SQUARE[1]!]])))).toEqual(["too-few-vertices"]);
    const repeated = validateParcel(parcel([[SQUARE[0]!, SQUARE[1]!, SQUARE[1]!, SQUARE[0]!]]));
    expect(errors(repeated)).toEqual(["too-few-vertices"]);
    expect(repeated.warnings.map((warning) => warning.code)).toContain("duplicate-vertices-removed");
    if (!repeated.ok) expect(repeated.errors[0]!.detail).toMatchObject({ vertices: 2, minimum: 3 });
  });

  it("reports where a bow-tie crosses itself: edges 1→2 and 3→4 at the square's centre", () => {
    const bowTie: SourcePosition[] = [SQUARE[0]!, SQUARE[2]!, SQUARE[1]!, SQUARE[3]!];
    const labels = [[["J1", "J2", "J3", "J4"]]];
    const validation = validateParcel(parcel([bowTie], { vertexLabels: labels }));
    expect(errors(validation)).toEqual(["self-intersection"]);
    if (validation.ok) return;
    const error = validation.errors[0]!;
    const crossings = error.detail?.["crossings"] as {
      lngLat: [number, number];
      first: { edge: number; labels: string[] };
      second: { edge: number; labels: string[] };
    }[];
    expect(crossings).toHaveLength(1);
    expect(crossings[0]!.first).toMatchObject({ edge: 0, labels: ["J1", "J2"] });
    expect(crossings[0]!.second).toMatchObject({ edge: 2, labels: ["J3", "J4"] });
    const centre = gaussKrugerToLngLat([569500, 3287500]);
    expect(crossings[0]!.lngLat[0]).toBeCloseTo(centre[0], 9);
    expect(crossings[0]!.lngLat[1]).toBeCloseTo(centre[1], 9);
    expect(importMessageText(error, "zh")).toContain("J1→J2");
    expect(importMessageText(error, "en")).toContain(`${centre[0].toFixed(6)}°E`);
    // An independent check: @turf/kinks finds the same single crossing in longitude/latitude.
    const turfKinks = kinks(parcel([[...bowTie, bowTie[0]!]]).geometry as GeoJSON.Polygon).features;
    expect(turfKinks).toHaveLength(1);
    expect(turfKinks[0]!.geometry.coordinates[0]).toBeCloseTo(centre[0], 6);
    expect(turfKinks[0]!.geometry.coordinates[1]).toBeCloseTo(centre[1], 6);
  });

  it("reports a hole that crosses the outer ring, and allows one that touches it at a vertex", () => {
    const crossingHole: SourcePosition[] = [
      [569900, 3287400],
      [570100, 3287400],
      [570100, 3287600],
      [569900, 3287600],
    ];
    const crossing = validateParcel(parcel([SQUARE, crossingHole]));
    // The hole leaves its shell: refused as a hole outside its shell, at the first place the rings cross.
    expect(errors(crossing)).toEqual(["hole-outside-shell"]);
    const touchingHole: SourcePosition[] = [
      [570000, 3287000],
      [569900, 3287100],
      [569800, 3287000 + 50],
    ];
    expect(validateParcel(parcel([SQUARE, touchingHole])).ok).toBe(true);
  });

  it("rejects a near-zero area (a 1 m × 1 m triangle is 0.5 m²)", () => {
    const validation = validateParcel(
      parcel([
        [
          [569000, 3287000],
          [569001, 3287000],
          [569000, 3287001],
        ],
      ]),
    );
    expect(errors(validation)).toEqual(["zero-area"]);
    if (!validation.ok) expect(validation.errors[0]!.detail?.["squareMetres"]).toBeCloseTo(0.5, 3);
  });

  it("rejects a parcel larger than the district (40 km × 40 km = 1600 km² > the published 1436 km²), citing the area", () => {
    expect(DISTRICT_AREA_KM2).toBe(1436);
    const big: SourcePosition[] = [
      [540000, 3260000],
      [580000, 3260000],
      [580000, 3300000],
      [540000, 3300000],
    ];
    const validation = validateParcel(parcel([big]), DISTRICT_AREA_KM2);
    expect(errors(validation)).toEqual(["larger-than-district"]);
    if (!validation.ok) {
      expect((validation.errors[0]!.detail?.["squareMetres"] as number) / 1e6).toBeCloseTo(1600, 3);
      expect(validation.errors[0]!.detail?.["districtSquareMetres"]).toBe(1436e6);
      expect(importMessageText(validation.errors[0]!, "zh")).toContain("比整个大足区（约 1436 km²）还大");
      expect(importMessageText(validation.errors[0]!, "en")).toContain("(about 1436 km²)");
    }
    // The limit is the caller's: a larger district would take the parcel, and without one no size is refused.
    expect(validateParcel(parcel([big]), 1700).ok).toBe(true);
    expect(validateParcel(parcel([big])).ok).toBe(true);
  });

  it("an import is given the district's area through its options", () => {
    const big = "3260000,540000\n3260000,580000\n3300000,580000\n3300000,540000";
    const refused = importPastedCoordinates(big, { districtAreaKm2: DISTRICT_AREA_KM2 });
    expect(refused.ok ? [] : [refused.error.code]).toEqual(["larger-than-district"]);
    expect(importPastedCoordinates(big, { districtAreaKm2: 1700 }).ok).toBe(true);
  });

  it.each<[string, SourcePosition, string]>([
    ["NaN", [Number.NaN, 3287000], "non-finite-coordinate"],
    ["Infinity", [Number.POSITIVE_INFINITY, 3287000], "non-finite-coordinate"],
    ["an absurd 1e12", [1e12, 3287000], "coordinates-out-of-range"],
  ])("rejects %s and names the vertex", (_, bad, code) => {
    const validation = validateParcel(parcel([[SQUARE[0]!, bad, SQUARE[2]!, SQUARE[3]!]], { vertexLabels: [[["J1", "J2", "J3", "J4"]]] }));
    expect(errors(validation)).toEqual([code]);
    if (!validation.ok) {
      expect(validation.errors[0]!.detail).toMatchObject({ ring: 0, vertex: 1 });
      expect(importMessageText(validation.errors[0]!, "zh")).toContain("点 J2");
    }
  });

  it("rejects longitude/latitude off the globe", () => {
    const validation = validateParcel(
      parcel(
        [
          [
            [105.7, 29.7],
            [200, 29.7],
            [105.7, 29.8],
          ],
        ],
        {},
        DEGREES,
      ),
    );
    expect(errors(validation)).toEqual(["coordinates-out-of-range"]);
  });

  it(`rejects more than ${MAX_VERTICES} vertices`, () => {
    expect(MAX_VERTICES).toBe(200_000);
    const count = MAX_VERTICES + 1;
    const ring: [number, number][] = Array.from({ length: count }, (_, index) => {
      const angle = (2 * Math.PI * index) / count;
      return [105.72 + 0.01 * Math.cos(angle), 29.7 + 0.01 * Math.sin(angle)];
    });
    const huge: ImportedParcel = { name: "大", geometry: { type: "Polygon", coordinates: [ring] }, sourceCoordinates: [[ring]], properties: {} };
    const validation = validateParcel(huge);
    expect(errors(validation)).toEqual(["too-many-vertices"]);
    if (!validation.ok) expect(validation.errors[0]!.detail).toMatchObject({ vertices: count, limit: MAX_VERTICES });
  });

  it("warns when the stated area differs from the computed one by more than 1 %", () => {
    expect(validateParcel(parcel([SQUARE], { statedAreaHectares: 102 })).warnings.map((warning) => warning.code)).toContain("stated-area-mismatch");
    expect(validateParcel(parcel([SQUARE], { statedAreaHectares: 100.5 })).warnings.map((warning) => warning.code)).not.toContain("stated-area-mismatch");
  });
});

describe("findSelfIntersections", () => {
  it("finds a spike that folds back along its own edge", () => {
    const spike: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [10, 5],
      [0, 10],
    ];
    const crossings = findSelfIntersections([{ part: 0, ring: 0, points: spike }]);
    expect(crossings.map((crossing) => crossing.kind)).toContain("overlap");
  });

  it("finds nothing in a convex ring", () => {
    expect(
      findSelfIntersections([
        {
          part: 0,
          ring: 0,
          points: [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 10],
          ],
        },
      ]),
    ).toEqual([]);
  });
});
