import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from "@maplibre/maplibre-gl-style-spec";
import type { LayerFeatureCollection } from "../layers/layerData";
import type { LayerDefinition, Manifest } from "../layers/manifestTypes";
import type { BasemapId } from "../state/basemapSlice";
import type { LayerViewState, LayerViewStates } from "../state/layersSlice";
import { selectedFeatureIn, type Selection } from "../state/selection";
import { basemapStyleParts } from "./basemaps";
import { colorExpression } from "./colorExpression";
import { HATCH_IMAGE_ID } from "./hatchPattern";
import { markStyleParts, type MapMarks } from "./mapMarks";
import { sourceIdFor, styleLayerId } from "./styleIds";
import type { TiledSource } from "./tiledLayers";

export interface StyleInput {
  manifest: Manifest;
  /** Loaded data by layer id; a layer without data (its file failed) gets no source and no style layers. */
  data: ReadonlyMap<string, LayerFeatureCollection>;
  layers: LayerViewStates;
  basemap: BasemapId;
  tiandituToken: string;
  selection: Selection;
  /** The user's position and the focus circle, drawn above the data; absent: no mark sources at all. */
  marks?: MapMarks;
  /** Large layers drawn from vector tiles, by layer id: the same style layers, on a vector source. */
  tiles?: ReadonlyMap<string, TiledSource>;
}

/** The same style layers read from one layer of vector tiles. */
function onSourceLayer(parts: Partial<LayersByPass>, sourceLayer: string): Partial<LayersByPass> {
  const moved: Partial<LayersByPass> = {};
  for (const pass of PASSES) {
    moved[pass] = parts[pass]?.map((layer) => ({ ...layer, "source-layer": sourceLayer }) as LayerSpecification);
  }
  return moved;
}

const BACKGROUND_COLOR = "#e6eaee";
const HIGHLIGHT_COLOR = "#0b63ce";
const HIGHLIGHT_CASING_COLOR = "#ffffff";
const NEVER: FilterSpecification = ["==", ["get", "id"], ""];

/**
 * Draw order, bottom to top. Fills and hatches put the context layers (district, towns) first, under the
 * overlays; lines put them last, so administrative boundaries stay readable on top of overlay outlines. Points
 * and the selection highlight come last. Within a pass, manifest order.
 */
type Pass = "fills" | "hatches" | "lines" | "circles" | "highlights";
const PASSES: readonly Pass[] = ["fills", "hatches", "lines", "circles", "highlights"];

type LayersByPass = Record<Pass, LayerSpecification[]>;

function visibility(visible: boolean): "visible" | "none" {
  return visible ? "visible" : "none";
}

/**
 * Polygon outlines and hatches scale with the slider relative to the manifest's fill opacity, so they are fully
 * drawn at the default look and fade out together with the fill towards 0.
 */
function strokeOpacity(layer: LayerDefinition, view: LayerViewState): number {
  if (layer.style.fill === false) return view.opacity;
  const reference = Math.max(layer.style.opacity, 0.01);
  return Math.min(1, view.opacity / reference);
}

function highlightFilter(selectedId: string | null): FilterSpecification {
  return selectedId === null ? NEVER : ["==", ["get", "id"], selectedId];
}

function polygonLayers(layer: LayerDefinition, view: LayerViewState, showFill: boolean, selectedId: string | null): Partial<LayersByPass> {
  const source = sourceIdFor(layer.id);
  const { style } = layer;
  const color = colorExpression(style.color);
  const lineOpacity = strokeOpacity(layer, view);
  const fills: LayerSpecification[] = [
    {
      id: styleLayerId(layer.id, "fill"),
      type: "fill",
      source,
      layout: { visibility: visibility(view.visible) },
      // Kept even for outline-only layers (opacity 0) so clicks inside a polygon still find it.
      paint: { "fill-color": color, "fill-opacity": style.fill === false || !showFill ? 0 : view.opacity },
    },
  ];
  const hatches: LayerSpecification[] = style.hatchProperty
    ? [
        {
          id: styleLayerId(layer.id, "hatch"),
          type: "fill",
          source,
          filter: ["==", ["get", style.hatchProperty], true],
          layout: { visibility: visibility(view.visible) },
          paint: { "fill-pattern": HATCH_IMAGE_ID, "fill-opacity": lineOpacity },
        },
      ]
    : [];
  const lines: LayerSpecification[] = [
    {
      id: styleLayerId(layer.id, "outline"),
      type: "line",
      source,
      layout: { visibility: visibility(view.visible), "line-join": "round" },
      paint: {
        "line-color": style.outlineColor ?? color,
        "line-width": style.width ?? 1,
        "line-opacity": lineOpacity,
        ...(style.dash ? { "line-dasharray": style.dash } : {}),
      },
    },
  ];
  const width = (style.width ?? 1) + 2;
  return { fills, hatches, lines, highlights: lineHighlights(layer, view, selectedId, width) };
}

function lineHighlights(layer: LayerDefinition, view: LayerViewState, selectedId: string | null, width: number): LayerSpecification[] {
  const source = sourceIdFor(layer.id);
  const shown = visibility(view.visible && selectedId !== null);
  const filter = highlightFilter(selectedId);
  return [
    {
      id: styleLayerId(layer.id, "highlight-casing"),
      type: "line",
      source,
      filter,
      layout: { visibility: shown, "line-join": "round", "line-cap": "round" },
      paint: { "line-color": HIGHLIGHT_CASING_COLOR, "line-width": width + 3 },
    },
    {
      id: styleLayerId(layer.id, "highlight"),
      type: "line",
      source,
      filter,
      layout: { visibility: shown, "line-join": "round", "line-cap": "round" },
      paint: { "line-color": HIGHLIGHT_COLOR, "line-width": width },
    },
  ];
}

function lineLayers(layer: LayerDefinition, view: LayerViewState, selectedId: string | null): Partial<LayersByPass> {
  const { style } = layer;
  const width = style.width ?? 2;
  return {
    lines: [
      {
        id: styleLayerId(layer.id, "line"),
        type: "line",
        source: sourceIdFor(layer.id),
        layout: { visibility: visibility(view.visible), "line-join": "round" },
        paint: {
          "line-color": colorExpression(style.color),
          "line-width": width,
          "line-opacity": view.opacity,
          ...(style.dash ? { "line-dasharray": style.dash } : {}),
        },
      },
    ],
    highlights: lineHighlights(layer, view, selectedId, width + 2),
  };
}

/** A point placed from text (a town, an address) is drawn as a ring, so it never looks like a surveyed pin. */
const SCHEMATIC_POINT: ExpressionSpecification = ["==", ["get", "geometry_quality"], "schematic"];

function pointLayers(layer: LayerDefinition, view: LayerViewState, selectedId: string | null): Partial<LayersByPass> {
  const { style } = layer;
  const radius = style.radius ?? 6;
  const source = sourceIdFor(layer.id);
  const color = colorExpression(style.color);
  return {
    circles: [
      {
        id: styleLayerId(layer.id, "circle"),
        type: "circle",
        source,
        layout: { visibility: visibility(view.visible) },
        paint: {
          "circle-color": ["case", SCHEMATIC_POINT, "#ffffff", color],
          "circle-radius": radius,
          "circle-opacity": view.opacity,
          "circle-stroke-color": ["case", SCHEMATIC_POINT, color, style.outlineColor ?? "#ffffff"],
          "circle-stroke-width": ["case", SCHEMATIC_POINT, 2.5, 1.5],
          "circle-stroke-opacity": view.opacity,
        },
      },
    ],
    highlights: [
      {
        id: styleLayerId(layer.id, "highlight"),
        type: "circle",
        source,
        filter: highlightFilter(selectedId),
        layout: { visibility: visibility(view.visible && selectedId !== null) },
        paint: {
          "circle-radius": radius + 4,
          "circle-opacity": 0,
          "circle-stroke-color": HIGHLIGHT_COLOR,
          "circle-stroke-width": 3,
        },
      },
    ],
  };
}

function styleLayersFor(layer: LayerDefinition, view: LayerViewState, onlineBasemap: boolean, selectedId: string | null) {
  switch (layer.geometryType) {
    case "polygon":
      // Offline, context fills stand in for the land; over real basemap tiles they would hide it.
      return polygonLayers(layer, view, !(onlineBasemap && layer.role === "context"), selectedId);
    case "line":
      return lineLayers(layer, view, selectedId);
    case "point":
      return pointLayers(layer, view, selectedId);
  }
}

/**
 * The whole MapLibre style for the app's state: background, the chosen basemap, and every loaded manifest layer
 * as one GeoJSON source with its style layers. Pure: the same input gives an equal style, and the data objects are
 * passed through by reference so the map adapter can tell unchanged data with `===`.
 */
export function buildStyle(input: StyleInput): StyleSpecification {
  const basemap = basemapStyleParts(input.basemap, input.tiandituToken);
  const onlineBasemap = basemap.layers.length > 0;
  const sources: Record<string, SourceSpecification> = { ...basemap.sources };
  const byPass: LayersByPass = { fills: [], hatches: [], lines: [], circles: [], highlights: [] };

  const context: LayersByPass = { fills: [], hatches: [], lines: [], circles: [], highlights: [] };
  const overlays: LayersByPass = { fills: [], hatches: [], lines: [], circles: [], highlights: [] };
  for (const layer of input.manifest.layers) {
    const data = input.data.get(layer.id);
    const view = input.layers[layer.id] ?? { visible: layer.visible, opacity: layer.style.opacity };
    // A large layer's archive is opened only once the layer is shown: a hidden one costs no request at start-up.
    const tiles = view.visible ? input.tiles?.get(layer.id) : undefined;
    if (!data && !tiles) continue;
    sources[sourceIdFor(layer.id)] = data ? { type: "geojson", data, promoteId: "id" } : { type: "vector", url: tiles!.url, promoteId: "id" };
    const drawn = styleLayersFor(layer, view, onlineBasemap, selectedFeatureIn(input.selection, layer.id));
    const parts = data ? drawn : onSourceLayer(drawn, tiles!.sourceLayer);
    const target = layer.role === "context" ? context : overlays;
    for (const pass of PASSES) target[pass].push(...(parts[pass] ?? []));
  }
  for (const pass of PASSES) {
    byPass[pass] = pass === "lines" ? [...overlays.lines, ...context.lines] : [...context[pass], ...overlays[pass]];
  }

  const marks = input.marks ? markStyleParts(input.marks) : { sources: {}, layers: [] };
  // MapLibre loads sources and asks for their tiles in source order (drawing order is the layers'). Shown layers go
  // first, so a hidden layer's data does not hold up the first map; hatched ones first of all, as their tiles wait
  // in the worker for the pattern from the main thread: the answer then comes while the others are parsed.
  const rank = new Map<string, number>();
  for (const layer of input.manifest.layers) {
    const visible = input.layers[layer.id]?.visible ?? layer.visible;
    rank.set(sourceIdFor(layer.id), !visible ? 2 : layer.style.hatchProperty ? 0 : 1);
  }
  const ordered = Object.fromEntries(Object.entries(sources).sort(([a], [b]) => (rank.get(a) ?? 1) - (rank.get(b) ?? 1)));

  return {
    version: 8,
    name: input.manifest.title.zh,
    sources: { ...ordered, ...marks.sources },
    layers: [
      { id: "background", type: "background", paint: { "background-color": BACKGROUND_COLOR } },
      ...basemap.layers,
      ...PASSES.flatMap((pass) => byPass[pass]),
      ...marks.layers,
    ],
  };
}
