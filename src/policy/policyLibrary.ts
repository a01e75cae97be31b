import { fetchJson, type FetchJson } from "../layers/loadDataPackage";
import type { Validation } from "../layers/validation";
import type { PolicyDocument, PolicyIndex } from "./policyTypes";
import { validatePolicyDocument, validatePolicyIndex } from "./validatePolicy";

/** What asking for one document gave: the document, "no such document" (an old link), or why it failed to load. */
export type DocumentLoad =
  | { type: "loaded"; document: PolicyDocument }
  | { type: "unknown"; documentId: string }
  | { type: "failed"; documentId: string; errors: string[] };

/**
 * The policy corpus, fetched on first use and kept: the index once, each document once. Nothing is fetched
 * until something asks, so the corpus (≈0.4 MB) is not part of starting the map.
 */
export interface PolicyLibrary {
  index(): Promise<Validation<PolicyIndex>>;
  document(documentId: string): Promise<DocumentLoad>;
  /** Every document of the index, for the full-text search; documents that fail are left out and reported. */
  allDocuments(): Promise<{ documents: PolicyDocument[]; errors: string[] }>;
  /** A document already loaded, without waiting (for rendering synchronously). */
  loadedDocument(documentId: string): PolicyDocument | undefined;
}

/** `policiesBaseUrl` ends in "/", e.g. "geodata/policies/". */
export function createPolicyLibrary(policiesBaseUrl: string, fetchJsonFile: FetchJson = fetchJson): PolicyLibrary {
  let indexRequest: Promise<Validation<PolicyIndex>> | null = null;
  const documentRequests = new Map<string, Promise<DocumentLoad>>();
  const loaded = new Map<string, PolicyDocument>();

  const index = () => {
    if (!indexRequest) {
      const request = fetchJsonFile(`${policiesBaseUrl}index.json`).then((fetched) => (fetched.ok ? validatePolicyIndex(fetched.value) : fetched));
      indexRequest = request;
      void request.then((result) => {
        if (!result.ok && indexRequest === request) indexRequest = null;
      });
    }
    return indexRequest;
  };

  const fetchDocument = async (documentId: string): Promise<DocumentLoad> => {
    const fetchedIndex = await index();
    if (!fetchedIndex.ok) return { type: "failed", documentId, errors: fetchedIndex.errors };
    const entry = fetchedIndex.value.documents.find((candidate) => candidate.id === documentId);
    if (!entry) return { type: "unknown", documentId };
    const fetched = await fetchJsonFile(`${policiesBaseUrl}${entry.file}`);
    if (!fetched.ok) return { type: "failed", documentId, errors: fetched.errors };
    const validated = validatePolicyDocument(fetched.value, documentId);
    if (!validated.ok) return { type: "failed", documentId, errors: validated.errors };
    loaded.set(documentId, validated.value);
    return { type: "loaded", document: validated.value };
  };

  const document = (documentId: string) => {
    let request = documentRequests.get(documentId);
    if (!request) {
      request = fetchDocument(documentId);
      documentRequests.set(documentId, request);
      // A failed fetch may succeed later (the network came back): forget it so the next ask tries again.
      void request.then((result) => {
        if (result.type === "failed") documentRequests.delete(documentId);
      });
    }
    return request;
  };

  return {
    index,
    document,
    allDocuments: async () => {
      const fetchedIndex = await index();
      if (!fetchedIndex.ok) return { documents: [], errors: fetchedIndex.errors };
      const results = await Promise.all(fetchedIndex.value.documents.map((entry) => document(entry.id)));
      const documents: PolicyDocument[] = [];
      const errors: string[] = [];
      for (const result of results) {
        if (result.type === "loaded") documents.push(result.document);
        else if (result.type === "failed") errors.push(...result.errors);
        else errors.push(`policies/index.json lists "${result.documentId}" but it cannot be found`);
      }
      return { documents, errors };
    },
    loadedDocument: (documentId) => loaded.get(documentId),
  };
}
