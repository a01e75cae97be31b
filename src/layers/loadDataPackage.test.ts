import { describe, expect, it } from "vitest";
import { fetchFixture, readFixture } from "../../tests/fixtures/layers/readFixture";
import { layerLoadErrors } from "./layerData";
import { loadDataPackage } from "./loadDataPackage";

describe("loadDataPackage", () => {
  it("loads every layer of the valid fixture", async () => {
    const result = await loadDataPackage("valid/", fetchFixture);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.value.layers.keys()]).toEqual(result.value.manifest.layers.map((layer) => layer.id));
    expect([...result.value.layers.values()].every((load) => load.type === "loaded")).toBe(true);
    expect(layerLoadErrors(result.value)).toEqual([]);
  });

  it("disables only the broken layers", async () => {
    const result = await loadDataPackage("broken-layer/", fetchFixture);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const types = Object.fromEntries([...result.value.layers].map(([id, load]) => [id, load.type]));
    expect(types).toEqual({ district: "loaded", towns: "loaded", memorials: "failed", "development-axes": "failed" });
    const errors = layerLoadErrors(result.value);
    expect(errors[0]).toContain("layer 'memorials' (layers/memorials-as-polygons.geojson): feature 0");
    expect(errors[0]).toContain("geometry type 'Polygon' does not match the layer's geometryType 'point'");
    expect(errors).toContain("layer 'development-axes': could not fetch broken-layer/layers/not-there.geojson (HTTP 404)");
  });

  it("fetches a file shared by several layers once", async () => {
    const requested: string[] = [];
    const counting: typeof fetchFixture = (url) => {
      requested.push(url);
      return fetchFixture(url);
    };
    const shared = structuredClone(readFixture("valid/manifest.json")) as { layers: Array<{ id: string; file: string }> };
    shared.layers.push({ ...shared.layers[1]!, id: "towns-again" });
    const result = await loadDataPackage("valid/", async (url) => (url === "valid/manifest.json" ? { ok: true, value: shared } : counting(url)));
    expect(result.ok).toBe(true);
    expect(requested.filter((url) => url === "valid/layers/towns.geojson")).toHaveLength(1);
  });

  it("fails the package for a broken or missing manifest", async () => {
    const broken = await loadDataPackage("broken-manifest/", fetchFixture);
    expect(broken.ok).toBe(false);
    const missing = await loadDataPackage("nowhere/", fetchFixture);
    expect(missing).toEqual({ ok: false, errors: ["could not fetch nowhere/manifest.json (HTTP 404)"] });
  });
});
