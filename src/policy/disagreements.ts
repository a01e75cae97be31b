import type { LocalizedText } from "../layers/manifestTypes";
import { resolveCitation, type DocumentsById } from "./corpus";
import { parseClauseRef, type PolicyClause, type PolicyDocument } from "./policyTypes";

/**
 * Places where two documents of the corpus say different things about the same subject. Reading the texts
 * decides this, not code, so they are listed here; the clauses themselves are quoted from the corpus.
 */
export interface Disagreement {
  id: string;
  topic: LocalizedText;
  /** What differs, in a sentence each side can be checked against. */
  summary: LocalizedText;
  /** The disagreeing clauses, one per document, as "documentId#clauseId". */
  citations: readonly string[];
  /** The words that differ, marked wherever they occur in the quoted clauses. */
  phrases: readonly string[];
}

export const DISAGREEMENTS: readonly Disagreement[] = [
  {
    id: "urban-layout-clusters",
    topic: { zh: "城市空间格局：组团数量", en: "Urban layout: the number of clusters" },
    summary: {
      zh: "7号称“一中心三组团”并列出三个组团；8号称“一中心四组团”，未列出组团名称。",
      en: "The Population Development Plan (No. 7) speaks of “one centre, three clusters” and names them; the Chengdu–Chongqing Economic Circle implementation plan (No. 8) speaks of “one centre, four clusters” without naming them.",
    },
    citations: ["dzf-2023-7#s5.p1.para1", "dzf-2023-8#s2.p2.para1"],
    phrases: ["一中心三组团", "一中心四组团"],
  },
];

/**
 * The disagreements a feature runs into: those of which it cites at least one side. With `documents` (the
 * layer's source documents), only those where a side comes from one of them: a town seen as a fee tier is not
 * about the urban layout, though the same town cites 7号's layout clause.
 */
export function disagreementsFor(
  citations: readonly string[],
  options: { documents?: readonly string[]; registry?: readonly Disagreement[] } = {},
): Disagreement[] {
  const cited = new Set(citations.map((citation) => citation.trim()));
  const documents = options.documents ? new Set(options.documents) : null;
  return (options.registry ?? DISAGREEMENTS).filter(
    (disagreement) =>
      disagreement.citations.some((citation) => cited.has(citation)) &&
      (!documents || disagreementDocumentIds(disagreement).some((documentId) => documents.has(documentId))),
  );
}

/** The document ids a disagreement quotes, so their texts can be fetched before it is shown. */
export function disagreementDocumentIds(disagreement: Disagreement): string[] {
  return [...new Set(disagreement.citations.map((citation) => parseClauseRef(citation)?.documentId).filter((id): id is string => !!id))];
}

export interface DisagreementSide {
  citation: string;
  document: PolicyDocument;
  clause: PolicyClause;
}

/**
 * Which document prevails by date: `later` when one was signed after the others, or "same-day" when the latest
 * date is shared (then neither supersedes the other and the reader has to be told so).
 */
export type DateOrder = { type: "same-day"; date: string } | { type: "later"; documentId: string; date: string };

export interface ResolvedDisagreement {
  disagreement: Disagreement;
  sides: DisagreementSide[];
  /** Citations that did not resolve (a document not loaded, or a clause renamed). */
  missing: string[];
  order: DateOrder | null;
}

export function dateOrderOf(sides: readonly Pick<DisagreementSide, "document">[]): DateOrder | null {
  if (sides.length < 2) return null;
  const latest = sides.reduce((date, side) => (side.document.signed > date ? side.document.signed : date), "");
  const atLatest = sides.filter((side) => side.document.signed === latest);
  return atLatest.length > 1 ? { type: "same-day", date: latest } : { type: "later", documentId: atLatest[0]!.document.id, date: latest };
}

export function resolveDisagreement(disagreement: Disagreement, documentsById: DocumentsById): ResolvedDisagreement {
  const sides: DisagreementSide[] = [];
  const missing: string[] = [];
  for (const citation of disagreement.citations) {
    const result = resolveCitation(documentsById, citation);
    if (result.ok) sides.push({ citation, document: result.document, clause: result.clause });
    else missing.push(citation);
  }
  return { disagreement, sides, missing, order: dateOrderOf(sides) };
}
