import { describe, expect, it } from "vitest";
import { loadDataPackageFromDisk } from "../../../tests/unit/dataPackageOnDisk";
import type { LayerDefinition } from "../../layers/manifestTypes";
import { featureAttributes, HIDDEN_ATTRIBUTE_KEYS, unlabelledKeys } from "./attributeTable";

const { manifest, layerData } = loadDataPackageFromDisk();

function layer(id: string): LayerDefinition {
  return manifest.layers.find((candidate) => candidate.id === id)!;
}

function properties(layerId: string, name: string): Record<string, unknown> {
  const feature = layerData.get(layerId)!.features.find((candidate) => candidate.properties?.name === name);
  if (!feature?.properties) throw new Error(`${name} is not in ${layerId}`);
  return feature.properties;
}

function valueOf(rows: ReturnType<typeof featureAttributes>, key: string): string | undefined {
  return rows.find((row) => row.key === key)?.value;
}

describe("attribute labels on the real data package", () => {
  it("labels or deliberately hides every property key of every layer", () => {
    const missing = new Set<string>();
    for (const [layerId, data] of layerData) {
      for (const feature of data.features) for (const key of unlabelledKeys(feature.properties ?? {})) missing.add(`${layerId}: ${key}`);
    }
    expect([...missing]).toEqual([]);
  });

  it("shows 国梁镇's fee tier with its unit, leading the list in the fee-tier layer", () => {
    const rows = featureAttributes(properties("fee-tiers", "国梁镇"), layer("fee-tiers"), "zh");
    expect(rows[0]!.key).toBe("fee_tier");
    expect(rows[0]!.label).toBe("城市基础设施配套费");
    expect(rows[0]!.value).toBe("120 元/m²（按建筑面积）");
    expect(valueOf(rows, "fee_tier_basis")).toBe("13号按名列出");
    expect(valueOf(rows, "disability_tier")).toBe("第（3）档：13个镇的场镇");
  });

  it("keeps the table order in a layer drawn from several documents, and puts the subsidy first in its own layer", () => {
    const asTown = featureAttributes(properties("towns", "国梁镇"), layer("towns"), "zh");
    expect(asTown[0]!.key).toBe("kind");
    const asSubsidy = featureAttributes(properties("disability-subsidy", "国梁镇"), layer("disability-subsidy"), "zh");
    expect(asSubsidy.slice(0, 2).map((row) => row.key)).toEqual(["disability_tier", "disability_tier_note"]);
  });

  it("never lists raw or internal keys, and leaves out empty values and a false split", () => {
    const rows = featureAttributes(properties("towns", "龙岗街道"), layer("towns"), "zh");
    const keys = rows.map((row) => row.key);
    for (const hidden of HIDDEN_ATTRIBUTE_KEYS) expect(keys).not.toContain(hidden);
    expect(keys.filter((key) => key.endsWith("_en"))).toEqual([]);
    expect(keys).not.toContain("park");
    expect(keys).not.toContain("park_candidates");
    expect(keys).not.toContain("fee_split");
    expect(keys).not.toContain("fee_tier_outside_urban_land");
    expect(rows.every((row) => row.label !== row.key)).toBe(true);
  });

  it("spells out 智凤街道's split fee, the park candidates and the inferred tiers", () => {
    const zhifeng = featureAttributes(properties("fee-tiers", "智凤街道"), layer("fee-tiers"), "zh");
    expect(valueOf(zhifeng, "fee_split")).toContain("两档");
    expect(valueOf(zhifeng, "fee_tier_outside_urban_land")).toBe("150 元/m²（按建筑面积）");
    const sanqu = featureAttributes(properties("fee-tiers", "三驱镇"), layer("fee-tiers"), "zh");
    expect(valueOf(sanqu, "park_candidates")).toBe("大足高新区");
    const shuanglu = featureAttributes(properties("fee-tiers", "双路街道"), layer("fee-tiers"), "zh");
    expect(valueOf(shuanglu, "fee_tier_basis")).toBe("推定（13号未列名）");
    expect(valueOf(shuanglu, "park")).toBe("双桥经开区");
  });

  it("uses the English variants and translated codes in English", () => {
    const rows = featureAttributes(properties("fee-tiers", "国梁镇"), layer("fee-tiers"), "en");
    expect(rows[0]!.label).toBe("Urban infrastructure charge");
    expect(rows[0]!.value).toContain("120 元/m²");
    expect(valueOf(rows, "fee_tier_note")).toBe("Named in 13号 at 120 ¥/m².");
    expect(valueOf(rows, "kind")).toBe("Town");
    expect(valueOf(rows, "urban_group")).toBe("General town");
  });

  it("formats memorial, mining and urban attributes with units", () => {
    const memorial = featureAttributes(properties("memorials", "饶国梁烈士纪念碑"), layer("memorials"), "zh");
    expect(valueOf(memorial, "address")).toBe("大足区龙岗街道办事处龙岗村1组12号（北山公园内）");
    expect(valueOf(memorial, "protection_range")).toBe("主体及所在广场");
    expect(valueOf(memorial, "uncertainty_m")).toBe("约 ±1 km");
    expect(valueOf(memorial, "position_verified")).toBe("否");
    expect(valueOf(memorial, "shared_position_with")).toBeUndefined();
    const zone = featureAttributes(properties("mining-key-zone", "西山背斜渝蓉高速以北重点开采区"), layer("mining-key-zone"), "zh");
    expect(valueOf(zone, "published_area_km2")).toBe("16.55 km²");
    expect(valueOf(zone, "mining_rights_total")).toBe("13");
    expect(valueOf(zone, "area_by_town_km2")).toBe("古龙镇 10.36 km²、雍溪镇 6.11 km²、万古镇 0.07 km²");
    const centre = featureAttributes(properties("urban-areas", "城镇发展中心区"), layer("urban-areas"), "en");
    expect(valueOf(centre, "member_towns")).toBe("棠香街道, 龙岗街道, 智凤街道");
    expect(centre.map((row) => row.key)).not.toContain("conflict_note");
  });
});
