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
export interface WorkspaceMessage {
  code: string;
  zh: string;
  en: string;
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

function refused(code: string, zh: string, en: string): WorkspaceReadResult {
  return { ok: false, error: { code, zh, en } };
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

function skippedRecord(code: string, what: { zh: string; en: string }, index: number, value: unknown, why: { zh: string; en: string }): WorkspaceMessage {
  const name = nameOf(value);
  return {
    code,
    zh: `${what.zh}第 ${index + 1} 条${name ? `“${name}”` : ""}${why.zh}`,
    en: `${what.en} no. ${index + 1}${name ? ` “${name}”` : ""} ${why.en}`,
  };
}

const UNREADABLE = { zh: "无法读取（已损坏或来自不兼容的版本），已跳过。", en: "cannot be read (damaged or from an incompatible version) and is skipped." };
const DUPLICATE = { zh: "与前面的记录编号相同，已跳过。", en: "has the same id as an earlier record and is skipped." };

/** The records of one list that pass `guard`, each id once; the rest are reported. */
function guardedList<T extends { id: string }>(
  values: unknown[],
  guard: (value: unknown) => value is T,
  code: string,
  what: { zh: string; en: string },
  skipped: WorkspaceMessage[],
): T[] {
  const ids = new Set<string>();
  const kept: T[] = [];
  values.forEach((value, index) => {
    if (!guard(value)) skipped.push(skippedRecord(code, what, index, value, UNREADABLE));
    else if (ids.has(value.id)) skipped.push(skippedRecord(code, what, index, value, DUPLICATE));
    else {
      ids.add(value.id);
      kept.push(value);
    }
  });
  return kept;
}

export function workspaceTooLarge(): WorkspaceReadResult {
  const megabytes = MAX_WORKSPACE_BYTES / 1024 / 1024;
  return refused(
    "workspace-too-large",
    `文件超过 ${megabytes} MB，超出工作区文件的上限，已拒绝读取。`,
    `The file is larger than ${megabytes} MB, the limit for a workspace file, so it was not read.`,
  );
}

/** Reads a workspace file's text: the workspace with every record that passes its guard, or why it was refused. */
export function readWorkspaceFile(text: string): WorkspaceReadResult {
  // Two bytes per UTF-16 unit at most; the exact byte count is checked on the file before it is read.
  if (text.length > MAX_WORKSPACE_BYTES) return workspaceTooLarge();
  if (text.trim() === "") return refused("workspace-empty", "文件是空的。", "The file is empty.");
  if (jsonShape(text).depth > MAX_NESTING_DEPTH) {
    return refused(
      "workspace-too-deep",
      `文件嵌套超过 ${MAX_NESTING_DEPTH} 层，不是本地图导出的工作区，已拒绝读取。`,
      `The file is nested more than ${MAX_NESTING_DEPTH} levels deep, which no workspace exported by this map is, so it was not read.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refused("workspace-invalid-json", "文件不是有效的 JSON（可能已损坏或不完整）。", "The file is not valid JSON (it may be damaged or incomplete).");
  }
  if (!isRecord(parsed) || parsed.format !== WORKSPACE_FORMAT) {
    if (isRecord(parsed) && (parsed.type === "FeatureCollection" || parsed.type === "Feature")) {
      return refused(
        "workspace-not-workspace",
        "这是 GeoJSON 文件，不是工作区文件：地块请在“地块核查”中上传，正式数据请用图层面板的“导入正式数据”。",
        "This is a GeoJSON file, not a workspace: upload a site under “Site check”, or official data with “Import official data” in the layer panel.",
      );
    }
    return refused("workspace-not-workspace", "这不是本地图导出的工作区文件。", "This is not a workspace file exported by this map.");
  }
  const version = parsed.formatVersion;
  if (typeof version === "number" && Number.isInteger(version) && version > WORKSPACE_FORMAT_VERSION) {
    return refused(
      "workspace-future-version",
      `此工作区由更新版本的地图导出（格式版本 ${version}），本版本只能读取格式版本 ${WORKSPACE_FORMAT_VERSION}。请更新地图后再导入。`,
      `This workspace was exported by a newer version of the map (format version ${version}); this version reads format version ${WORKSPACE_FORMAT_VERSION} only. Update the map, then import it.`,
    );
  }
  if (version !== WORKSPACE_FORMAT_VERSION) {
    return refused(
      "workspace-bad-version",
      "工作区文件的格式版本无法识别，文件可能已损坏。",
      "The workspace file's format version is not recognised; the file may be damaged.",
    );
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
    return refused(
      "workspace-damaged",
      "工作区文件缺少必要的部分或结构不对，文件可能已损坏。",
      "The workspace file lacks required parts or is not laid out as one; the file may be damaged.",
    );
  }

  const skipped: WorkspaceMessage[] = [];
  const keptQueries = guardedList(savedQueries, isSavedSiteQuery, "workspace-skipped-query", { zh: "已保存地块", en: "Saved site" }, skipped);
  const keptLayers = guardedList(importedLayers, isImportedLayerRecord, "workspace-skipped-layer", { zh: "导入图层", en: "Imported layer" }, skipped);
  let keptDraft: SiteDraft | null = null;
  if (draft !== null) {
    if (isSiteDraft(draft)) keptDraft = draft;
    else skipped.push({ code: "workspace-skipped-draft", zh: `未保存的草稿${UNREADABLE.zh}`, en: `The unsaved draft ${UNREADABLE.en}` });
  }
  let keptSettings: SettingsRecord | null = null;
  if (settings !== null) {
    if (isSettingsRecord(settings)) keptSettings = settings;
    else skipped.push({ code: "workspace-skipped-settings", zh: `设置${UNREADABLE.zh}`, en: `The settings ${UNREADABLE.en}` });
  }
  let keptBatch: Batch | null = null;
  if (batch !== undefined && batch !== null) {
    if (isBatchRecord(batch)) keptBatch = batch;
    else skipped.push({ code: "workspace-skipped-batch", zh: `批量核查结果${UNREADABLE.zh}`, en: `The batch check ${UNREADABLE.en}` });
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
