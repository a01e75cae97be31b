import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openAppDatabase, type StorageResult } from "./database";
import { persistSettings, readStartupSettings, restoreSettings, settingsOf } from "./persistSettings";
import { isSettingsRecord, openSettingsStorage, settingsRecordOf, type SettingsRecord, type SettingsStorage } from "./settingsStorage";
import { createAppStore, type AppStore } from "./store";
import { fixtureManifest } from "../../tests/support/testManifest";
import { parseHash } from "./urlHash";

const saved = settingsRecordOf(
  {
    language: "en",
    basemap: "osm",
    layers: { towns: { visible: false, opacity: 0.3 }, "extraction-blocks": { visible: true, opacity: 0.5 }, "gone-layer": { visible: true, opacity: 1 } },
    cautionDistanceMetres: 200,
  },
  "2024-06-01T00:00:00.000Z",
);
const found = (record: SettingsRecord | null): StorageResult<SettingsRecord | null> => ({ ok: true, value: record });

let store: AppStore;
beforeEach(() => {
  store = createAppStore();
  store.getState().initializeLayers(fixtureManifest());
});
afterEach(() => {
  vi.useRealTimers();
});

describe("settings record", () => {
  it("keeps only what differs from the manifest's layer defaults", () => {
    store.getState().setLayerVisible("towns", false);
    store.getState().setLayerOpacity("fee-zones", 0.8);
    store.getState().setLayerVisible("fee-zones", true);
    expect(settingsOf(store.getState())).toEqual({
      language: "zh",
      basemap: "none",
      layers: { towns: { visible: false, opacity: 0.9 }, "fee-zones": { visible: true, opacity: 0.8 } },
      cautionDistanceMetres: 50,
    });
  });

  it("refuses records that are foreign, broken or out of range", () => {
    expect(isSettingsRecord(saved)).toBe(true);
    expect(isSettingsRecord({ ...saved, schemaVersion: 2 })).toBe(false);
    expect(isSettingsRecord({ ...saved, language: "fr" })).toBe(false);
    expect(isSettingsRecord({ ...saved, basemap: "google" })).toBe(false);
    expect(isSettingsRecord({ ...saved, layers: { towns: { visible: "yes", opacity: 1 } } })).toBe(false);
    expect(isSettingsRecord({ ...saved, layers: { towns: { visible: true, opacity: 7 } } })).toBe(false);
    expect(isSettingsRecord({ ...saved, cautionDistanceMetres: -1 })).toBe(false);
    expect(isSettingsRecord({ ...saved, cautionDistanceMetres: Number.NaN })).toBe(false);
    expect(isSettingsRecord({ ...saved, tiandituToken: "secret" })).toBe(true);
  });

  it("saves and loads through IndexedDB, and a record failing the guard loads as none", async () => {
    const factory = new IDBFactory();
    const storage = openSettingsStorage(factory);
    expect(await storage.loadSettings()).toEqual({ ok: true, value: null });
    const written = await storage.saveSettings(settingsOf(store.getState()));
    expect(written.ok).toBe(true);
    expect(await storage.loadSettings()).toEqual(written);
    await openAppDatabase(factory).run("settings", "readwrite", (settingsStore) => settingsStore.put({ ...saved, language: "fr" }, "current"));
    expect(await storage.loadSettings()).toEqual({ ok: true, value: null });
  });
});

describe("restoreSettings", () => {
  it("applies saved settings where the hash is silent", () => {
    restoreSettings(store, parseHash("").state, found(saved));
    const state = store.getState();
    expect(state.language).toBe("en");
    expect(state.basemap).toBe("osm");
    expect(state.layers.towns).toEqual({ visible: false, opacity: 0.3 });
    expect(state.layers["extraction-blocks"]).toEqual({ visible: true, opacity: 0.5 });
    expect(state.layers["gone-layer"]).toBeUndefined();
    expect(state.cautionDistanceMetres).toBe(200);
  });

  it("lets a shared link win, parameter by parameter", () => {
    const hash = "#lang=zh&base=tianditu-vector&layers=district,towns";
    const hashState = parseHash(hash).state;
    store.getState().setBasemap("tianditu-vector");
    store.getState().replaceLayers({ ...store.getState().layers, "extraction-blocks": { visible: false, opacity: 0.5 } });
    restoreSettings(store, { ...hashState, language: "zh" }, found(saved));
    const state = store.getState();
    expect(state.language).toBe("zh");
    expect(state.basemap).toBe("tianditu-vector");
    // Visibility is the link's; opacity (no `op=`) is this browser's.
    expect(state.layers.towns).toEqual({ visible: true, opacity: 0.3 });
    expect(state.layers["extraction-blocks"]).toEqual({ visible: false, opacity: 0.5 });
  });

  it("reports a storage failure as a notice and keeps the defaults", () => {
    restoreSettings(store, {}, { ok: false, reason: "failed", message: "disk error" });
    expect(store.getState().notices).toEqual([
      { id: "settings-storage", message: "notice.settingsStorageFailed", params: { message: "disk error" }, tone: "warning" },
    ]);
    expect(store.getState().language).toBe("zh");
  });

  it("gives up waiting for a stuck database and starts with the defaults", async () => {
    vi.useFakeTimers();
    const stuck: SettingsStorage = { loadSettings: () => new Promise(() => undefined), saveSettings: () => new Promise(() => undefined) };
    const reading = readStartupSettings(stuck, 500);
    vi.advanceTimersByTime(500);
    expect(await reading).toEqual({ ok: true, value: null });
  });
});

describe("persistSettings", () => {
  function recordingStorage(answer: StorageResult<SettingsRecord> | null = null) {
    const saves: unknown[] = [];
    const storage: SettingsStorage = {
      loadSettings: async () => ({ ok: true, value: null }),
      saveSettings: async (settings) => {
        saves.push(settings);
        return answer ?? { ok: true, value: settingsRecordOf(settings) };
      },
    };
    return { storage, saves };
  }

  it("saves once after a burst of changes, and not what the page started with", async () => {
    vi.useFakeTimers();
    const { storage, saves } = recordingStorage();
    persistSettings(store, storage, 250);
    store.getState().showNotice({ id: "x", message: "notice.dismiss", tone: "info" });
    vi.advanceTimersByTime(1000);
    expect(saves).toEqual([]);
    store.getState().setLanguage("en");
    store.getState().setLayerVisible("towns", false);
    store.getState().setCautionDistance(300);
    vi.advanceTimersByTime(249);
    expect(saves).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saves).toEqual([{ language: "en", basemap: "none", layers: { towns: { visible: false, opacity: 0.9 } }, cautionDistanceMetres: 300 }]);
    // Back and forth to the same settings: nothing new to write.
    store.getState().setLanguage("zh");
    store.getState().setLanguage("en");
    vi.advanceTimersByTime(250);
    expect(saves).toHaveLength(1);
  });

  it("shows a quota failure instead of swallowing it", async () => {
    vi.useFakeTimers();
    const { storage } = recordingStorage({ ok: false, reason: "quota", message: "QuotaExceededError" });
    persistSettings(store, storage, 10);
    store.getState().setBasemap("osm");
    await vi.advanceTimersByTimeAsync(10);
    expect(store.getState().notices.map((notice) => notice.message)).toEqual(["notice.settingsStorageQuota"]);
  });

  it("round-trips through a real database into a fresh store", async () => {
    const factory = new IDBFactory();
    const stop = persistSettings(store, openSettingsStorage(factory), 10);
    store.getState().setLanguage("en");
    store.getState().setLayerOpacity("memorials", 0.25);
    await vi.waitFor(async () => expect(await openSettingsStorage(factory).loadSettings()).toMatchObject({ ok: true, value: { language: "en" } }));
    stop();
    const fresh = createAppStore();
    fresh.getState().initializeLayers(fixtureManifest());
    restoreSettings(fresh, {}, await readStartupSettings(openSettingsStorage(factory)));
    expect(settingsOf(fresh.getState())).toEqual(settingsOf(store.getState()));
  });
});
