import { bbox } from "@turf/bbox";
import type { FeatureLookup } from "../layers/featureLookup";
import type { LngLatBounds, MapAdapter } from "../map/mapAdapter";
import { featureSelection } from "../state/selection";
import type { AppStore } from "../state/store";
import { paddingForOverlays } from "./overlayPadding";
import type { PanelSheet } from "./sheet/panelSheet";

/** Ways into the map and the documents, shared by the inspector, the reader, the search box and links. */
export interface PolicyNavigator {
  /** Shows the feature's layer, selects the feature (the inspector opens) and, with `fly`, fits the map to it. */
  openFeature(layerId: string, featureId: string, options?: { fly?: boolean }): boolean;
  /** Fits the map to a feature, clear of the panels floating over the map. */
  flyToFeature(layerId: string, featureId: string): boolean;
  openClause(documentId: string, clauseId: string | null): void;
  /** Turns a layer on and brings its row in the layer panel into view, focused. */
  revealLayer(layerId: string): void;
}

export interface PolicyNavigatorParts {
  store: AppStore;
  adapter: MapAdapter;
  lookup: FeatureLookup;
  mapContainer: HTMLElement;
  layerPanel: HTMLElement;
  sheet: PanelSheet;
  /** Panels that may float over the map when a feature is fitted. */
  overlays(): HTMLElement[];
  /** True where the reader covers the whole screen (phones): opening a feature then closes it. */
  readerCoversMap(): boolean;
}

/** A point (or a tiny shape) is shown with this much around it, in degrees (≈ 1 km), rather than at full zoom. */
const MINIMUM_SPAN = 0.01;
const ROW_FLASH_MS = 1600;

function boundsAround(bounds: LngLatBounds): LngLatBounds {
  const [west, south, east, north] = bounds;
  const padX = Math.max(0, (MINIMUM_SPAN - (east - west)) / 2);
  const padY = Math.max(0, (MINIMUM_SPAN - (north - south)) / 2);
  return [west - padX, south - padY, east + padX, north + padY];
}

export function createPolicyNavigator(parts: PolicyNavigatorParts): PolicyNavigator {
  const { store, adapter, lookup } = parts;

  const flyToFeature = (layerId: string, featureId: string) => {
    const feature = lookup.feature(layerId, featureId);
    if (!feature) return false;
    const [west, south, east, north] = bbox(feature);
    const map = parts.mapContainer.getBoundingClientRect();
    const overlays = parts
      .overlays()
      .filter((element) => !element.hidden && element.getClientRects().length > 0)
      .map((element) => element.getBoundingClientRect());
    adapter.fitBounds(boundsAround([west, south, east, north]), { padding: paddingForOverlays(map, overlays) });
    return true;
  };

  const openFeature: PolicyNavigator["openFeature"] = (layerId, featureId, options = {}) => {
    if (!lookup.feature(layerId, featureId)) return false;
    const state = store.getState();
    state.setLayerVisible(layerId, true);
    if (parts.readerCoversMap()) state.closeReader();
    state.select(featureSelection(layerId, featureId));
    // After selecting: the inspector is drawn by then, so the fit can keep clear of it.
    if (options.fly) flyToFeature(layerId, featureId);
    return true;
  };

  const revealLayer = (layerId: string) => {
    if (!lookup.layer(layerId)) return;
    store.getState().setLayerVisible(layerId, true);
    parts.sheet.show("layers");
    const row = parts.layerPanel.querySelector<HTMLElement>(`[data-layer-row="${CSS.escape(layerId)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: "nearest" });
    row.querySelector<HTMLElement>("[data-layer-toggle]")?.focus({ preventScroll: true });
    row.classList.add("layer-row--revealed");
    setTimeout(() => row.classList.remove("layer-row--revealed"), ROW_FLASH_MS);
  };

  return {
    openFeature,
    flyToFeature,
    openClause: (documentId, clauseId) => store.getState().openReader(documentId, clauseId),
    revealLayer,
  };
}
