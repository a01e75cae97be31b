/**
 * The policy corpus build: gazette text in, the files of geodata/policies/ out.
 */
import type { PolicyDocument, PolicyIndex } from "../../src/policy/policyTypes";
import { parseGazette } from "./parse";
import { GOVERNMENT_DOCUMENTS } from "./specs";
import { stableJson } from "./text";

export { collapseWhitespace } from "./text";

export const GAZETTE_PATH = "geodata/sources/gazette-2023.txt";
export const POLICIES_DIR = "geodata/policies";

export function policyIndex(documents: readonly PolicyDocument[]): PolicyIndex {
  return {
    source: GAZETTE_PATH,
    documents: documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      docNumber: document.docNumber,
      title: document.title,
      shortTitle: document.shortTitle,
      signed: document.signed,
      file: `${document.id}.json`,
      clauseCount: document.clauses.length,
    })),
  };
}

/**
 * Builds every generated file of geodata/policies/ from the gazette text.
 * Keys are paths relative to the repository root; values are the files' exact contents.
 */
export function buildPolicyCorpus(gazetteText: string): Map<string, string> {
  const documents = parseGazette(gazetteText);
  for (const spec of GOVERNMENT_DOCUMENTS) {
    if (!documents.some((document) => document.id === spec.id)) {
      throw new Error(`document ${spec.id} not found in the gazette`);
    }
  }
  const files = new Map<string, string>();
  files.set(`${POLICIES_DIR}/index.json`, stableJson(policyIndex(documents)));
  for (const document of documents) files.set(`${POLICIES_DIR}/${document.id}.json`, stableJson(document));
  return files;
}
