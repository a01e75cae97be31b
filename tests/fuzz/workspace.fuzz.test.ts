import { beforeAll, describe, expect, it } from "vitest";
import { mergeImportedLayers } from "../../src/layers/importedLayers";
import type { DataPackage } from "../../src/layers/layerData";
import { loadDataPackage } from "../../src/layers/loadDataPackage";
import { validateLayerData } from "../../src/layers/validateLayerData";
import { fetchGeodata } from "../support/testGeodata";
import { isSavedSiteQuery, isSiteDraft } from "../../src/state/parcelStorage";
import { isSettingsRecord, settingsRecordOf } from "../../src/state/settingsStorage";
import { testBatch, testDraft, testLayer, testSavedQuery } from "../support/testRecords";
import { isBatchRecord } from "../../src/workspace/batchRecord";
import { isImportedLayerRecord } from "../../src/layers/importedLayerRecord";
import { buildWorkspaceFile, readWorkspaceFile, serializeWorkspaceFile } from "../../src/workspace/workspaceFile";
import { workspaceMessageText } from "../../src/i18n/workspaceMessageText";
import { Random } from "./corpus";
import { fuzzSeed } from "./sample";

/*
 * A workspace file is a stranger's file too (it comes by e-mail, it may be edited by hand). Damaged and hostile
 * variants of a valid one must each be refused with a specific message or read with every kept record passing its
 * guard — and the imported layers kept must merge into the data package without an exception, bad ones skipped
 * with a reason.
 */

const SEED = fuzzSeed();
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  "NaN",
  "",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "\u202Eevil",
  [],
  {},
  [[[]]],
  { __proto__: { polluted: true } },
  "x".repeat(100_000),
  Array.from({ length: 1000 }, (_, index) => index),
];

let dataPackage: DataPackage;
beforeAll(async () => {
  const loaded = await loadDataPackage("", fetchGeodata, async () => ({ ok: true, value: 0 }));
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  dataPackage = loaded.value;
});

function validWorkspaceText(): string {
  const layer = { ...testLayer("imported-mining-extraction-blocks-f1"), replaces: "mining-extraction-blocks" };
  return serializeWorkspaceFile(
    buildWorkspaceFile(
      {
        settings: settingsRecordOf(
          { language: "en", basemap: "osm", layers: { towns: { visible: false, opacity: 0.4 } }, cautionDistanceMetres: 80 },
          "2024-06-03T00:00:00.000Z",
        ),
        savedQueries: [testSavedQuery("q-1"), testSavedQuery("q-2")],
        draft: testDraft,
        importedLayers: [layer, { ...layer, id: "imported-parks-f2", replaces: "parks" }],
        batch: testBatch(),
        dataPackageVersion: "2023.1.0",
      },
      "2024-06-10T09:30:00.000Z",
    ),
  );
}

/** Every path to a value inside a JSON value, as keys and indexes. */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...prefix, index], out));
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

function replaced(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

interface Mutation {
  id: string;
  text: string;
}

function mutations(seed: number): Mutation[] {
  const random = new Random(seed);
  const text = validWorkspaceText();
  const parsed = JSON.parse(text) as unknown;
  const allPaths = paths(parsed);
  const out: Mutation[] = [];
  for (let index = 0; index < 60; index++) {
    const at = random.int(0, text.length - 1);
    out.push({ id: `truncated-at-${at}`, text: text.slice(0, at) });
  }
  for (let index = 0; index < 60; index++) {
    const at = random.int(0, text.length - 1);
    const character = String.fromCharCode(random.int(0, 0xffff));
    out.push({ id: `character-${at}-replaced`, text: text.slice(0, at) + character + text.slice(at + 1) });
  }
  for (let index = 0; index < 200; index++) {
    const path = allPaths[random.int(0, allPaths.length - 1)]!;
    const value = HOSTILE_VALUES[random.int(0, HOSTILE_VALUES.length - 1)];
    out.push({ id: `value-at-${path.join(".") || "(root)"}`, text: JSON.stringify(replaced(parsed, path, value)) });
  }
  out.push(
    { id: "bom", text: `\uFEFF${text}` },
    { id: "deep", text: `${"[".repeat(100_000)}${"]".repeat(100_000)}` },
    { id: "deep-inside", text: text.replace('"savedQueries":[', `"savedQueries":[${"[".repeat(5_000)}${"]".repeat(5_000)},`) },
    { id: "proto-keys", text: text.replace('"settings":{', '"settings":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},') },
    { id: "many-layers", text: text.replace('"importedLayers":[', `"importedLayers":[${Array.from({ length: 20_000 }, () => "{}").join(",")},`) },
    { id: "future", text: text.replace('"formatVersion":1', '"formatVersion":99') },
    { id: "geojson", text: '{"type":"FeatureCollection","features":[]}' },
    { id: "whitespace", text: " \n\t " },
  );
  return out;
}

describe(`workspace files, damaged and hostile (FUZZ_SEED=${SEED})`, () => {
  it("refuses each with a specific message, or keeps only records that pass their guards, and merges without a throw", () => {
    const problems: string[] = [];
    const corpus = mutations(SEED);
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    let read = 0;
    let refused = 0;
    let mergedLayers = 0;
    for (const mutation of corpus) {
      const where = `${mutation.id} (FUZZ_SEED=${SEED})`;
      try {
        const result = readWorkspaceFile(mutation.text);
        if (!result.ok) {
          refused++;
          const { code } = result.error;
          const zh = workspaceMessageText(result.error, "zh");
          const en = workspaceMessageText(result.error, "en");
          if (!code || !/[\u4e00-\u9fff]/.test(zh) || !/[A-Za-z]{3}/.test(en) || /\{\w+\}/.test(zh + en))
            problems.push(`${where}: refusal without a specific message`);
          continue;
        }
        read++;
        const { workspace } = result;
        if (!workspace.savedQueries.every(isSavedSiteQuery)) problems.push(`${where}: a saved query that fails its guard was kept`);
        if (!workspace.importedLayers.every(isImportedLayerRecord)) problems.push(`${where}: a layer that fails its guard was kept`);
        if (workspace.draft !== null && !isSiteDraft(workspace.draft)) problems.push(`${where}: a bad draft was kept`);
        if (workspace.settings !== null && !isSettingsRecord(workspace.settings)) problems.push(`${where}: bad settings were kept`);
        if (workspace.batch !== null && !isBatchRecord(workspace.batch)) problems.push(`${where}: a bad batch was kept`);
        const merged = mergeImportedLayers(dataPackage, workspace.importedLayers);
        const mergedIds = new Set(merged.dataPackage.manifest.layers.map((layer) => layer.id));
        const left = workspace.importedLayers.filter((layer) => !mergedIds.has(layer.id)).length;
        if (left > 0 && merged.problems.length === 0) problems.push(`${where}: ${left} layer(s) left out without a reason`);
        // What was merged is what the app will draw and check: it must pass the same validation as a package file.
        for (const layer of merged.dataPackage.manifest.layers.filter((candidate) => candidate.imported)) {
          const load = merged.dataPackage.layers.get(layer.id);
          const validated = load?.type === "loaded" ? validateLayerData(layer, load.data) : null;
          if (!validated?.ok) problems.push(`${where}: merged layer ${layer.id} is not valid: ${validated ? validated.errors.join("; ") : "no data"}`);
          else mergedLayers++;
        }
      } catch (error) {
        problems.push(`${where}: threw ${String(error)}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems).toEqual([]);
    // Both outcomes occur, so neither branch is vacuous.
    expect(read).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(mergedLayers).toBeGreaterThan(0);
  }, 60_000);
});
