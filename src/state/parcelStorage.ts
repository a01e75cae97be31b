import type { SketchShape } from "../map/sketch/sketchTypes";
import type { SiteParcel } from "../parcel/types";
import type { SiteQuery } from "./parcelSlice";

/*
 * Saved site queries and the unsaved work in progress, in IndexedDB (this browser only).
 *
 *   database "dazu-map-parcels", version 1
 *     "queries"  keyPath "id"   SavedSiteQuery — a named parcel with the officer's overrides and fee inputs
 *     "drafts"   key "current"  SiteDraft — the current query and sketch, so a reload loses nothing
 *
 * Every record carries `schemaVersion`; records that fail the guards below (older or foreign) are skipped, never
 * trusted. A new version adds a case to `upgrade` and keeps reading the old records or converts them.
 */

export const PARCEL_DATABASE = "dazu-map-parcels";
export const PARCEL_DATABASE_VERSION = 1;
export const RECORD_SCHEMA_VERSION = 1;
const QUERIES = "queries";
const DRAFTS = "drafts";
const CURRENT_DRAFT = "current";

export interface SavedSiteQuery extends SiteQuery {
  schemaVersion: typeof RECORD_SCHEMA_VERSION;
  id: string;
  name: string;
  /** ISO timestamp. */
  savedAt: string;
}

export interface SiteDraft {
  schemaVersion: typeof RECORD_SCHEMA_VERSION;
  savedAt: string;
  query: SiteQuery | null;
  /** A sketch being drawn or edited, which may not be a parcel yet. */
  sketch: SketchShape | null;
}

/** `unavailable`: no IndexedDB (private mode, blocked); `quota`: the browser refused to store more. */
export type StorageFailure = { ok: false; reason: "unavailable" | "quota" | "failed"; message: string };
export type StorageResult<T> = { ok: true; value: T } | StorageFailure;

export interface ParcelStorage {
  list(): Promise<StorageResult<SavedSiteQuery[]>>;
  save(query: SiteQuery, name: string): Promise<StorageResult<SavedSiteQuery>>;
  remove(id: string): Promise<StorageResult<void>>;
  loadDraft(): Promise<StorageResult<SiteDraft | null>>;
  saveDraft(query: SiteQuery | null, sketch: SketchShape | null): Promise<StorageResult<void>>;
}

// ---------------------------------------------------------------------------------------------------------------
// Guards

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

function isPosition(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 2 && isFiniteNumber(value[0]) && isFiniteNumber(value[1]);
}

function isPositions(value: unknown, minimum: number): boolean {
  return Array.isArray(value) && value.length >= minimum && value.every(isPosition);
}

function isRings(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((ring) => isPositions(ring, 4));
}

export function isParcelGeometry(value: unknown): boolean {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case "Point":
      return isPosition(value.coordinates);
    case "LineString":
      return isPositions(value.coordinates, 2);
    case "Polygon":
      return isRings(value.coordinates);
    case "MultiPolygon":
      return Array.isArray(value.coordinates) && value.coordinates.length > 0 && value.coordinates.every(isRings);
    default:
      return false;
  }
}

export function isSiteParcel(value: unknown): value is SiteParcel {
  return (
    isRecord(value) &&
    isString(value.name) &&
    isParcelGeometry(value.geometry) &&
    ["drawn", "pasted", "file", "link"].includes(value.origin as string) &&
    (value.fileName === undefined || isString(value.fileName))
  );
}

export function isSiteQuery(value: unknown): value is SiteQuery {
  if (!isRecord(value) || !isSiteParcel(value.parcel) || !isRecord(value.overrides) || !isRecord(value.fee)) return false;
  const overridesValid = Object.values(value.overrides).every((override) => isRecord(override) && isString(override.reason) && isString(override.at));
  const fee = value.fee;
  return overridesValid && isRecord(fee.floorAreas) && isRecord(fee.answers) && (value.mineral === null || isString(value.mineral));
}

export function isSketchShape(value: unknown): value is SketchShape {
  return (
    isRecord(value) &&
    ["polygon", "line", "point"].includes(value.kind as string) &&
    isPositions(value.vertices, 0) &&
    typeof value.finished === "boolean"
  );
}

export function isSavedSiteQuery(value: unknown): value is SavedSiteQuery {
  return isRecord(value) && value.schemaVersion === RECORD_SCHEMA_VERSION && isString(value.id) && isString(value.name) && isString(value.savedAt) && isSiteQuery(value);
}

export function isSiteDraft(value: unknown): value is SiteDraft {
  return (
    isRecord(value) &&
    value.schemaVersion === RECORD_SCHEMA_VERSION &&
    isString(value.savedAt) &&
    (value.query === null || isSiteQuery(value.query)) &&
    (value.sketch === null || isSketchShape(value.sketch))
  );
}

// ---------------------------------------------------------------------------------------------------------------
// IndexedDB

function failureOf(error: unknown): StorageFailure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === "QuotaExceededError") return { ok: false, reason: "quota", message };
  if (name === "InvalidStateError" || name === "SecurityError" || name === "UnknownError") return { ok: false, reason: "unavailable", message };
  return { ok: false, reason: "failed", message: message || name || "IndexedDB error" };
}

function upgrade(database: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    database.createObjectStore(QUERIES, { keyPath: "id" });
    database.createObjectStore(DRAFTS);
  }
}

function request<T>(make: () => IDBRequest<T>, transaction: IDBTransaction): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const pending = make();
    let result: T;
    pending.onsuccess = () => {
      result = pending.result;
    };
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error ?? pending.error);
    transaction.onabort = () => reject(transaction.error ?? pending.error ?? new DOMException("aborted", "AbortError"));
  });
}

/** JSON-safe copy: no functions, no proxies, nothing structured clone would refuse. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Opens the store lazily on first use; every call answers with a result, never throws. */
export function openParcelStorage(factory: IDBFactory | undefined = globalThis.indexedDB): ParcelStorage {
  let opening: Promise<IDBDatabase> | null = null;
  const database = (): Promise<IDBDatabase> => {
    if (!opening) {
      opening = new Promise<IDBDatabase>((resolve, reject) => {
        if (!factory) {
          reject(new DOMException("IndexedDB is not available", "InvalidStateError"));
          return;
        }
        let open: IDBOpenDBRequest;
        try {
          open = factory.open(PARCEL_DATABASE, PARCEL_DATABASE_VERSION);
        } catch (error) {
          reject(error);
          return;
        }
        open.onupgradeneeded = (event) => upgrade(open.result, event.oldVersion);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
        open.onblocked = () => reject(new DOMException("the database is open in an older tab", "InvalidStateError"));
      });
      // A failed open may work later (e.g. the other tab closed).
      opening.catch(() => {
        opening = null;
      });
    }
    return opening;
  };

  const run = async <T>(storeName: string, mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<StorageResult<T>> => {
    try {
      const opened = await database();
      const transaction = opened.transaction(storeName, mode);
      return { ok: true, value: await request(() => make(transaction.objectStore(storeName)), transaction) };
    } catch (error) {
      return failureOf(error);
    }
  };

  return {
    list: async () => {
      const result = await run(QUERIES, "readonly", (store) => store.getAll());
      if (!result.ok) return result;
      const records = (result.value as unknown[]).filter(isSavedSiteQuery);
      return { ok: true, value: records.sort((a, b) => b.savedAt.localeCompare(a.savedAt)) };
    },
    save: async (query, name) => {
      const record: SavedSiteQuery = { schemaVersion: RECORD_SCHEMA_VERSION, id: newId(), name, savedAt: new Date().toISOString(), ...plain(query) };
      const result = await run(QUERIES, "readwrite", (store) => store.put(record));
      return result.ok ? { ok: true, value: record } : result;
    },
    remove: async (id) => {
      const result = await run(QUERIES, "readwrite", (store) => store.delete(id));
      return result.ok ? { ok: true, value: undefined } : result;
    },
    loadDraft: async () => {
      const result = await run(DRAFTS, "readonly", (store) => store.get(CURRENT_DRAFT));
      if (!result.ok) return result;
      return { ok: true, value: isSiteDraft(result.value) ? result.value : null };
    },
    saveDraft: async (query, sketch) => {
      const draft: SiteDraft = { schemaVersion: RECORD_SCHEMA_VERSION, savedAt: new Date().toISOString(), query: query ? plain(query) : null, sketch: sketch ? plain(sketch) : null };
      const result = await run(DRAFTS, "readwrite", (store) => store.put(draft, CURRENT_DRAFT));
      return result.ok ? { ok: true, value: undefined } : result;
    },
  };
}
