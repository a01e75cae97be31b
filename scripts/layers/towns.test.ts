import { describe, expect, it } from "vitest";
import { signedDistance, toGK } from "./geom";
import { readTowns, readVillages, usableVillagePoints } from "./inputs";
import { areaKm2, containsPoint, gkPolygons, props, readLayer, subtract, unionAll } from "./testSupport";

const towns = readLayer("towns");
const district = readLayer("district").features[0]!;
const byName = new Map(towns.features.map((item) => [String(props(item)["name"]), item]));
const property = (name: string, key: string) => {
  const item = byName.get(name);
  if (!item) throw new Error(`no town ${name}`);
  return props(item)[key];
};

/** NBS codes (streets 001–006, towns 100 and 102–121). */
const CODES: Record<string, string> = {
  龙岗街道: "500111001",
  棠香街道: "500111002",
  龙滩子街道: "500111003",
  双路街道: "500111004",
  通桥街道: "500111005",
  智凤街道: "500111006",
  龙水镇: "500111100",
  宝顶镇: "500111102",
  中敖镇: "500111103",
  三驱镇: "500111104",
  宝兴镇: "500111105",
  玉龙镇: "500111106",
  石马镇: "500111107",
  拾万镇: "500111108",
  回龙镇: "500111109",
  金山镇: "500111110",
  万古镇: "500111111",
  国梁镇: "500111112",
  雍溪镇: "500111113",
  珠溪镇: "500111114",
  龙石镇: "500111115",
  邮亭镇: "500111116",
  铁山镇: "500111117",
  高升镇: "500111118",
  季家镇: "500111119",
  古龙镇: "500111120",
  高坪镇: "500111121",
};

/** The 16 published areas (km²) the diagram is fitted to. */
const PUBLISHED_AREAS: Record<string, number> = {
  龙岗街道: 51.9,
  棠香街道: 60.17,
  双路街道: 17.6,
  通桥街道: 18.5,
  龙水镇: 99.3,
  中敖镇: 107.59,
  三驱镇: 76.56,
  拾万镇: 44.68,
  回龙镇: 51.36,
  金山镇: 34.91,
  万古镇: 66.52,
  邮亭镇: 87.25,
  铁山镇: 59.96,
  高升镇: 50,
  雍溪镇: 39.92,
  古龙镇: 18,
};

/**
 * 大足府发〔2023〕13号 一、征收标准, by hand from the text:
 * （一）210: 双桥经开区、大足工业园区、大足高新区、棠香街道、龙岗街道、智凤街道（城市建设用地范围内）、龙水镇、万古镇、邮亭镇、宝顶镇、玉龙镇
 * （二）150: 智凤街道（城市建设用地范围外）、珠溪镇、中敖镇、三驱镇、石马镇、雍溪镇
 * （三）120: 宝兴镇、拾万镇、铁山镇、回龙镇、国梁镇、金山镇、高升镇、季家镇、龙石镇、高坪镇、古龙镇
 * 龙滩子、双路、通桥街道 are not named: 双桥经开区 → 210 (inferred).
 */
const FEE: Record<string, [number, "listed" | "inferred"]> = {
  棠香街道: [210, "listed"],
  龙岗街道: [210, "listed"],
  智凤街道: [210, "listed"],
  龙水镇: [210, "listed"],
  万古镇: [210, "listed"],
  邮亭镇: [210, "listed"],
  宝顶镇: [210, "listed"],
  玉龙镇: [210, "listed"],
  龙滩子街道: [210, "inferred"],
  双路街道: [210, "inferred"],
  通桥街道: [210, "inferred"],
  珠溪镇: [150, "listed"],
  中敖镇: [150, "listed"],
  三驱镇: [150, "listed"],
  石马镇: [150, "listed"],
  雍溪镇: [150, "listed"],
  宝兴镇: [120, "listed"],
  拾万镇: [120, "listed"],
  铁山镇: [120, "listed"],
  回龙镇: [120, "listed"],
  国梁镇: [120, "listed"],
  金山镇: [120, "listed"],
  高升镇: [120, "listed"],
  季家镇: [120, "listed"],
  龙石镇: [120, "listed"],
  高坪镇: [120, "listed"],
  古龙镇: [120, "listed"],
};

/** 大足府办发〔2023〕50号 一、（三）3.(1)–(3), by hand. */
const SUBSIDY: Record<string, string> = {
  棠香街道: "urban",
  龙岗街道: "urban",
  双路街道: "urban",
  龙滩子街道: "urban",
  通桥街道: "urban",
  智凤街道: "urban",
  龙水镇: "tier2",
  万古镇: "tier2",
  石马镇: "tier2",
  邮亭镇: "tier2",
  珠溪镇: "tier2",
  三驱镇: "tier2",
  铁山镇: "tier2",
  中敖镇: "tier2",
  宝顶镇: "tier3",
  高升镇: "tier3",
  古龙镇: "tier3",
  宝兴镇: "tier3",
  拾万镇: "tier3",
  国梁镇: "tier3",
  回龙镇: "tier3",
  金山镇: "tier3",
  雍溪镇: "tier3",
  季家镇: "tier3",
  高坪镇: "tier3",
  龙石镇: "tier3",
  玉龙镇: "tier3",
};

describe("towns layer: identity", () => {
  it("has the 27 towns/streets with their NBS codes and ids", () => {
    expect(towns.features).toHaveLength(27);
    for (const [name, code] of Object.entries(CODES)) {
      expect(property(name, "code"), name).toBe(code);
      expect(property(name, "id"), name).toBe(`town-${code}`);
      expect(property(name, "kind"), name).toBe(name.endsWith("街道") ? "街道" : "镇");
    }
  });

  it("every town is one schematic polygon with a zh/en geometry note", () => {
    for (const item of towns.features) {
      expect(item.geometry.type).toBe("Polygon");
      expect(props(item)["geometry_quality"]).toBe("schematic");
      expect(String(props(item)["geometry_note"])).toContain("幂图");
      expect(String(props(item)["geometry_note_en"])).toContain("power diagram");
    }
  });
});

describe("towns layer: geometry", () => {
  const districtPolygons = gkPolygons(district);
  const districtArea = areaKm2(districtPolygons);
  const parts = towns.features.map((item) => gkPolygons(item));
  const merged = unionAll(parts);

  it("tiles the district: gaps, spill and overlaps each below 0.1 % of its area", () => {
    const gap = areaKm2(subtract(districtPolygons, merged));
    const spill = areaKm2(subtract(merged, districtPolygons));
    const overlap = parts.reduce((sum, part) => sum + areaKm2(part), 0) - areaKm2(merged);
    expect(gap / districtArea).toBeLessThan(0.001);
    expect(spill / districtArea).toBeLessThan(0.001);
    expect(Math.abs(overlap) / districtArea).toBeLessThan(0.001);
  });

  it("puts every seat (from towns.csv) inside its own town and no other", () => {
    for (const row of readTowns()) {
      const own = byName.get(row.name);
      expect(own, row.name).toBeDefined();
      expect(containsPoint(gkPolygons(own!), row.seat), `${row.name} seat`).toBe(true);
      for (const other of towns.features)
        if (other !== own) expect(containsPoint(gkPolygons(other), row.seat), `${row.name} seat in ${props(other)["name"]}`).toBe(false);
    }
  });

  it("puts every usable village point (villages.csv) at least 50 m inside its own town and in no other", () => {
    const villages = readVillages();
    expect(villages).toHaveLength(309);
    expect(villages.filter((village) => village.position !== null)).toHaveLength(42);
    const usable = usableVillagePoints(villages);
    // 3 rows share one placeholder position (智凤、金山、国梁 街村社区), flagged in coordinate_note.
    expect(usable).toHaveLength(39);
    const misplaced: string[] = [];
    for (const village of usable) {
      const own = byName.get(village.town);
      expect(own, village.town).toBeDefined();
      const point = toGK(village.position!);
      // 50 m from every bisector; allow 1 m for the 6-decimal rounding of the written polygons.
      const inside = signedDistance(point, gkPolygons(own!));
      if (inside < 49) misplaced.push(`${village.town}${village.name}: ${inside.toFixed(0)} m`);
      for (const other of towns.features)
        if (other !== own && containsPoint(gkPolygons(other), village.position!)) misplaced.push(`${village.town}${village.name} in ${props(other)["name"]}`);
    }
    expect(misplaced).toEqual([]);
  });

  it("matches each of the 16 published areas within 5 %", () => {
    expect(towns.features.filter((item) => props(item)["area_fitted"] === true)).toHaveLength(16);
    for (const [name, published] of Object.entries(PUBLISHED_AREAS)) {
      const drawn = areaKm2(gkPolygons(byName.get(name)!));
      expect(Math.abs(drawn - published) / published, `${name}: ${drawn.toFixed(2)} vs ${published}`).toBeLessThan(0.05);
      expect(property(name, "published_area_km2")).toBe(published);
      expect(property(name, "area_fitted")).toBe(true);
    }
  });

  it("records the computed area", () => {
    for (const item of towns.features) expect(props(item)["area_km2"]).toBeCloseTo(areaKm2(gkPolygons(item)), 1);
  });
});

describe("towns layer: policy attributes", () => {
  it("carries the 13号 fee tier of every town, with the basis", () => {
    expect(Object.keys(FEE)).toHaveLength(27);
    for (const [name, [tier, basis]] of Object.entries(FEE)) {
      expect(property(name, "fee_tier"), name).toBe(tier);
      expect(property(name, "fee_tier_basis"), name).toBe(basis);
    }
    const counts = { 210: 0, 150: 0, 120: 0 } as Record<number, number>;
    for (const item of towns.features) counts[props(item)["fee_tier"] as number]! += 1;
    expect(counts).toEqual({ 210: 11, 150: 5, 120: 11 });
  });

  it("splits only 智凤街道 (210 inside / 150 outside 城市建设用地范围)", () => {
    const split = towns.features.filter((item) => props(item)["fee_split"] === true).map((item) => props(item)["name"]);
    expect(split).toEqual(["智凤街道"]);
    expect(property("智凤街道", "fee_tier_outside_urban_land")).toBe(150);
    for (const name of ["龙滩子街道", "双路街道", "通桥街道"]) expect(String(property(name, "fee_tier_note"))).toContain("双桥经开区");
  });

  it("marks the 双桥经开区 towns and the towns where a park's 四至 must be asked about", () => {
    for (const name of ["龙滩子街道", "双路街道", "通桥街道", "邮亭镇"]) {
      expect(property(name, "park"), name).toBe("双桥经开区");
      expect(property(name, "park_candidates"), name).toContain("双桥经开区");
    }
    expect(property("万古镇", "park_candidates")).toContain("大足高新区");
    expect(property("三驱镇", "park_candidates")).toContain("大足高新区");
    expect(property("棠香街道", "park")).toBeNull();
    expect(property("高坪镇", "park_candidates")).toEqual([]);
  });

  it("carries the 50号 subsidy tier of every town (6 / 8 / 13)", () => {
    for (const [name, tier] of Object.entries(SUBSIDY)) expect(property(name, "disability_tier"), name).toBe(tier);
    expect(String(property("智凤街道", "disability_tier_note"))).toContain("城区");
  });

  it("carries the 7号 urban role", () => {
    const role = (name: string) => property(name, "urban_role");
    expect(["棠香街道", "龙岗街道", "智凤街道"].map(role)).toEqual(["centre", "centre", "centre"]);
    expect(["邮亭镇", "双路街道", "通桥街道", "龙滩子街道", "龙水镇", "万古镇", "三驱镇"].every((name) => role(name) === "cluster")).toBe(true);
    expect(["珠溪镇", "中敖镇", "石马镇", "雍溪镇", "铁山镇"].every((name) => role(name) === "key-node")).toBe(true);
    expect(towns.features.filter((item) => props(item)["urban_role"] === "general-node")).toHaveLength(12);
  });
});
