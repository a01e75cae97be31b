import type { StorageFailure, StorageResult } from "./database";
import type { LayerViewState } from "./layersSlice";
import type { SettingsRecord, SettingsStorage, UserSettings } from "./settingsStorage";
import type { AppState, AppStore } from "./store";
import type { HashState } from "./urlHash";

const SETTINGS_NOTICE_ID = "settings-storage";
const DEFAULT_DEBOUNCE_MS = 250;
/** Past this the map starts with the defaults rather than wait longer for a slow or stuck database. */
export const STARTUP_READ_TIMEOUT_MS = 2000;

/** The settings part of the state: layers only where they differ from the manifest's defaults. */
export function settingsOf(state: AppState): UserSettings {
  const layers: Record<string, LayerViewState> = {};
  for (const [id, layer] of Object.entries(state.layers)) {
    const layerDefault = state.layerDefaults[id];
    if (!layerDefault || layer.visible !== layerDefault.visible || layer.opacity !== layerDefault.opacity)
      layers[id] = { visible: layer.visible, opacity: layer.opacity };
  }
  return { language: state.language, basemap: state.basemap, layers, cautionDistanceMetres: state.cautionDistanceMetres };
}

export function showStorageNotice(store: AppStore, failure: StorageFailure): void {
  const message =
    failure.reason === "quota"
      ? "notice.settingsStorageQuota"
      : failure.reason === "unavailable"
        ? "notice.settingsStorageUnavailable"
        : "notice.settingsStorageFailed";
  store.getState().showNotice({ id: SETTINGS_NOTICE_ID, message, params: { message: failure.message }, tone: "warning" });
}

/**
 * Starts reading the saved settings; call it before fetching the data package so both run at once. Answers within
 * `timeoutMs` whatever the database does.
 */
export function readStartupSettings(storage: SettingsStorage, timeoutMs = STARTUP_READ_TIMEOUT_MS): Promise<StorageResult<SettingsRecord | null>> {
  return answerWithin(storage.loadSettings(), timeoutMs, { ok: true, value: null });
}

/** A start-up read that gives `fallback` after `timeoutMs`, so a slow or stuck database never holds the map back. */
export function answerWithin<T>(read: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), timeoutMs);
    void read.then((result) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}

/**
 * Applies saved settings at start-up (after the layers are initialised and the hash applied), except where the URL
 * hash says otherwise: a shared link wins over this browser's settings, parameter by parameter (`lang=`, `base=`,
 * `layers=` for visibility, `op=` for opacity).
 */
export function restoreSettings(store: AppStore, hashState: HashState, saved: StorageResult<SettingsRecord | null>): void {
  if (!saved.ok) {
    // No storage at all is reported by the site check at start and here on the first change; anything else now.
    if (saved.reason !== "unavailable") showStorageNotice(store, saved);
    return;
  }
  const settings = saved.value;
  if (!settings) return;
  const state = store.getState();
  if (hashState.language === undefined) state.setLanguage(settings.language);
  if (hashState.basemap === undefined) state.setBasemap(settings.basemap);
  const restoreVisibility = hashState.visibleLayers === undefined;
  const restoreOpacity = hashState.opacities === undefined;
  if (restoreVisibility || restoreOpacity) {
    const layers = { ...state.layers };
    let changed = false;
    for (const [id, layer] of Object.entries(settings.layers)) {
      const current = Object.hasOwn(layers, id) ? layers[id] : undefined;
      // Layers no longer in the manifest (or a removed imported layer) are left out.
      if (!current) continue;
      const next = { visible: restoreVisibility ? layer.visible : current.visible, opacity: restoreOpacity ? layer.opacity : current.opacity };
      if (next.visible !== current.visible || next.opacity !== current.opacity) {
        layers[id] = next;
        changed = true;
      }
    }
    if (changed) state.replaceLayers(layers);
  }
  state.setCautionDistance(settings.cautionDistanceMetres);
}

/**
 * Saves the settings, debounced, whenever the user changes one; what the page started with is not written, so opening
 * a shared link does not overwrite this browser's settings until something is changed. Returns a function that stops.
 */
export function persistSettings(store: AppStore, storage: SettingsStorage, debounceMs = DEFAULT_DEBOUNCE_MS): () => void {
  let saved = JSON.stringify(settingsOf(store.getState()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const settings = settingsOf(store.getState());
    const text = JSON.stringify(settings);
    if (text === saved) return;
    saved = text;
    void storage.saveSettings(settings).then((result) => {
      if (result.ok) return;
      // Try again with the next change.
      saved = "";
      showStorageNotice(store, result);
    });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.language === previous.language &&
      state.basemap === previous.basemap &&
      state.layers === previous.layers &&
      state.cautionDistanceMetres === previous.cautionDistanceMetres
    ) {
      return;
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
