import { describe, expect, it } from "vitest";
import { fetchFixture, readFixture } from "../../tests/fixtures/layers/readFixture";
import { loadDataPackage, type ReadFeatureCount } from "./loadDataPackage";
import { validateManifest } from "./validateManifest";
import { invalid, valid } from "./validation";

type Editable = Record<string, any>;

/** The valid fixture with its towns layer turned into a large (tiled) layer. */
function tiledManifest(changes: Editable = {}): Editable {
  const manifest = structuredClone(readFixture("valid/manifest.json")) as Editable;
  const { file: _file, ...towns } = manifest.layers[1];
  manifest.layers[1] = {
    ...towns,
    display: { type: "pmtiles", file: "big/towns.pmtiles", sourceLayer: "towns" },
    check: { type: "flatgeobuf", file: "big/towns.fgb" },
    ...changes,
  };
  return manifest;
}

function errorsOf(manifest: unknown): string[] {
  const result = validateManifest(manifest);
  return result.ok ? [] : result.errors;
}

describe("large layers in the manifest", () => {
  it("accepts display + check instead of file", () => {
    expect(errorsOf(tiledManifest())).toEqual([]);
    expect(errorsOf(tiledManifest({ featureCount: 20_000 }))).toEqual([]);
  });

  it("rejects a layer with both, or with only one half", () => {
    expect(errorsOf(tiledManifest({ file: "layers/towns.geojson" }))).toEqual(["layer 'towns': give either file (GeoJSON) or display + check, not both"]);
    expect(errorsOf(tiledManifest({ check: undefined }))).toEqual(["layer 'towns': display needs check (the file parcel checks read)"]);
    expect(errorsOf(tiledManifest({ display: undefined }))).toEqual(["layer 'towns': check needs display (the tiles to draw the layer)"]);
  });

  it("names what is wrong in display and check", () => {
    const errors = errorsOf(
      tiledManifest({
        display: { type: "mbtiles", file: "../towns.pmtiles" },
        check: { type: "flatgeobuf", file: "big/towns.geojson" },
        featureCount: -1,
      }),
    );
    expect(errors).toEqual([
      "layer 'towns': display.type must be 'pmtiles' (got \"mbtiles\")",
      "layer 'towns': display.file must be a relative path inside the data package ending in .pmtiles",
      "layer 'towns': display.sourceLayer must name the layer inside the vector tiles",
      "layer 'towns': check.file must be a relative path inside the data package ending in .fgb",
      "layer 'towns': featureCount must be a whole number ≥ 0",
    ]);
  });
});

describe("loading a package with a large layer", () => {
  const manifestFetch = (manifest: Editable, requested: string[]) => async (url: string) => {
    requested.push(url);
    return url === "valid/manifest.json" ? valid(manifest) : fetchFixture(url);
  };

  it("downloads nothing of it and takes the count from the manifest", async () => {
    const requested: string[] = [];
    const counted: string[] = [];
    const count: ReadFeatureCount = async (url) => (counted.push(url), valid(1));
    const result = await loadDataPackage("valid/", manifestFetch(tiledManifest({ featureCount: 20_000 }), requested), count);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.value.layers.get("towns")).toEqual({
      type: "tiled",
      tilesUrl: "valid/big/towns.pmtiles",
      sourceLayer: "towns",
      checkUrl: "valid/big/towns.fgb",
      featureCount: 20_000,
    });
    expect(requested.filter((url) => url.includes("towns"))).toEqual([]);
    expect(counted).toEqual([]);
  });

  it("reads the count from the FlatGeobuf header when the manifest has none, and disables the layer when it cannot", async () => {
    const counted: string[] = [];
    const count: ReadFeatureCount = async (url) => (counted.push(url), valid(1234));
    const result = await loadDataPackage("valid/", manifestFetch(tiledManifest(), []), count);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(counted).toEqual(["valid/big/towns.fgb"]);
    expect(result.value.layers.get("towns")).toMatchObject({ type: "tiled", featureCount: 1234 });

    const failing: ReadFeatureCount = async (url) => invalid([`could not fetch ${url} (HTTP 404)`]);
    const broken = await loadDataPackage("valid/", manifestFetch(tiledManifest(), []), failing);
    if (!broken.ok) throw new Error(broken.errors.join("\n"));
    expect(broken.value.layers.get("towns")).toEqual({ type: "failed", errors: ["layer 'towns': could not fetch valid/big/towns.fgb (HTTP 404)"] });
    expect(broken.value.layers.get("district")?.type).toBe("loaded");
  });
});
