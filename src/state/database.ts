/*
 * The app's IndexedDB database (this browser only). This module alone knows its name, version and upgrade steps;
 * the storage modules (parcelStorage, layerStorage, settingsStorage, workspaceStorage) guard their own records.
 *
 *   database "dazu-map-parcels"
 *     version 1  "queries"   keyPath "id"   SavedSiteQuery (parcelStorage.ts)
 *                "drafts"    key "current"  SiteDraft (parcelStorage.ts)
 *     version 2  "layers"    keyPath "id"   ImportedLayerRecord (src/workspace/importedLayer.ts)
 *                "settings"  key "current"  SettingsRecord (settingsStorage.ts)
 *     version 3  "batches"   key "current"  Batch (src/siteCheck/batch/batchService.ts, guarded in src/workspace/batchRecord.ts)
 *
 * An upgrade only adds stores: records written by an older version stay where they are and are read through the
 * guards, which skip anything they do not recognise instead of trusting it.
 */

/** Named for its first use (saved parcels); renaming it would strand the records of version 1. */
export const APP_DATABASE = "dazu-map-parcels";
export const APP_DATABASE_VERSION = 3;

export const QUERIES_STORE = "queries";
export const DRAFTS_STORE = "drafts";
export const LAYERS_STORE = "layers";
export const SETTINGS_STORE = "settings";
export const BATCHES_STORE = "batches";
export type StoreName = typeof QUERIES_STORE | typeof DRAFTS_STORE | typeof LAYERS_STORE | typeof SETTINGS_STORE | typeof BATCHES_STORE;

/** The key of the single record in "drafts", "settings" and "batches". */
export const CURRENT_KEY = "current";

/** `unavailable`: no IndexedDB (private mode, blocked); `quota`: the browser refused to store more. */
export type StorageFailure = { ok: false; reason: "unavailable" | "quota" | "failed"; message: string };
export type StorageResult<T> = { ok: true; value: T } | StorageFailure;

export function failureOf(error: unknown): StorageFailure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === "QuotaExceededError") return { ok: false, reason: "quota", message };
  if (name === "InvalidStateError" || name === "SecurityError" || name === "UnknownError") return { ok: false, reason: "unavailable", message };
  return { ok: false, reason: "failed", message: message || name || "IndexedDB error" };
}

/** Every step from `oldVersion` to the current version; each step only adds, so older records survive. */
export function upgradeDatabase(database: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    database.createObjectStore(QUERIES_STORE, { keyPath: "id" });
    database.createObjectStore(DRAFTS_STORE);
  }
  if (oldVersion < 2) {
    database.createObjectStore(LAYERS_STORE, { keyPath: "id" });
    database.createObjectStore(SETTINGS_STORE);
  }
  if (oldVersion < 3) database.createObjectStore(BATCHES_STORE);
}

/** JSON-safe copy: no functions, no proxies, nothing structured clone would refuse. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** One connection per factory, shared by every storage module so start-up opens the database once. */
const connections = new WeakMap<IDBFactory, Promise<IDBDatabase>>();

function openConnection(factory: IDBFactory): Promise<IDBDatabase> {
  const cached = connections.get(factory);
  if (cached) return cached;
  const opening = new Promise<IDBDatabase>((resolve, reject) => {
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(APP_DATABASE, APP_DATABASE_VERSION);
    } catch (error) {
      reject(error);
      return;
    }
    open.onupgradeneeded = (event) => upgradeDatabase(open.result, event.oldVersion);
    open.onsuccess = () => {
      const database = open.result;
      // A newer version opened in another tab: let it upgrade; the next call here reopens.
      database.onversionchange = () => {
        database.close();
        if (connections.get(factory) === opening) connections.delete(factory);
      };
      database.onclose = () => {
        if (connections.get(factory) === opening) connections.delete(factory);
      };
      resolve(database);
    };
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new DOMException("the database is open in an older tab", "InvalidStateError"));
  });
  connections.set(factory, opening);
  // A failed open may work later (e.g. the other tab closed).
  opening.catch(() => {
    if (connections.get(factory) === opening) connections.delete(factory);
  });
  return opening;
}

/** Resolves when the transaction commits, with what `work` returned; rejects when it aborts (nothing was written). */
function completion<T>(transaction: IDBTransaction, work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let result: T;
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new DOMException("aborted", "AbortError"));
    try {
      result = work();
    } catch (error) {
      try {
        transaction.abort();
      } catch {
        // Already finished or aborted: the rejection above carries the cause.
      }
      reject(error);
    }
  });
}

export interface AppDatabase {
  /** One request in one store; answers with its result once the transaction has committed. */
  run<T>(storeName: StoreName, mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<StorageResult<T>>;
  /**
   * Several requests over several stores in one transaction: all of them are written or none is. `work` issues the
   * requests and returns a function that reads their results after the commit.
   */
  transact<T>(
    storeNames: readonly StoreName[],
    mode: IDBTransactionMode,
    work: (stores: (name: StoreName) => IDBObjectStore) => () => T,
  ): Promise<StorageResult<T>>;
}

/** Opens the database lazily on first use; every call answers with a result, never throws. */
export function openAppDatabase(factory: IDBFactory | undefined = globalThis.indexedDB): AppDatabase {
  const connect = (): Promise<IDBDatabase> =>
    factory ? openConnection(factory) : Promise.reject(new DOMException("IndexedDB is not available", "InvalidStateError"));

  const transact: AppDatabase["transact"] = async (storeNames, mode, work) => {
    try {
      const database = await connect();
      const transaction = database.transaction([...storeNames], mode);
      const read = await completion(transaction, () => work((name) => transaction.objectStore(name)));
      return { ok: true, value: read() };
    } catch (error) {
      return failureOf(error);
    }
  };

  return {
    run: (storeName, mode, make) =>
      transact([storeName], mode, (stores) => {
        const pending = make(stores(storeName));
        return () => pending.result;
      }),
    transact,
  };
}
