import type {
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from "@maplibre/maplibre-gl-style-spec";

/** One change to apply to a live map; together they turn the previous style into the next without a reload. */
export type StyleCommand =
  | { type: "removeLayer"; layerId: string }
  | { type: "removeSource"; sourceId: string }
  | { type: "addSource"; sourceId: string; source: SourceSpecification }
  | { type: "setGeoJSONData"; sourceId: string; data: GeoJSONSourceSpecification["data"] }
  | { type: "addLayer"; layer: LayerSpecification; beforeId: string | undefined }
  | { type: "moveLayer"; layerId: string; beforeId: string | undefined }
  | { type: "setLayoutProperty"; layerId: string; name: string; value: unknown }
  | { type: "setPaintProperty"; layerId: string; name: string; value: unknown }
  | { type: "setFilter"; layerId: string; filter: FilterSpecification | null }
  | { type: "setLayerZoomRange"; layerId: string; minzoom: number | undefined; maxzoom: number | undefined };

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a source changed in a way `setData` can apply: a GeoJSON source whose only difference is its data. */
function onlyDataChanged(before: SourceSpecification, after: SourceSpecification): boolean {
  if (before.type !== "geojson" || after.type !== "geojson") return false;
  const { data: _beforeData, ...beforeRest } = before;
  const { data: _afterData, ...afterRest } = after;
  return same(beforeRest, afterRest);
}

type PropertyBag = Record<string, unknown> | undefined;

function propertyChanges(before: PropertyBag, after: PropertyBag): Array<[string, unknown]> {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Array<[string, unknown]> = [];
  for (const name of names) {
    if (!same(before?.[name], after?.[name])) changes.push([name, after?.[name]]);
  }
  return changes;
}

function sourceOf(layer: LayerSpecification): string | undefined {
  return "source" in layer ? layer.source : undefined;
}

function filterOf(layer: LayerSpecification): FilterSpecification | undefined {
  return "filter" in layer ? layer.filter : undefined;
}

function sourceLayerOf(layer: LayerSpecification): string | undefined {
  return "source-layer" in layer ? layer["source-layer"] : undefined;
}

function mustReplace(before: LayerSpecification, after: LayerSpecification, replacedSources: Set<string>): boolean {
  const source = sourceOf(after);
  return (
    before.type !== after.type ||
    sourceOf(before) !== source ||
    sourceLayerOf(before) !== sourceLayerOf(after) ||
    (source !== undefined && replacedSources.has(source))
  );
}

/**
 * The commands that turn `before` into `after`: data through `setData` (skipped when the object is the same),
 * visibility, paint and filters through setters, and adds/removes only for layers and sources that come or go
 * (e.g. a basemap switch). Layers end in the order of `after`.
 */
export function diffStyles(before: StyleSpecification, after: StyleSpecification): StyleCommand[] {
  const commands: StyleCommand[] = [];
  const replacedSources = new Set<string>();
  for (const [sourceId, source] of Object.entries(after.sources)) {
    const previous = before.sources[sourceId];
    if (previous && previous !== source && !onlyDataChanged(previous, source) && !same(previous, source)) {
      replacedSources.add(sourceId);
    }
  }

  const beforeLayers = new Map(before.layers.map((layer) => [layer.id, layer]));
  const afterLayers = new Map(after.layers.map((layer) => [layer.id, layer]));
  const kept = new Set<string>();
  for (const layer of before.layers) {
    const next = afterLayers.get(layer.id);
    if (next && !mustReplace(layer, next, replacedSources)) kept.add(layer.id);
    else commands.push({ type: "removeLayer", layerId: layer.id });
  }

  for (const sourceId of Object.keys(before.sources)) {
    if (!(sourceId in after.sources) || replacedSources.has(sourceId)) commands.push({ type: "removeSource", sourceId });
  }
  for (const [sourceId, source] of Object.entries(after.sources)) {
    const previous = before.sources[sourceId];
    if (!previous || replacedSources.has(sourceId)) {
      commands.push({ type: "addSource", sourceId, source });
    } else if (source.type === "geojson" && previous.type === "geojson" && previous.data !== source.data) {
      commands.push({ type: "setGeoJSONData", sourceId, data: source.data });
    }
  }

  // Walk the target order from the top down, so each layer's "before" neighbour is already in place.
  const order = before.layers.map((layer) => layer.id).filter((id) => kept.has(id));
  for (let index = after.layers.length - 1; index >= 0; index--) {
    const layer = after.layers[index] as LayerSpecification;
    const beforeId = after.layers[index + 1]?.id;
    const position = order.indexOf(layer.id);
    if (position < 0) {
      commands.push({ type: "addLayer", layer, beforeId });
    } else if (order[position + 1] !== beforeId) {
      commands.push({ type: "moveLayer", layerId: layer.id, beforeId });
      order.splice(position, 1);
    } else {
      continue;
    }
    const insertAt = beforeId === undefined ? order.length : order.indexOf(beforeId);
    order.splice(insertAt, 0, layer.id);
  }

  for (const layer of after.layers) {
    const previous = beforeLayers.get(layer.id);
    if (!previous || !kept.has(layer.id)) continue;
    for (const [name, value] of propertyChanges(previous.layout as PropertyBag, layer.layout as PropertyBag)) {
      commands.push({ type: "setLayoutProperty", layerId: layer.id, name, value });
    }
    for (const [name, value] of propertyChanges(previous.paint as PropertyBag, layer.paint as PropertyBag)) {
      commands.push({ type: "setPaintProperty", layerId: layer.id, name, value });
    }
    if (!same(filterOf(previous), filterOf(layer))) {
      commands.push({ type: "setFilter", layerId: layer.id, filter: filterOf(layer) ?? null });
    }
    if (previous.minzoom !== layer.minzoom || previous.maxzoom !== layer.maxzoom) {
      commands.push({ type: "setLayerZoomRange", layerId: layer.id, minzoom: layer.minzoom, maxzoom: layer.maxzoom });
    }
  }
  return commands;
}
