import type { WorkspaceMessageText, WorkspacePart } from "../i18n/workspaceMessageText";
import { jsonShape } from "../import/prescan";
import { MAX_NESTING_DEPTH } from "../import/types";
import { isSavedSiteQuery, isSiteDraft, type SavedSiteQuery, type SiteDraft } from "../state/parcelStorage";
import { isSettingsRecord, type SettingsRecord } from "../state/settingsStorage";
import { isImportedLayerRecord, type ImportedLayerRecord } from "../layers/importedLayerRecord";
import type { Batch } from "../siteCheck/batch/batchService";
import { isBatchRecord } from "./batchRecord";

/*
 * The workspace file: everything this browser keeps (saved site queries, the unsaved draft, imported layers and the
 * settings) as one JSON file, to move to another browser or keep as a backup. The 天地图 key is never in it.
 *
 *   { format: "dazu-map-workspace", formatVersion: 1, exportedAt, dataPackageVersion,
 *     settings, savedQueries, draft, importedLayers, batch }
 *
 * `batch` (the last batch check) came later: a file without it reads as having none.
 *
 * Reading trusts nothing: each record goes through the same guard as a record read from the database, and one that
 * fails is skipped with a reason the user sees before anything is written.
 */

export const WORKSPACE_FORMAT = "dazu-map-workspace";
export const WORKSPACE_FORMAT_VERSION = 1;
/** Largest workspace file read (bytes), checked before reading it: imported layers are up to 50 MB each. */
export const MAX_WORKSPACE_BYTES = 100 * 1024 * 1024;

export interface WorkspaceContents {
  settings: SettingsRecord | null;
  savedQueries: SavedSiteQuery[];
  draft: SiteDraft | null;
  importedLayers: ImportedLayerRecord[];
  batch: Batch | null;
}

export interface WorkspaceFile extends WorkspaceContents {
  format: typeof WORKSPACE_FORMAT;
  formatVersion: typeof WORKSPACE_FORMAT_VERSION;
  /** ISO timestamp. */
  exportedAt: string;
  /** The data package the queries were last checked against, or null when it was not known. */
  dataPackageVersion: string | null;
}

/** A specific, bilingual message; `code` is stable and safe to branch on, the texts are for people. */
/** A stable `code` to branch on, and what to say, worded at the edge by src/i18n/workspaceMessageText.ts. */
export interface WorkspaceMessage extends WorkspaceMessageText {
  code: string;
}

export type WorkspaceReadResult = { ok: true; workspace: WorkspaceFile; skipped: WorkspaceMessage[] } | { ok: false; error: WorkspaceMessage };

export function buildWorkspaceFile(contents: WorkspaceContents & { dataPackageVersion: string | null }, exportedAt = new Date().toISOString()): WorkspaceFile {
  return {
    format: WORKSPACE_FORMAT,
    formatVersion: WORKSPACE_FORMAT_VERSION,
    exportedAt,
    dataPackageVersion: contents.dataPackageVersion,
    settings: contents.settings,
    savedQueries: contents.savedQueries,
    draft: contents.draft,
    importedLayers: contents.importedLayers,
    batch: contents.batch,
  };
}

export function serializeWorkspaceFile(file: WorkspaceFile): string {
  return `${JSON.stringify(file)}\n`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function refused(code: string, key: WorkspaceMessageText["key"], params: WorkspaceMessageText["params"] = {}): WorkspaceReadResult {
  return { ok: false, error: { code, key, params } };
}

/** A name from the file for a message: plain text, at most 40 characters. */
function nameOf(value: unknown): string {
  if (!isRecord(value)) return "";
  const name =
    typeof value.name === "string"
      ? value.name
      : isRecord(value.title) && typeof value.title.zh === "string"
        ? value.title.zh
        : typeof value.id === "string"
          ? value.id
          : "";
  const clipped = name.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return clipped.length > 40 ? `${clipped.slice(0, 40)}…` : clipped;
}

function skippedRecord(code: string, what: WorkspacePart, index: number, value: unknown, why: "Unreadable" | "Duplicate"): WorkspaceMessage {
  const name = nameOf(value);
  return {
    code,
    key: name ? `record${why}Named` : `record${why}`,
    params: { what, number: index + 1, ...(name ? { name } : {}) },
  };
}

/** The records of one list that pass `guard`, each id once; the rest are reported. */
function guardedList<T extends { id: string }>(
  values: unknown[],
  guard: (value: unknown) => value is T,
  code: string,
  what: WorkspacePart,
  skipped: WorkspaceMessage[],
): T[] {
  const ids = new Set<string>();
  const kept: T[] = [];
  values.forEach((value, index) => {
    if (!guard(value)) skipped.push(skippedRecord(code, what, index, value, "Unreadable"));
    else if (ids.has(value.id)) skipped.push(skippedRecord(code, what, index, value, "Duplicate"));
    else {
      ids.add(value.id);
      kept.push(value);
    }
  });
  return kept;
}

export function workspaceTooLarge(): WorkspaceReadResult {
  return refused("workspace-too-large", "tooLarge", { megabytes: MAX_WORKSPACE_BYTES / 1024 / 1024 });
}

/** Reads a workspace file's text: the workspace with every record that passes its guard, or why it was refused. */
export function readWorkspaceFile(text: string): WorkspaceReadResult {
  // Two bytes per UTF-16 unit at most; the exact byte count is checked on the file before it is read.
  if (text.length > MAX_WORKSPACE_BYTES) return workspaceTooLarge();
  if (text.trim() === "") return refused("workspace-empty", "empty");
  if (jsonShape(text).depth > MAX_NESTING_DEPTH) {
    return refused("workspace-too-deep", "tooDeep", { depth: MAX_NESTING_DEPTH });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refused("workspace-invalid-json", "invalidJson");
  }
  if (!isRecord(parsed) || parsed.format !== WORKSPACE_FORMAT) {
    if (isRecord(parsed) && (parsed.type === "FeatureCollection" || parsed.type === "Feature")) {
      return refused("workspace-not-workspace", "geojson");
    }
    return refused("workspace-not-workspace", "notWorkspace");
  }
  const version = parsed.formatVersion;
  if (typeof version === "number" && Number.isInteger(version) && version > WORKSPACE_FORMAT_VERSION) {
    return refused("workspace-future-version", "futureVersion", { version, supported: WORKSPACE_FORMAT_VERSION });
  }
  if (version !== WORKSPACE_FORMAT_VERSION) {
    return refused("workspace-bad-version", "badVersion");
  }
  const { exportedAt, dataPackageVersion, settings, savedQueries, draft, importedLayers, batch } = parsed;
  if (
    typeof exportedAt !== "string" ||
    !(dataPackageVersion === null || typeof dataPackageVersion === "string") ||
    !Array.isArray(savedQueries) ||
    !Array.isArray(importedLayers) ||
    !(settings === null || isRecord(settings)) ||
    !(draft === null || isRecord(draft))
  ) {
    return refused("workspace-damaged", "damaged");
  }

  const skipped: WorkspaceMessage[] = [];
  const keptQueries = guardedList(savedQueries, isSavedSiteQuery, "workspace-skipped-query", "query", skipped);
  const keptLayers = guardedList(importedLayers, isImportedLayerRecord, "workspace-skipped-layer", "layer", skipped);
  let keptDraft: SiteDraft | null = null;
  if (draft !== null) {
    if (isSiteDraft(draft)) keptDraft = draft;
    else skipped.push({ code: "workspace-skipped-draft", key: "partUnreadable", params: { what: "draft" } });
  }
  let keptSettings: SettingsRecord | null = null;
  if (settings !== null) {
    if (isSettingsRecord(settings)) keptSettings = settings;
    else skipped.push({ code: "workspace-skipped-settings", key: "partUnreadable", params: { what: "settings" } });
  }
  let keptBatch: Batch | null = null;
  if (batch !== undefined && batch !== null) {
    if (isBatchRecord(batch)) keptBatch = batch;
    else skipped.push({ code: "workspace-skipped-batch", key: "partUnreadable", params: { what: "batch" } });
  }
  return {
    ok: true,
    workspace: buildWorkspaceFile(
      { dataPackageVersion, settings: keptSettings, savedQueries: keptQueries, draft: keptDraft, importedLayers: keptLayers, batch: keptBatch },
      exportedAt,
    ),
    skipped,
  };
}
