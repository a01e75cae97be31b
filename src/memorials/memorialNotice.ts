import { fetchJson, type FetchJson } from "../layers/loadDataPackage";
import { invalid, isNonEmptyString, isObject, valid, type Validation } from "../layers/validation";
import { parseClauseRef } from "../policy/policyTypes";
import type { Memorial } from "./memorials";

/** One clause of the notice, verbatim, with the citation that names it. */
export interface Quote {
  citation: string;
  clauseId: string;
  /** The numbering as printed ("一、"), when the clause has one. */
  number: string | null;
  text: string;
}

/** What the memorial card quotes from the notice that set the protection ranges (大足府办发〔2023〕47号). */
export interface MemorialNotice {
  documentId: string;
  docNumber: string;
  title: string;
  /** The document's English short title, which introduces its quotations in English; null when the corpus has none. */
  titleEn: string | null;
  /** The opening paragraph, which names the legal basis. */
  intro: Quote;
  /** The documents the opening paragraph names as its basis, verbatim (title in 《》 and its 文号, if given). */
  legalBasis: string[];
  /** What is prohibited inside a protection range. */
  rules: Quote;
  effective: Quote & { date: string | null };
  clauses: ReadonlyMap<string, Quote>;
}

/** Clause ids fixed by the corpus's numbering rules for this notice (docs/data-model.md). */
export const INTRO_CLAUSE = "intro.para1";
export const RULES_CLAUSE = "rules";
const DEFAULT_EFFECTIVE_CLAUSE = "effective";

/** 《title》 with an optional （文号） right after it, as the notice prints its basis documents. */
const BASIS_PATTERN = /《[^《》]+》(?:（[^（）]*〔\d{4}〕[^（）]*号）)?/g;

export function legalBasisTitles(text: string): string[] {
  return [...text.matchAll(BASIS_PATTERN)].map((match) => match[0]);
}

/** The notice as the card needs it, read from a policy document (geodata/policies/<id>.json); every problem named. */
export function memorialNoticeFrom(value: unknown, documentId: string): Validation<MemorialNotice> {
  const where = `policies/${documentId}.json`;
  if (!isObject(value)) return invalid([`${where}: not a JSON object`]);
  if (value.id !== documentId) return invalid([`${where}: its "id" is ${JSON.stringify(value.id)}, not "${documentId}"`]);
  if (!Array.isArray(value.clauses)) return invalid([`${where}: "clauses" must be a list`]);
  const errors: string[] = [];
  const clauses = new Map<string, Quote>();
  value.clauses.forEach((clause: unknown, index) => {
    if (!isObject(clause) || !isNonEmptyString(clause.id) || typeof clause.text !== "string") {
      errors.push(`${where}: clause ${index + 1} needs an "id" and a "text"`);
      return;
    }
    clauses.set(clause.id, {
      citation: `${documentId}#${clause.id}`,
      clauseId: clause.id,
      number: isNonEmptyString(clause.number) ? clause.number : null,
      text: clause.text,
    });
  });
  const docNumber = isNonEmptyString(value.docNumber) ? value.docNumber : null;
  if (!docNumber) errors.push(`${where}: "docNumber" is missing`);
  const title = isNonEmptyString(value.title) ? value.title : null;
  if (!title) errors.push(`${where}: "title" is missing`);
  const effectiveInfo = isObject(value.effective) ? value.effective : {};
  const effectiveClauseId = isNonEmptyString(effectiveInfo.clause) ? effectiveInfo.clause : DEFAULT_EFFECTIVE_CLAUSE;
  const required = (clauseId: string): Quote | null => {
    const quote = clauses.get(clauseId);
    if (!quote) errors.push(`${where}: has no clause "${clauseId}"`);
    return quote ?? null;
  };
  const intro = required(INTRO_CLAUSE);
  const rules = required(RULES_CLAUSE);
  const effective = required(effectiveClauseId);
  if (errors.length > 0 || !intro || !rules || !effective || !docNumber || !title) return invalid(errors);
  return valid({
    documentId,
    docNumber,
    title,
    titleEn: isObject(value.shortTitle) && isNonEmptyString(value.shortTitle.en) ? value.shortTitle.en : null,
    intro,
    legalBasis: legalBasisTitles(intro.text),
    rules,
    effective: { ...effective, date: isNonEmptyString(effectiveInfo.date) ? effectiveInfo.date : null },
    clauses,
  });
}

/** The clause that draws this memorial's protection range: its citation into the notice other than the shared ones. */
export function protectionQuote(notice: MemorialNotice, memorial: Memorial): Quote | null {
  const shared = new Set([INTRO_CLAUSE, RULES_CLAUSE, notice.effective.clauseId]);
  for (const citation of memorial.sources) {
    const ref = parseClauseRef(citation);
    if (!ref || ref.documentId !== notice.documentId || shared.has(ref.clauseId)) continue;
    const quote = notice.clauses.get(ref.clauseId);
    if (quote) return quote;
  }
  return null;
}

/** Splits a quote around the first occurrence of `phrase`, to emphasise it; null when the phrase is not there. */
export function splitAround(text: string, phrase: string): [before: string, match: string, after: string] | null {
  const at = phrase === "" ? -1 : text.indexOf(phrase);
  if (at < 0) return null;
  return [text.slice(0, at), phrase, text.slice(at + phrase.length)];
}

/** The notice's file in the data package (`baseUrl` ends in "/"). */
export function noticeUrl(baseUrl: string, documentId: string): string {
  return `${baseUrl}policies/${encodeURIComponent(documentId)}.json`;
}

export async function loadMemorialNotice(baseUrl: string, documentId: string, fetchJsonFile: FetchJson = fetchJson): Promise<Validation<MemorialNotice>> {
  const fetched = await fetchJsonFile(noticeUrl(baseUrl, documentId));
  return fetched.ok ? memorialNoticeFrom(fetched.value, documentId) : invalid(fetched.errors);
}
