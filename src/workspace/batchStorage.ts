import { BATCHES_STORE, CURRENT_KEY, openAppDatabase } from "../state/database";
import type { BatchStorage } from "../siteCheck/batch/batchService";
import { isBatchRecord } from "./batchRecord";

/** The last batch check, one record in "batches"; a record that fails the guard reads as none. */
export function openBatchStorage(factory: IDBFactory | undefined = globalThis.indexedDB): BatchStorage {
  const { run } = openAppDatabase(factory);
  return {
    load: async () => {
      const result = await run(BATCHES_STORE, "readonly", (store) => store.get(CURRENT_KEY));
      if (!result.ok) return result;
      return { ok: true, value: isBatchRecord(result.value) ? result.value : null };
    },
    save: async (batch) => {
      const result = await run(BATCHES_STORE, "readwrite", (store) => store.put(batch, CURRENT_KEY));
      return result.ok ? { ok: true, value: undefined } : result;
    },
    clear: async () => {
      const result = await run(BATCHES_STORE, "readwrite", (store) => store.delete(CURRENT_KEY));
      return result.ok ? { ok: true, value: undefined } : result;
    },
  };
}
