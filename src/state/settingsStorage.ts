import { isLanguage, type Language } from "../i18n/messages";
import { isBasemapId, type BasemapId } from "./basemapSlice";
import { CURRENT_KEY, openAppDatabase, plain, SETTINGS_STORE, type StorageResult } from "./database";
import type { LayerViewState } from "./layersSlice";

/*
 * The user's settings, one record under "current" in the "settings" store (see database.ts). The 天地图 key is not
 * one of them: it stays in localStorage (tiandituTokenStorage.ts) and never leaves this browser in a workspace file.
 */

export const SETTINGS_SCHEMA_VERSION = 1;

/** The largest caution distance the report's input accepts. */
export const MAX_CAUTION_DISTANCE_METRES = 10_000;

export interface UserSettings {
  language: Language;
  basemap: BasemapId;
  /** Only the layers whose visibility or opacity differs from the manifest's defaults, by layer id. */
  layers: Record<string, LayerViewState>;
  cautionDistanceMetres: number;
}

export interface SettingsRecord extends UserSettings {
  schemaVersion: typeof SETTINGS_SCHEMA_VERSION;
  /** ISO timestamp. */
  savedAt: string;
}

export interface SettingsStorage {
  /** The saved settings, or null when there are none or they fail the guard. */
  loadSettings(): Promise<StorageResult<SettingsRecord | null>>;
  saveSettings(settings: UserSettings): Promise<StorageResult<SettingsRecord>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function isLayerViewState(value: unknown): value is LayerViewState {
  return isRecord(value) && typeof value.visible === "boolean" && typeof value.opacity === "number" && value.opacity >= 0 && value.opacity <= 1;
}

export function isSettingsRecord(value: unknown): value is SettingsRecord {
  return (
    isRecord(value) &&
    value.schemaVersion === SETTINGS_SCHEMA_VERSION &&
    typeof value.savedAt === "string" &&
    isLanguage(value.language) &&
    isBasemapId(value.basemap) &&
    isRecord(value.layers) &&
    Object.values(value.layers).every(isLayerViewState) &&
    typeof value.cautionDistanceMetres === "number" &&
    value.cautionDistanceMetres >= 0 &&
    value.cautionDistanceMetres <= MAX_CAUTION_DISTANCE_METRES
  );
}

export function settingsRecordOf(settings: UserSettings, savedAt = new Date().toISOString()): SettingsRecord {
  return { schemaVersion: SETTINGS_SCHEMA_VERSION, savedAt, ...plain(settings) };
}

/** Opens the database lazily on first use; every call answers with a result, never throws. */
export function openSettingsStorage(factory: IDBFactory | undefined = globalThis.indexedDB): SettingsStorage {
  const { run } = openAppDatabase(factory);
  return {
    loadSettings: async () => {
      const result = await run(SETTINGS_STORE, "readonly", (store) => store.get(CURRENT_KEY));
      if (!result.ok) return result;
      return { ok: true, value: isSettingsRecord(result.value) ? result.value : null };
    },
    saveSettings: async (settings) => {
      const record = settingsRecordOf(settings);
      const result = await run(SETTINGS_STORE, "readwrite", (store) => store.put(record, CURRENT_KEY));
      return result.ok ? { ok: true, value: record } : result;
    },
  };
}
