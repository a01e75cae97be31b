import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { APP_DATABASE, APP_DATABASE_VERSION, openAppDatabase } from "./database";
import { openImportedLayerStorage } from "./layerStorage";
import { openParcelStorage } from "./parcelStorage";
import { testDraft, testLayer, testSavedQuery } from "../../tests/support/testRecords";

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A database exactly as version 1 of the app created and filled it. */
async function createVersion1(factory: IDBFactory, queries: unknown[], draft: unknown): Promise<void> {
  const open = factory.open(APP_DATABASE, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore("queries", { keyPath: "id" });
    open.result.createObjectStore("drafts");
  };
  const database = await promised(open);
  const transaction = database.transaction(["queries", "drafts"], "readwrite");
  for (const query of queries) transaction.objectStore("queries").put(query);
  transaction.objectStore("drafts").put(draft, "current");
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  database.close();
}

async function storeNames(factory: IDBFactory): Promise<{ version: number; stores: string[] }> {
  const database = await promised(factory.open(APP_DATABASE));
  const answer = { version: database.version, stores: [...database.objectStoreNames].sort() };
  database.close();
  return answer;
}

describe("app database", () => {
  it("upgrades a version 1 database: every old record still reads, and the new stores exist", async () => {
    const factory = new IDBFactory();
    const older = testSavedQuery("q-old", "2024-01-01T00:00:00.000Z");
    const newer = testSavedQuery("q-new", "2024-03-01T00:00:00.000Z");
    await createVersion1(factory, [older, newer], testDraft);

    const parcels = openParcelStorage(factory);
    expect(await parcels.list()).toEqual({ ok: true, value: [newer, older] });
    expect(await parcels.loadDraft()).toEqual({ ok: true, value: testDraft });
    expect(await openImportedLayerStorage(factory).listLayers()).toEqual({ ok: true, value: [] });
    expect(APP_DATABASE_VERSION).toBe(3);
    expect(await storeNames(factory)).toEqual({ version: 3, stores: ["batches", "drafts", "layers", "queries", "settings"] });
  });

  it("skips version 1 records that fail the guards instead of trusting them", async () => {
    const factory = new IDBFactory();
    const good = testSavedQuery("q-good");
    const foreign = { ...testSavedQuery("q-foreign"), schemaVersion: 7 };
    const broken = { ...testSavedQuery("q-broken"), parcel: { name: "x", origin: "drawn", geometry: { type: "Polygon", coordinates: "<script>" } } };
    const brokenDraft = { ...testDraft, sketch: { kind: "circle", vertices: [], finished: true } };
    await createVersion1(factory, [good, foreign, broken, { id: "q-null" }], brokenDraft);

    const parcels = openParcelStorage(factory);
    expect(await parcels.list()).toEqual({ ok: true, value: [good] });
    expect(await parcels.loadDraft()).toEqual({ ok: true, value: null });
  });

  it("creates every store in a fresh browser", async () => {
    const factory = new IDBFactory();
    await openParcelStorage(factory).saveDraft(null, null);
    expect(await storeNames(factory)).toEqual({ version: 3, stores: ["batches", "drafts", "layers", "queries", "settings"] });
  });

  it("writes all of a multi-store transaction or nothing", async () => {
    const factory = new IDBFactory();
    const database = openAppDatabase(factory);
    const failed = await database.transact(["queries", "layers"], "readwrite", (stores) => {
      stores("layers").put(testLayer("imported-a"));
      // No key path value: the request fails and the whole transaction aborts.
      stores("queries").put({ name: "no id" });
      return () => undefined;
    });
    expect(failed.ok).toBe(false);
    expect(await openImportedLayerStorage(factory).listLayers()).toEqual({ ok: true, value: [] });
  });

  it("lets a newer version opened elsewhere upgrade instead of blocking it", async () => {
    const factory = new IDBFactory();
    const parcels = openParcelStorage(factory);
    await parcels.saveDraft(null, null);
    const newer = factory.open(APP_DATABASE, APP_DATABASE_VERSION + 1);
    const database = await promised(newer);
    expect(database.version).toBe(APP_DATABASE_VERSION + 1);
    database.close();
  });
});
