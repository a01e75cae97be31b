import { invalid, isObject, isNonEmptyString, summarizeErrors, valid, type Validation } from "../layers/validation";
import type { PolicyClause, PolicyDocument, PolicyDocumentKind, PolicyIndex, PolicyIndexEntry, PolicyTable } from "./policyTypes";

const KINDS: readonly PolicyDocumentKind[] = ["structured", "fulltext", "minutes"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isKind(value: unknown): value is PolicyDocumentKind {
  return KINDS.includes(value as PolicyDocumentKind);
}

function isLocalizedText(value: unknown): value is { zh: string; en: string } {
  return isObject(value) && isNonEmptyString(value.zh) && typeof value.en === "string";
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isLineRange(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((item) => Number.isInteger(item));
}

/** Checks `policies/index.json`; the index names every document the reader and the search can open. */
export function validatePolicyIndex(value: unknown): Validation<PolicyIndex> {
  if (!isObject(value) || !Array.isArray(value.documents)) return invalid(["policies/index.json: expected { documents: [...] }"]);
  const errors: string[] = [];
  const documents: PolicyIndexEntry[] = [];
  value.documents.forEach((entry: unknown, position) => {
    const where = `policies/index.json documents[${position}]`;
    if (!isObject(entry)) return errors.push(`${where}: not an object`);
    if (!isNonEmptyString(entry.id)) return errors.push(`${where}: missing id`);
    if (!isNonEmptyString(entry.file) || !/^[A-Za-z0-9_.-]+\.json$/.test(entry.file)) {
      return errors.push(`${where} (${entry.id}): file must be a plain file name ending in .json`);
    }
    if (!isKind(entry.kind)) return errors.push(`${where} (${entry.id}): unknown kind ${JSON.stringify(entry.kind)}`);
    if (!isNonEmptyString(entry.title) || !isLocalizedText(entry.shortTitle)) {
      return errors.push(`${where} (${entry.id}): missing title or shortTitle`);
    }
    if (!isNonEmptyString(entry.signed) || !ISO_DATE.test(entry.signed)) return errors.push(`${where} (${entry.id}): signed is not an ISO date`);
    documents.push(entry as unknown as PolicyIndexEntry);
  });
  if (errors.length > 0) return invalid(summarizeErrors(errors));
  return valid({ source: typeof value.source === "string" ? value.source : "", documents });
}

function tableErrors(table: unknown, where: string): string[] {
  if (!isObject(table)) return [`${where}: table is not an object`];
  const { caption, columns, rows, rowClauseIds } = table as Partial<Record<keyof PolicyTable, unknown>>;
  const errors: string[] = [];
  if (typeof caption !== "string") errors.push(`${where}: table caption is not text`);
  if (!isStringArray(columns)) errors.push(`${where}: table columns are not text`);
  if (!Array.isArray(rows) || !rows.every(isStringArray)) errors.push(`${where}: table rows are not rows of text`);
  if (!isStringArray(rowClauseIds) || !Array.isArray(rows) || rowClauseIds.length !== rows.length) {
    errors.push(`${where}: rowClauseIds must give one clause id per row`);
  }
  return errors;
}

function clauseErrors(clause: unknown, where: string): string[] {
  if (!isObject(clause)) return [`${where}: not an object`];
  const errors: string[] = [];
  if (!isNonEmptyString(clause.id)) errors.push(`${where}: missing id`);
  if (typeof clause.text !== "string") errors.push(`${where} (${String(clause.id)}): text is not a string`);
  if (clause.parent !== undefined && !isNonEmptyString(clause.parent)) errors.push(`${where} (${String(clause.id)}): parent is not an id`);
  if (clause.number !== undefined && typeof clause.number !== "string") errors.push(`${where} (${String(clause.id)}): number is not text`);
  if (clause.heading !== undefined && typeof clause.heading !== "boolean") errors.push(`${where} (${String(clause.id)}): heading is not true/false`);
  if (clause.table !== undefined) errors.push(...tableErrors(clause.table, `${where} (${String(clause.id)})`));
  return errors;
}

/**
 * Checks one `policies/<id>.json` before the reader renders it: the metadata the reader shows, and clauses with
 * unique ids whose parents exist (the table of contents and the citation lookups walk that tree).
 */
export function validatePolicyDocument(value: unknown, expectedId: string): Validation<PolicyDocument> {
  const where = `policies/${expectedId}.json`;
  if (!isObject(value)) return invalid([`${where}: not a JSON object`]);
  const errors: string[] = [];
  if (value.id !== expectedId) errors.push(`${where}: id is ${JSON.stringify(value.id)}, expected "${expectedId}"`);
  if (!isKind(value.kind)) errors.push(`${where}: unknown kind ${JSON.stringify(value.kind)}`);
  if (!isNonEmptyString(value.title)) errors.push(`${where}: missing title`);
  if (!isLocalizedText(value.shortTitle)) errors.push(`${where}: missing shortTitle`);
  if (!isNonEmptyString(value.issuer)) errors.push(`${where}: missing issuer`);
  if (!isNonEmptyString(value.signed) || !ISO_DATE.test(value.signed)) errors.push(`${where}: signed is not an ISO date`);
  if (value.docNumber !== undefined && !isNonEmptyString(value.docNumber)) errors.push(`${where}: docNumber is blank`);
  if (!isLineRange(value.sourceLines)) errors.push(`${where}: sourceLines is not [first, last]`);
  if (value.effective !== undefined) {
    const effective = value.effective;
    if (!isObject(effective) || !isNonEmptyString(effective.rule)) errors.push(`${where}: effective needs its rule text`);
    else if (effective.date !== undefined && (typeof effective.date !== "string" || !ISO_DATE.test(effective.date))) {
      errors.push(`${where}: effective.date is not an ISO date`);
    }
  }
  if (!Array.isArray(value.clauses) || value.clauses.length === 0) {
    errors.push(`${where}: no clauses`);
    return invalid(errors);
  }
  const clauses = value.clauses as unknown[];
  clauses.forEach((clause, position) => errors.push(...clauseErrors(clause, `${where} clauses[${position}]`)));
  if (errors.length === 0) {
    const ids = new Set<string>();
    for (const clause of clauses as PolicyClause[]) {
      if (ids.has(clause.id)) errors.push(`${where}: clause id "${clause.id}" appears twice`);
      ids.add(clause.id);
    }
    for (const clause of clauses as PolicyClause[]) {
      if (clause.parent !== undefined && !ids.has(clause.parent)) errors.push(`${where}: clause "${clause.id}" has unknown parent "${clause.parent}"`);
    }
  }
  return errors.length > 0 ? invalid(summarizeErrors(errors)) : valid(value as unknown as PolicyDocument);
}
