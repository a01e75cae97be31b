import { IDBFactory, IDBObjectStore as FDBObjectStore } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { openAppDatabase } from "./database";
import { openImportedLayerStorage } from "./layerStorage";
import { testLayer } from "../../tests/support/testRecords";

describe("imported layer storage", () => {
  it("saves, lists by import time, replaces by id and removes", async () => {
    const storage = openImportedLayerStorage(new IDBFactory());
    const later = testLayer("imported-b", "2024-06-02T00:00:00.000Z");
    const earlier = testLayer("imported-a", "2024-06-01T00:00:00.000Z");
    expect(await storage.saveLayer(later)).toEqual({ ok: true, value: undefined });
    expect(await storage.saveLayer(earlier)).toEqual({ ok: true, value: undefined });
    expect(await storage.listLayers()).toEqual({ ok: true, value: [earlier, later] });

    const renamed = { ...later, title: { zh: "新名称", en: "New name" } };
    await storage.saveLayer(renamed);
    expect(await storage.listLayers()).toEqual({ ok: true, value: [earlier, renamed] });

    expect(await storage.removeLayer("imported-a")).toEqual({ ok: true, value: undefined });
    expect(await storage.listLayers()).toEqual({ ok: true, value: [renamed] });
  });

  it("skips stored records that fail the guard", async () => {
    const factory = new IDBFactory();
    const good = testLayer("imported-good");
    await openAppDatabase(factory).transact(["layers"], "readwrite", (stores) => {
      stores("layers").put(good);
      stores("layers").put({ ...testLayer("imported-old"), schemaVersion: 0 });
      stores("layers").put({ ...testLayer("imported-bad"), data: { type: "FeatureCollection", features: "all of them" } });
      stores("layers").put({ ...testLayer("manifest-layer"), id: "fee-zones" });
      return () => undefined;
    });
    expect(await openImportedLayerStorage(factory).listLayers()).toEqual({ ok: true, value: [good] });
  });

  it("refuses to store a record that would not read back", async () => {
    const storage = openImportedLayerStorage(new IDBFactory());
    const result = await storage.saveLayer({ ...testLayer("imported-a"), id: "towns" });
    expect(result).toMatchObject({ ok: false, reason: "failed" });
    expect(await storage.listLayers()).toEqual({ ok: true, value: [] });
  });

  it("answers 'unavailable' where there is no IndexedDB", async () => {
    const storage = openImportedLayerStorage(undefined);
    expect(await storage.listLayers()).toMatchObject({ ok: false, reason: "unavailable" });
    expect(await storage.saveLayer(testLayer("imported-a"))).toMatchObject({ ok: false, reason: "unavailable" });
  });

  it("reports a full disk as 'quota'", async () => {
    const factory = new IDBFactory();
    const storage = openImportedLayerStorage(factory);
    await storage.listLayers();
    const quota = new DOMException("The quota has been exceeded.", "QuotaExceededError");
    const originalPut = FDBObjectStore.prototype.put;
    FDBObjectStore.prototype.put = function put() {
      throw quota;
    };
    try {
      expect(await storage.saveLayer(testLayer("imported-a"))).toEqual({ ok: false, reason: "quota", message: "The quota has been exceeded." });
    } finally {
      FDBObjectStore.prototype.put = originalPut;
    }
    expect(await storage.listLayers()).toEqual({ ok: true, value: [] });
  });
});
