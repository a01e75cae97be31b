import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dataPackagePrecachePatterns } from "./dataPackagePrecache";

const manifest = JSON.parse(readFileSync(new URL("../../geodata/manifest.json", import.meta.url), "utf8")) as { layers: Array<Record<string, unknown>> };

describe("the data package's offline files", () => {
  it("are the package's JSON, the policy corpus and every GeoJSON layer, each file once", () => {
    const patterns = dataPackagePrecachePatterns(manifest, "geodata");
    expect(patterns.slice(0, 2)).toEqual(["geodata/*.json", "geodata/policies/*.json"]);
    const layerFiles = patterns.slice(2);
    expect(layerFiles).toContain("geodata/layers/towns.geojson");
    expect(layerFiles).toContain("geodata/layers/memorials.geojson");
    // Several layers style towns.geojson; it is listed once.
    expect(layerFiles.filter((file) => file === "geodata/layers/towns.geojson")).toHaveLength(1);
    expect(new Set(layerFiles).size).toBe(layerFiles.length);
    expect(layerFiles).toHaveLength(new Set(manifest.layers.flatMap((layer) => (typeof layer.file === "string" ? [layer.file] : []))).size);
  });

  it("leave the large layers (PMTiles, FlatGeobuf) online-only", () => {
    const patterns = dataPackagePrecachePatterns(manifest, "geodata");
    expect(manifest.layers.some((layer) => layer.display !== undefined)).toBe(true);
    expect(patterns.filter((pattern) => /\.(pmtiles|fgb)$|examples/.test(pattern))).toEqual([]);
  });

  it("follow a layer file wherever the manifest puts it", () => {
    const moved = structuredClone(manifest);
    moved.layers[0]!.file = "bureau/district-2024.geojson";
    expect(dataPackagePrecachePatterns(moved, "data")).toContain("data/bureau/district-2024.geojson");
  });

  it("refuse a manifest without a layer list, so no worker ships without the data", () => {
    expect(() => dataPackagePrecachePatterns({ layers: "none" }, "geodata")).toThrow("geodata/manifest.json has no layer list");
  });
});
