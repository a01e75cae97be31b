import { describe, expect, it } from "vitest";
import { resolveCitation } from "../../src/policy/corpus";
import { loadDataPackageFromDisk } from "./dataPackageOnDisk";

const { manifest, layerData, documents } = loadDataPackageFromDisk();
const documentsById = new Map(documents.map((document) => [document.id, document]));

describe("the data package holds together", () => {
  it("has every policy document the layers name", () => {
    for (const layer of manifest.layers) {
      for (const documentId of layer.sourceDocuments) expect(documentsById.has(documentId), `${layer.id} → ${documentId}`).toBe(true);
    }
  });

  it("resolves every feature's source citation to an existing clause", () => {
    let citations = 0;
    for (const [layerId, data] of layerData) {
      for (const feature of data.features) {
        const sources = (feature.properties?.source ?? []) as string[];
        expect(sources.length, `${layerId}/${feature.properties?.id}`).toBeGreaterThan(0);
        for (const citation of sources) {
          citations++;
          const resolved = resolveCitation(documentsById, citation);
          expect(resolved.ok, `${layerId}/${feature.properties?.id} cites ${citation}`).toBe(true);
        }
      }
    }
    expect(citations).toBeGreaterThan(50);
  });

  it("resolves the extraction-block summary rows, which have no geometry", () => {
    const extraction = manifest.layers.find((layer) => layer.id === "mining-extraction-blocks")!;
    expect(layerData.get(extraction.id)!.features).toHaveLength(0);
    expect(extraction.summary!.length).toBeGreaterThan(0);
    for (const row of extraction.summary!) expect(resolveCitation(documentsById, row.source).ok, row.source).toBe(true);
  });
});
