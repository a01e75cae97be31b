import { isImportedLayerRecord, type ImportedLayerRecord } from "../layers/importedLayerRecord";
import type { WorkspaceContents } from "./workspaceFile";
import { BATCHES_STORE, CURRENT_KEY, DRAFTS_STORE, LAYERS_STORE, openAppDatabase, QUERIES_STORE, SETTINGS_STORE, type StorageResult } from "../state/database";
import { getBatchRecords, putBatchRecords } from "./batchStorage";
import { isSavedSiteQuery, isSiteDraft, type SavedSiteQuery, type SiteDraft } from "../state/parcelStorage";
import { isSettingsRecord, type SettingsRecord } from "../state/settingsStorage";

/** Everything the app keeps in its database at once, for the workspace file (see src/workspace/workspaceFile.ts). */

const ALL_STORES = [QUERIES_STORE, DRAFTS_STORE, LAYERS_STORE, SETTINGS_STORE, BATCHES_STORE] as const;

export interface WorkspaceSummary {
  savedQueries: number;
  importedLayers: number;
  drafts: number;
}

export interface WorkspaceWrite {
  contents: WorkspaceContents;
  /** False leaves the stored draft as it is (the file's draft could not be read); true replaces it, null clearing it. */
  replaceDraft: boolean;
  /** Likewise for the settings. */
  replaceSettings: boolean;
}

export interface WorkspaceStorage {
  /** Every stored record that passes its guard, read in one transaction. */
  readAll(): Promise<StorageResult<WorkspaceContents>>;
  /** Counts for the workspace panel; imported layers are counted without reading their features. */
  summary(): Promise<StorageResult<WorkspaceSummary>>;
  /**
   * Writes a workspace in one transaction, so a failure (a full disk) leaves every store as it was: saved queries are
   * merged by id, imported layers replaced by id, the draft and the settings replaced.
   */
  writeAll(write: WorkspaceWrite): Promise<StorageResult<void>>;
}

export function openWorkspaceStorage(factory: IDBFactory | undefined = globalThis.indexedDB): WorkspaceStorage {
  const database = openAppDatabase(factory);
  return {
    readAll: () =>
      database.transact(ALL_STORES, "readonly", (stores) => {
        const queries = stores(QUERIES_STORE).getAll();
        const draft = stores(DRAFTS_STORE).get(CURRENT_KEY);
        const layers = stores(LAYERS_STORE).getAll();
        const settings = stores(SETTINGS_STORE).get(CURRENT_KEY);
        const batch = getBatchRecords(stores(BATCHES_STORE));
        return (): WorkspaceContents => ({
          savedQueries: (queries.result as unknown[])
            .filter(isSavedSiteQuery)
            .sort((a: SavedSiteQuery, b: SavedSiteQuery) => b.savedAt.localeCompare(a.savedAt)),
          draft: isSiteDraft(draft.result) ? (draft.result as SiteDraft) : null,
          // The order of the layer list (layerStorage.ts).
          importedLayers: ((layers.result as unknown[]).filter(isImportedLayerRecord) as ImportedLayerRecord[]).sort(
            (a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id),
          ),
          settings: isSettingsRecord(settings.result) ? (settings.result as SettingsRecord) : null,
          batch: batch(),
        });
      }),
    summary: () =>
      database.transact([QUERIES_STORE, DRAFTS_STORE, LAYERS_STORE], "readonly", (stores) => {
        const queries = stores(QUERIES_STORE).getAll();
        const draft = stores(DRAFTS_STORE).get(CURRENT_KEY);
        const layers = stores(LAYERS_STORE).count();
        return (): WorkspaceSummary => {
          const storedDraft = isSiteDraft(draft.result) ? draft.result : null;
          return {
            savedQueries: (queries.result as unknown[]).filter(isSavedSiteQuery).length,
            importedLayers: layers.result,
            drafts: storedDraft && (storedDraft.query !== null || storedDraft.sketch !== null) ? 1 : 0,
          };
        };
      }),
    writeAll: ({ contents, replaceDraft, replaceSettings }) =>
      database.transact(ALL_STORES, "readwrite", (stores) => {
        for (const query of contents.savedQueries) stores(QUERIES_STORE).put(query);
        for (const layer of contents.importedLayers) stores(LAYERS_STORE).put(layer);
        if (replaceDraft) {
          if (contents.draft) stores(DRAFTS_STORE).put(contents.draft, CURRENT_KEY);
          else stores(DRAFTS_STORE).delete(CURRENT_KEY);
        }
        // A file without a batch leaves the stored one: the batch is one more record, like an imported layer.
        if (contents.batch) putBatchRecords(stores(BATCHES_STORE), contents.batch);
        if (replaceSettings) {
          if (contents.settings) stores(SETTINGS_STORE).put(contents.settings, CURRENT_KEY);
          else stores(SETTINGS_STORE).delete(CURRENT_KEY);
        }
        return () => undefined;
      }),
  };
}
