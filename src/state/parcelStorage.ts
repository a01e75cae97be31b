import type { SketchShape } from "../geo/sketchShape";
import { readStoredCrsGuess } from "../import/storedCrsGuess";
import { CASE_DETAIL_MAX_LENGTH, type CaseDetails, type SiteParcel } from "../parcel/types";
import { CURRENT_KEY, DRAFTS_STORE, openAppDatabase, plain, QUERIES_STORE, type StorageFailure, type StorageResult } from "./database";
import type { SiteQuery } from "./parcelSlice";

/*
 * Saved site queries and the unsaved work in progress, in the app's IndexedDB database (see database.ts):
 *
 *   "queries"  keyPath "id"   SavedSiteQuery — a named parcel with the officer's overrides and fee inputs
 *   "drafts"   key "current"  SiteDraft — the current query and sketch, so a reload loses nothing
 *
 * Every record carries `schemaVersion`; records that fail the guards below (older or foreign) are skipped, never
 * trusted. A new record schema keeps reading the old records or converts them.
 */

export type { StorageFailure, StorageResult };
export const RECORD_SCHEMA_VERSION = 1;

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

/** Checks an imported parcel's CRS guess and puts it back with its reason in the current shape (older records stored text). */
function upgradeCrsGuess(parcel: Record<string, unknown>): boolean {
  if (parcel.crs === undefined) return true;
  const crs = readStoredCrsGuess(parcel.crs);
  if (crs) parcel.crs = crs;
  return crs !== null;
}

export function isSiteParcel(value: unknown): value is SiteParcel {
  return (
    isRecord(value) &&
    isString(value.name) &&
    isParcelGeometry(value.geometry) &&
    ["drawn", "pasted", "file", "link"].includes(value.origin as string) &&
    (value.fileName === undefined || isString(value.fileName)) &&
    upgradeCrsGuess(value)
  );
}

export function isSiteQuery(value: unknown): value is SiteQuery {
  if (!isRecord(value) || !isSiteParcel(value.parcel) || !isRecord(value.overrides) || !isRecord(value.fee)) return false;
  const overridesValid = Object.values(value.overrides).every((override) => isRecord(override) && isString(override.reason) && isString(override.at));
  const fee = value.fee;
  return (
    overridesValid &&
    isRecord(fee.floorAreas) &&
    isRecord(fee.answers) &&
    (value.mineral === null || isString(value.mineral)) &&
    (value.caseDetails === undefined || isCaseDetails(value.caseDetails))
  );
}

/** Case details as stored: both strings, of a sane length (records saved before they were kept have none). */
function isCaseDetails(value: unknown): value is CaseDetails {
  return (
    isRecord(value) &&
    isString(value.caseNumber) &&
    isString(value.officer) &&
    value.caseNumber.length <= CASE_DETAIL_MAX_LENGTH &&
    value.officer.length <= CASE_DETAIL_MAX_LENGTH
  );
}

export function isSketchShape(value: unknown): value is SketchShape {
  return (
    isRecord(value) && ["polygon", "line", "point"].includes(value.kind as string) && isPositions(value.vertices, 0) && typeof value.finished === "boolean"
  );
}

export function isSavedSiteQuery(value: unknown): value is SavedSiteQuery {
  return (
    isRecord(value) &&
    value.schemaVersion === RECORD_SCHEMA_VERSION &&
    isString(value.id) &&
    isString(value.name) &&
    isString(value.savedAt) &&
    isSiteQuery(value)
  );
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

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Opens the store lazily on first use; every call answers with a result, never throws. */
export function openParcelStorage(factory: IDBFactory | undefined = globalThis.indexedDB): ParcelStorage {
  const { run } = openAppDatabase(factory);

  return {
    list: async () => {
      const result = await run(QUERIES_STORE, "readonly", (store) => store.getAll());
      if (!result.ok) return result;
      const records = (result.value as unknown[]).filter(isSavedSiteQuery);
      return { ok: true, value: records.sort((a, b) => b.savedAt.localeCompare(a.savedAt)) };
    },
    save: async (query, name) => {
      const record: SavedSiteQuery = { schemaVersion: RECORD_SCHEMA_VERSION, id: newId(), name, savedAt: new Date().toISOString(), ...plain(query) };
      const result = await run(QUERIES_STORE, "readwrite", (store) => store.put(record));
      return result.ok ? { ok: true, value: record } : result;
    },
    remove: async (id) => {
      const result = await run(QUERIES_STORE, "readwrite", (store) => store.delete(id));
      return result.ok ? { ok: true, value: undefined } : result;
    },
    loadDraft: async () => {
      const result = await run(DRAFTS_STORE, "readonly", (store) => store.get(CURRENT_KEY));
      if (!result.ok) return result;
      return { ok: true, value: isSiteDraft(result.value) ? result.value : null };
    },
    saveDraft: async (query, sketch) => {
      const draft: SiteDraft = {
        schemaVersion: RECORD_SCHEMA_VERSION,
        savedAt: new Date().toISOString(),
        query: query ? plain(query) : null,
        sketch: sketch ? plain(sketch) : null,
      };
      const result = await run(DRAFTS_STORE, "readwrite", (store) => store.put(draft, CURRENT_KEY));
      return result.ok ? { ok: true, value: undefined } : result;
    },
  };
}
