import { fetchJson, type FetchJson } from "../layers/loadDataPackage";
import type { ClauseQuote } from "../parcel/reportInput";
import type { PolicyDocument } from "../policy/policyTypes";
import { clauseLabel } from "../policy/clauseLabel";
import { findClause } from "../policy/corpus";

export interface ClauseQuotes {
  /** Quotes loaded so far, by citation. */
  readonly quotes: ReadonlyMap<string, ClauseQuote>;
  /** Loads the documents of these citations (once each) and resolves when their quotes are in `quotes`. */
  load(citations: readonly string[]): Promise<void>;
}

function isPolicyDocument(value: unknown): value is PolicyDocument {
  const document = value as PolicyDocument;
  return typeof value === "object" && value !== null && typeof document.id === "string" && Array.isArray(document.clauses);
}

/**
 * Clause texts for the report, fetched lazily from `geodata/policies/<document>.json` — only the documents a report
 * cites, only when it is shown. A document that fails to load gives quotes with `text: null` (the citation stays).
 */
export function createClauseQuotes(policiesBaseUrl: string, fetchJsonFile: FetchJson = fetchJson): ClauseQuotes {
  const quotes = new Map<string, ClauseQuote>();
  const documents = new Map<string, Promise<PolicyDocument | null>>();
  const documentOf = (documentId: string) => {
    let request = documents.get(documentId);
    if (!request) {
      request = fetchJsonFile(`${policiesBaseUrl}${documentId}.json`).then((result) => (result.ok && isPolicyDocument(result.value) ? result.value : null));
      documents.set(documentId, request);
    }
    return request;
  };
  return {
    quotes,
    load: async (citations) => {
      await Promise.all(
        citations
          .filter((citation) => !quotes.has(citation))
          .map(async (citation) => {
            const [documentId = "", clauseId = ""] = citation.split("#");
            const document = await documentOf(documentId);
            const clause = document ? findClause(document, clauseId) : undefined;
            quotes.set(citation, {
              citation,
              documentId,
              clauseId,
              docNumber: document?.docNumber ?? null,
              shortTitle: document?.shortTitle ?? null,
              text: clause ? clause.text : null,
              label: document && clause ? { zh: clauseLabel(document, clauseId, "zh"), en: clauseLabel(document, clauseId, "en") } : null,
            });
          }),
      );
    },
  };
}
