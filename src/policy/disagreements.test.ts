import { describe, expect, it } from "vitest";
import { loadDataPackageFromDisk } from "../../tests/unit/dataPackageOnDisk";
import { dateOrderOf, disagreementsFor, DISAGREEMENTS, resolveDisagreement } from "./disagreements";
import type { PolicyDocument } from "./policyTypes";

const { manifest, layerData, documents } = loadDataPackageFromDisk();
const documentsById = new Map(documents.map((document) => [document.id, document]));

function sources(layerId: string, name: string): string[] {
  const feature = layerData.get(layerId)!.features.find((candidate) => candidate.properties?.name === name)!;
  return feature.properties!.source as string[];
}

function layerDocuments(layerId: string): string[] {
  return manifest.layers.find((layer) => layer.id === layerId)!.sourceDocuments;
}

describe("disagreement detection", () => {
  it("flags every urban-layout area, each of which cites both sides and carries a conflict note", () => {
    for (const feature of layerData.get("urban-areas")!.features) {
      const found = disagreementsFor(feature.properties!.source as string[], { documents: layerDocuments("urban-areas") });
      expect(
        found.map((disagreement) => disagreement.id),
        feature.properties!.name as string,
      ).toEqual(["urban-layout-clusters"]);
      expect(typeof feature.properties!.conflict_note).toBe("string");
    }
  });

  it("flags a centre town seen as a town (it cites 7号's 一中心三组团), but not when seen as a fee tier", () => {
    const longgang = sources("towns", "龙岗街道");
    expect(disagreementsFor(longgang, { documents: layerDocuments("towns") })).toHaveLength(1);
    expect(disagreementsFor(longgang, { documents: layerDocuments("fee-tiers") })).toEqual([]);
    expect(disagreementsFor(sources("memorials", "饶国梁烈士纪念碑"))).toEqual([]);
  });

  it("quotes both clauses verbatim and says that neither supersedes the other: both signed 2023-03-31", () => {
    const resolved = resolveDisagreement(DISAGREEMENTS[0]!, documentsById);
    expect(resolved.missing).toEqual([]);
    expect(resolved.sides.map((side) => side.citation)).toEqual(["dzf-2023-7#s5.p1.para1", "dzf-2023-8#s2.p2.para1"]);
    expect(resolved.sides[0]!.clause.text).toContain("一中心三组团");
    expect(resolved.sides[1]!.clause.text).toContain("一中心四组团");
    expect(resolved.order).toEqual({ type: "same-day", date: "2023-03-31" });
  });

  it("names the later document when the dates differ, and reports clauses it cannot find", () => {
    const signed = (id: string, date: string) => ({ document: { id, signed: date } as PolicyDocument });
    expect(dateOrderOf([signed("a", "2023-03-31"), signed("b", "2023-04-24")])).toEqual({ type: "later", documentId: "b", date: "2023-04-24" });
    expect(dateOrderOf([signed("a", "2023-03-31")])).toBeNull();
    const renamed = resolveDisagreement({ ...DISAGREEMENTS[0]!, citations: ["dzf-2023-7#s5.p1.para1", "dzf-2023-8#s9"] }, documentsById);
    expect(renamed.missing).toEqual(["dzf-2023-8#s9"]);
    expect(renamed.order).toBeNull();
  });
});
