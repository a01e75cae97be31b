import type { Batch, BatchStorage } from "../siteCheck/batch/batchService";
import { BATCHES_STORE, CURRENT_KEY, openAppDatabase, type AppDatabase } from "../state/database";
import { isBatchChunk, isBatchMeta, type BatchChunk, type BatchMeta } from "./batchRecord";

/*
 * The last batch check in "batches": its head (file, CRS, warnings, counts) under "current", and its parcels and
 * results in chunks under "<batch id>/<n>". A batch of tens of thousands of parcels is tens of megabytes; storing it
 * as one record would hold the page while the browser copies it, chunk by chunk each copy is short. The head is
 * written last and names its chunks, so a batch half written is never read.
 */

/** Parcels per stored chunk: a copy of a few milliseconds. */
export const PARCELS_PER_CHUNK = 250;

/**
 * A chunk as stored: its parcels and results as JSON text. The browser copies one string into the database far faster
 * than the same data as nested arrays (hundreds of thousands of coordinate pairs), which it copies one by one.
 */
interface StoredChunk {
  start: number;
  text: string;
}

function storedChunk(chunk: BatchChunk): StoredChunk {
  return { start: chunk.start, text: JSON.stringify({ parcels: chunk.parcels, results: chunk.results }) };
}

function chunkOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null || typeof (value as StoredChunk).text !== "string") return null;
  try {
    const parsed = JSON.parse((value as StoredChunk).text) as Record<string, unknown>;
    return { start: (value as StoredChunk).start, parcels: parsed.parcels, results: parsed.results };
  } catch {
    return null;
  }
}

const chunkKey = (batchId: string, index: number) => `${batchId}/${index}`;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The stored form of a batch: its head, and its parcels and results in chunks. */
export function batchRecords(batch: Batch): { meta: BatchMeta; chunks: BatchChunk[] } {
  const { parcels, results, ...head } = batch;
  const chunks: BatchChunk[] = [];
  for (let start = 0; start < parcels.length; start += PARCELS_PER_CHUNK) {
    chunks.push({ start, parcels: parcels.slice(start, start + PARCELS_PER_CHUNK), results: results.slice(start, start + PARCELS_PER_CHUNK) });
  }
  return { meta: { ...head, parcelCount: parcels.length, chunkCount: chunks.length }, chunks };
}

/** A batch again from its head and stored chunks, or null when they do not make a whole one. */
export function batchFromRecords(meta: BatchMeta, chunks: readonly unknown[]): Batch | null {
  if (chunks.length !== meta.chunkCount) return null;
  const parcels: Batch["parcels"] = [];
  const results: Batch["results"] = [];
  for (const stored of chunks) {
    const chunk = chunkOf(stored);
    if (!isBatchChunk(chunk) || chunk.start !== parcels.length) return null;
    parcels.push(...chunk.parcels);
    results.push(...chunk.results);
  }
  if (parcels.length !== meta.parcelCount) return null;
  const { parcelCount: _count, chunkCount: _chunks, ...head } = meta;
  return { ...head, parcels, results };
}

/** Writes a batch's chunks and head in one transaction (the workspace import), replacing whatever was stored. */
export function putBatchRecords(store: IDBObjectStore, batch: Batch): void {
  store.clear();
  const { meta, chunks } = batchRecords(batch);
  chunks.forEach((chunk, index) => store.put(storedChunk(chunk), chunkKey(batch.id, index)));
  store.put(meta, CURRENT_KEY);
}

/** Reads the stored batch inside a transaction; the returned function gives it (or null) after the commit. */
export function getBatchRecords(store: IDBObjectStore): () => Batch | null {
  const meta = store.get(CURRENT_KEY);
  const all = store.getAll();
  const keys = store.getAllKeys();
  return () => {
    if (!isBatchMeta(meta.result)) return null;
    const byKey = new Map((keys.result as IDBValidKey[]).map((key, index) => [String(key), (all.result as unknown[])[index]]));
    return batchFromRecords(
      meta.result,
      Array.from({ length: meta.result.chunkCount }, (_, index) => byKey.get(chunkKey(meta.result.id, index))),
    );
  };
}

async function removeOtherChunks(database: AppDatabase, keepId: string | null) {
  await database
    .run(BATCHES_STORE, "readonly", (store) => store.getAllKeys())
    .then(async (keys) => {
      if (!keys.ok) return;
      const stale = keys.value.map(String).filter((key) => key !== CURRENT_KEY && (keepId === null || !key.startsWith(`${keepId}/`)));
      if (stale.length === 0) return;
      await database.transact([BATCHES_STORE], "readwrite", (stores) => {
        for (const key of stale) stores(BATCHES_STORE).delete(key);
        return () => undefined;
      });
    });
}

/** The last batch check; a head or chunk that fails its guard reads as no batch. Each chunk is read and written in a task of its own. */
export function openBatchStorage(factory: IDBFactory | undefined = globalThis.indexedDB): BatchStorage {
  const database = openAppDatabase(factory);
  return {
    load: async () => {
      const head = await database.run(BATCHES_STORE, "readonly", (store) => store.get(CURRENT_KEY));
      if (!head.ok) return head;
      if (!isBatchMeta(head.value)) return { ok: true, value: null };
      const meta = head.value;
      const chunks: unknown[] = [];
      for (let index = 0; index < meta.chunkCount; index++) {
        await nextTask();
        const chunk = await database.run(BATCHES_STORE, "readonly", (store) => store.get(chunkKey(meta.id, index)));
        if (!chunk.ok) return chunk;
        chunks.push(chunk.value);
      }
      return { ok: true, value: batchFromRecords(meta, chunks) };
    },
    save: async (batch) => {
      const { meta, chunks } = batchRecords(batch);
      for (const [index, chunk] of chunks.entries()) {
        await nextTask();
        const written = await database.run(BATCHES_STORE, "readwrite", (store) => store.put(storedChunk(chunk), chunkKey(batch.id, index)));
        if (!written.ok) return written;
      }
      const written = await database.run(BATCHES_STORE, "readwrite", (store) => store.put(meta, CURRENT_KEY));
      if (!written.ok) return written;
      await removeOtherChunks(database, batch.id);
      return { ok: true, value: undefined };
    },
    clear: async () => {
      const result = await database.run(BATCHES_STORE, "readwrite", (store) => store.clear());
      return result.ok ? { ok: true, value: undefined } : result;
    },
  };
}
