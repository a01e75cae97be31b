import { areaFigures } from "../../geo/measure";
import type { CrsGuess, ImportedParcel, StoredImportMessage } from "../../import/types";
import type { DataPackage } from "../../layers/layerData";
import type { SiteParcel } from "../../parcel/types";
import type { StorageResult } from "../../state/database";
import type { BatchEntry } from "./batchEntry";
import { runBatch, type BatchChecker } from "./batchRunner";
import type { BatchJobResult } from "./batchWorkerProtocol";
import { restrictingLayers } from "./summaryRows";

export const BATCH_SCHEMA_VERSION = 1;

/** A checked file: its parcels as imported and, for each, the lean outcome of its check (or why it failed). */
export interface Batch {
  schemaVersion: typeof BATCH_SCHEMA_VERSION;
  id: string;
  fileName: string;
  crs: CrsGuess;
  /** The import's warnings (a warning naming a parcel goes on that parcel's row). */
  warnings: StoredImportMessage[];
  /** ISO timestamp of the check. */
  checkedAt: string;
  dataPackageVersion: string;
  parcels: ImportedParcel[];
  /** One per parcel, in the same order. */
  results: BatchJobResult[];
}

/** Where the batch is kept between visits (IndexedDB in the page, see src/workspace/batchStorage.ts). */
export interface BatchStorage {
  load(): Promise<StorageResult<Batch | null>>;
  save(batch: Batch): Promise<StorageResult<void>>;
  clear(): Promise<StorageResult<void>>;
}

export type BatchRunState = { type: "idle" } | { type: "running"; fileName: string; done: number; total: number };

export interface BatchServiceState {
  batch: Batch | null;
  run: BatchRunState;
  /** Said once after a run: it was cancelled (the earlier batch is kept), or the batch could not be stored. */
  notice: "cancelled" | "storage-failed" | null;
}

export interface BatchInput {
  fileName: string;
  crs: CrsGuess;
  warnings: StoredImportMessage[];
  parcels: ImportedParcel[];
}

export interface BatchServiceOptions {
  dataPackage: DataPackage;
  createChecker(): BatchChecker;
  poolSize: number;
  storage: BatchStorage;
  now?(): Date;
}

export interface BatchService {
  state(): BatchServiceState;
  subscribe(listener: () => void): () => void;
  /** Checks every parcel of a file; the new batch replaces the old one only when the run completes. */
  checkAll(input: BatchInput): Promise<"done" | "cancelled">;
  cancel(): void;
  /** The batch of the last visit, if one was stored. */
  restore(): Promise<void>;
  clear(): void;
  /** The current batch's parcels with their outcomes, as the summary rows and the exports read them. */
  entries(): readonly BatchEntry[];
  /** A parcel of the batch as the single-parcel check takes it (its full report is built there). */
  siteParcel(index: number): SiteParcel | null;
}

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The page's batch check: one file's parcels checked on a pool of workers, kept (one batch at a time) across visits. */
export function createBatchService(options: BatchServiceOptions): BatchService {
  const { dataPackage, storage } = options;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<() => void>();
  let state: BatchServiceState = { batch: null, run: { type: "idle" }, notice: null };
  let controller: AbortController | null = null;
  let entries: { batch: Batch; list: BatchEntry[] } | null = null;
  const restricting = restrictingLayers(dataPackage).map((layer) => ({ layerId: layer.id, title: layer.title }));

  const update = (change: Partial<BatchServiceState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };

  const entryOf = (parcel: ImportedParcel, result: BatchJobResult | undefined): BatchEntry => {
    if (result && "outcome" in result) return { ...result.outcome, parcel, properties: parcel.properties };
    // A failed check reads as not checked for every restricting layer: the row says so instead of reading clear.
    return {
      parcel,
      properties: parcel.properties,
      report: { parcel: { gaussKrugerSquareMetres: areaFigures(parcel.geometry).gaussKrugerSquareMetres }, findings: [] },
      notChecked: restricting,
      fee: { questions: [], town: null },
    };
  };

  return {
    state: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    checkAll: async (input) => {
      controller?.abort();
      const run = new AbortController();
      controller = run;
      update({ run: { type: "running", fileName: input.fileName, done: 0, total: input.parcels.length }, notice: null });
      const outcome = await runBatch({
        geometries: input.parcels.map((parcel) => parcel.geometry),
        createChecker: options.createChecker,
        poolSize: options.poolSize,
        signal: run.signal,
        onProgress: ({ done, total }) => {
          if (controller === run) update({ run: { type: "running", fileName: input.fileName, done, total } });
        },
      });
      if (controller !== run) return "cancelled";
      controller = null;
      if (outcome.type === "cancelled") {
        update({ run: { type: "idle" }, notice: "cancelled" });
        return "cancelled";
      }
      const batch: Batch = {
        schemaVersion: BATCH_SCHEMA_VERSION,
        id: newId(),
        fileName: input.fileName,
        crs: input.crs,
        warnings: input.warnings,
        checkedAt: now().toISOString(),
        dataPackageVersion: dataPackage.manifest.version,
        parcels: input.parcels,
        results: outcome.results,
      };
      update({ batch, run: { type: "idle" } });
      const saved = await storage.save(batch);
      if (!saved.ok && state.batch === batch) update({ notice: "storage-failed" });
      return "done";
    },
    cancel: () => controller?.abort(),
    restore: async () => {
      const loaded = await storage.load();
      if (loaded.ok && loaded.value && state.batch === null && state.run.type === "idle") update({ batch: loaded.value });
    },
    clear: () => {
      controller?.abort();
      update({ batch: null, notice: null });
      void storage.clear();
    },
    entries: () => {
      const batch = state.batch;
      if (!batch) return [];
      if (entries?.batch !== batch) entries = { batch, list: batch.parcels.map((parcel, index) => entryOf(parcel, batch.results[index])) };
      return entries.list;
    },
    siteParcel: (index) => {
      const batch = state.batch;
      const parcel = batch?.parcels[index];
      if (!batch || !parcel) return null;
      return {
        name: parcel.name,
        geometry: parcel.geometry,
        origin: "file",
        fileName: batch.fileName,
        crs: batch.crs,
        sourceCoordinates: parcel.sourceCoordinates,
        ...(parcel.vertexLabels ? { vertexLabels: parcel.vertexLabels } : {}),
        ...(parcel.statedAreaHectares !== undefined ? { statedAreaHectares: parcel.statedAreaHectares } : {}),
      };
    },
  };
}
