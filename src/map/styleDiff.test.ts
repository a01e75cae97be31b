import { describe, expect, it } from "vitest";
import type { LayerFeatureCollection } from "../layers/layerData";
import { featureSelection } from "../state/selection";
import { buildStyle } from "./buildStyle";
import { diffStyles, type StyleCommand } from "./styleDiff";
import { fixtureStyleInput } from "../../tests/support/testStyleInput";

const input = fixtureStyleInput();
const base = buildStyle(input);

function commandTypes(commands: StyleCommand[]): string[] {
  return commands.map((command) => command.type);
}

describe("diffStyles", () => {
  it("does nothing for an equal style", () => {
    expect(diffStyles(base, buildStyle(input))).toEqual([]);
  });

  it("hides a layer with setLayoutProperty only", () => {
    const next = buildStyle({ ...input, layers: { ...input.layers, memorials: { visible: false, opacity: 1 } } });
    expect(diffStyles(base, next)).toEqual([{ type: "setLayoutProperty", layerId: "data:memorials:circle", name: "visibility", value: "none" }]);
  });

  it("changes opacity with setPaintProperty only", () => {
    const next = buildStyle({ ...input, layers: { ...input.layers, "exploration-blocks": { visible: true, opacity: 0.25 } } });
    const commands = diffStyles(base, next);
    expect(new Set(commandTypes(commands))).toEqual(new Set(["setPaintProperty"]));
    expect(commands).toContainEqual({
      type: "setPaintProperty",
      layerId: "data:exploration-blocks:fill",
      name: "fill-opacity",
      value: 0.25,
    });
  });

  it("pushes new data with setData and skips unchanged data objects", () => {
    const data = new Map(input.data);
    const replacement: LayerFeatureCollection = { type: "FeatureCollection", features: [] };
    data.set("memorials", replacement);
    expect(diffStyles(base, buildStyle({ ...input, data }))).toEqual([{ type: "setGeoJSONData", sourceId: "data:memorials", data: replacement }]);
  });

  it("moves the highlight with a filter and visibility, never re-adding layers", () => {
    const next = buildStyle({ ...input, selection: featureSelection("memorials", "memorial-gulong") });
    expect(new Set(commandTypes(diffStyles(base, next)))).toEqual(new Set(["setLayoutProperty", "setFilter"]));
  });

  it("adds a basemap below the overlays and removes it again", () => {
    const online = buildStyle({ ...input, basemap: "osm" });
    const added = diffStyles(base, online);
    expect(added).toContainEqual({ type: "addSource", sourceId: "basemap:osm", source: online.sources["basemap:osm"] });
    expect(added).toContainEqual({ type: "addLayer", layer: online.layers[1], beforeId: "data:district:fill" });
    expect(commandTypes(added).filter((type) => type.startsWith("remove"))).toEqual([]);
    const removed = diffStyles(online, base);
    expect(removed).toEqual([
      { type: "removeLayer", layerId: "basemap:osm" },
      { type: "removeSource", sourceId: "basemap:osm" },
      { type: "setPaintProperty", layerId: "data:district:fill", name: "fill-opacity", value: 1 },
    ]);
  });

  it("replaces a raster source whose tiles change (a new 天地图 key)", () => {
    const before = buildStyle({ ...input, basemap: "tianditu-vector", tiandituToken: "old" });
    const after = buildStyle({ ...input, basemap: "tianditu-vector", tiandituToken: "new" });
    const types = commandTypes(diffStyles(before, after));
    expect(types.filter((type) => type === "removeSource")).toHaveLength(2);
    expect(types.filter((type) => type === "addSource")).toHaveLength(2);
    expect(types.filter((type) => type === "addLayer")).toHaveLength(2);
  });

  it("restores the target order when layers move", () => {
    const reversed = { ...base, layers: [base.layers[0]!, ...base.layers.slice(1).reverse()] };
    const commands = diffStyles(reversed, base);
    expect(new Set(commandTypes(commands))).toEqual(new Set(["moveLayer"]));
    const order = reversed.layers.map((layer) => layer.id);
    for (const command of commands) {
      if (command.type !== "moveLayer") continue;
      order.splice(order.indexOf(command.layerId), 1);
      order.splice(command.beforeId === undefined ? order.length : order.indexOf(command.beforeId), 0, command.layerId);
    }
    expect(order).toEqual(base.layers.map((layer) => layer.id));
  });
});
