import type { AppStore, AppState } from "./store";
import { formatHash, hashStateOf, layersFromHash, parseHash, type HashState } from "./urlHash";

/** The slice of `window` the hash sync needs, so tests can hand it a fake. */
export interface HashLocation {
  readHash(): string;
  /** Replaces the current history entry: moving the map must not flood the back button. */
  replaceHash(hash: string): void;
  onHashChange(listener: () => void): () => void;
}

export function browserHashLocation(target: Window = window): HashLocation {
  return {
    readHash: () => target.location.hash,
    replaceHash: (hash) => {
      const { pathname, search } = target.location;
      target.history.replaceState(target.history.state, "", `${pathname}${search}${hash}`);
    },
    onHashChange: (listener) => {
      target.addEventListener("hashchange", listener);
      return () => target.removeEventListener("hashchange", listener);
    },
  };
}

export interface HashSyncOptions {
  /** Manifest layer ids in order. */
  layerOrder: readonly string[];
  /** Whether a selected feature exists; a stale `sel=` is dropped instead of highlighting nothing. */
  isKnownFeature(layerId: string, featureId: string): boolean;
  debounceMs?: number;
}

function sameCamera(state: AppState, hashState: HashState): boolean {
  const camera = hashState.camera;
  if (!camera || state.view.type !== "camera") return false;
  const view = state.view;
  return (
    Math.abs(view.zoom - camera.zoom) < 0.01 &&
    Math.abs(view.center[0] - camera.center[0]) < 1e-5 &&
    Math.abs(view.center[1] - camera.center[1]) < 1e-5 &&
    Math.abs(view.bearing - camera.bearing) < 0.1 &&
    Math.abs(view.pitch - camera.pitch) < 0.1
  );
}

/** Applies a hash to the store; anything the hash leaves out goes back to its default, except the camera. */
function applyHashToStore(store: AppStore, hash: string, options: HashSyncOptions): void {
  const { state: hashState } = parseHash(hash);
  const state = store.getState();
  state.setLanguage(hashState.language ?? "zh");
  state.setBasemap(hashState.basemap ?? "none");
  state.replaceLayers(layersFromHash(hashState, state.layerDefaults));
  const selection = hashState.selection;
  if (selection?.type === "feature" && options.isKnownFeature(selection.layerId, selection.featureId)) {
    state.select(selection);
  } else {
    state.clearSelection();
  }
  if (hashState.camera && !sameCamera(state, hashState)) state.setCamera(hashState.camera, "app");
}

function hashOfStore(state: AppState, layerOrder: readonly string[], currentHash: string): string {
  const hashState = hashStateOf({
    camera: state.view.type === "camera" ? state.view : null,
    layers: state.layers,
    layerDefaults: state.layerDefaults,
    layerOrder,
    basemap: state.basemap,
    language: state.language,
    selection: state.selection,
  });
  return formatHash(hashState, parseHash(currentHash).otherParameters);
}

/**
 * Restores the store from the hash now and on every hashchange, and mirrors store changes back into the hash,
 * debounced. Returns a function that stops both directions.
 */
export function syncStoreWithHash(store: AppStore, location: HashLocation, options: HashSyncOptions): () => void {
  const debounceMs = options.debounceMs ?? 300;
  let pendingWrite: ReturnType<typeof setTimeout> | undefined;

  const write = () => {
    pendingWrite = undefined;
    const current = location.readHash();
    const next = hashOfStore(store.getState(), options.layerOrder, current);
    if (next !== current && !(next === "" && (current === "" || current === "#"))) location.replaceHash(next);
  };

  applyHashToStore(store, location.readHash(), options);
  const unsubscribe = store.subscribe(() => {
    if (pendingWrite !== undefined) clearTimeout(pendingWrite);
    pendingWrite = setTimeout(write, debounceMs);
  });
  const stopListening = location.onHashChange(() => applyHashToStore(store, location.readHash(), options));
  return () => {
    if (pendingWrite !== undefined) clearTimeout(pendingWrite);
    unsubscribe();
    stopListening();
  };
}
