import { describe, expect, it } from "vitest";
import { areaKm2, byName, gkPolygons, props, readLayer, subtract, unionAll } from "./testSupport";

const towns = readLayer("towns");

describe("一中心三组团 (7号 五、（一）)", () => {
  const areas = readLayer("urban-areas");
  const expected: Array<[string, string[]]> = [
    ["城镇发展中心区", ["棠香街道", "龙岗街道", "智凤街道"]],
    ["邮亭—双桥—龙水组团", ["邮亭镇", "双路街道", "通桥街道", "龙滩子街道", "龙水镇"]],
    ["万古组团", ["万古镇"]],
    ["三驱组团", ["三驱镇"]],
  ];

  it("has the centre and three clusters as unions of their towns", () => {
    expect(areas.features.map((item) => props(item)["name"])).toEqual(expected.map((row) => row[0]));
    for (const [name, members] of expected) {
      const area = byName(areas, name);
      expect(props(area)["member_towns"]).toEqual(members);
      const union = unionAll(members.map((member) => gkPolygons(byName(towns, member))));
      const symmetric = areaKm2(subtract(gkPolygons(area), union)) + areaKm2(subtract(union, gkPolygons(area)));
      expect(symmetric, name).toBeLessThan(0.01);
    }
  });

  it("cites 7号 and 8号 and records that 8号's four clusters are unnamed", () => {
    for (const item of areas.features) {
      expect(props(item)["source"]).toEqual(["dzf-2023-7#s5.p1.para1", "dzf-2023-8#s2.p2.para1"]);
      expect(String(props(item)["conflict_note"])).toContain("一中心四组团");
      expect(String(props(item)["conflict_note_en"])).toContain("four");
    }
    expect(String(props(byName(areas, "城镇发展中心区"))["geometry_note"])).toContain("高铁新城片区");
  });
});

describe("两轴线多节点 (7号 五、（一） para2)", () => {
  it("has two schematic axes: 渝蓉高速 east–west and 龙棠大道 north–south", () => {
    const axes = readLayer("urban-axes").features;
    expect(axes.map((item) => [props(item)["direction"], item.geometry.type])).toEqual([
      ["东西向", "LineString"],
      ["南北向", "LineString"],
    ]);
    expect(String(props(axes[1]!)["geometry_note"])).toContain("未公布");
  });

  it("has 17 node towns: 5 重点镇 and 12 一般镇", () => {
    const nodes = readLayer("urban-nodes").features;
    expect(nodes).toHaveLength(17);
    const names = (cls: string) =>
      nodes
        .filter((item) => props(item)["class"] === cls)
        .map((item) => String(props(item)["name"]))
        .sort();
    expect(names("重点镇")).toEqual(["中敖镇", "珠溪镇", "石马镇", "铁山镇", "雍溪镇"].sort());
    // 21 towns minus the cluster towns 龙水、邮亭、万古、三驱 minus the five key towns.
    expect(names("一般镇")).toEqual(
      ["宝顶镇", "宝兴镇", "玉龙镇", "拾万镇", "回龙镇", "金山镇", "国梁镇", "龙石镇", "高升镇", "季家镇", "古龙镇", "高坪镇"].sort(),
    );
    for (const item of nodes) expect(props(item)["source"]).toEqual(["dzf-2023-7#s5.p1.para2"]);
  });
});
