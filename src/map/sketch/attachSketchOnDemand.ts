import type { Map as MaplibreMap } from "maplibre-gl";
import type { SketchController } from "./attachSketch";
import type { SketchChange, SketchMethods } from "./sketchTypes";

/**
 * The sketch behind the same methods, its code loaded on the first call that needs it (the site check draws, shows
 * a parcel or prints): nothing of it is needed for the first map. Calls made while it loads run in order once it is
 * there; until then no click belongs to it.
 */
export function attachSketchOnDemand(
  map: MaplibreMap,
  appMove: Record<string, unknown>,
  styleLoaded: Promise<void>,
  reportError: (message: string) => void,
): SketchController {
  let controller: SketchController | null = null;
  let loading: Promise<SketchController> | null = null;
  const listeners = new Set<(change: SketchChange) => void>();

  const load = (): Promise<SketchController> => {
    if (loading) return loading;
    loading = import("./attachSketch").then(({ attachSketch }) => {
      const attached = attachSketch(map, appMove, styleLoaded);
      attached.methods.onSketchChange((change) => {
        for (const listener of listeners) listener(change);
      });
      controller = attached;
      return attached;
    });
    loading.catch((error: unknown) => reportError(`sketch: ${error instanceof Error ? error.message : String(error)}`));
    return loading;
  };
  // Calls made while the code loads wait on the same promise, so they run in the order they were made.
  const run = (call: (methods: SketchMethods) => void) => {
    if (controller) call(controller.methods);
    else
      void load().then(
        ({ methods }) => call(methods),
        () => undefined,
      );
  };

  const methods: SketchMethods = {
    startSketch: (kind) => run((sketch) => sketch.startSketch(kind)),
    setSketch: (shape) => run((sketch) => sketch.setSketch(shape)),
    sketchCommand: (command) => run((sketch) => sketch.sketchCommand(command)),
    stopSketch: () => run((sketch) => sketch.stopSketch()),
    onSketchChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    showParcel: (geometry) => run((sketch) => sketch.showParcel(geometry)),
    fitGeometry: (geometry, options) => run((sketch) => sketch.fitGeometry(geometry, options)),
    snapshot: () => (controller ? controller.methods.snapshot() : load().then(({ methods }) => methods.snapshot())),
  };
  return { methods, capturesClick: (point) => controller?.capturesClick(point) ?? false };
}
