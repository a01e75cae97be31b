import { validateStyleMin, type StyleSpecification } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import type { DataPackage } from "../layers/layerData";
import type { Manifest } from "../layers/manifestTypes";
import { buildStyle } from "./buildStyle";
import { fixtureStyleInput } from "../../tests/support/testStyleInput";
import { tiledSourcesOf } from "./tiledLayers";

describe("large layers on the map", () => {
  const input = fixtureStyleInput();
  const data = new Map(input.data);
  data.delete("towns");
  const tiles = new Map([["towns", { url: "pmtiles://https://example.org/geodata/big/towns.pmtiles", sourceLayer: "towns" }]]);
  const style: StyleSpecification = buildStyle({ ...input, data, tiles });
  const geojsonStyle = buildStyle(input);

  it("draw from a vector source with the same style layers, reading their source layer", () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources["data:towns"]).toEqual({ type: "vector", url: "pmtiles://https://example.org/geodata/big/towns.pmtiles", promoteId: "id" });
    const townLayers = style.layers.filter((layer) => "source" in layer && layer.source === "data:towns");
    const geojsonTownLayers = geojsonStyle.layers.filter((layer) => "source" in layer && layer.source === "data:towns");
    expect(townLayers.map((layer) => layer.id)).toEqual(geojsonTownLayers.map((layer) => layer.id));
    for (const [index, layer] of townLayers.entries()) {
      expect(layer).toEqual({ ...geojsonTownLayers[index], "source-layer": "towns" });
    }
    expect(style.layers.map((layer) => layer.id)).toEqual(geojsonStyle.layers.map((layer) => layer.id));
  });

  it("open no archive while hidden", () => {
    const hidden = buildStyle({ ...input, data, tiles, layers: { ...input.layers, towns: { ...input.layers.towns!, visible: false } } });
    expect(hidden.sources["data:towns"]).toBeUndefined();
    expect(hidden.layers.some((layer) => layer.id.startsWith("data:towns:"))).toBe(false);
    expect(validateStyleMin(hidden)).toEqual([]);
  });

  it("leave GeoJSON layers as they were", () => {
    expect(style.sources["data:district"]).toEqual(geojsonStyle.sources["data:district"]);
    expect((style.sources["data:district"] as { data: unknown }).data).toBe(input.data.get("district"));
  });

  it("resolve archive URLs against the page", () => {
    const dataPackage: DataPackage = {
      manifest: input.manifest as Manifest,
      layers: new Map([
        ["towns", { type: "tiled", tilesUrl: "geodata/big/towns.pmtiles", sourceLayer: "towns", checkUrl: "geodata/big/towns.fgb", featureCount: 3 }],
        ["district", { type: "failed", errors: ["x"] }],
      ]),
    };
    expect([...tiledSourcesOf(dataPackage, "https://example.org/map/index.html?x=1")]).toEqual([
      ["towns", { url: "pmtiles://https://example.org/map/geodata/big/towns.pmtiles", sourceLayer: "towns" }],
    ]);
  });
});
