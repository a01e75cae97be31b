import { describe, expect, it, vi } from "vitest";
import type { StorageResult } from "../../state/database";
import { testDraft, testLayer, testSavedQuery } from "../../../tests/support/testRecords";
import type { WorkspaceStorage, WorkspaceWrite } from "../../workspace/workspaceStorage";
import { workspaceMessageText } from "../../i18n/workspaceMessageText";
import { buildWorkspaceFile, readWorkspaceFile, serializeWorkspaceFile } from "../../workspace/workspaceFile";
import { importWorkspace, readWorkspaceUpload, workspaceFileName } from "./workspaceTransfer";

function recordingStorage(answer: StorageResult<void>) {
  const writes: WorkspaceWrite[] = [];
  const storage: WorkspaceStorage = {
    readAll: async () => ({ ok: false, reason: "failed", message: "not used" }),
    summary: async () => ({ ok: false, reason: "failed", message: "not used" }),
    writeAll: async (write) => {
      writes.push(write);
      return answer;
    },
  };
  return { storage, writes };
}

const workspace = buildWorkspaceFile({
  settings: null,
  savedQueries: [testSavedQuery("q-1")],
  draft: testDraft,
  importedLayers: [testLayer("imported-a")],
  batch: null,
  dataPackageVersion: "2023.1.0",
});

describe("workspace transfer", () => {
  it("names the file by the local date", () => {
    expect(workspaceFileName(new Date(2024, 0, 5, 23, 59))).toBe("大足规划地图-工作区-20240105.json");
  });

  it("writes the checked workspace and reloads; a failed write does not reload", async () => {
    const read = readWorkspaceFile(serializeWorkspaceFile(workspace));
    if (!read.ok) throw new Error(workspaceMessageText(read.error, "en"));
    const ok = recordingStorage({ ok: true, value: undefined });
    const reload = vi.fn();
    expect(await importWorkspace(read, ok.storage, reload)).toEqual({ ok: true, value: undefined });
    expect(ok.writes).toEqual([{ contents: workspace, replaceDraft: true, replaceSettings: true }]);
    expect(reload).toHaveBeenCalledOnce();

    const full = recordingStorage({ ok: false, reason: "quota", message: "full" });
    const notReloaded = vi.fn();
    expect(await importWorkspace(read, full.storage, notReloaded)).toEqual({ ok: false, reason: "quota", message: "full" });
    expect(notReloaded).not.toHaveBeenCalled();
  });

  it("leaves the stored draft and settings alone when the file's could not be read", async () => {
    const read = readWorkspaceFile(JSON.stringify({ ...workspace, draft: { broken: true }, settings: { language: "xx" } }));
    if (!read.ok) throw new Error(workspaceMessageText(read.error, "en"));
    const { storage, writes } = recordingStorage({ ok: true, value: undefined });
    await importWorkspace(read, storage, () => undefined);
    expect(writes[0]).toMatchObject({ replaceDraft: false, replaceSettings: false });
  });

  it("refuses an oversized file before reading it", async () => {
    const huge = { size: 200 * 1024 * 1024, text: vi.fn() } as unknown as Blob;
    expect(await readWorkspaceUpload(huge)).toMatchObject({ ok: false, error: { code: "workspace-too-large" } });
    expect((huge as unknown as { text: ReturnType<typeof vi.fn> }).text).not.toHaveBeenCalled();
    const small = new Blob([serializeWorkspaceFile(workspace)]);
    expect(await readWorkspaceUpload(small)).toEqual({ ok: true, workspace, skipped: [] });
  });
});
