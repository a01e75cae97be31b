import { describe, expect, it } from "vitest";
import { gcj02ToWgs84 } from "./gcj02";
import { navigationLinks } from "./navigationLinks";

describe("navigationLinks", () => {
  const beishan: [number, number] = [105.704, 29.714];
  const links = navigationLinks(beishan, "饶国梁烈士纪念碑");

  it("gives AMap GCJ-02 coordinates (lng,lat) that convert back to the WGS-84 position", () => {
    const match = /position=([\d.]+),([\d.]+)/.exec(links.amap)!;
    const gcj: [number, number] = [Number(match[1]), Number(match[2])];
    expect(gcj[0]).not.toBeCloseTo(beishan[0], 3);
    const back = gcj02ToWgs84(gcj);
    expect(back[0]).toBeCloseTo(beishan[0], 5);
    expect(back[1]).toBeCloseTo(beishan[1], 5);
    expect(links.amap).toContain("coordinate=gaode");
  });

  it("gives Baidu BD-09 lat,lng — further east and north than GCJ-02 by roughly 0.006°", () => {
    const amap = /position=([\d.]+),([\d.]+)/.exec(links.amap)!;
    const baidu = /location=([\d.]+),([\d.]+)/.exec(links.baidu)!;
    expect(Number(baidu[2]) - Number(amap[1])).toBeGreaterThan(0.005);
    expect(Number(baidu[2]) - Number(amap[1])).toBeLessThan(0.008);
    expect(Number(baidu[1]) - Number(amap[2])).toBeGreaterThan(0.004);
    expect(Number(baidu[1]) - Number(amap[2])).toBeLessThan(0.008);
    expect(links.baidu).toContain("coord_type=bd09ll");
  });

  it("gives a geo: URI in WGS-84 lat,lng and escapes the name", () => {
    expect(links.geo.startsWith("geo:29.714000,105.704000?q=")).toBe(true);
    expect(links.geo).toContain(encodeURIComponent("饶国梁烈士纪念碑"));
    expect(navigationLinks(beishan, "a&b=<c>").amap).toContain("name=a%26b%3D%3Cc%3E");
  });
});
