import { IDBFactory, IDBObjectStore as FakeObjectStore } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { buildWorkspaceFile, readWorkspaceFile, serializeWorkspaceFile } from "./workspaceFile";
import { openImportedLayerStorage } from "../state/layerStorage";
import { openParcelStorage } from "../state/parcelStorage";
import { openSettingsStorage, settingsRecordOf } from "../state/settingsStorage";
import { testDraft, testLayer, testQuery, testSavedQuery } from "../../tests/support/testRecords";
import { openWorkspaceStorage } from "./workspaceStorage";

const settings = { language: "en" as const, basemap: "osm" as const, layers: { towns: { visible: false, opacity: 0.4 } }, cautionDistanceMetres: 80 };

async function filledBrowser() {
  const factory = new IDBFactory();
  const parcels = openParcelStorage(factory);
  const saved = await parcels.save(testQuery, "东界");
  await parcels.saveDraft(testDraft.query, testDraft.sketch);
  await openImportedLayerStorage(factory).saveLayer(testLayer("imported-a"));
  await openSettingsStorage(factory).saveSettings(settings);
  if (!saved.ok) throw new Error("save failed");
  return { factory, saved: saved.value };
}

describe("workspace storage", () => {
  it("moves everything from one browser to another through the file", async () => {
    const { factory } = await filledBrowser();
    const read = await openWorkspaceStorage(factory).readAll();
    if (!read.ok) throw new Error(read.message);
    const text = serializeWorkspaceFile(buildWorkspaceFile({ ...read.value, dataPackageVersion: "2023.1.0" }));

    const file = readWorkspaceFile(text);
    if (!file.ok) throw new Error(file.error.code);
    const other = new IDBFactory();
    expect(await openWorkspaceStorage(other).writeAll({ contents: file.workspace, replaceDraft: true, replaceSettings: true })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await openWorkspaceStorage(other).readAll()).toEqual(read);
    expect(await openWorkspaceStorage(other).summary()).toEqual({ ok: true, value: { savedQueries: 1, importedLayers: 1, drafts: 1 } });
  });

  it("merges saved queries by id, replaces layers by id, and replaces the draft and settings", async () => {
    const { factory, saved } = await filledBrowser();
    const renamed = { ...saved, name: "改名" };
    const other = testSavedQuery("q-other");
    const layer = { ...testLayer("imported-a"), provenance: "新版" };
    const storage = openWorkspaceStorage(factory);
    await storage.writeAll({
      contents: { savedQueries: [renamed, other], importedLayers: [layer, testLayer("imported-b")], draft: null, settings: null, batch: null },
      replaceDraft: true,
      replaceSettings: true,
    });
    const read = await storage.readAll();
    expect(read.ok && read.value.savedQueries.map((query) => query.name).sort()).toEqual(["东界 q-other", "改名"]);
    expect(read.ok && read.value.importedLayers).toEqual([layer, testLayer("imported-b")]);
    expect(read.ok && read.value.draft).toBeNull();
    expect(read.ok && read.value.settings).toBeNull();
  });

  it("leaves the draft and settings alone when the file's could not be read", async () => {
    const { factory } = await filledBrowser();
    const storage = openWorkspaceStorage(factory);
    await storage.writeAll({
      contents: { savedQueries: [], importedLayers: [], draft: null, settings: null, batch: null },
      replaceDraft: false,
      replaceSettings: false,
    });
    const read = await storage.readAll();
    expect(read.ok && read.value.draft?.sketch).toEqual(testDraft.sketch);
    expect(read.ok && read.value.settings).toMatchObject(settings);
  });

  it("writes nothing at all when the disk is full part way through", async () => {
    const { factory, saved } = await filledBrowser();
    const storage = openWorkspaceStorage(factory);
    const before = await storage.readAll();
    const originalPut = FakeObjectStore.prototype.put;
    let puts = 0;
    FakeObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      puts++;
      if (puts === 3) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return originalPut.apply(this, args);
    };
    try {
      const result = await storage.writeAll({
        contents: {
          savedQueries: [{ ...saved, name: "改名" }, testSavedQuery("q-2")],
          importedLayers: [testLayer("imported-z")],
          draft: null,
          settings: settingsRecordOf({ ...settings, language: "zh" }),
          batch: null,
        },
        replaceDraft: true,
        replaceSettings: true,
      });
      expect(result).toMatchObject({ ok: false, reason: "quota" });
    } finally {
      FakeObjectStore.prototype.put = originalPut;
    }
    expect(await storage.readAll()).toEqual(before);
  });
});
