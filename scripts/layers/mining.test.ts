import type { LineString } from "geojson";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/layers/manifestTypes";
import { toGK } from "./geom";
import { areaKm2, byName, gkPolygons, props, readGeodataJson, readLayer, subtract, unionAll } from "./testSupport";

const towns = readLayer("towns");
const townPolygons = (name: string) => gkPolygons(byName(towns, name));

describe("西山背斜渝蓉高速以北重点开采区 (32号 四、1．)", () => {
  const layer = readLayer("mining-key-zone");
  const zone = layer.features[0]!;
  const p = props(zone);

  it("is one feature with the published figures", () => {
    expect(layer.features).toHaveLength(1);
    expect(p["name"]).toBe("西山背斜渝蓉高速以北重点开采区");
    expect(p["published_area_km2"]).toBe(16.55);
    expect(p["mining_rights_total"]).toBe(13);
    expect([p["strontium"], p["limestone"], p["sandstone"]]).toEqual([3, 9, 1]);
    expect(p["source"]).toEqual(["dzfb-2023-32#s4.n1.para2", "dzfb-2023-32#s3.p2.para2"]);
  });

  it("has an area of 16.55 km² ± 0.5 % in Gauss–Krüger metres", () => {
    expect(Math.abs(areaKm2(gkPolygons(zone)) - 16.55) / 16.55).toBeLessThan(0.005);
  });

  it("lies inside 雍溪镇 ∪ 古龙镇 ∪ 万古镇", () => {
    const three = unionAll(["雍溪镇", "古龙镇", "万古镇"].map(townPolygons));
    expect(areaKm2(subtract(gkPolygons(zone), three))).toBeLessThan(0.001);
  });

  it("lies north of the expressway line it was cut with", () => {
    const line = (readLayer("urban-axes").features.find((item) => props(item)["id"] === "urban-axis-yurong")!.geometry as LineString).coordinates;
    const expresswayNorthingAt = (easting: number) => {
      const points = line.map((position) => toGK([position[0]!, position[1]!]));
      for (let index = 1; index < points.length; index++) {
        const [x0, y0] = points[index - 1]!;
        const [x1, y1] = points[index]!;
        if (easting >= Math.min(x0, x1) && easting <= Math.max(x0, x1)) return y0 + ((easting - x0) / (x1 - x0)) * (y1 - y0);
      }
      // East of the last vertex the line was extended straight.
      const [x0, y0] = points[points.length - 2]!;
      const [x1, y1] = points[points.length - 1]!;
      return y0 + ((easting - x0) / (x1 - x0)) * (y1 - y0);
    };
    for (const [x, y] of gkPolygons(zone)[0]![0]!) expect(y).toBeGreaterThan(expresswayNorthingAt(x) - 1);
  });
});

describe("勘查规划区块 (专栏1)", () => {
  const layer = readLayer("mining-exploration-blocks");
  const blocks: Array<[string, string, string, string, number, string]> = [
    ["大足区拾万镇地热水详查", "拾万镇", "地热", "详查", 3.5, "dzfb-2023-32#box1.r1"],
    ["大足区三驱镇膨润土普查", "三驱镇", "膨润土", "普查", 4.3, "dzfb-2023-32#box1.r2"],
  ];

  it("has exactly the two published blocks", () => {
    expect(layer.features.map((item) => props(item)["name"])).toEqual(blocks.map((block) => block[0]));
  });

  for (const [name, town, mineral, stage, area, clause] of blocks) {
    it(`${name}: ${area} km² ± 0.5 %, inside ${town}`, () => {
      const block = byName(layer, name);
      const p = props(block);
      expect([p["mineral"], p["stage"], p["published_area_km2"], p["town"]]).toEqual([mineral, stage, area, town]);
      expect(p["source"]).toContain(clause);
      const polygons = gkPolygons(block);
      expect(Math.abs(areaKm2(polygons) - area) / area).toBeLessThan(0.005);
      expect(areaKm2(subtract(polygons, townPolygons(town)))).toBeLessThan(1e-6);
    });
  }
});

describe("开采规划区块 (一、（三）6．)", () => {
  it("ships no geometry and the published breakdown in the manifest", () => {
    expect(readLayer("mining-extraction-blocks").features).toEqual([]);
    const manifest = readGeodataJson<Manifest>("manifest.json");
    const layer = manifest.layers.find((candidate) => candidate.id === "mining-extraction-blocks");
    const counts = Object.fromEntries((layer?.summary ?? []).map((row) => [row.label.zh.trim(), row.count]));
    expect(counts["规划开采区块合计"]).toBe(28);
    expect(counts["已设采矿权调整"]).toBe(3);
    expect(counts["已设采矿权保留"]).toBe(14);
    expect(counts["空白区新设"]).toBe(10);
    expect(counts["新设：砂岩"]).toBe(7);
    expect([counts["调整：建筑石料用灰岩"], counts["调整：地热"], counts["调整：砂岩"]]).toEqual([1, 1, 1]);
    expect([counts["新设：砖瓦用页岩"], counts["新设：石灰岩"], counts["新设：地热"]]).toEqual([1, 1, 1]);
    expect(Object.entries(counts).find(([label]) => label.startsWith("已设采矿权整合"))?.[1]).toBe(1);
    expect(3 + 1 + 14 + 10).toBe(28);
    for (const row of layer?.summary ?? []) expect(row.source).toBe("dzfb-2023-32#s3.p3.n6.para1");
  });
});

describe("mining-policy.json", () => {
  const policy = readGeodataJson<{
    policy_classes: Array<{ name: string; minerals: string[]; clause: string }>;
    minimum_scales: { rows: Array<{ mineral: string; sub_kind: string | null; unit: string; minimum: number; remark: string | null; source: string }> };
  }>("mining-policy.json");

  it("lists the four policy classes of 三、（一）", () => {
    expect(policy.policy_classes.map((item) => [item.name, item.minerals, item.clause])).toEqual([
      ["重点勘查", ["地热", "膨润土"], "dzfb-2023-32#s3.p1.para1"],
      ["重点开采", ["锶矿", "地热", "石灰岩", "砂岩"], "dzfb-2023-32#s3.p1.para2"],
      ["限制开采", ["煤", "硫铁矿"], "dzfb-2023-32#s3.p1.para3"],
      ["禁止开采", ["砖瓦用粘土"], "dzfb-2023-32#s3.p1.para4"],
    ]);
  });

  it("has the minimum mining scales of 专栏2", () => {
    expect(policy.minimum_scales.rows.map((row) => [row.mineral, row.sub_kind, row.unit, row.minimum, row.source])).toEqual([
      ["建筑石料用灰岩", "新建矿山", "万吨/年", 100, "dzfb-2023-32#box2.r1"],
      ["建筑石料用灰岩", "整合及采矿证到期后新增划资源的矿山", "万吨/年", 51, "dzfb-2023-32#box2.r2"],
      ["砂岩", "建筑用砂岩", "万吨/年", 10, "dzfb-2023-32#box2.r3"],
      ["砂岩", "玻璃用砂岩", "万吨/年", 10, "dzfb-2023-32#box2.r4"],
      ["地热", null, "万立方米/年", 30, "dzfb-2023-32#box2.r5"],
      ["砖瓦用页岩", "新建矿山", "万吨/年", 8, "dzfb-2023-32#box2.r6"],
      ["砖瓦用页岩", "整合及采矿证到期后新增划资源的矿山", "万吨/年", 6, "dzfb-2023-32#box2.r7"],
    ]);
  });
});
