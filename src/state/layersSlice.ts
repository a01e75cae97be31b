import type { StateCreator } from "zustand/vanilla";
import type { Manifest } from "../layers/manifestTypes";

export interface LayerViewState {
  visible: boolean;
  /** 0..1 */
  opacity: number;
}

export type LayerViewStates = Readonly<Record<string, LayerViewState>>;

export interface LayersSlice {
  /** Per manifest layer id; empty until the manifest is loaded. */
  layers: LayerViewStates;
  /** The manifest's own defaults, kept so the URL can omit them. */
  layerDefaults: LayerViewStates;
  initializeLayers(manifest: Manifest): void;
  setLayerVisible(layerId: string, visible: boolean): void;
  setLayerOpacity(layerId: string, opacity: number): void;
  replaceLayers(layers: LayerViewStates): void;
}

export function layerDefaultsOf(manifest: Manifest): LayerViewStates {
  return Object.fromEntries(manifest.layers.map((layer) => [layer.id, { visible: layer.visible, opacity: layer.style.opacity }]));
}

function clampOpacity(opacity: number): number {
  return Math.min(1, Math.max(0, opacity));
}

export const createLayersSlice: StateCreator<LayersSlice, [], [], LayersSlice> = (set) => ({
  layers: {},
  layerDefaults: {},
  initializeLayers: (manifest) => {
    const defaults = layerDefaultsOf(manifest);
    set({ layers: defaults, layerDefaults: defaults });
  },
  setLayerVisible: (layerId, visible) =>
    set((state) => {
      const current = state.layers[layerId];
      if (!current || current.visible === visible) return state;
      return { layers: { ...state.layers, [layerId]: { ...current, visible } } };
    }),
  setLayerOpacity: (layerId, opacity) =>
    set((state) => {
      const current = state.layers[layerId];
      if (!current || !Number.isFinite(opacity) || current.opacity === clampOpacity(opacity)) return state;
      return { layers: { ...state.layers, [layerId]: { ...current, opacity: clampOpacity(opacity) } } };
    }),
  replaceLayers: (layers) => set({ layers }),
});
