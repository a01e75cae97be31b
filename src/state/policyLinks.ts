import type { ReaderState } from "./policySlice";
import type { Selection } from "./selection";
import { parseHashParameters } from "../routing/hashParameters";
import type { HashCodec } from "../routing/router";

/*
 * Links into the policy side of the map, carried in the URL hash beside the view state:
 *
 *   #feature=<layerId>/<featureId>      a feature, opened in the inspector (e.g. feature=memorials/memorial-rao-guoliang)
 *   #doc=<documentId>&clause=<clauseId>  a document in the reader, at a clause (clause= optional)
 *
 * `doc=<documentId>#<clauseId>` (a citation as written in the data) is read as well, and `sel=<layerId>/<featureId>`
 * (older links' selection) as a feature link.
 */

const FEATURE_PARAMETER = "feature";
const LEGACY_SELECTION_PARAMETER = "sel";
const DOCUMENT_PARAMETER = "doc";
const CLAUSE_PARAMETER = "clause";

export type FeatureLink = { type: "none" } | { type: "feature"; layerId: string; featureId: string } | { type: "malformed"; value: string };

export type DocumentLink = { type: "none" } | { type: "document"; documentId: string; clauseId: string | null } | { type: "malformed"; value: string };

export interface PolicyLinks {
  feature: FeatureLink;
  document: DocumentLink;
}

const LAYER_OR_FEATURE_ID = /^[A-Za-z0-9_-]+$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]+$/;
const CLAUSE_ID = /^[A-Za-z0-9_.-]+$/;

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

export const featureLinkCodec: HashCodec<FeatureLink> = {
  // `sel=` is what older links carried for the selection; it wins over `feature=` when both are there and it is valid.
  keys: [FEATURE_PARAMETER, LEGACY_SELECTION_PARAMETER],
  parse: (parameters) => {
    const legacy = readFeatureLink(parameters.get(LEGACY_SELECTION_PARAMETER) ?? null);
    return legacy.type === "feature" ? legacy : readFeatureLink(parameters.get(FEATURE_PARAMETER) ?? null);
  },
  // A malformed link is written back as it came until its route has reported it; the route then drops it.
  format: (link) =>
    link.type === "feature" ? [[FEATURE_PARAMETER, `${link.layerId}/${link.featureId}`]] : link.type === "malformed" ? [[FEATURE_PARAMETER, link.value]] : [],
};

export const documentLinkCodec: HashCodec<DocumentLink> = {
  keys: [DOCUMENT_PARAMETER, CLAUSE_PARAMETER],
  parse: (parameters) => readDocumentLink(parameters.get(DOCUMENT_PARAMETER) ?? null, parameters.get(CLAUSE_PARAMETER) ?? null),
  format: (link) => {
    if (link.type === "malformed") return [[DOCUMENT_PARAMETER, link.value]];
    if (link.type === "none") return [];
    return link.clauseId === null
      ? [[DOCUMENT_PARAMETER, link.documentId]]
      : [
          [DOCUMENT_PARAMETER, link.documentId],
          [CLAUSE_PARAMETER, link.clauseId],
        ];
  },
};

export function readPolicyLinks(hash: string): PolicyLinks {
  const parameters = new Map(parseHashParameters(hash));
  return { feature: featureLinkCodec.parse(parameters), document: documentLinkCodec.parse(parameters) };
}

/** The feature link that stands for a selection. */
export function featureLinkOf(selection: Selection): FeatureLink {
  return selection.type === "feature" ? { type: "feature", layerId: selection.layerId, featureId: selection.featureId } : { type: "none" };
}

/** The document link that stands for the reader. */
export function documentLinkOf(reader: ReaderState): DocumentLink {
  return reader.type === "open" ? { type: "document", documentId: reader.documentId, clauseId: reader.clauseId } : { type: "none" };
}
