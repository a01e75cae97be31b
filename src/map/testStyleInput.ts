import { readFixture } from "../layers/fixtures/readFixture";
import type { LayerFeatureCollection } from "../layers/layerData";
import type { Manifest } from "../layers/manifestTypes";
import { layerDefaultsOf } from "../state/layersSlice";
import { SELECTION_NONE } from "../state/selection";
import type { StyleInput } from "./buildStyle";

/** A style input from the valid fixture package with every default, for map tests. */
export function fixtureStyleInput(overrides: Partial<StyleInput> = {}): StyleInput {
  const manifest = readFixture("valid/manifest.json") as Manifest;
  const data = new Map(
    manifest.layers.map((layer) => [layer.id, readFixture(`valid/${layer.file}`) as LayerFeatureCollection]),
  );
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
