import type { FeatureCollection } from "geojson";
import type { LayerDefinition, LocalizedText } from "../layers/manifestTypes";
import type { PolicyDocument } from "./policyTypes";
import { normalizeForSearch } from "./normalizeText";

export type SearchKind = "place" | "memorial" | "zone" | "layer" | "clause";

/** Display order of result groups. */
export const SEARCH_KIND_ORDER: SearchKind[] = ["place", "memorial", "zone", "layer", "clause"];

export type SearchTarget =
  | { type: "feature"; layerId: string; featureId: string }
  | { type: "layer"; layerId: string }
  | { type: "clause"; documentId: string; clauseId: string };

export interface SearchEntry {
  kind: SearchKind;
  key: string;
  title: LocalizedText;
  /** Secondary line, e.g. the layer or document a hit belongs to. */
  context: LocalizedText;
  /** Text searched besides the title (clause text, addresses). */
  body: string;
  target: SearchTarget;
}

export interface SearchSnippet {
  before: string;
  match: string;
  after: string;
}

export interface SearchHit {
  entry: SearchEntry;
  score: number;
  /** Where the query matched in the title or body, for showing the words in context. */
  snippet: SearchSnippet;
}

export interface SearchIndex {
  entries: SearchEntry[];
}

export interface SearchSources {
  layers: LayerDefinition[];
  /** Loaded layer data by layer id (layers that failed to load are simply absent). */
  layerData: ReadonlyMap<string, FeatureCollection>;
  documents: PolicyDocument[];
}

const BODY_PROPERTIES = ["address", "town", "kind", "mineral", "protection_range"];

function kindOfLayer(layer: LayerDefinition): SearchKind {
  return layer.searchKind ?? "zone";
}

export { normalizeForSearch };

export function buildSearchIndex({ layers, layerData, documents }: SearchSources): SearchIndex {
  const entries: SearchEntry[] = [];
  const seenFeatures = new Set<string>();
  for (const layer of layers) {
    entries.push({
      kind: "layer",
      key: `layer:${layer.id}`,
      title: layer.title,
      context: { zh: "图层", en: "Layer" },
      body: layer.description?.zh ?? "",
      target: { type: "layer", layerId: layer.id },
    });
    const data = layerData.get(layer.id);
    if (!data) continue;
    for (const feature of data.features) {
      const properties = feature.properties ?? {};
      const featureId = String(properties.id ?? feature.id ?? "");
      const name = typeof properties.name === "string" ? properties.name : "";
      // Several layers can draw one file (towns, fee tiers, subsidy tiers): list each feature once, under the first.
      const featureKey = `${layer.file}#${featureId}`;
      if (!featureId || !name || seenFeatures.has(featureKey)) continue;
      seenFeatures.add(featureKey);
      const body = BODY_PROPERTIES.map((property) => properties[property])
        .filter((value): value is string => typeof value === "string")
        .join(" ");
      entries.push({
        kind: kindOfLayer(layer),
        key: `feature:${layer.id}/${featureId}`,
        title: { zh: name, en: typeof properties.name_en === "string" ? properties.name_en : name },
        context: layer.title,
        body,
        target: { type: "feature", layerId: layer.id, featureId },
      });
    }
  }
  for (const document of documents) {
    for (const clause of document.clauses) {
      entries.push({
        kind: "clause",
        key: `clause:${document.id}#${clause.id}`,
        title: { zh: document.shortTitle.zh, en: document.shortTitle.en },
        context: { zh: document.docNumber ?? document.title, en: document.docNumber ?? document.shortTitle.en },
        body: clause.text,
        target: { type: "clause", documentId: document.id, clauseId: clause.id },
      });
    }
  }
  return { entries };
}

const SNIPPET_RADIUS = 18;

/** Finds `query` in `text` ignoring whitespace and width; returns the matched span in the original text. */
function locate(text: string, normalizedQuery: string): { start: number; end: number } | null {
  if (!normalizedQuery) return null;
  const characters: string[] = [];
  const originalIndex: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const normalized = normalizeForSearch(text[index]!);
    for (const character of normalized) {
      characters.push(character);
      originalIndex.push(index);
    }
  }
  const at = characters.join("").indexOf(normalizedQuery);
  if (at < 0) return null;
  return { start: originalIndex[at]!, end: originalIndex[at + normalizedQuery.length - 1]! + 1 };
}

function snippetOf(text: string, span: { start: number; end: number }): SearchSnippet {
  const from = Math.max(0, span.start - SNIPPET_RADIUS);
  const to = Math.min(text.length, span.end + SNIPPET_RADIUS);
  return {
    before: (from > 0 ? "…" : "") + text.slice(from, span.start),
    match: text.slice(span.start, span.end),
    after: text.slice(span.end, to) + (to < text.length ? "…" : ""),
  };
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * Ranks: a name equal to the query, then names starting with it, then names containing it, then bodies
 * containing it (more occurrences and shorter clauses first). Places, memorials and zones outrank clauses
 * at equal match quality, because a name hit is what someone typing a place expects.
 */
export function search(index: SearchIndex, query: string, limit = 30): SearchHit[] {
  const normalizedQuery = normalizeForSearch(query);
  if (!normalizedQuery) return [];
  const hits: SearchHit[] = [];
  for (const entry of index.entries) {
    const titles = [entry.title.zh, entry.title.en];
    let score = 0;
    let snippet: SearchSnippet | null = null;
    if (entry.kind !== "clause") {
      for (const title of titles) {
        const normalizedTitle = normalizeForSearch(title);
        const span = locate(title, normalizedQuery);
        if (!span) continue;
        const titleScore = normalizedTitle === normalizedQuery ? 1000 : normalizedTitle.startsWith(normalizedQuery) ? 800 : 600;
        if (titleScore > score) {
          score = titleScore;
          snippet = snippetOf(title, span);
        }
      }
    }
    if (score === 0) {
      const span = locate(entry.body, normalizedQuery);
      if (span) {
        const count = occurrences(normalizeForSearch(entry.body), normalizedQuery);
        score = (entry.kind === "clause" ? 300 : 400) + Math.min(count, 10) * 10 - Math.min(entry.body.length / 100, 50);
        snippet = snippetOf(entry.body, span);
      }
    }
    if (snippet) hits.push({ entry, score, snippet });
  }
  const kindRank = (hit: SearchHit) => SEARCH_KIND_ORDER.indexOf(hit.entry.kind);
  hits.sort((a, b) => b.score - a.score || kindRank(a) - kindRank(b) || a.entry.key.localeCompare(b.entry.key));
  return hits.slice(0, limit);
}

/**
 * Hits grouped by kind, each group keeping rank order; the group with the best hit comes first (kind order breaks
 * ties), so an exact name match is never listed below weaker hits of a kind shown earlier ("大足区" lists the district
 * before the memorials whose addresses contain it).
 */
export function groupHits(hits: SearchHit[]): Array<{ kind: SearchKind; hits: SearchHit[] }> {
  const groups = SEARCH_KIND_ORDER.map((kind) => ({ kind, hits: hits.filter((hit) => hit.entry.kind === kind) })).filter((group) => group.hits.length > 0);
  const best = (group: { hits: SearchHit[] }) => Math.max(...group.hits.map((hit) => hit.score));
  return groups.sort((a, b) => best(b) - best(a) || SEARCH_KIND_ORDER.indexOf(a.kind) - SEARCH_KIND_ORDER.indexOf(b.kind));
}
