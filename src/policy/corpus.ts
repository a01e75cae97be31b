/**
 * Pure helpers over the policy corpus (geodata/policies/): clause lookup, the clause tree, a table of
 * contents and citation ("documentId#clauseId") resolution.
 */
import { parseClauseRef, type ClauseRef, type PolicyClause, type PolicyDocument } from "./policyTypes";

export function findClause(document: PolicyDocument, clauseId: string): PolicyClause | undefined {
  return document.clauses.find((clause) => clause.id === clauseId);
}

/** Direct children of a clause (its paragraphs, numbered sub-clauses, table rows), in document order. */
export function clauseChildren(document: PolicyDocument, clauseId: string): PolicyClause[] {
  return document.clauses.filter((clause) => clause.parent === clauseId);
}

/** Top-level clauses (no parent), in document order. */
export function rootClauses(document: PolicyDocument): PolicyClause[] {
  return document.clauses.filter((clause) => clause.parent === undefined);
}

/** The chain of enclosing clauses, outermost first (the clause itself excluded). */
export function clauseAncestors(document: PolicyDocument, clauseId: string): PolicyClause[] {
  const byId = new Map(document.clauses.map((clause) => [clause.id, clause]));
  const chain: PolicyClause[] = [];
  const seen = new Set<string>([clauseId]);
  let parentId = byId.get(clauseId)?.parent;
  while (parentId !== undefined && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    chain.unshift(parent);
    parentId = parent.parent;
  }
  return chain;
}

export interface TocEntry {
  id: string;
  /** 0 for a top-level heading, +1 for each enclosing heading. */
  depth: number;
  number?: string;
  /** The heading's text with its line breaks removed. */
  text: string;
  /** True for 专栏 / tables / annexed forms. */
  box: boolean;
}

/** Heading clauses (sections, titled sub-sections, 专栏 and tables) with their nesting depth. */
export function tableOfContents(document: PolicyDocument): TocEntry[] {
  const byId = new Map(document.clauses.map((clause) => [clause.id, clause]));
  const depthOf = (clause: PolicyClause): number => {
    let depth = 0;
    const seen = new Set<string>([clause.id]);
    let parentId = clause.parent;
    while (parentId !== undefined && !seen.has(parentId)) {
      seen.add(parentId);
      const parent = byId.get(parentId);
      if (!parent) break;
      if (parent.heading) depth += 1;
      parentId = parent.parent;
    }
    return depth;
  };
  return document.clauses
    .filter((clause) => clause.heading === true)
    .map((clause) => {
      const entry: TocEntry = {
        id: clause.id,
        depth: depthOf(clause),
        text: clause.text.replace(/\s*\n\s*/g, ""),
        box: clause.table !== undefined || /^(专栏|表|附件)/.test(clause.number ?? ""),
      };
      if (clause.number !== undefined) entry.number = clause.number;
      return entry;
    });
}

export type CitationError = "malformed" | "unknown-document" | "unknown-clause";

export type CitationResult =
  | { ok: true; citation: string; ref: ClauseRef; document: PolicyDocument; clause: PolicyClause }
  | { ok: false; citation: string; error: CitationError; message: string };

export type DocumentsById = ReadonlyMap<string, PolicyDocument> | Readonly<Record<string, PolicyDocument>>;

function lookupDocument(documentsById: DocumentsById, id: string): PolicyDocument | undefined {
  if (documentsById instanceof Map) return documentsById.get(id);
  const record = documentsById as Readonly<Record<string, PolicyDocument>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Resolves "dzf-2023-13#s1.p1" to its document and clause. */
export function resolveCitation(documentsById: DocumentsById, citation: string): CitationResult {
  const ref = parseClauseRef(citation.trim());
  if (!ref) {
    return { ok: false, citation, error: "malformed", message: `"${citation}" is not of the form documentId#clauseId` };
  }
  const document = lookupDocument(documentsById, ref.documentId);
  if (!document) {
    return { ok: false, citation, error: "unknown-document", message: `no policy document "${ref.documentId}"` };
  }
  const clause = findClause(document, ref.clauseId);
  if (!clause) {
    return {
      ok: false,
      citation,
      error: "unknown-clause",
      message: `${document.docNumber ?? document.id} has no clause "${ref.clauseId}"`,
    };
  }
  return { ok: true, citation, ref, document, clause };
}

/** "dzf-2023-13#s1.p1" for a document and clause id. */
export function formatCitation(documentId: string, clauseId: string): string {
  return `${documentId}#${clauseId}`;
}
