import { createExpression, validateStyleMin, type LayerSpecification, type StyleSpecification } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { featureSelection } from "../state/selection";
import { buildStyle } from "./buildStyle";
import { HATCH_IMAGE_ID } from "./hatchPattern";
import { fixtureStyleInput } from "../../tests/support/testStyleInput";

function layer(style: StyleSpecification, id: string): LayerSpecification {
  const found = style.layers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no style layer ${id}`);
  return found;
}

function paint(style: StyleSpecification, id: string): Record<string, unknown> {
  return (layer(style, id).paint ?? {}) as Record<string, unknown>;
}

function layout(style: StyleSpecification, id: string): Record<string, unknown> {
  return (layer(style, id).layout ?? {}) as Record<string, unknown>;
}

describe("buildStyle", () => {
  const style = buildStyle(fixtureStyleInput());

  it("draws schematic points as rings and surveyed ones as solid dots", () => {
    const circle = layer(style, "data:memorials:circle");
    const evaluate = (property: string, type: "color" | "number", quality: string): unknown => {
      const specification = { type, "property-type": "data-driven", expression: { interpolated: false, parameters: ["zoom", "feature"] } } as const;
      const compiled = createExpression((circle.paint as Record<string, unknown>)[property], specification as never);
      if (compiled.result !== "success") throw new Error(JSON.stringify(compiled.value));
      const value = compiled.value.evaluate({ zoom: 10 }, { type: "Point", properties: { geometry_quality: quality } } as never);
      return type === "color" ? String(value) : value;
    };
    const layerColor = evaluate("circle-color", "color", "official");
    expect(layerColor).not.toBe("#ffffff");
    expect(evaluate("circle-color", "color", "schematic")).toBe("#ffffff");
    expect(evaluate("circle-stroke-color", "color", "schematic")).toBe(layerColor);
    expect(evaluate("circle-stroke-width", "number", "schematic")).toBe(2.5);
    expect(evaluate("circle-stroke-width", "number", "official")).toBe(1.5);
  });

  it("is a valid MapLibre style", () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it("loads nothing from the network by default", () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
    expect(Object.values(style.sources).every((source) => source.type === "geojson")).toBe(true);
  });

  it("draws in passes: context fills under overlays, context lines over overlay lines, points and highlights on top", () => {
    expect(style.layers.map((item) => item.id)).toEqual([
      "background",
      "data:district:fill",
      "data:towns:fill",
      "data:fee-zones:fill",
      "data:exploration-blocks:fill",
      "data:extraction-blocks:fill",
      "data:fee-zones:hatch",
      "data:fee-zones:outline",
      "data:exploration-blocks:outline",
      "data:extraction-blocks:outline",
      "data:development-axes:line",
      "data:district:outline",
      "data:towns:outline",
      "data:memorials:circle",
      "data:district:highlight-casing",
      "data:district:highlight",
      "data:towns:highlight-casing",
      "data:towns:highlight",
      "data:fee-zones:highlight-casing",
      "data:fee-zones:highlight",
      "data:exploration-blocks:highlight-casing",
      "data:exploration-blocks:highlight",
      "data:extraction-blocks:highlight-casing",
      "data:extraction-blocks:highlight",
      "data:memorials:highlight",
      "data:development-axes:highlight-casing",
      "data:development-axes:highlight",
    ]);
  });

  it("gives each manifest layer one GeoJSON source keyed by feature id, passing data by reference", () => {
    const input = fixtureStyleInput();
    const built = buildStyle(input);
    const source = built.sources["data:towns"];
    expect(source).toMatchObject({ type: "geojson", promoteId: "id" });
    expect(source?.type === "geojson" && source.data).toBe(input.data.get("towns"));
  });

  it("turns colour categories into a case expression with a fallback", () => {
    expect(paint(style, "data:fee-zones:fill")["fill-color"]).toEqual([
      "case",
      ["==", ["get", "fee_yuan_per_m2"], 210],
      "#c0392b",
      ["==", ["get", "fee_yuan_per_m2"], 150],
      "#e67e22",
      ["==", ["get", "fee_yuan_per_m2"], 120],
      "#f1c40f",
      "#95a5a6",
    ]);
  });

  it("hatches the features whose hatch property is true, with the generated image", () => {
    const hatch = layer(style, "data:fee-zones:hatch");
    expect(hatch).toMatchObject({ type: "fill", filter: ["==", ["get", "split_unpublished"], true] });
    expect(paint(style, "data:fee-zones:hatch")["fill-pattern"]).toBe(HATCH_IMAGE_ID);
  });

  it("maps visibility and opacity from the UI state", () => {
    const input = fixtureStyleInput();
    const changed = buildStyle({
      ...input,
      layers: { ...input.layers, "fee-zones": { visible: false, opacity: 0.9 }, memorials: { visible: true, opacity: 0.4 } },
    });
    expect(layout(changed, "data:fee-zones:fill").visibility).toBe("none");
    expect(layout(changed, "data:fee-zones:outline").visibility).toBe("none");
    expect(paint(changed, "data:fee-zones:fill")["fill-opacity"]).toBe(0.9);
    expect(paint(changed, "data:memorials:circle")["circle-opacity"]).toBe(0.4);
    expect(layout(style, "data:development-axes:line").visibility).toBe("none");
  });

  it("keeps outlines solid at the default opacity and fades them with the fill", () => {
    expect(paint(style, "data:fee-zones:outline")["line-opacity"]).toBe(1);
    const input = fixtureStyleInput();
    const faded = buildStyle({ ...input, layers: { ...input.layers, "fee-zones": { visible: true, opacity: 0.225 } } });
    expect(paint(faded, "data:fee-zones:outline")["line-opacity"]).toBeCloseTo(0.5);
  });

  it("keeps an invisible fill for outline-only layers so clicks inside still hit", () => {
    expect(paint(style, "data:towns:fill")["fill-opacity"]).toBe(0);
    expect(paint(style, "data:towns:outline")["line-dasharray"]).toEqual([3, 2]);
  });

  it("highlights the selected feature only", () => {
    const selected = buildStyle(fixtureStyleInput({ selection: featureSelection("towns", "gulong") }));
    expect(layer(selected, "data:towns:highlight")).toMatchObject({ filter: ["==", ["get", "id"], "gulong"] });
    expect(layout(selected, "data:towns:highlight").visibility).toBe("visible");
    expect(layout(selected, "data:fee-zones:highlight").visibility).toBe("none");
    expect(validateStyleMin(selected)).toEqual([]);
  });

  it("leaves out layers whose data failed to load", () => {
    const input = fixtureStyleInput();
    const data = new Map(input.data);
    data.delete("memorials");
    const without = buildStyle({ ...input, data });
    expect(without.sources["data:memorials"]).toBeUndefined();
    expect(without.layers.some((item) => item.id.startsWith("data:memorials:"))).toBe(false);
  });

  it("adds OpenStreetMap under the overlays and hides context fills over it", () => {
    const online = buildStyle(fixtureStyleInput({ basemap: "osm" }));
    expect(online.layers[1]).toEqual({ id: "basemap:osm", type: "raster", source: "basemap:osm" });
    expect(online.sources["basemap:osm"]).toMatchObject({
      type: "raster",
      tiles: ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"],
    });
    expect((online.sources["basemap:osm"] as { attribution?: string }).attribution).toContain("OpenStreetMap");
    expect(paint(online, "data:district:fill")["fill-opacity"]).toBe(0);
    expect(paint(online, "data:fee-zones:fill")["fill-opacity"]).toBe(0.45);
    expect(validateStyleMin(online)).toEqual([]);
  });

  it("adds 天地图 base and label tiles with the user's key, and nothing without one", () => {
    const withKey = buildStyle(fixtureStyleInput({ basemap: "tianditu-imagery", tiandituToken: "abc 123" }));
    expect(withKey.layers.slice(1, 3).map((item) => item.id)).toEqual(["basemap:tianditu-imagery-base", "basemap:tianditu-imagery-labels"]);
    const tiles = (withKey.sources["basemap:tianditu-imagery-labels"] as { tiles: string[] }).tiles;
    expect(tiles).toHaveLength(8);
    expect(tiles[7]).toBe("https://t7.tianditu.gov.cn/DataServer?T=cia_w&x={x}&y={y}&l={z}&tk=abc%20123");
    expect(validateStyleMin(withKey)).toEqual([]);
    const withoutKey = buildStyle(fixtureStyleInput({ basemap: "tianditu-vector" }));
    expect(Object.keys(withoutKey.sources).some((id) => id.startsWith("basemap:"))).toBe(false);
  });

  it("is pure: equal input, equal style", () => {
    const input = fixtureStyleInput();
    expect(buildStyle(input)).toEqual(buildStyle(input));
  });
});
