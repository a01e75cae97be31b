import { isImportedLayerRecord, type ImportedLayerRecord } from "../layers/importedLayerRecord";
import { LAYERS_STORE, openAppDatabase, plain, type StorageResult } from "./database";

/** Official datasets the user imported as layers, in the "layers" store of the app's database (see database.ts). */
export interface ImportedLayerStorage {
  /** Only records that pass `isImportedLayerRecord`, oldest import first. */
  listLayers(): Promise<StorageResult<ImportedLayerRecord[]>>;
  /** Adds the layer, or replaces the one with the same id. */
  saveLayer(record: ImportedLayerRecord): Promise<StorageResult<void>>;
  removeLayer(id: string): Promise<StorageResult<void>>;
}

/** By `importedAt`, then id, so layers keep their order in the panel across reloads. */
function byImportTime(a: ImportedLayerRecord, b: ImportedLayerRecord): number {
  return a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id);
}

/** Opens the database lazily on first use; every call answers with a result (quota errors as "quota"), never throws. */
export function openImportedLayerStorage(factory: IDBFactory | undefined = globalThis.indexedDB): ImportedLayerStorage {
  const { run } = openAppDatabase(factory);
  return {
    listLayers: async () => {
      const result = await run(LAYERS_STORE, "readonly", (store) => store.getAll());
      if (!result.ok) return result;
      return { ok: true, value: (result.value as unknown[]).filter(isImportedLayerRecord).sort(byImportTime) };
    },
    saveLayer: async (record) => {
      // A record that would not read back is refused here rather than stored and skipped later.
      if (!isImportedLayerRecord(record)) return { ok: false, reason: "failed", message: "not an imported layer record" };
      const result = await run(LAYERS_STORE, "readwrite", (store) => store.put(plain(record)));
      return result.ok ? { ok: true, value: undefined } : result;
    },
    removeLayer: async (id) => {
      const result = await run(LAYERS_STORE, "readwrite", (store) => store.delete(id));
      return result.ok ? { ok: true, value: undefined } : result;
    },
  };
}
