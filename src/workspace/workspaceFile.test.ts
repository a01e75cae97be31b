import { describe, expect, it } from "vitest";
import { settingsRecordOf } from "../state/settingsStorage";
import { testDraft, testLayer, testSavedQuery, testBatch } from "../../tests/support/testRecords";
import { workspaceMessageText } from "../i18n/workspaceMessageText";
import {
  buildWorkspaceFile,
  MAX_WORKSPACE_BYTES,
  readWorkspaceFile,
  serializeWorkspaceFile,
  WORKSPACE_FORMAT,
  type WorkspaceFile,
  type WorkspaceMessage,
} from "./workspaceFile";

const settings = settingsRecordOf(
  {
    language: "en",
    basemap: "osm",
    layers: { towns: { visible: false, opacity: 0.4 }, "imported-a": { visible: true, opacity: 1 } },
    cautionDistanceMetres: 120,
  },
  "2024-06-03T00:00:00.000Z",
);

function sampleWorkspace(): WorkspaceFile {
  return buildWorkspaceFile(
    {
      settings,
      savedQueries: [testSavedQuery("q-1", "2024-05-02T00:00:00.000Z"), testSavedQuery("q-2")],
      draft: testDraft,
      importedLayers: [testLayer("imported-a"), testLayer("imported-b", "2024-06-05T00:00:00.000Z")],
      batch: testBatch(),
      dataPackageVersion: "2023.1.0",
    },
    "2024-06-10T09:30:00.000Z",
  );
}

const zhText = (message: WorkspaceMessage | undefined) => (message ? workspaceMessageText(message, "zh") : "");
const enText = (message: WorkspaceMessage | undefined) => (message ? workspaceMessageText(message, "en") : "");

function refusal(text: string) {
  const result = readWorkspaceFile(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
}

describe("workspace file", () => {
  it("round-trips everything: build → serialize → read", () => {
    const workspace = sampleWorkspace();
    expect(workspace).toMatchObject({ format: "dazu-map-workspace", formatVersion: 1, exportedAt: "2024-06-10T09:30:00.000Z", dataPackageVersion: "2023.1.0" });
    const result = readWorkspaceFile(serializeWorkspaceFile(workspace));
    expect(result).toEqual({ ok: true, workspace, skipped: [] });
  });

  it("reads a file written before batches as having none", () => {
    const { batch: _batch, ...older } = sampleWorkspace();
    const result = readWorkspaceFile(JSON.stringify(older));
    expect(result.ok && result.workspace.batch).toBeNull();
    expect(result.ok && result.skipped).toEqual([]);
  });

  it("refuses a batch whose reason code the message tables do not have, or whose finding status is unknown", () => {
    const batch = testBatch();
    const outcome = (batch.results[0] as unknown as { outcome: { report: { findings: Array<Record<string, unknown>> } } }).outcome;
    for (const change of [{ reason: { code: "constructor", params: {} } }, { status: "<b>bad</b>" }]) {
      const finding = { ...outcome.report.findings[0], ...change };
      const damaged = { ...batch, results: [{ index: 0, outcome: { ...outcome, report: { ...outcome.report, findings: [finding] } } }, batch.results[1]] };
      const result = readWorkspaceFile(JSON.stringify({ ...sampleWorkspace(), batch: damaged }));
      expect(result.ok && result.skipped.map((message) => message.code)).toEqual(["workspace-skipped-batch"]);
    }
  });

  it("round-trips an empty workspace", () => {
    const empty = buildWorkspaceFile(
      { settings: null, savedQueries: [], draft: null, importedLayers: [], batch: null, dataPackageVersion: null },
      "2024-06-10T00:00:00.000Z",
    );
    expect(readWorkspaceFile(serializeWorkspaceFile(empty))).toEqual({ ok: true, workspace: empty, skipped: [] });
  });

  it("skips records that fail their guard or repeat an id, and says which", () => {
    const workspace = sampleWorkspace();
    const garbled = {
      ...workspace,
      savedQueries: [
        workspace.savedQueries[0],
        { ...workspace.savedQueries[1], parcel: { name: "坏地块", origin: "drawn", geometry: { type: "Polygon", coordinates: [[["x", 1]]] } } },
        workspace.savedQueries[0],
        "<img src=x onerror=alert(1)>",
      ],
      importedLayers: [{ ...workspace.importedLayers[0], id: "towns" }, workspace.importedLayers[1]],
      draft: { ...testDraft, schemaVersion: 99 },
      settings: { ...settings, basemap: "javascript:alert(1)" },
      // Row 2 of the results claims to be row 1: results and parcels would no longer line up.
      batch: { ...testBatch(), results: [testBatch().results[0], { index: 0, failed: "x" }] },
    };
    const result = readWorkspaceFile(JSON.stringify(garbled));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workspace.savedQueries).toEqual([workspace.savedQueries[0]]);
    expect(result.workspace.importedLayers).toEqual([workspace.importedLayers[1]]);
    expect(result.workspace.draft).toBeNull();
    expect(result.workspace.settings).toBeNull();
    expect(result.workspace.batch).toBeNull();
    expect(result.skipped.map((message) => message.code)).toEqual([
      "workspace-skipped-query",
      "workspace-skipped-query",
      "workspace-skipped-query",
      "workspace-skipped-layer",
      "workspace-skipped-draft",
      "workspace-skipped-settings",
      "workspace-skipped-batch",
    ]);
    expect(zhText(result.skipped[0])).toBe("已保存地块第 2 条“东界 q-2”无法读取（已损坏或来自不兼容的版本），已跳过。");
    expect(enText(result.skipped[1])).toContain("no. 3 “东界 q-1” has the same id");
  });

  it("refuses what is not a workspace of this version, each with its own bilingual message", () => {
    const workspace = sampleWorkspace();
    expect(refusal("")).toMatchObject({ code: "workspace-empty" });
    const invalidJson = refusal(serializeWorkspaceFile(workspace).slice(0, 200));
    expect(invalidJson.code).toBe("workspace-invalid-json");
    expect(zhText(invalidJson)).toBe("文件不是有效的 JSON（可能已损坏或不完整）。");
    expect(refusal("[1, 2, 3]")).toMatchObject({ code: "workspace-not-workspace" });
    expect(refusal(JSON.stringify({ ...workspace, format: "other-app" }))).toMatchObject({ code: "workspace-not-workspace" });
    expect(zhText(refusal(JSON.stringify({ type: "FeatureCollection", features: [] })))).toContain("GeoJSON");
    const future = refusal(JSON.stringify({ ...workspace, formatVersion: 2 }));
    expect(future.code).toBe("workspace-future-version");
    expect(enText(future)).toContain("format version 2");
    expect(refusal(JSON.stringify({ ...workspace, formatVersion: "1" }))).toMatchObject({ code: "workspace-bad-version" });
    expect(refusal(JSON.stringify({ ...workspace, savedQueries: { "q-1": {} } }))).toMatchObject({ code: "workspace-damaged" });
    expect(refusal(JSON.stringify({ ...workspace, importedLayers: undefined }))).toMatchObject({ code: "workspace-damaged" });
    expect(refusal(JSON.stringify({ ...workspace, draft: "none" }))).toMatchObject({ code: "workspace-damaged" });
    expect(refusal(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toMatchObject({ code: "workspace-too-deep" });
    expect(refusal(" ".repeat(MAX_WORKSPACE_BYTES + 1))).toMatchObject({ code: "workspace-too-large" });
    for (const error of [refusal("{"), refusal("null"), refusal("\u0000\u0001garbage")]) {
      expect(zhText(error).trim()).not.toBe("");
      expect(enText(error).trim()).not.toBe("");
    }
  });

  it("keeps a hostile name as plain text, clipped, in the skip message", () => {
    const name = `<script>alert(1)</script>\u0007${"长".repeat(80)}`;
    const text = JSON.stringify({ ...sampleWorkspace(), savedQueries: [{ name, id: 1 }] });
    const result = readWorkspaceFile(text);
    expect(result.ok && zhText(result.skipped[0])).toBe(
      `已保存地块第 1 条“<script>alert(1)</script> ${"长".repeat(14)}…”无法读取（已损坏或来自不兼容的版本），已跳过。`,
    );
    expect(WORKSPACE_FORMAT).toBe("dazu-map-workspace");
  });
});
