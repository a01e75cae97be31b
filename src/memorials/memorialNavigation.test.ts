import { beforeAll, describe, expect, it } from "vitest";
import { linksTo } from "../geo/navigationLinks";
import type { LayerFeature } from "../layers/layerData";
import { loadDataPackage } from "../layers/loadDataPackage";
import { MEMORIAL_SEARCH_CITY, MEMORIAL_SEARCH_REGION, navigationTarget, searchableAddress } from "./memorialNavigation";
import { memorialsFromLayer, type Memorial } from "./memorials";
import { fetchGeodata } from "../../tests/support/testGeodata";

let memorials: Memorial[];
beforeAll(async () => {
  const loaded = await loadDataPackage("", fetchGeodata, async () => ({ ok: true, value: 0 }));
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  const load = loaded.value.layers.get("memorials");
  if (load?.type !== "loaded") throw new Error("memorials not loaded");
  const read = memorialsFromLayer(load.data);
  if (!read.ok) throw new Error(read.errors.join("\n"));
  memorials = read.value;
});

const byId = (id: string) => memorials.find((memorial) => memorial.id === id)!;

/** The memorial as official data places it (what `withOfficialPositions` makes of a matched surveyed point). */
function surveyedAt(memorial: Memorial, lngLat: [number, number]): Memorial {
  const feature: LayerFeature = { ...memorial.feature, geometry: { type: "Point", coordinates: lngLat } };
  return { ...memorial, lngLat, geometryQuality: "official", uncertaintyMetres: 2, feature };
}

describe("searchableAddress", () => {
  it("drops the district, an aside and a 'beside' from the published address", () => {
    expect(searchableAddress("大足区珠溪镇凉水村6组半边寺旁边")).toBe("珠溪镇凉水村6组半边寺");
    expect(searchableAddress("大足区龙岗街道办事处龙岗村1组12号（北山公园内）")).toBe("龙岗街道办事处龙岗村1组12号");
    expect(searchableAddress("重庆市大足区万古镇天锅村1组6号")).toBe("万古镇天锅村1组6号");
    expect(searchableAddress("大足区")).toBe("大足区");
  });
});

describe("memorial navigation", () => {
  it("searches the published address for each of the five town-level placeholders", () => {
    const searched = memorials.filter((memorial) => navigationTarget(memorial).type === "address").map((memorial) => memorial.id);
    expect(searched).toHaveLength(5);
    expect(searched).not.toContain("memorial-rao-guoliang");
  });

  it("builds AMap's and Baidu's keyword-search links for 苏朝淼烈士墓: 重庆 as AMap's city, 重庆市大足区 as Baidu's region", () => {
    const target = navigationTarget(byId("memorial-su-chaomiao"));
    expect(target).toEqual({ type: "address", keyword: "珠溪镇凉水村6组半边寺", region: MEMORIAL_SEARCH_REGION, city: MEMORIAL_SEARCH_CITY });
    const links = linksTo(target);
    const keyword = encodeURIComponent("珠溪镇凉水村6组半边寺");
    const region = encodeURIComponent("重庆市大足区");
    expect(links.amap).toBe(
      `https://uri.amap.com/search?keyword=${keyword}&city=${encodeURIComponent("重庆")}&view=map&src=webapp.dazu-policy-map&callnative=1`,
    );
    expect(links.baidu).toBe(`https://api.map.baidu.com/place/search?query=${keyword}&region=${region}&output=html&src=webapp.dazu-policy-map`);
    expect(links.geo).toBe(`geo:0,0?q=${encodeURIComponent("重庆市大足区珠溪镇凉水村6组半边寺")}`);
    const amap = new URL(links.amap);
    expect(amap.searchParams.get("keyword")).toBe("珠溪镇凉水村6组半边寺");
    expect(amap.searchParams.get("city")).toBe("重庆");
    expect(new URL(links.baidu).searchParams.get("region")).toBe("重庆市大足区");
  });

  it("drops a pin at the park-level position of 饶国梁烈士纪念碑 (±1 km)", () => {
    const rao = byId("memorial-rao-guoliang");
    expect(navigationTarget(rao)).toEqual({ type: "position", position: rao.lngLat, name: "饶国梁烈士纪念碑" });
    expect(linksTo(navigationTarget(rao)).amap.startsWith("https://uri.amap.com/marker?position=")).toBe(true);
  });

  it("navigates to the point once official data places 胡在国烈士墓", () => {
    const surveyed = surveyedAt(byId("memorial-hu-zaiguo"), [105.9151, 29.7012]);
    const target = navigationTarget(surveyed);
    expect(target).toEqual({ type: "position", position: [105.9151, 29.7012], name: "胡在国烈士墓" });
    const links = linksTo(target);
    expect(links.amap).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=105\.91\d+,29\.69\d+&name=/);
    expect(links.baidu).toMatch(/^https:\/\/api\.map\.baidu\.com\/marker\?location=29\.70\d+,105\.92\d+&/);
    expect(links.geo.startsWith("geo:29.701200,105.915100?q=")).toBe(true);
  });
});
