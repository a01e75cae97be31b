import { dataBaseUrl } from "../../layers/dataLocation";
import { reloadWithoutHash } from "../../routing/browserLocation";
import type { StorageResult } from "../../state/database";
import { settingsOf } from "../../state/persistSettings";
import { settingsRecordOf } from "../../state/settingsStorage";
import type { AppStore } from "../../state/store";
import { openWorkspaceStorage, type WorkspaceStorage } from "../../workspace/workspaceStorage";
import { downloadText } from "../parcel/download";
import {
  buildWorkspaceFile,
  MAX_WORKSPACE_BYTES,
  readWorkspaceFile,
  serializeWorkspaceFile,
  workspaceTooLarge,
  type WorkspaceReadResult,
} from "../../workspace/workspaceFile";

/** `大足规划地图-工作区-YYYYMMDD.json`, dated in local time. */
export function workspaceFileName(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `大足规划地图-工作区-${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}.json`;
}

/** The version of the data package this page runs on, or null when its manifest cannot be read now. */
async function dataPackageVersion(): Promise<string | null> {
  try {
    const response = await fetch(`${dataBaseUrl(location.search)}manifest.json`);
    if (!response.ok) return null;
    const manifest: unknown = await response.json();
    const version = typeof manifest === "object" && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
    return typeof version === "string" ? version : null;
  } catch {
    return null;
  }
}

/**
 * Downloads everything this browser keeps as one workspace file: what is stored, with the settings as they are now
 * (their storage trails the screen by a moment). Answers with the file name, or why storage could not be read.
 */
export async function exportWorkspace(store: AppStore, storage: WorkspaceStorage = openWorkspaceStorage()): Promise<StorageResult<string>> {
  const [stored, version] = await Promise.all([storage.readAll(), dataPackageVersion()]);
  if (!stored.ok) return stored;
  const file = buildWorkspaceFile({ ...stored.value, settings: settingsRecordOf(settingsOf(store.getState())), dataPackageVersion: version });
  const fileName = workspaceFileName();
  downloadText(fileName, serializeWorkspaceFile(file), "application/json");
  return { ok: true, value: fileName };
}

/** Reads and checks a chosen file; nothing is written. Oversized files are refused before they are read. */
export async function readWorkspaceUpload(file: Blob): Promise<WorkspaceReadResult> {
  if (file.size > MAX_WORKSPACE_BYTES) return workspaceTooLarge();
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: { code: "workspace-unreadable", key: "unreadable", params: {} } };
  }
  return readWorkspaceFile(text);
}

/**
 * Writes a checked workspace to storage in one transaction (saved queries merged by id, imported layers replaced by
 * id, settings and draft replaced; a draft or settings the file had but that could not be read leave the stored ones
 * alone), then reloads the page without its hash, so the whole app starts from the restored workspace rather than
 * from the address bar. On failure nothing was written and the page stays.
 */
export async function importWorkspace(
  read: Extract<WorkspaceReadResult, { ok: true }>,
  storage: WorkspaceStorage = openWorkspaceStorage(),
  reload: () => void = () => reloadWithoutHash(),
): Promise<StorageResult<void>> {
  const skippedCodes = new Set(read.skipped.map((message) => message.code));
  const result = await storage.writeAll({
    contents: read.workspace,
    replaceDraft: !skippedCodes.has("workspace-skipped-draft"),
    replaceSettings: !skippedCodes.has("workspace-skipped-settings"),
  });
  if (result.ok) reload();
  return result;
}
