import type { CameraOrigin, CameraView } from "../../src/state/viewSlice";
import type { FeatureHit, MapAdapter, PointerPosition, ScreenPoint } from "../../src/map/mapAdapter";
import type { SketchChange } from "../../src/map/sketch/sketchTypes";

type Call = [method: string, ...args: unknown[]];

/** A map adapter that records what it is asked and lets a test play the map's events; for interaction tests. */
export function createFakeMapAdapter(hitsAt: (point: ScreenPoint) => FeatureHit[] = () => []) {
  const calls: Call[] = [];
  const camera = new Set<(camera: CameraView, origin: CameraOrigin) => void>();
  const clicks = new Set<(point: ScreenPoint) => void>();
  const pointers = new Set<(position: PointerPosition | null) => void>();
  const basemapErrors = new Set<() => void>();
  const errors = new Set<(message: string) => void>();
  const sketches = new Set<(change: SketchChange) => void>();
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      calls.push([method, ...args]);
    };

  const adapter: MapAdapter = {
    setLayerVisible: record("setLayerVisible"),
    setLayerOpacity: record("setLayerOpacity"),
    setBasemap: record("setBasemap"),
    highlightFeature: record("highlightFeature"),
    setLanguage: record("setLanguage"),
    jumpTo: record("jumpTo"),
    fitBounds: record("fitBounds"),
    fitFeature: (...args) => {
      calls.push(["fitFeature", ...args]);
      return true;
    },
    featuresAt: hitsAt,
    onPointerMove: (listener) => subscribe(pointers, listener),
    onCameraMove: (listener) => subscribe(camera, listener),
    onClick: (listener) => subscribe(clicks, listener),
    onBasemapError: (listener) => subscribe(basemapErrors, listener),
    onError: (listener) => subscribe(errors, listener),
    getCenter: () => [105.7, 29.6],
    whenIdle: async () => {},
    renderedFeatureCount: () => 0,
    screenBoxOf: () => ({ x0: 0, y0: 0, x1: 0, y1: 0 }),
    setUserLocation: record("setUserLocation"),
    setFocusMark: record("setFocusMark"),
    setBatchParcels: record("setBatchParcels"),
    startSketch: record("startSketch"),
    setSketch: record("setSketch"),
    sketchCommand: record("sketchCommand"),
    stopSketch: record("stopSketch"),
    onSketchChange: (listener) => subscribe(sketches, listener),
    showParcel: record("showParcel"),
    fitGeometry: record("fitGeometry"),
    snapshot: async () => ({ dataUrl: "data:image/png;base64,", width: 0, height: 0, metresPerPixel: 1, bearing: 0 }),
  };

  return {
    adapter,
    calls,
    moveCamera: (view: CameraView, origin: CameraOrigin) => camera.forEach((listener) => listener(view, origin)),
    click: (point: ScreenPoint) => clicks.forEach((listener) => listener(point)),
    failBasemap: () => basemapErrors.forEach((listener) => listener()),
    changeSketch: (change: SketchChange) => sketches.forEach((listener) => listener(change)),
  };
}
