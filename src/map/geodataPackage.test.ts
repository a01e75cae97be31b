import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { layerLoadErrors, type LayerFeatureCollection } from "../layers/layerData";
import { loadDataPackage, type FetchJson } from "../layers/loadDataPackage";
import { invalid, valid } from "../layers/validation";
import { layerDefaultsOf } from "../state/layersSlice";
import { featureSelection, SELECTION_NONE } from "../state/selection";
import { buildStyle } from "./buildStyle";
import { labelAnchors } from "./labelPlacement";

const geodataDir = fileURLToPath(new URL("../../geodata/", import.meta.url));
const hasPackage = existsSync(`${geodataDir}manifest.json`);

const fetchFromDisk: FetchJson = async (url) => {
  try {
    return valid(JSON.parse(readFileSync(geodataDir + url, "utf8")));
  } catch (error) {
    return invalid([`could not read ${url}: ${String(error)}`]);
  }
};

/** The app's own boundary checks and style builder, run on the data package as committed. */
describe.skipIf(!hasPackage)("the committed data package", () => {
  it("passes the manifest and layer validation with no disabled layer", async () => {
    const loaded = await loadDataPackage("", fetchFromDisk);
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    expect(layerLoadErrors(loaded.value)).toEqual([]);
    const ids = loaded.value.manifest.layers.map((layer) => layer.id);
    expect(ids).toContain("district");
    expect(ids).toContain("towns");
  });

  it("builds a valid style, also with a basemap and a selection", async () => {
    const loaded = await loadDataPackage("", fetchFromDisk);
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    const { manifest } = loaded.value;
    const data = new Map<string, LayerFeatureCollection>();
    for (const [id, load] of loaded.value.layers) if (load.type === "loaded") data.set(id, load.data);
    const input = { manifest, data, layers: layerDefaultsOf(manifest), basemap: "none" as const, tiandituToken: "", selection: SELECTION_NONE };
    expect(validateStyleMin(buildStyle(input))).toEqual([]);
    const firstTown = data.get("towns")?.features[0]?.properties.id ?? "";
    const busy = buildStyle({ ...input, basemap: "osm", selection: featureSelection("towns", firstTown) });
    expect(validateStyleMin(busy)).toEqual([]);
  });

  it("can place a label for every town", async () => {
    const loaded = await loadDataPackage("", fetchFromDisk);
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    const towns = loaded.value.manifest.layers.find((layer) => layer.id === "towns");
    const load = loaded.value.layers.get("towns");
    if (!towns || load?.type !== "loaded") throw new Error("no towns layer");
    expect(labelAnchors(towns, load.data, "en")).toHaveLength(load.data.features.length);
  });
});
