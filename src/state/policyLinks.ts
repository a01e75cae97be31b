import type { ReaderState } from "./policySlice";
import type { Selection } from "./selection";
import { parseHash, withHashParameter } from "./urlHash";

/*
 * Links into the policy side of the map, carried in the URL hash beside the view state:
 *
 *   #feature=<layerId>/<featureId>      a feature, opened in the inspector (e.g. feature=memorials/memorial-rao-guoliang)
 *   #doc=<documentId>&clause=<clauseId>  a document in the reader, at a clause (clause= optional)
 *
 * `doc=<documentId>#<clauseId>` (a citation as written in the data) is read as well.
 */

const FEATURE_PARAMETER = "feature";
const DOCUMENT_PARAMETER = "doc";
const CLAUSE_PARAMETER = "clause";

export type FeatureLink =
  | { type: "none" }
  | { type: "feature"; layerId: string; featureId: string }
  | { type: "malformed"; value: string };

export type DocumentLink =
  | { type: "none" }
  | { type: "document"; documentId: string; clauseId: string | null }
  | { type: "malformed"; value: string };

export interface PolicyLinks {
  feature: FeatureLink;
  document: DocumentLink;
}

const LAYER_OR_FEATURE_ID = /^[A-Za-z0-9_-]+$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]+$/;
const CLAUSE_ID = /^[A-Za-z0-9_.-]+$/;

function parameter(parameters: ReadonlyArray<readonly [string, string]>, key: string): string | null {
  const found = parameters.find(([name]) => name === key);
  return found ? found[1] : null;
}

function readFeatureLink(value: string | null): FeatureLink {
  if (value === null) return { type: "none" };
  const slash = value.indexOf("/");
  const layerId = value.slice(0, slash);
  const featureId = value.slice(slash + 1);
  if (slash <= 0 || !LAYER_OR_FEATURE_ID.test(layerId) || !LAYER_OR_FEATURE_ID.test(featureId)) return { type: "malformed", value };
  return { type: "feature", layerId, featureId };
}

function readDocumentLink(documentValue: string | null, clauseValue: string | null): DocumentLink {
  if (documentValue === null) return { type: "none" };
  const hashAt = documentValue.indexOf("#");
  const documentId = hashAt < 0 ? documentValue : documentValue.slice(0, hashAt);
  const clauseId = clauseValue ?? (hashAt < 0 ? null : documentValue.slice(hashAt + 1));
  if (!DOCUMENT_ID.test(documentId)) return { type: "malformed", value: documentValue };
  if (clauseId === null || clauseId === "") return { type: "document", documentId, clauseId: null };
  if (!CLAUSE_ID.test(clauseId)) return { type: "malformed", value: `${documentId}#${clauseId}` };
  return { type: "document", documentId, clauseId };
}

export function readPolicyLinks(hash: string): PolicyLinks {
  const { otherParameters } = parseHash(hash);
  return {
    feature: readFeatureLink(parameter(otherParameters, FEATURE_PARAMETER)),
    document: readDocumentLink(parameter(otherParameters, DOCUMENT_PARAMETER), parameter(otherParameters, CLAUSE_PARAMETER)),
  };
}

/** The hash with `feature=` naming the selection, or without it when nothing is selected. */
export function withFeatureLink(hash: string, selection: Selection): string {
  return withHashParameter(hash, FEATURE_PARAMETER, selection.type === "feature" ? `${selection.layerId}/${selection.featureId}` : null);
}

/** The hash with `doc=`/`clause=` for the open reader, or without both when it is closed. */
export function withDocumentLink(hash: string, reader: ReaderState): string {
  const open = reader.type === "open";
  const withDocument = withHashParameter(hash, DOCUMENT_PARAMETER, open ? reader.documentId : null);
  return withHashParameter(withDocument, CLAUSE_PARAMETER, open ? reader.clauseId : null);
}
