import type { Point } from "geojson";
import { describe, expect, it } from "vitest";
import { areaKm2, byName, containsPoint, gkPolygons, props, readLayer } from "./testSupport";

/** 大足府办发〔2023〕47号 一–六, by hand. */
const MEMORIALS: Array<[string, string, string, string, string]> = [
  ["饶国梁烈士纪念碑", "纪念碑", "大足区龙岗街道办事处龙岗村1组12号（北山公园内）", "龙岗街道", "主体及所在广场"],
  ["胡在国烈士墓", "烈士墓", "大足区万古镇天锅村1组6号", "万古镇", "主体及墓前纪念场地"],
  ["陈现文烈士墓", "烈士墓", "大足区智凤街道黄连社区3组", "智凤街道", "主体及墓前纪念场地"],
  ["杨盛金烈士墓", "烈士墓", "大足区珠溪镇凉水村6组半边寺旁边", "珠溪镇", "主体及墓前纪念场地"],
  ["苏朝淼烈士墓", "烈士墓", "大足区珠溪镇凉水村6组半边寺旁边", "珠溪镇", "主体及墓前纪念场地"],
  ["彭宗全烈士墓", "烈士墓", "大足区珠溪镇凉水村6组半边寺旁边", "珠溪镇", "主体及墓前纪念场地"],
];

const memorials = readLayer("memorials");
const towns = readLayer("towns");

describe("烈士纪念设施 (47号)", () => {
  it("has the six facilities with their published addresses, towns and protection ranges", () => {
    expect(memorials.features.map((item) => props(item)["name"])).toEqual(MEMORIALS.map((row) => row[0]));
    MEMORIALS.forEach(([name, kind, address, town, range], index) => {
      const p = props(memorials.features[index]!);
      expect([p["name"], p["kind"], p["address"], p["town"], p["protection_range"]]).toEqual([name, kind, address, town, range]);
      expect(p["effective"]).toBe("2023-05-17");
      expect(p["source"]).toContain(`dzfb-2023-47#s${index + 1}`);
      expect(p["source"]).toContain("dzfb-2023-47#rules");
    });
  });

  it("puts each point inside its own town", () => {
    for (const [name, , , town] of MEMORIALS) {
      const position = (byName(memorials, name).geometry as Point).coordinates as [number, number];
      expect(containsPoint(gkPolygons(byName(towns, town)), position), name).toBe(true);
    }
  });

  it("carries the position uncertainty: 1 km for 北山公园, 5 km for the town placeholders", () => {
    expect(props(byName(memorials, "饶国梁烈士纪念碑"))["uncertainty_m"]).toBe(1000);
    for (const [name] of MEMORIALS.slice(1)) expect(props(byName(memorials, name))["uncertainty_m"], name).toBe(5000);
  });

  it("keeps the three 珠溪 tombs at one shared position", () => {
    const positions = MEMORIALS.slice(3).map(([name]) => JSON.stringify((byName(memorials, name).geometry as Point).coordinates));
    expect(new Set(positions).size).toBe(1);
    expect(props(byName(memorials, "杨盛金烈士墓"))["shared_position_with"]).toEqual(["苏朝淼烈士墓", "彭宗全烈士墓"]);
  });

  it("draws one uncertainty circle per distinct position, labelled 位置待核实 beyond 1 km", () => {
    const circles = readLayer("memorial-uncertainty").features;
    expect(circles).toHaveLength(4);
    const labels = circles.map((item) => [props(item)["radius_m"], props(item)["label"]]);
    expect(labels).toEqual([
      [1000, null],
      [5000, "位置待核实"],
      [5000, "位置待核实"],
      [5000, "位置待核实"],
    ]);
    // A 64-gon of circumradius 5 km: (64/2)·25·sin(2π/64) ≈ 78.41 km² (π·25 ≈ 78.54).
    expect(areaKm2(gkPolygons(circles[1]!))).toBeCloseTo(78.41, 1);
  });
});
