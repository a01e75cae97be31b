import type { Manifest } from "../layers/manifestTypes";
import { featureSelection } from "../state/selection";
import type { AppStore } from "../state/store";
import type { FeatureHit, MapAdapter } from "./mapAdapter";

export const BASEMAP_FAILED_NOTICE_ID = "basemap-failed";
export const GRAPHICS_LOST_NOTICE_ID = "map-graphics-lost";

/** The feature a click means: the topmost one, but a real overlay before the context layers (towns) under it. */
export function pickFeature(hits: readonly FeatureHit[], manifest: Manifest): FeatureHit | null {
  const roleOf = (layerId: string) => manifest.layers.find((layer) => layer.id === layerId)?.role;
  return hits.find((hit) => roleOf(hit.layerId) !== "context") ?? hits[0] ?? null;
}

/**
 * Keeps the map in step with the store and reports the map's events back. The map follows the view only when the
 * app set it (origin "app"); camera reports go back with origin "map", so the two cannot chase each other.
 * Returns a function that disconnects everything.
 */
export function syncMapWithStore(store: AppStore, adapter: MapAdapter, manifest: Manifest): () => void {
  const stopStore = store.subscribe((state, previous) => {
    if (state.layers !== previous.layers) {
      for (const [layerId, layer] of Object.entries(state.layers)) {
        const before = previous.layers[layerId];
        if (before?.visible !== layer.visible) adapter.setLayerVisible(layerId, layer.visible);
        if (before?.opacity !== layer.opacity) adapter.setLayerOpacity(layerId, layer.opacity);
      }
    }
    if (state.basemap !== previous.basemap || state.tiandituToken !== previous.tiandituToken) {
      adapter.setBasemap(state.basemap, state.tiandituToken);
    }
    if (state.selection !== previous.selection) adapter.highlightFeature(state.selection);
    if (state.language !== previous.language) adapter.setLanguage(state.language);
    if (state.view !== previous.view && state.view.origin === "app") {
      if (state.view.type === "district") adapter.fitBounds(manifest.district.bounds);
      else adapter.jumpTo(state.view);
    }
  });

  const stopCamera = adapter.onCameraMove((camera, origin) => {
    // The app's own fit to the district is not recorded, so an untouched map keeps a link without a camera.
    if (origin === "app" && store.getState().view.type === "district") return;
    store.getState().setCamera(camera, "map");
  });

  const stopClick = adapter.onClick((point) => {
    const hit = pickFeature(adapter.featuresAt(point), manifest);
    if (hit) store.getState().select(featureSelection(hit.layerId, hit.featureId));
    else store.getState().clearSelection();
  });

  const stopBasemapErrors = adapter.onBasemapError(() => {
    store.getState().showNotice({ id: BASEMAP_FAILED_NOTICE_ID, message: "notice.basemapFailed", tone: "warning" });
  });

  const stopGraphicsContext = adapter.onGraphicsContext?.((lost) => {
    if (lost) store.getState().showNotice({ id: GRAPHICS_LOST_NOTICE_ID, message: "notice.mapGraphicsLost", tone: "warning" });
    else store.getState().dismissNotice(GRAPHICS_LOST_NOTICE_ID);
  });

  return () => {
    stopStore();
    stopCamera();
    stopClick();
    stopBasemapErrors();
    stopGraphicsContext?.();
  };
}
