import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import type { Manifest } from "./manifestTypes";
import { readFeaturesInRect, readFeatureCount } from "./flatgeobufReader";

const geodataDir = fileURLToPath(new URL("../../geodata/", import.meta.url));
const manifest = JSON.parse(readFileSync(`${geodataDir}manifest.json`, "utf8")) as Manifest;
const exampleLayer = manifest.layers.find((layer) => layer.id === "synthetic-parcels")!;
const exampleBytes = new Uint8Array(readFileSync(`${geodataDir}${exampleLayer.check!.file}`));

// FlatGeobuf's index search narrates every step on console.debug.
vi.spyOn(console, "debug").mockImplementation(() => undefined);

describe("the FlatGeobuf reader", () => {
  it("reads the feature count from the header", async () => {
    expect(await readFeatureCount(exampleBytes)).toEqual({ ok: true, value: exampleLayer.featureCount });
    expect((await readFeatureCount(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).ok).toBe(false);
  });

  it("reads every feature when the window covers the world, ordered by id", async () => {
    const features = await readFeaturesInRect(exampleBytes, { minX: -180, minY: -90, maxX: 180, maxY: 90 });
    expect(features).toHaveLength(exampleLayer.featureCount!);
    const ids = features.map((feature) => String(feature.properties!["id"]));
    expect(ids).toEqual([...ids].sort());
  });

  it("reads nothing from a window far from the data", async () => {
    expect(await readFeaturesInRect(exampleBytes, { minX: 0, minY: 0, maxX: 1, maxY: 1 })).toEqual([]);
  });
});
