import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { testBatch } from "../../tests/support/testRecords";
import type { Batch } from "../siteCheck/batch/batchService";
import { BATCHES_STORE, openAppDatabase } from "../state/database";
import { openBatchStorage, PARCELS_PER_CHUNK } from "./batchStorage";
import { openWorkspaceStorage } from "./workspaceStorage";

/** The test batch's two parcels repeated to `count`, each result numbered for its place. */
function batchOf(count: number, id: string): Batch {
  const base = testBatch(id);
  return {
    ...base,
    parcels: Array.from({ length: count }, (_, index) => ({ ...base.parcels[index % 2]!, name: `地块${index}` })),
    results: Array.from({ length: count }, (_, index) => ({ ...base.results[index % 2]!, index })),
  };
}

async function storedKeys(factory: IDBFactory): Promise<string[]> {
  const keys = await openAppDatabase(factory).run(BATCHES_STORE, "readonly", (store) => store.getAllKeys());
  return keys.ok ? keys.value.map(String).sort() : [];
}

describe("batch storage", () => {
  it("stores a batch in chunks under a head, reads it back whole, and drops the chunks of the batch it replaced", async () => {
    const factory = new IDBFactory();
    const storage = openBatchStorage(factory);
    const large = batchOf(PARCELS_PER_CHUNK * 2 + 7, "big");
    expect(await storage.save(large)).toEqual({ ok: true, value: undefined });
    expect(await storedKeys(factory)).toEqual(["big/0", "big/1", "big/2", "current"]);
    expect(await storage.load()).toEqual({ ok: true, value: large });
    // The workspace file reads the same batch in its one transaction.
    const workspace = await openWorkspaceStorage(factory).readAll();
    expect(workspace.ok && workspace.value.batch).toEqual(large);

    const small = batchOf(3, "small");
    await storage.save(small);
    expect(await storedKeys(factory)).toEqual(["current", "small/0"]);
    expect(await storage.load()).toEqual({ ok: true, value: small });
    await storage.clear();
    expect(await storage.load()).toEqual({ ok: true, value: null });
  });

  it("reads no batch when a chunk is missing or damaged, rather than part of one", async () => {
    const factory = new IDBFactory();
    const storage = openBatchStorage(factory);
    await storage.save(batchOf(PARCELS_PER_CHUNK + 1, "b"));
    const database = openAppDatabase(factory);
    await database.run(BATCHES_STORE, "readwrite", (store) => store.put({ start: PARCELS_PER_CHUNK, text: '{"parcels":[{"name":1}],"results":[]}' }, "b/1"));
    expect(await storage.load()).toEqual({ ok: true, value: null });
    await database.run(BATCHES_STORE, "readwrite", (store) => store.delete("b/1"));
    expect(await storage.load()).toEqual({ ok: true, value: null });
  });

  it("a workspace import replaces the stored batch with the file's", async () => {
    const factory = new IDBFactory();
    await openBatchStorage(factory).save(batchOf(4, "old"));
    const imported = batchOf(PARCELS_PER_CHUNK + 2, "new");
    await openWorkspaceStorage(factory).writeAll({
      contents: { savedQueries: [], importedLayers: [], draft: null, settings: null, batch: imported },
      replaceDraft: false,
      replaceSettings: false,
    });
    expect(await storedKeys(factory)).toEqual(["current", "new/0", "new/1"]);
    expect(await openBatchStorage(factory).load()).toEqual({ ok: true, value: imported });
  });
});
