import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { distance } from "@turf/distance";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { buildStyle } from "./buildStyle";
import { paddingWithin } from "./cameraPadding";
import { BATCH_PART_SIZE, batchParts, boundsAround, focusFeatures, NO_MARKS, northOf, userLocationFeatures } from "./mapMarks";
import { fixtureStyleInput } from "../../tests/support/testStyleInput";

const zhuxi: [number, number] = [105.69, 29.52];

describe("map marks", () => {
  it("draw a focus circle of the uncertainty's radius, or a ring for an exact position", () => {
    const circle = focusFeatures({ lngLat: zhuxi, radiusMetres: 5000, label: "位置待核实 ±5 km" });
    expect(circle.features).toHaveLength(1);
    const ring = (circle.features[0]!.geometry as Polygon).coordinates[0]!;
    for (const vertex of ring) expect(distance(zhuxi, vertex, { units: "meters" })).toBeCloseTo(5000, -1);
    expect(circle.features[0]!.properties).toEqual({ part: "area" });
    const exact = focusFeatures({ lngLat: zhuxi, radiusMetres: null, label: "" });
    expect(exact.features.map((feature) => [feature.geometry.type, feature.properties?.part])).toEqual([["Point", "exact"]]);
    expect(focusFeatures(null).features).toEqual([]);
  });

  it("draw the user's dot on top of the accuracy circle", () => {
    const marks = userLocationFeatures({ lngLat: [105.665, 29.54], accuracyMetres: 30 });
    expect(marks.features.map((feature) => feature.properties?.part)).toEqual(["accuracy", "position"]);
    expect(userLocationFeatures({ lngLat: [105.665, 29.54], accuracyMetres: 0 }).features).toHaveLength(1);
  });

  it("add valid sources and layers above every data layer, and nothing when absent", () => {
    const without = buildStyle(fixtureStyleInput());
    expect(Object.keys(without.sources).some((id) => id.startsWith("mark:"))).toBe(false);
    const marks = {
      userLocation: userLocationFeatures({ lngLat: zhuxi, accuracyMetres: 40 }),
      focus: focusFeatures({ lngLat: zhuxi, radiusMetres: 1000, label: "" }),
      batch: batchParts({
        type: "FeatureCollection" as const,
        features: [{ type: "Feature" as const, properties: { worst: "restricted" }, geometry: { type: "Point" as const, coordinates: zhuxi } }],
      }),
    };
    const style = buildStyle(fixtureStyleInput({ marks }));
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.slice(-8)).toEqual([
      "mark:batch:0:fill",
      "mark:batch:0:outline",
      "mark:focus:fill",
      "mark:focus:casing",
      "mark:focus:outline",
      "mark:focus:exact",
      "mark:user:accuracy",
      "mark:user:position",
    ]);
    expect(ids.slice(0, -8).every((id) => !id.startsWith("mark:"))).toBe(true);
    expect(validateStyleMin(buildStyle(fixtureStyleInput({ marks: NO_MARKS })))).toEqual([]);
  });

  it("split a batch into sources of at most BATCH_PART_SIZE parcels, each drawn by a fill and an outline", () => {
    const parcel = (index: number) => ({
      type: "Feature" as const,
      properties: { index, worst: "clear" },
      geometry: { type: "Point" as const, coordinates: zhuxi },
    });
    const parts = batchParts({ type: "FeatureCollection", features: Array.from({ length: 2 * BATCH_PART_SIZE + 1 }, (_, index) => parcel(index)) });
    expect(parts.map((part) => part.features.length)).toEqual([BATCH_PART_SIZE, BATCH_PART_SIZE, 1]);
    expect(parts.flatMap((part) => part.features.map((feature) => feature.properties?.index))).toEqual(
      Array.from({ length: 2 * BATCH_PART_SIZE + 1 }, (_, index) => index),
    );
    expect(batchParts(null)).toEqual([]);
    const style = buildStyle(fixtureStyleInput({ marks: { ...NO_MARKS, batch: parts } }));
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.filter((layer) => layer.id.startsWith("mark:batch")).map((layer) => layer.id)).toEqual([
      "mark:batch:0:fill",
      "mark:batch:1:fill",
      "mark:batch:2:fill",
      "mark:batch:0:outline",
      "mark:batch:1:outline",
      "mark:batch:2:outline",
    ]);
  });

  it("measure boxes and label anchors in metres", () => {
    const [west, south, east, north] = boundsAround(zhuxi, 5000);
    expect(distance([west, zhuxi[1]], zhuxi, { units: "meters" })).toBeCloseTo(5000, -1);
    expect(distance([zhuxi[0], north], zhuxi, { units: "meters" })).toBeCloseTo(5000, -1);
    expect(east - zhuxi[0]).toBeCloseTo(zhuxi[0] - west, 9);
    expect(north - zhuxi[1]).toBeCloseTo(zhuxi[1] - south, 9);
    expect(distance(northOf(zhuxi, 1000), zhuxi, { units: "meters" })).toBeCloseTo(1000, -1);
  });
});

describe("paddingWithin", () => {
  it("keeps padding that fits and shrinks padding taller than the canvas proportionally", () => {
    expect(paddingWithin({ top: 24, bottom: 300, left: 24, right: 24 }, 390, 700)).toEqual({ top: 24, bottom: 300, left: 24, right: 24 });
    expect(paddingWithin({ top: 100, bottom: 300, left: 24, right: 24 }, 390, 280)).toEqual({ top: 50, bottom: 150, left: 24, right: 24 });
    expect(paddingWithin({ top: -5, bottom: 0, left: 0, right: 0 }, 10, 10)).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });
});
