import { describe, expect, it } from "vitest";
import { readFixture } from "../../tests/fixtures/layers/readFixture";
import type { LayerDefinition, Manifest } from "./manifestTypes";
import { validateLayerData } from "./validateLayerData";

const manifest = readFixture("valid/manifest.json") as Manifest;
const layer = (id: string) => manifest.layers.find((candidate) => candidate.id === id) as LayerDefinition;

function feature(geometry: unknown, properties: Record<string, unknown> = {}) {
  return {
    type: "Feature",
    properties: {
      id: "a",
      name: "甲",
      source: ["dzf-2023-13#s1.p1"],
      geometry_quality: "schematic",
      geometry_note: "示意",
      ...properties,
    },
    geometry,
  };
}

function errorsOf(layerId: string, json: unknown): string[] {
  const result = validateLayerData(layer(layerId), json);
  return result.ok ? [] : result.errors;
}

describe("validateLayerData", () => {
  it("accepts every valid fixture file, including an empty one", () => {
    for (const definition of manifest.layers) {
      const result = validateLayerData(definition, readFixture(`valid/${definition.file}`));
      expect(result.ok, definition.id).toBe(true);
    }
  });

  it("rejects something that is not a FeatureCollection", () => {
    expect(errorsOf("towns", { type: "Feature" })).toEqual(["layer 'towns' (layers/towns.geojson): not a GeoJSON FeatureCollection"]);
  });

  it("rejects a geometry type that does not match the layer", () => {
    const json = { type: "FeatureCollection", features: [feature({ type: "Point", coordinates: [105.7, 29.7] })] };
    expect(errorsOf("towns", json)).toEqual([
      "layer 'towns' (layers/towns.geojson): feature 0 ('a'): geometry type 'Point' does not match the layer's geometryType 'polygon' (Polygon or MultiPolygon)",
    ]);
  });

  it("names each missing provenance property", () => {
    const json = {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { id: "b" }, geometry: { type: "Point", coordinates: [105.7, 29.7] } }],
    };
    expect(errorsOf("memorials", json)).toEqual([
      "layer 'memorials' (layers/memorials.geojson): feature 0 ('b'): missing property 'name'",
      "layer 'memorials' (layers/memorials.geojson): feature 0 ('b'): property 'source' must be an array of citations",
      "layer 'memorials' (layers/memorials.geojson): feature 0 ('b'): property 'geometry_quality' must be one of official, derived, schematic",
      "layer 'memorials' (layers/memorials.geojson): feature 0 ('b'): missing property 'geometry_note'",
    ]);
  });

  it("catches projected metres, swapped axes and non-finite numbers", () => {
    const projected = feature({ type: "Point", coordinates: [569432.1, 3288012.3] });
    const swapped = feature({ type: "Point", coordinates: [29.7, 105.7] }, { id: "s" });
    const broken = feature({ type: "Point", coordinates: [105.7, null] }, { id: "n" });
    const errors = errorsOf("memorials", { type: "FeatureCollection", features: [projected, swapped, broken] });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain("coordinate [569432.1, 3288012.3] is outside");
    expect(errors[1]).toContain("coordinate [29.7, 105.7] is outside");
    expect(errors[2]).toContain("coordinates must be finite numbers");
  });

  it("rejects degenerate rings and duplicate ids", () => {
    const ring = feature({
      type: "Polygon",
      coordinates: [
        [
          [105.7, 29.7],
          [105.8, 29.7],
          [105.7, 29.7],
        ],
      ],
    });
    const duplicate = feature({
      type: "Polygon",
      coordinates: [
        [
          [105.7, 29.7],
          [105.8, 29.7],
          [105.8, 29.8],
          [105.7, 29.7],
        ],
      ],
    });
    const errors = errorsOf("towns", { type: "FeatureCollection", features: [ring, duplicate] });
    expect(errors).toEqual([
      "layer 'towns' (layers/towns.geojson): feature 0 ('a'): a part has 3 positions, at least 4 needed",
      "layer 'towns' (layers/towns.geojson): feature 1 ('a'): duplicate feature id",
    ]);
  });

  it("caps a flood of errors", () => {
    const features = Array.from({ length: 20 }, (_, index) => ({ type: "Feature", properties: { id: `x${index}` }, geometry: null }));
    const errors = errorsOf("memorials", { type: "FeatureCollection", features });
    expect(errors).toHaveLength(9);
    expect(errors[8]).toMatch(/^… and \d+ more problems$/);
  });
});
