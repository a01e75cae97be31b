import { readFixture } from "../fixtures/layers/readFixture";
import type { LayerFeatureCollection } from "../../src/layers/layerData";
import type { Manifest } from "../../src/layers/manifestTypes";
import { layerDefaultsOf } from "../../src/state/layersSlice";
import { SELECTION_NONE } from "../../src/state/selection";
import type { StyleInput } from "../../src/map/buildStyle";

/** A style input from the valid fixture package with every default, for map tests. */
export function fixtureStyleInput(overrides: Partial<StyleInput> = {}): StyleInput {
  const manifest = readFixture("valid/manifest.json") as Manifest;
  const data = new Map(manifest.layers.map((layer) => [layer.id, readFixture(`valid/${layer.file}`) as LayerFeatureCollection]));
  return {
    manifest,
    data,
    layers: layerDefaultsOf(manifest),
    basemap: "none",
    tiandituToken: "",
    selection: SELECTION_NONE,
    ...overrides,
  };
}
