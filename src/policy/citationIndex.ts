import type { FeatureCollection } from "geojson";
import type { LayerDefinition, LocalizedText } from "../layers/manifestTypes";
import { parseClauseRef } from "./policyTypes";

/** A map feature that cites a clause, under the layer that shows it best. */
export interface CitingFeature {
  layerId: string;
  featureId: string;
  name: LocalizedText;
}

/** Citation "documentId#clauseId" → the features whose `source` lists it, in manifest and file order. */
export type CitationIndex = ReadonlyMap<string, readonly CitingFeature[]>;

/**
 * The layer to open a cited feature in, among the layers that draw its file (towns, fee tiers and subsidy tiers
 * share one): the most specific layer drawn from the cited document — fee tiers for 13号, subsidy tiers for
 * 50号 — then any layer drawn from it, then the first.
 */
function layerFor(candidates: readonly LayerDefinition[], documentId: string): LayerDefinition {
  const fromDocument = candidates
    .filter((layer) => layer.sourceDocuments.includes(documentId))
    .sort((a, b) => a.sourceDocuments.length - b.sourceDocuments.length);
  return fromDocument[0] ?? candidates[0]!;
}

/** Reads every loaded layer once and indexes its features by the clauses they cite. */
export function buildCitationIndex(layers: readonly LayerDefinition[], layerData: ReadonlyMap<string, FeatureCollection>): CitationIndex {
  const layersByFile = new Map<string, LayerDefinition[]>();
  for (const layer of layers) {
    if (!layerData.has(layer.id) || layer.file === undefined) continue;
    const sharing = layersByFile.get(layer.file) ?? [];
    sharing.push(layer);
    layersByFile.set(layer.file, sharing);
  }
  const index = new Map<string, CitingFeature[]>();
  for (const sharing of layersByFile.values()) {
    const data = layerData.get(sharing[0]!.id)!;
    for (const feature of data.features) {
      const properties = feature.properties ?? {};
      const featureId = typeof properties.id === "string" ? properties.id : "";
      const sources: unknown = properties.source;
      if (!featureId || !Array.isArray(sources)) continue;
      const name = typeof properties.name === "string" ? properties.name : featureId;
      const nameEn = typeof properties.name_en === "string" ? properties.name_en : name;
      for (const citation of new Set(sources.filter((source): source is string => typeof source === "string"))) {
        const ref = parseClauseRef(citation);
        if (!ref) continue;
        const layer = layerFor(sharing, ref.documentId);
        const list = index.get(citation) ?? [];
        list.push({ layerId: layer.id, featureId, name: { zh: name, en: nameEn } });
        index.set(citation, list);
      }
    }
  }
  // Manifest order first, then the file's own order (stable sort keeps it).
  const layerRank = new Map(layers.map((layer, position) => [layer.id, position]));
  for (const list of index.values()) list.sort((a, b) => layerRank.get(a.layerId)! - layerRank.get(b.layerId)!);
  return index;
}

export function citingFeatures(index: CitationIndex, documentId: string, clauseId: string): readonly CitingFeature[] {
  return index.get(`${documentId}#${clauseId}`) ?? [];
}
