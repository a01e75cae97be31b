import { beforeAll, describe, expect, it } from "vitest";
import { importGeoJson } from "../import/importGeoJson";
import type { ImportResult } from "../import/types";
import { importTargets, mergeImportedLayers } from "../layers/importedLayers";
import type { DataPackage } from "../layers/layerData";
import { loadDataPackage } from "../layers/loadDataPackage";
import { fetchGeodata } from "../../tests/support/testGeodata";
import { buildImportedLayer, type ImportedLayerChoices } from "./buildImportedLayer";
import { isImportedLayerRecord, type ImportedLayerRecord } from "../layers/importedLayerRecord";
import { importMessageText } from "../i18n/messages.import";

let dataPackage: DataPackage;
beforeAll(async () => {
  const loaded = await loadDataPackage("", fetchGeodata, async () => ({ ok: true, value: 0 }));
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  dataPackage = loaded.value;
});

/** Two 1 km × 1 km squares near 龙水 and a point, in WGS-84, with attributes a surveyor's export would carry. */
const FILE = JSON.stringify({
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { 名称: "采矿权 A", id: "C5000002009", source: "<img src=x onerror=alert(1)>" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [105.75, 29.55],
            [105.76, 29.55],
            [105.76, 29.56],
            [105.75, 29.56],
            [105.75, 29.55],
          ],
        ],
      },
    },
    {
      type: "Feature",
      properties: { 名称: "采矿权 B" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [105.78, 29.55],
            [105.79, 29.55],
            [105.79, 29.56],
            [105.78, 29.56],
            [105.78, 29.55],
          ],
        ],
      },
    },
    { type: "Feature", properties: { 名称: "井口" }, geometry: { type: "Point", coordinates: [105.77, 29.555] } },
  ],
});

function read(): Extract<ImportResult, { ok: true }> {
  const result = importGeoJson(FILE, "采矿权.geojson");
  if (!result.ok) throw new Error(importMessageText(result.error, "en"));
  return result;
}

function choices(overrides: Partial<ImportedLayerChoices> = {}): ImportedLayerChoices {
  const target = dataPackage.manifest.layers.find((layer) => layer.id === "mining-extraction-blocks")!;
  return {
    target,
    targetLoad: dataPackage.layers.get(target.id),
    title: { zh: "开采区块（正式）", en: "Extraction blocks (official)" },
    provenance: "区规划和自然资源局 2024-03 成果",
    positionalAccuracyM: 1,
    nameProperty: "名称",
    fileName: "采矿权.geojson",
    importedAt: "2024-05-01T08:00:00.000Z",
    idSuffix: "t1",
    ...overrides,
  };
}

function built(overrides: Partial<ImportedLayerChoices> = {}): ImportedLayerRecord {
  const result = buildImportedLayer(read(), choices(overrides));
  if (!result.ok) throw new Error(importMessageText(result.error, "en"));
  return result.record;
}

describe("building an imported official layer", () => {
  it("keeps the target's kind of feature, cites the target's clauses and marks every feature official", () => {
    const result = buildImportedLayer(read(), choices());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { record, warnings } = result;
    expect(isImportedLayerRecord(record)).toBe(true);
    expect(record.id).toBe("imported-mining-extraction-blocks-t1");
    expect(record.replaces).toBe("mining-extraction-blocks");
    expect(record.role).toBe("restricts");
    expect(record.data.features.map((feature) => feature.properties.name)).toEqual(["采矿权 A", "采矿权 B"]);
    // The point is dropped, and the user is told.
    expect(warnings.some((warning) => importMessageText(warning, "zh").includes("1 个要素不是面"))).toBe(true);
    // The 28-block count's clause is what the extraction layer cites.
    expect(record.source).toContain("dzfb-2023-32#s3.p3.n6.para1");
    for (const feature of record.data.features) {
      expect(feature.properties.geometry_quality).toBe("official");
      expect(feature.properties.source).toEqual(record.source);
      expect(feature.properties.geometry_note).toContain("区规划和自然资源局 2024-03 成果");
    }
    // The file's own `id` and `source` do not overwrite provenance; they are kept aside, as text.
    const first = record.data.features[0]!.properties;
    expect(first.id).toBe("imported-mining-extraction-blocks-t1-1");
    expect(first.file_id).toBe("C5000002009");
    expect(first.file_source).toBe("<img src=x onerror=alert(1)>");
  });

  it("refuses without a stated source, with an unusable accuracy, or with nothing of the target's kind", () => {
    expect(buildImportedLayer(read(), choices({ provenance: "  " }))).toMatchObject({ ok: false, error: { code: "provenance-required" } });
    expect(buildImportedLayer(read(), choices({ positionalAccuracyM: Number.NaN }))).toMatchObject({ ok: false, error: { code: "invalid-accuracy" } });
    const memorials = dataPackage.manifest.layers.find((layer) => layer.id === "urban-axes")!;
    const wrong = buildImportedLayer(read(), choices({ target: memorials, targetLoad: dataPackage.layers.get("urban-axes") }));
    expect(wrong).toMatchObject({ ok: false, error: { code: "wrong-geometry-type" } });
  });

  it("names features 要素 N when the chosen attribute is empty", () => {
    const record = built({ nameProperty: "missing" });
    expect(record.data.features.map((feature) => feature.properties.name)).toEqual(["要素 1", "要素 2"]);
  });
});

describe("merging imported layers into the data package", () => {
  it("offers only checked, single-colour, whole-file layers as targets", () => {
    const ids = importTargets(dataPackage).map((layer) => layer.id);
    expect(ids).toEqual(expect.arrayContaining(["mining-extraction-blocks", "mining-key-zone", "parks", "memorials"]));
    expect(ids).not.toContain("towns");
    expect(ids).not.toContain("fee-tiers");
    expect(ids).not.toContain("synthetic-parcels");
  });

  it("draws the import right after its placeholder, which is hidden and no longer checked", () => {
    const record = built();
    const { dataPackage: merged, problems } = mergeImportedLayers(dataPackage, [record]);
    expect(problems).toEqual([]);
    const ids = merged.manifest.layers.map((layer) => layer.id);
    expect(ids.indexOf(record.id)).toBe(ids.indexOf("mining-extraction-blocks") + 1);
    expect([...merged.layers.keys()]).toEqual(ids.filter((id) => merged.layers.has(id)));
    const placeholder = merged.manifest.layers.find((layer) => layer.id === "mining-extraction-blocks")!;
    expect(placeholder).toMatchObject({ visible: false, role: "context" });
    expect(placeholder.summary?.[0]?.count).toBe(28);
    const imported = merged.manifest.layers.find((layer) => layer.id === record.id)!;
    expect(imported).toMatchObject({ geometryQuality: "official", role: "restricts", group: "mining", visible: true, positionalAccuracyM: 1 });
    expect(imported.style.dash).toBeUndefined();
    expect(imported.imported).toMatchObject({ fileName: "采矿权.geojson", replaces: "mining-extraction-blocks" });
    expect(merged.layers.get(record.id)).toMatchObject({ type: "loaded" });
    // The input package is untouched.
    expect(dataPackage.manifest.layers.find((layer) => layer.id === "mining-extraction-blocks")!.role).toBe("restricts");
  });

  it("leaves out, with a reason, records whose target is gone, whose id is taken or whose features are broken", () => {
    const record = built();
    const gone = { ...record, id: "imported-x-1", replaces: "no-such-layer" };
    const broken = {
      ...record,
      id: "imported-y-1",
      data: {
        type: "FeatureCollection" as const,
        features: [
          {
            ...record.data.features[0]!,
            geometry: {
              type: "Polygon" as const,
              coordinates: [
                [
                  [999, 0],
                  [1, 1],
                  [2, 2],
                  [999, 0],
                ],
              ],
            },
          },
        ],
      },
    };
    const { dataPackage: merged, problems } = mergeImportedLayers(dataPackage, [record, record, gone, broken]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain("taken");
    expect(problems[1]).toContain("no-such-layer");
    expect(problems[2]).toContain("outside longitude");
    expect(merged.manifest.layers.filter((layer) => layer.imported)).toHaveLength(1);
  });
});
