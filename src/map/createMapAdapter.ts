import { bbox } from "@turf/bbox";
import type { StyleSpecification } from "@maplibre/maplibre-gl-style-spec";
import {
  AttributionControl,
  FullscreenControl,
  Map as MaplibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type IControl,
  type MapLibreEvent,
} from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { Language } from "../i18n/messages";
import { translate } from "../i18n/translate";
import type { DataPackage, LayerFeatureCollection } from "../layers/layerData";
import type { BasemapId } from "../state/basemapSlice";
import type { LayerViewStates } from "../state/layersSlice";
import type { Selection } from "../state/selection";
import type { CameraOrigin, CameraView } from "../state/viewSlice";
import { isBasemapSource } from "./basemaps";
import { buildStyle, type StyleInput } from "./buildStyle";
import { paddingWithin } from "./cameraPadding";
import { FocusLabel } from "./focusLabel";
import { createHatchPattern, HATCH_IMAGE_ID } from "./hatchPattern";
import { HtmlLabels } from "./htmlLabels";
import type { FeatureHit, MapAdapter, PointerPosition, ScreenBox, ScreenPoint } from "./mapAdapter";
import { CJK_FONT_FAMILY, mapLibreLocale } from "./mapLibreLocale";
import { batchParts, focusFeatures, NO_MARKS, userLocationFeatures } from "./mapMarks";
import { registerPmtilesProtocol } from "./pmtilesProtocol";
import { ResetViewControl } from "./resetViewControl";
import { attachSketchOnDemand } from "./sketch/attachSketchOnDemand";
import { DATA_PARTS, manifestLayerIdOf, styleLayerId } from "./styleIds";
import { diffStyles, type StyleCommand } from "./styleDiff";
import { tiledSourcesOf } from "./tiledLayers";

// The bundler moves maplibre-gl away from its worker file, so say where the worker is.
setWorkerUrl(workerUrl);
registerPmtilesProtocol();

export interface MapAdapterOptions {
  container: HTMLElement;
  /** The element that goes fullscreen: the map with its overlays (coordinates, notices). */
  fullscreenContainer: HTMLElement;
  dataPackage: DataPackage;
  layers: LayerViewStates;
  basemap: BasemapId;
  tiandituToken: string;
  selection: Selection;
  language: Language;
  /** Where to start; null fits the manifest bounds. */
  camera: CameraView | null;
  onResetView(): void;
}

/** Marks camera moves the app makes, so their reports carry origin "app". */
const APP_MOVE = { origin: "app" satisfies CameraOrigin };
const FIT_PADDING = 24;
/** Clicks and taps hit features within this many CSS pixels. */
const HIT_TOLERANCE = 4;

function cameraOf(map: MaplibreMap): CameraView {
  const center = map.getCenter();
  return { center: [center.lng, center.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

// The diff works on property names as strings; MapLibre's setters type them per property.
type LayoutName = Parameters<MaplibreMap["setLayoutProperty"]>[1];
type LayoutValue = Parameters<MaplibreMap["setLayoutProperty"]>[2];
type PaintName = Parameters<MaplibreMap["setPaintProperty"]>[1];
type PaintValue = Parameters<MaplibreMap["setPaintProperty"]>[2];

function runCommand(map: MaplibreMap, command: StyleCommand, reportError: (message: string) => void): void {
  switch (command.type) {
    case "removeLayer":
      map.removeLayer(command.layerId);
      break;
    case "removeSource":
      map.removeSource(command.sourceId);
      break;
    case "addSource":
      map.addSource(command.sourceId, command.source);
      break;
    case "setGeoJSONData":
      map
        .getSource<GeoJSONSource>(command.sourceId)
        ?.setData(command.data)
        .catch((error: unknown) => reportError(`${command.sourceId}: ${error instanceof Error ? error.message : String(error)}`));
      break;
    case "addLayer":
      map.addLayer(command.layer, command.beforeId);
      break;
    case "moveLayer":
      map.moveLayer(command.layerId, command.beforeId);
      break;
    case "setLayoutProperty":
      map.setLayoutProperty(command.layerId, command.name as LayoutName, command.value as LayoutValue);
      break;
    case "setPaintProperty":
      map.setPaintProperty(command.layerId, command.name as PaintName, command.value as PaintValue);
      break;
    case "setFilter":
      map.setFilter(command.layerId, command.filter);
      break;
    case "setLayerZoomRange":
      map.setLayerZoomRange(command.layerId, command.minzoom ?? 0, command.maxzoom ?? 24);
      break;
  }
}

class Listeners<Arguments extends unknown[]> {
  private readonly listeners = new Set<(...args: Arguments) => void>();
  add(listener: (...args: Arguments) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(...args: Arguments): void {
    for (const listener of this.listeners) listener(...args);
  }
}

/** The MapLibre map behind the `MapAdapter` interface. Resolves once the first frame with all data is drawn. */
export function createMapAdapter(options: MapAdapterOptions): { adapter: MapAdapter; firstIdle: Promise<void> } {
  const { dataPackage } = options;
  const data = new Map<string, LayerFeatureCollection>();
  for (const [layerId, load] of dataPackage.layers) if (load.type === "loaded") data.set(layerId, load.data);

  let input: StyleInput = {
    manifest: dataPackage.manifest,
    data,
    layers: options.layers,
    basemap: options.basemap,
    tiandituToken: options.tiandituToken,
    selection: options.selection,
    marks: NO_MARKS,
    tiles: tiledSourcesOf(dataPackage, document.baseURI),
  };
  let drawnStyle: StyleSpecification = buildStyle(input);
  let styleLoaded = false;
  let language = options.language;

  const map = new MaplibreMap({
    container: options.container,
    style: drawnStyle,
    ...(options.camera
      ? { center: options.camera.center, zoom: options.camera.zoom, bearing: options.camera.bearing, pitch: options.camera.pitch }
      : { bounds: dataPackage.manifest.district.bounds, fitBoundsOptions: { padding: FIT_PADDING } }),
    attributionControl: false,
    localIdeographFontFamily: CJK_FONT_FAMILY,
    locale: mapLibreLocale(language),
    minZoom: 5,
    maxZoom: 19,
  });

  const pointerListeners = new Listeners<[PointerPosition | null]>();
  const cameraListeners = new Listeners<[CameraView, CameraOrigin]>();
  const clickListeners = new Listeners<[ScreenPoint]>();
  const basemapErrorListeners = new Listeners<[]>();
  const errorListeners = new Listeners<[string]>();
  const loadedOnce = new Promise<void>((resolve) => map.once("load", () => resolve()));
  const sketch = attachSketchOnDemand(map, APP_MOVE, loadedOnce, (message) => errorListeners.emit(message));
  const graphicsContextListeners = new Listeners<[boolean]>();
  map.on("webglcontextlost", () => graphicsContextListeners.emit(true));
  map.on("webglcontextrestored", () => graphicsContextListeners.emit(false));

  // The hatch is drawn in code (no sprite, no request) and added before any tile is parsed: an image that arrives
  // while tiles are parsed makes MapLibre parse every tile of the hatched layers again, a few frames later.
  const addHatch = () => {
    if (map.hasImage(HATCH_IMAGE_ID)) return;
    const pattern = createHatchPattern();
    map.addImage(HATCH_IMAGE_ID, { width: pattern.width, height: pattern.height, data: pattern.data }, { pixelRatio: pattern.pixelRatio });
  };
  addHatch();
  map.setMissingStyleImageResolver((imageId) => {
    if (imageId === HATCH_IMAGE_ID) addHatch();
  });
  map.on("error", (event) => {
    if (isBasemapSource((event as { sourceId?: string }).sourceId)) basemapErrorListeners.emit();
    else errorListeners.emit(event.error?.message ?? String(event.error));
  });
  map.on("mousemove", (event) => pointerListeners.emit({ lngLat: [event.lngLat.lng, event.lngLat.lat], point: event.point }));
  map.getCanvas().addEventListener("mouseleave", () => pointerListeners.emit(null));
  map.on("click", (event) => {
    pointerListeners.emit({ lngLat: [event.lngLat.lng, event.lngLat.lat], point: event.point });
    // Asked before the sketch, which may load later and so hear the click after this, handles it.
    if (!sketch.capturesClick(event.point)) clickListeners.emit(event.point);
  });
  map.on("moveend", (event: MapLibreEvent & { origin?: CameraOrigin }) => {
    cameraListeners.emit(cameraOf(map), event.origin === "app" ? "app" : "map");
  });

  const labels = new HtmlLabels(map, dataPackage, input.layers, language);
  const focusLabel = new FocusLabel(map);

  let controls: IControl[] = [];
  const addControls = () => {
    for (const control of controls) map.removeControl(control);
    controls = [
      new NavigationControl({ visualizePitch: true }),
      new ResetViewControl(translate(language, "map.resetView"), options.onResetView),
      new FullscreenControl({ container: options.fullscreenContainer }),
    ];
    for (const control of controls) map.addControl(control, "top-right");
    const attribution = new AttributionControl({ compact: true });
    map.addControl(attribution, "bottom-right");
    controls.push(attribution);
    map.getCanvas().setAttribute("aria-label", translate(language, "map.label"));
  };
  addControls();
  map.addControl(new ScaleControl({ unit: "metric", maxWidth: 120 }), "bottom-left");

  const redraw = () => {
    if (!styleLoaded) return;
    const next = buildStyle(input);
    for (const command of diffStyles(drawnStyle, next)) runCommand(map, command, (message) => errorListeners.emit(message));
    drawnStyle = next;
  };
  map.once("load", () => {
    styleLoaded = true;
    redraw();
  });
  const firstIdle = new Promise<void>((resolve) => map.once("load", () => map.once("idle", () => resolve())));

  let batchPartsTimer: ReturnType<typeof setTimeout> | undefined;
  const update = (change: Partial<StyleInput>) => {
    input = { ...input, ...change };
    redraw();
  };

  const dataLayerIds = (layerId: string) => DATA_PARTS.map((part) => styleLayerId(layerId, part)).filter((id) => map.getLayer(id) !== undefined);

  const adapter: MapAdapter = {
    ...sketch.methods,
    setLayerVisible: (layerId, visible) => {
      const current = input.layers[layerId];
      if (!current || current.visible === visible) return;
      update({ layers: { ...input.layers, [layerId]: { ...current, visible } } });
      labels.setLayerStates(input.layers);
    },
    setLayerOpacity: (layerId, opacity) => {
      const current = input.layers[layerId];
      if (!current || current.opacity === opacity) return;
      update({ layers: { ...input.layers, [layerId]: { ...current, opacity } } });
      labels.setLayerStates(input.layers);
    },
    setBasemap: (basemap, tiandituToken) => update({ basemap, tiandituToken }),
    highlightFeature: (selection) => update({ selection }),
    setLanguage: (next) => {
      if (next === language) return;
      language = next;
      Object.assign(map._locale, mapLibreLocale(language));
      addControls();
      labels.setLanguage(language);
    },
    jumpTo: ({ center, zoom, bearing, pitch }) => map.jumpTo({ center, zoom, bearing, pitch }, APP_MOVE),
    fitBounds: (bounds, fitOptions) => {
      const container = map.getContainer();
      const padding = fitOptions?.padding ? paddingWithin(fitOptions.padding, container.clientWidth, container.clientHeight) : FIT_PADDING;
      map.fitBounds(bounds, { padding, animate: fitOptions?.animate ?? true, duration: 600 }, APP_MOVE);
    },
    fitFeature: (layerId, featureId) => {
      const feature = data.get(layerId)?.features.find((candidate) => candidate.properties.id === featureId);
      if (!feature) return false;
      const [west, south, east, north] = bbox(feature);
      map.fitBounds([west, south, east, north], { padding: 48, maxZoom: 15, duration: 600 }, APP_MOVE);
      return true;
    },
    featuresAt: (point) => {
      const layers = dataPackage.manifest.layers.flatMap((layer) => dataLayerIds(layer.id));
      const box: [[number, number], [number, number]] = [
        [point.x - HIT_TOLERANCE, point.y - HIT_TOLERANCE],
        [point.x + HIT_TOLERANCE, point.y + HIT_TOLERANCE],
      ];
      const hits: FeatureHit[] = [];
      const seen = new Set<string>();
      for (const feature of map.queryRenderedFeatures(box, { layers })) {
        const layerId = manifestLayerIdOf(feature.layer.id);
        const featureId = String(feature.id ?? feature.properties?.id ?? "");
        const key = `${layerId}/${featureId}`;
        if (!layerId || featureId === "" || seen.has(key)) continue;
        seen.add(key);
        hits.push({ layerId, featureId });
      }
      return hits;
    },
    onPointerMove: (listener) => pointerListeners.add(listener),
    onCameraMove: (listener) => cameraListeners.add(listener),
    onClick: (listener) => clickListeners.add(listener),
    onBasemapError: (listener) => basemapErrorListeners.add(listener),
    onError: (listener) => errorListeners.add(listener),
    onGraphicsContext: (listener) => graphicsContextListeners.add(listener),
    getCenter: () => {
      const center = map.getCenter();
      return [center.lng, center.lat];
    },
    whenIdle: () =>
      new Promise<void>((resolve) => {
        map.once("idle", () => resolve());
        map.triggerRepaint();
      }),
    renderedFeatureCount: (layerId) => {
      const layers = dataLayerIds(layerId);
      if (layers.length === 0) return 0;
      const ids = new Set(map.queryRenderedFeatures({ layers }).map((feature) => String(feature.id ?? feature.properties?.id)));
      return ids.size;
    },
    screenBoxOf: ([west, south, east, north]): ScreenBox => {
      const corners = [map.project([west, south]), map.project([west, north]), map.project([east, south]), map.project([east, north])];
      const xs = corners.map((corner) => corner.x);
      const ys = corners.map((corner) => corner.y);
      return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    },
    setUserLocation: (mark) => update({ marks: { ...(input.marks ?? NO_MARKS), userLocation: userLocationFeatures(mark) } }),
    setBatchParcels: (parcels) => {
      // One part more per task: each part's copy to the map's worker is a short task of its own.
      clearTimeout(batchPartsTimer);
      const parts = batchParts(parcels);
      const showParts = (count: number) => {
        update({ marks: { ...(input.marks ?? NO_MARKS), batch: parts.slice(0, count) } });
        if (count < parts.length) batchPartsTimer = setTimeout(() => showParts(count + 1), 0);
      };
      showParts(Math.min(1, parts.length));
    },
    setFocusMark: (mark) => {
      update({ marks: { ...(input.marks ?? NO_MARKS), focus: focusFeatures(mark) } });
      focusLabel.set(mark);
    },
  };
  return { adapter, firstIdle };
}
