import { describe, expect, it } from "vitest";
import type { LayerFeature, LayerFeatureCollection } from "../layers/layerData";
import type { Manifest } from "../layers/manifestTypes";
import {
  matchesFilter,
  memorialFromFeature,
  memorialLayerOf,
  memorialName,
  memorialsFromLayer,
  memorialTown,
  positionCertainty,
  type Memorial,
} from "./memorials";
import { attributeOf, valueWord } from "../layers/attributeValues";
import { readGeodata } from "../../tests/support/testGeodata";

const manifest = readGeodata("manifest.json") as Manifest;
const layer = memorialLayerOf(manifest)!;
const collection = readGeodata(layer.file!) as LayerFeatureCollection;

function memorials(): Memorial[] {
  const read = memorialsFromLayer(collection);
  if (!read.ok) throw new Error(read.errors.join("\n"));
  return read.value;
}

function byName(name: string): Memorial {
  const found = memorials().find((memorial) => memorial.name === name);
  if (!found) throw new Error(`no memorial ${name}`);
  return found;
}

describe("memorials from the data package", () => {
  it("finds the layer by its search kind and reads all six facilities", () => {
    expect(layer.id).toBe("memorials");
    expect(memorials().map((memorial) => memorial.name)).toEqual([
      "饶国梁烈士纪念碑",
      "胡在国烈士墓",
      "陈现文烈士墓",
      "杨盛金烈士墓",
      "苏朝淼烈士墓",
      "彭宗全烈士墓",
    ]);
  });

  it("keeps the published address, kind, range and the shared spot", () => {
    const rao = byName("饶国梁烈士纪念碑");
    expect(rao.kind).toBe("纪念碑");
    expect(rao.address).toBe("大足区龙岗街道办事处龙岗村1组12号（北山公园内）");
    expect(rao.protectionRange).toBe("主体及所在广场");
    expect(rao.effective).toBe("2023-05-17");
    expect(byName("苏朝淼烈士墓").sharedPositionWith).toEqual(["杨盛金烈士墓", "彭宗全烈士墓"]);
    expect(byName("苏朝淼烈士墓").lngLat).toEqual(byName("杨盛金烈士墓").lngLat);
    expect(memorialName(rao, "en")).toBe("Monument to Martyr Rao Guoliang");
    expect(memorialName(rao, "zh")).toBe("饶国梁烈士纪念碑");
  });

  it("treats ±1 km and ±5 km as approximate, only ±5 km as town level, and official data as exact", () => {
    expect(positionCertainty(byName("饶国梁烈士纪念碑"))).toEqual({ type: "approximate", radiusMetres: 1000, townLevel: false });
    expect(positionCertainty(byName("胡在国烈士墓"))).toEqual({ type: "approximate", radiusMetres: 5000, townLevel: true });
    expect(positionCertainty({ ...byName("胡在国烈士墓"), geometryQuality: "official" })).toEqual({ type: "exact" });
    expect(positionCertainty({ ...byName("胡在国烈士墓"), uncertaintyMetres: 30 })).toEqual({ type: "exact" });
  });

  it("names every missing property of a broken feature", () => {
    const feature = collection.features[0]!;
    const broken: LayerFeature = {
      ...feature,
      properties: { ...feature.properties, address: "", uncertainty_m: "far", shared_position_with: "x" },
      geometry: {
        type: "LineString",
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    };
    const read = memorialFromFeature(broken);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual([
      'memorial "memorial-rao-guoliang": property "address" must be a non-empty string',
      'memorial "memorial-rao-guoliang": "uncertainty_m" must be a number ≥ 0',
      'memorial "memorial-rao-guoliang": "shared_position_with" must be a list of names',
      'memorial "memorial-rao-guoliang": geometry must be a Point',
    ]);
  });
});

describe("matchesFilter", () => {
  it("matches names, towns, addresses and kinds, ignoring width and spaces", () => {
    const names = (query: string, alsoMatch: (memorial: Memorial) => string[] = () => []) =>
      memorials()
        .filter((memorial) => matchesFilter(memorial, query, alsoMatch(memorial)))
        .map((memorial) => memorial.name);
    expect(names("")).toHaveLength(6);
    expect(names("珠溪")).toEqual(["杨盛金烈士墓", "苏朝淼烈士墓", "彭宗全烈士墓"]);
    expect(names("北山 公园")).toEqual(["饶国梁烈士纪念碑"]);
    expect(names("纪念碑")).toEqual(["饶国梁烈士纪念碑"]);
    expect(names("１组")).toEqual(["饶国梁烈士纪念碑", "胡在国烈士墓"]);
    expect(names("hu zaiguo")).toEqual(["胡在国烈士墓"]);
    expect(names("monument", (memorial) => [memorial.kind === "纪念碑" ? "Monument" : "Tomb"])).toEqual(["饶国梁烈士纪念碑"]);
    expect(names("不存在")).toEqual([]);
  });

  it("reads the town and the protection range in English through the manifest's declared words", () => {
    const towns = readGeodata("layers/towns.geojson") as LayerFeatureCollection;
    const names = new Map([["towns", new Map(towns.features.map((feature) => [feature.properties.name, String(feature.properties.name_en)]))]]);
    const englishWord = (key: string, value: string) => {
      const english = valueWord(attributeOf(layer, key), value, "en", names);
      return english === value ? null : english;
    };
    const read = memorialsFromLayer(collection, englishWord);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const su = read.value.find((memorial) => memorial.id === "memorial-su-chaomiao")!;
    expect(su.townEn).toBe("Zhuxi Town");
    expect(memorialTown(su, "en")).toBe("Zhuxi Town");
    expect(memorialTown(su, "zh")).toBe("珠溪镇");
    expect(su.protectionRangeEn).toBe("The tomb and the memorial ground in front of it");
    expect(su.sharedPositionWithEn).toEqual(["Tomb of Martyr Yang Shengjin", "Tomb of Martyr Peng Zongquan"]);
    expect(matchesFilter(su, "zhuxi")).toBe(true);
    expect(byName("苏朝淼烈士墓").townEn).toBeNull();
  });
});
