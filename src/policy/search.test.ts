import { describe, expect, it } from "vitest";
import { loadDataPackageFromDisk } from "../../tests/unit/dataPackageOnDisk";
import { buildSearchIndex, groupHits, normalizeForSearch, search } from "./search";

const { manifest, layerData, documents } = loadDataPackageFromDisk();
const index = buildSearchIndex({ layers: manifest.layers, layerData, documents });

describe("search on the real data package", () => {
  it("finds the 饶国梁 memorial first, before the clauses that name him", () => {
    const hits = search(index, "饶国梁");
    expect(hits[0]!.entry.kind).toBe("memorial");
    expect(hits[0]!.entry.target).toEqual({ type: "feature", layerId: "memorials", featureId: "memorial-rao-guoliang" });
    expect(hits.some((hit) => hit.entry.kind === "clause" && hit.entry.key === "clause:dzfb-2023-47#s1")).toBe(true);
  });

  it("finds the 210 元 fee clause for '210元', with the words in context", () => {
    const hits = search(index, "210元");
    expect(hits[0]!.entry.target).toEqual({ type: "clause", documentId: "dzf-2023-13", clauseId: "s1.p1" });
    expect(hits[0]!.snippet.match).toBe("210元");
    expect(hits[0]!.snippet.before.length).toBeGreaterThan(0);
  });

  it("matches full-width digits and spaces: '２１０ 元' finds the same clause", () => {
    expect(search(index, "２１０ 元")[0]!.entry.key).toBe("clause:dzf-2023-13#s1.p1");
  });

  it("puts a town whose name is the query first and lists it once although three layers draw its file", () => {
    const hits = search(index, "三驱镇");
    expect(hits[0]!.entry.kind).toBe("place");
    expect(hits[0]!.entry.title.zh).toBe("三驱镇");
    expect(hits.filter((hit) => hit.entry.kind === "place" && hit.entry.title.zh === "三驱镇")).toHaveLength(1);
  });

  it("finds the key mining zone by a fragment of its name and English titles of layers", () => {
    expect(search(index, "重点开采区").some((hit) => hit.entry.kind === "zone" && hit.entry.target.type === "feature")).toBe(true);
    expect(search(index, "memorials").some((hit) => hit.entry.kind === "layer")).toBe(true);
  });

  it("groups hits by kind, the group with the best hit first, and returns nothing for blank queries", () => {
    const groups = groupHits(search(index, "大足"));
    const best = groups.map((group) => Math.max(...group.hits.map((hit) => hit.score)));
    expect(best).toEqual([...best].sort((a, b) => b - a));
    for (const group of groups) expect(group.hits.every((hit) => hit.entry.kind === group.kind)).toBe(true);
    expect(search(index, "   ")).toEqual([]);
    expect(normalizeForSearch("Ａ Ｂ")).toBe("ab");
  });

  it("lists an exact name match first although its kind is shown after others: 大足区 above the memorials at its addresses", () => {
    const shown = (query: string) => groupHits(search(index, query)).flatMap((group) => group.hits);
    expect(shown("大足区")[0]!.entry.target).toEqual({ type: "feature", layerId: "district", featureId: "district-500111" });
    expect(shown("大足区").some((hit) => hit.entry.kind === "memorial")).toBe(true);
    expect(shown("Key mining zone")[0]!.entry.target).toEqual({ type: "layer", layerId: "mining-key-zone" });
  });

  it("ignores punctuation and spaces in full text: 智凤街道城市建设用地 finds the clauses written with brackets", () => {
    const hits = search(index, "智凤街道城市建设用地");
    const keys = hits.map((hit) => hit.entry.key);
    expect(keys).toContain("clause:dzf-2023-13#s1.p1");
    expect(keys).toContain("clause:dzf-2023-13#s1.p2");
    const inside = hits.find((hit) => hit.entry.key === "clause:dzf-2023-13#s1.p1")!;
    expect(inside.snippet.match).toBe("智凤街道（城市建设用地");
    expect(search(index, "一中心、三组团").map((hit) => hit.entry.key)).toContain("clause:dzf-2023-7#s5.p1.para1");
    expect(normalizeForSearch("（二）智凤街道，城市")).toBe("二智凤街道城市");
  });
});
