import { describe, expect, it } from "vitest";
import { loadDataPackageFromDisk } from "../../tests/unit/dataPackageOnDisk";
import { buildCitationIndex, citingFeatures } from "./citationIndex";
import { resolveCitation } from "./corpus";

const { manifest, layerData, documents } = loadDataPackageFromDisk();
const index = buildCitationIndex(manifest.layers, layerData);

describe("reverse citation index on the real data package", () => {
  it("finds the 饶国梁 memorial (and its uncertainty circle) from 47号 一、", () => {
    const features = citingFeatures(index, "dzfb-2023-47", "s1");
    expect(features.map((feature) => `${feature.layerId}/${feature.featureId}`)).toEqual([
      "memorials/memorial-rao-guoliang",
      "memorial-uncertainty/memorial-uncertainty-rao-guoliang",
    ]);
    expect(features[0]!.name).toEqual({ zh: "饶国梁烈士纪念碑", en: "Monument to Martyr Rao Guoliang" });
  });

  it("lists the eleven 120 元 towns of 13号 （三） under the fee-tier layer, once each", () => {
    const features = citingFeatures(index, "dzf-2023-13", "s1.p3");
    expect(features).toHaveLength(11);
    expect(new Set(features.map((feature) => feature.layerId))).toEqual(new Set(["fee-tiers"]));
    expect(features.map((feature) => feature.name.zh)).toContain("国梁镇");
  });

  it("opens a town cited by 50号 in the subsidy layer and by 7号 in the towns layer", () => {
    expect(new Set(citingFeatures(index, "dzfb-2023-50", "s1.p3.n3.i3").map((feature) => feature.layerId))).toEqual(new Set(["disability-subsidy"]));
    const layout = citingFeatures(index, "dzf-2023-7", "s5.p1.para1");
    expect(layout.some((feature) => feature.layerId === "towns")).toBe(true);
    expect(layout.some((feature) => feature.layerId === "urban-areas")).toBe(true);
    // Manifest order: towns before urban areas.
    expect(layout.findIndex((feature) => feature.layerId === "towns")).toBeLessThan(layout.findIndex((feature) => feature.layerId === "urban-areas"));
  });

  it("indexes only citations that resolve in the corpus, every clause of 47号 that the memorials cite", () => {
    const byId = new Map(documents.map((document) => [document.id, document]));
    for (const citation of index.keys()) expect(resolveCitation(byId, citation).ok, citation).toBe(true);
    const cited = [...index.keys()].filter((citation) => citation.startsWith("dzfb-2023-47#")).map((citation) => citation.slice("dzfb-2023-47#".length));
    expect(cited.sort()).toEqual(["effective", "rules", "s1", "s2", "s3", "s4", "s5", "s6"]);
    expect(citingFeatures(index, "dzf-2023-6", "notice.para1")).toEqual([]);
  });
});
