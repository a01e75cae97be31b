import { bbox } from "@turf/bbox";
import type { Geometry } from "geojson";
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap, MapMouseEvent, MapTouchEvent } from "maplibre-gl";
import { sketchFeatures } from "./sketchFeatures";
import {
  addVertex,
  beginVertexDrag,
  canFinish,
  canRedo,
  canUndo,
  finishSketch,
  insertVertex,
  moveVertex,
  redoSketch,
  removeVertex,
  sketchFromShape,
  SKETCH_NONE,
  startSketch,
  undoSketch,
  vertexNear,
  type LngLat,
  type SketchKind,
  type SketchShape,
  type SketchState,
} from "./sketchState";
import { emptySource, PARCEL_SOURCE_ID, parcelLayers, SKETCH_SOURCE_ID, sketchLayers } from "./sketchStyle";
import type { MapSnapshot, SketchChange, SketchMethods } from "./sketchTypes";

/** Pointer tolerance in CSS pixels for grabbing a vertex: a finger needs more than a mouse. */
const MOUSE_TOLERANCE = 8;
const TOUCH_TOLERANCE = 16;
/** A click this close to the last vertex is the second click of a double-click, not a new vertex. */
const SAME_SPOT_PIXELS = 4;
const FIT_PADDING = 48;
/** A point parcel is shown at this zoom at most (about a street block across). */
const POINT_MAX_ZOOM = 16;
const EARTH_CIRCUMFERENCE_METRES = 40_075_016.686;

export interface SketchController {
  methods: SketchMethods;
  /**
   * True when a click at this point belongs to the sketch (a vertex added, a handle hit): feature selection must
   * ignore it. Asked before the sketch handles the click.
   */
  capturesClick(point: { x: number; y: number }): boolean;
}

type Position = { x: number; y: number };

const coarsePointer = () => typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches;

/**
 * Drawing on the map: a GeoJSON source and style layers for the sketch and the checked parcel, kept above the data
 * layers, and pointer handling through MapLibre's events — click adds a vertex, double-click or a click on the first
 * vertex finishes, dragging a vertex (or an edge's midpoint) edits. The shape logic is the pure `sketchState`.
 */
export function attachSketch(map: MaplibreMap, appMove: Record<string, unknown>, styleLoaded: Promise<void>): SketchController {
  let state: SketchState = SKETCH_NONE;
  let cursor: LngLat | null = null;
  let drag: { index: number } | null = null;
  let parcel: Geometry | null = null;
  let loaded = false;
  let frame = 0;
  const listeners = new Set<(change: SketchChange) => void>();
  const ownLayers = [...parcelLayers(), ...sketchLayers()];
  const ownLayerIds = new Set(ownLayers.map((layer) => layer.id));

  const drawing = () => state.shape !== null && !state.shape.finished;

  // Data layers added later by the style diff go on top; the sketch and parcel must stay above them.
  const keepOnTop = () => {
    const order = map.getLayersOrder();
    const firstOwn = order.findIndex((id) => ownLayerIds.has(id));
    if (firstOwn < 0 || order.slice(firstOwn).every((id) => ownLayerIds.has(id))) return;
    for (const layer of ownLayers) map.moveLayer(layer.id);
  };

  /**
   * Adds the sources and layers once the map is loaded and there is first something to draw, and says whether they
   * are there: empty GeoJSON sources still load tiles, which at start-up holds back the first idle map.
   */
  let installed = false;
  const install = (): boolean => {
    if (installed) return true;
    if (!loaded || (state.shape === null && parcel === null)) return false;
    map.addSource(PARCEL_SOURCE_ID, emptySource() as Parameters<MaplibreMap["addSource"]>[1]);
    map.addSource(SKETCH_SOURCE_ID, emptySource() as Parameters<MaplibreMap["addSource"]>[1]);
    for (const layer of ownLayers) map.addLayer(layer as LayerSpecification);
    map.on("styledata", keepOnTop);
    installed = true;
    return true;
  };

  const render = () => {
    if (!install() || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      map.getSource<GeoJSONSource>(SKETCH_SOURCE_ID)?.setData(sketchFeatures(state.shape, drawing() ? cursor : null));
    });
  };

  const renderParcel = () => {
    if (!install()) return;
    const data = parcel ? { type: "Feature" as const, geometry: parcel, properties: {} } : { type: "FeatureCollection" as const, features: [] };
    map.getSource<GeoJSONSource>(PARCEL_SOURCE_ID)?.setData(data);
  };

  const emit = () => {
    const change: SketchChange = {
      shape: state.shape,
      canUndo: canUndo(state),
      canRedo: canRedo(state),
      canFinish: canFinish(state.shape),
      dragging: drag !== null,
    };
    for (const listener of listeners) listener(change);
  };

  const update = (next: SketchState) => {
    if (next === state) return;
    state = next;
    if (drawing()) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = drawing() ? "crosshair" : "";
    render();
    emit();
  };

  void styleLoaded.then(() => {
    loaded = true;
    renderParcel();
    render();
  });

  const pixelDistance = (point: Position) => (vertex: LngLat) => {
    const projected = map.project(vertex);
    return Math.hypot(projected.x - point.x, projected.y - point.y);
  };

  /** The vertex or edge midpoint under the pointer: a vertex index, or a midpoint's insert position. */
  const handleAt = (point: Position, tolerance: number): { type: "vertex" | "midpoint"; index: number } | null => {
    const shape = state.shape;
    if (!shape) return null;
    const vertex = vertexNear(shape, pixelDistance(point), tolerance);
    if (vertex >= 0) return { type: "vertex", index: vertex };
    if (!shape.finished || shape.kind === "point") return null;
    const vertices = shape.vertices;
    const edges = shape.kind === "polygon" ? vertices.length : vertices.length - 1;
    for (let index = 0; index < edges; index++) {
      const a = vertices[index]!;
      const b = vertices[(index + 1) % vertices.length]!;
      const middle: LngLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      if (pixelDistance(point)(middle) <= tolerance) return { type: "midpoint", index: index + 1 };
    }
    return null;
  };

  const startDrag = (point: Position, lngLat: LngLat, tolerance: number): boolean => {
    const handle = handleAt(point, tolerance);
    if (!handle) return false;
    // A click on the first vertex closes the polygon instead (handled on click).
    if (drawing() && handle.type === "vertex") return false;
    if (handle.type === "midpoint") {
      state = insertVertex(state, handle.index, lngLat);
      drag = { index: handle.index };
    } else {
      state = beginVertexDrag(state);
      drag = { index: handle.index };
    }
    map.getCanvas().style.cursor = "grabbing";
    render();
    emit();
    return true;
  };

  const moveDrag = (lngLat: LngLat) => {
    if (!drag) return;
    state = moveVertex(state, drag.index, lngLat, false);
    render();
    emit();
  };

  const endDrag = () => {
    if (!drag) return;
    drag = null;
    map.getCanvas().style.cursor = drawing() ? "crosshair" : "";
    render();
    emit();
  };

  const lngLatOf = (event: MapMouseEvent | MapTouchEvent): LngLat => [event.lngLat.lng, event.lngLat.lat];

  map.on("mousedown", (event) => {
    if (event.originalEvent.button !== 0 || !state.shape) return;
    if (startDrag(event.point, lngLatOf(event), MOUSE_TOLERANCE)) event.preventDefault();
  });
  map.on("mousemove", (event) => {
    if (drag) {
      moveDrag(lngLatOf(event));
      return;
    }
    if (!state.shape) return;
    if (drawing()) {
      cursor = lngLatOf(event);
      render();
    }
    const handle = handleAt(event.point, MOUSE_TOLERANCE);
    const canvas = map.getCanvas();
    if (handle && !(drawing() && handle.type === "vertex" && handle.index !== 0)) canvas.style.cursor = drawing() ? "pointer" : "move";
    else canvas.style.cursor = drawing() ? "crosshair" : "";
  });
  map.on("mouseup", endDrag);
  map.getCanvas().addEventListener("mouseleave", () => {
    if (!drawing()) return;
    cursor = null;
    render();
  });
  map.on("touchstart", (event) => {
    if (event.points.length !== 1 || !state.shape) return;
    if (startDrag(event.point, lngLatOf(event), TOUCH_TOLERANCE)) event.preventDefault();
  });
  map.on("touchmove", (event) => {
    if (drag && event.points.length === 1) moveDrag(lngLatOf(event));
  });
  map.on("touchend", endDrag);
  map.on("touchcancel", endDrag);

  map.on("click", (event) => {
    const shape = state.shape;
    if (!shape || shape.finished) return;
    const lngLat = lngLatOf(event);
    const tolerance = coarsePointer() ? TOUCH_TOLERANCE : MOUSE_TOLERANCE;
    if (shape.kind === "polygon" && shape.vertices.length >= 3 && pixelDistance(event.point)(shape.vertices[0]!) <= tolerance) {
      update(finishSketch(state));
      return;
    }
    const last = shape.vertices[shape.vertices.length - 1];
    if (last && pixelDistance(event.point)(last) <= SAME_SPOT_PIXELS) return;
    update(addVertex(state, lngLat));
  });
  map.on("dblclick", (event) => {
    if (!drawing()) return;
    event.preventDefault();
    update(finishSketch(state));
  });

  const methods: SketchMethods = {
    startSketch: (kind) => {
      cursor = null;
      drag = null;
      update(startSketch(kind));
    },
    setSketch: (shape) => {
      drag = null;
      update(shape ? sketchFromShape(shape) : SKETCH_NONE);
    },
    sketchCommand: (command) => {
      switch (command) {
        case "undo":
          return update(undoSketch(state));
        case "redo":
          return update(redoSketch(state));
        case "finish":
          return update(finishSketch(state));
        case "remove-last":
          return state.shape && !state.shape.finished ? update(removeVertex(state, state.shape.vertices.length - 1)) : undefined;
        case "clear":
          return state.shape ? update(startSketch(state.shape.kind)) : undefined;
      }
    },
    stopSketch: () => {
      drag = null;
      cursor = null;
      update(SKETCH_NONE);
    },
    onSketchChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    showParcel: (geometry) => {
      parcel = geometry;
      renderParcel();
    },
    fitGeometry: (geometry, options = {}) => {
      const [west, south, east, north] = bbox(geometry);
      const isPoint = west === east && south === north;
      const container = map.getContainer();
      // Padding that leaves no room would make MapLibre refuse the fit: keep a fifth of each dimension free.
      const fitted = (a: number, b: number, size: number): [number, number] => {
        const scale = Math.min(1, (size * 0.8) / Math.max(1, a + b));
        return [Math.max(0, a * scale), Math.max(0, b * scale)];
      };
      // Some surroundings around the site: a fifth of the canvas on each side, at least FIT_PADDING.
      const margin = Math.max(FIT_PADDING, Math.min(container.clientWidth, container.clientHeight) / 5);
      let padding: number | { top: number; bottom: number; left: number; right: number } = margin;
      if (options.padding) {
        const [top, bottom] = fitted(options.padding.top, options.padding.bottom, container.clientHeight);
        const [left, right] = fitted(options.padding.left, options.padding.right, container.clientWidth);
        padding = { top, bottom, left, right };
      }
      map.fitBounds([west, south, east, north], { padding, maxZoom: isPoint ? POINT_MAX_ZOOM : 18, animate: options.animate ?? true, duration: 600 }, appMove);
    },
    snapshot: () =>
      new Promise<MapSnapshot>((resolve, reject) => {
        // Without preserveDrawingBuffer the canvas is only readable in the frame that drew it.
        map.once("render", () => {
          try {
            const container = map.getContainer();
            const zoom = map.getZoom();
            const latitude = map.getCenter().lat;
            resolve({
              dataUrl: map.getCanvas().toDataURL("image/png"),
              width: container.clientWidth,
              height: container.clientHeight,
              metresPerPixel: (EARTH_CIRCUMFERENCE_METRES * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom),
              bearing: map.getBearing(),
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        map.triggerRepaint();
      }),
  };

  return { methods, capturesClick: (point) => drawing() || handleAt(point, coarsePointer() ? TOUCH_TOLERANCE : MOUSE_TOLERANCE) !== null };
}
