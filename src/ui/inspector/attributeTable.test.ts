import { describe, expect, it } from "vitest";
import { loadDataPackageFromDisk } from "../../../tests/unit/dataPackageOnDisk";
import type { NameVocabulary } from "../../layers/attributeValues";
import type { LayerDefinition } from "../../layers/manifestTypes";
import { featureAttributes, unlabelledKeys } from "./attributeTable";

const { manifest, layerData, documents } = loadDataPackageFromDisk();

/** The same vocabulary `nameVocabulary` builds from the loaded package, from the files on disk. */
const names: NameVocabulary = new Map(
  [...layerData].map(([layerId, data]) => [
    layerId,
    new Map(
      data.features.flatMap((feature) =>
        typeof feature.properties?.name_en === "string" ? [[feature.properties.name as string, feature.properties.name_en]] : [],
      ),
    ),
  ]),
);

const HAN = /\p{Script=Han}/u;

function layer(id: string): LayerDefinition {
  return manifest.layers.find((candidate) => candidate.id === id)!;
}

function properties(layerId: string, name: string): Record<string, unknown> {
  const feature = layerData.get(layerId)!.features.find((candidate) => candidate.properties?.name === name);
  if (!feature?.properties) throw new Error(`${name} is not in ${layerId}`);
  return feature.properties;
}

function rowsOf(layerId: string, name: string, language: "zh" | "en") {
  return featureAttributes(properties(layerId, name), layer(layerId), language, names);
}

function cellValue(rows: ReturnType<typeof featureAttributes>, key: string): string | undefined {
  return rows.find((row) => row.key === key)?.value;
}

describe("attribute labels on the real data package", () => {
  it("lists or declares internal every property key of every layer", () => {
    const missing = new Set<string>();
    for (const [layerId, data] of layerData) {
      for (const feature of data.features) for (const key of unlabelledKeys(feature.properties ?? {}, layer(layerId))) missing.add(`${layerId}: ${key}`);
    }
    expect([...missing]).toEqual([]);
  });

  it("reports a key the manifest has not caught up with", () => {
    expect(unlabelledKeys({ id: "x", name: "x", fee_tier: 120, flood_zone: "A", flood_zone_en: "A" }, layer("fee-tiers"))).toEqual(["flood_zone"]);
  });

  it("cites only documents of the corpus", () => {
    const known = new Set(documents.map((document) => document.id));
    const cited = manifest.layers.flatMap((definition) => (definition.attributes ?? []).flatMap((attribute) => attribute.document ?? []));
    expect(cited.length).toBeGreaterThan(10);
    expect(cited.filter((id) => !known.has(id))).toEqual([]);
  });

  it("in English, writes every name and value of every feature of every layer without Chinese, quotations and data notes aside", () => {
    const chinese: string[] = [];
    for (const [layerId, data] of layerData) {
      for (const feature of data.features) {
        for (const row of featureAttributes(feature.properties ?? {}, layer(layerId), "en", names)) {
          if (row.kind === "words" && (HAN.test(row.value) || HAN.test(row.label)))
            chinese.push(`${layerId}/${feature.properties?.id} ${row.key}: ${row.value}`);
        }
      }
    }
    expect(chinese).toEqual([]);
  });

  it("shows 国梁镇's fee tier with its unit, leading the list in the fee-tier layer", () => {
    const rows = rowsOf("fee-tiers", "国梁镇", "zh");
    expect(rows[0]).toEqual({ key: "fee_tier", label: "城市基础设施配套费", value: "120 元/m²（按建筑面积）", kind: "words" });
    expect(cellValue(rows, "fee_tier_basis")).toBe("13号按名列出");
    expect(cellValue(rows, "disability_tier")).toBe("第（3）档：13个镇的场镇");
  });

  it("keeps the declared order: kind first as a town, the subsidy first in its own layer", () => {
    expect(rowsOf("towns", "国梁镇", "zh")[0]!.key).toBe("kind");
    expect(
      rowsOf("disability-subsidy", "国梁镇", "zh")
        .slice(0, 2)
        .map((row) => row.key),
    ).toEqual(["disability_tier", "disability_tier_note"]);
  });

  it("never lists internal keys, and leaves out empty values and a false split", () => {
    const rows = rowsOf("towns", "龙岗街道", "zh");
    const keys = rows.map((row) => row.key);
    for (const hidden of ["id", "name", "source", "seat", "geometry_note", ...(layer("towns").internalProperties ?? [])]) expect(keys).not.toContain(hidden);
    expect(keys.filter((key) => key.endsWith("_en"))).toEqual([]);
    expect(keys).not.toContain("park");
    expect(keys).not.toContain("park_candidates");
    expect(keys).not.toContain("fee_split");
    expect(keys).not.toContain("fee_tier_outside_urban_land");
    expect(rows.every((row) => row.label !== row.key)).toBe(true);
  });

  it("spells out 智凤街道's split fee, the park candidates and the inferred tiers", () => {
    const zhifeng = rowsOf("fee-tiers", "智凤街道", "zh");
    expect(cellValue(zhifeng, "fee_split")).toContain("两档");
    expect(cellValue(zhifeng, "fee_tier_outside_urban_land")).toBe("150 元/m²（按建筑面积）");
    expect(cellValue(rowsOf("fee-tiers", "三驱镇", "zh"), "park_candidates")).toBe("大足高新区");
    const shuanglu = rowsOf("fee-tiers", "双路街道", "zh");
    expect(cellValue(shuanglu, "fee_tier_basis")).toBe("推定（13号未列名）");
    expect(cellValue(shuanglu, "park")).toBe("双桥经开区");
  });

  it("uses the English variants, the vocabulary and the towns' English names in English", () => {
    const rows = rowsOf("fee-tiers", "国梁镇", "en");
    expect(rows[0]!.label).toBe("Urban infrastructure charge");
    expect(rows[0]!.value).toBe("¥120 per m² of floor area");
    expect(rows.find((row) => row.key === "fee_tier_note")).toMatchObject({ value: "Named in 13号 at 120 ¥/m².", kind: "prose" });
    expect(cellValue(rows, "kind")).toBe("Town");
    expect(cellValue(rows, "urban_group")).toBe("General town");
    expect(cellValue(rowsOf("mining-key-zone", "西山背斜渝蓉高速以北重点开采区", "en"), "towns")).toBe("Yongxi Town, Gulong Town, Wangu Town");
    expect(cellValue(rowsOf("parks", "双桥经开区", "en"), "administered_towns")).toBe(
      "Longtanzi Subdistrict, Shuanglu Subdistrict, Tongqiao Subdistrict, Youting Town",
    );
    expect(cellValue(rowsOf("fee-tiers", "三驱镇", "en"), "park_candidates")).toBe("Dazu High-tech Zone");
    expect(cellValue(rowsOf("memorial-uncertainty", "杨盛金烈士墓、苏朝淼烈士墓、彭宗全烈士墓位置不确定范围", "en"), "memorials")).toBe(
      "Tomb of Martyr Yang Shengjin, Tomb of Martyr Su Chaomiao, Tomb of Martyr Peng Zongquan",
    );
  });

  it("formats memorial, mining and urban attributes with units, and keeps the published address as a quotation", () => {
    const memorial = rowsOf("memorials", "饶国梁烈士纪念碑", "zh");
    expect(memorial.find((row) => row.key === "address")).toMatchObject({ value: "大足区龙岗街道办事处龙岗村1组12号（北山公园内）", kind: "quote" });
    expect(rowsOf("memorials", "饶国梁烈士纪念碑", "en").find((row) => row.key === "address")?.kind).toBe("quote");
    expect(cellValue(memorial, "protection_range")).toBe("主体及所在广场");
    expect(cellValue(memorial, "uncertainty_m")).toBe("约 ±1 km");
    expect(cellValue(memorial, "position_verified")).toBe("否");
    expect(cellValue(memorial, "shared_position_with")).toBeUndefined();
    const zone = rowsOf("mining-key-zone", "西山背斜渝蓉高速以北重点开采区", "zh");
    expect(cellValue(zone, "published_area_km2")).toBe("16.55 km²");
    expect(cellValue(zone, "mining_rights_total")).toBe("13");
    expect(cellValue(zone, "area_by_town_km2")).toBe("古龙镇 10.36 km²、雍溪镇 6.11 km²、万古镇 0.07 km²");
    expect(cellValue(rowsOf("mining-key-zone", "西山背斜渝蓉高速以北重点开采区", "en"), "area_by_town_km2")).toBe(
      "Gulong Town 10.36 km², Yongxi Town 6.11 km², Wangu Town 0.07 km²",
    );
    const centre = rowsOf("urban-areas", "城镇发展中心区", "en");
    expect(cellValue(centre, "member_towns")).toBe("Tangxiang Subdistrict, Longgang Subdistrict, Zhifeng Subdistrict");
    expect(centre.map((row) => row.key)).not.toContain("conflict_note");
  });
});
