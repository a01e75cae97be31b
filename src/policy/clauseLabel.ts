import type { Language } from "../i18n/language";
import { clauseAncestors, findClause } from "./corpus";
import type { PolicyDocument } from "./policyTypes";

const OPENING_LENGTH = 20;

/**
 * Where a clause sits, as printed numbering: "一、（三）", "五、（一）第1段", "专栏1 第2行". Paragraphs and table rows have
 * no printed number, so they are counted; a 专栏 starts its own numbering; an unnumbered clause outside any numbering (47号's `rules`) is named by
 * its opening words; a clause the document lacks, by its id.
 */
export function clauseLabel(document: PolicyDocument, clauseId: string, language: Language): string {
  const clause = findClause(document, clauseId);
  if (!clause) return clauseId;
  const zh = language === "zh";
  const chain = [...clauseAncestors(document, clauseId), clause];
  // A 专栏 is cited by its own number ("专栏1 第2行"), not by the section it sits in.
  const tableAt = chain.map((entry) => entry.table !== undefined).lastIndexOf(true);
  const numbers = chain
    .slice(Math.max(0, tableAt))
    .map((entry) => entry.number?.trim())
    .filter((number): number is string => !!number);
  const prefix = numbers.join("");
  const paragraph = /(?:^|\.)para(\d+)$/.exec(clauseId);
  const row = /(?:^|\.)r(\d+)$/.exec(clauseId);
  let counted = "";
  if (!clause.number && paragraph) {
    const section = clauseId.startsWith("intro.") ? (zh ? "引言" : "intro, ") : clauseId.startsWith("notice.") ? (zh ? "通知" : "notice, ") : "";
    counted = zh ? `${section}第${paragraph[1]}段` : `${section}para. ${paragraph[1]}`;
  } else if (!clause.number && row) {
    counted = zh ? `第${row[1]}行` : `row ${row[1]}`;
  }
  if (prefix && counted) return `${prefix}${/[0-9A-Za-z]$/.test(prefix) || !zh ? " " : ""}${counted}`;
  if (prefix || counted) return prefix || counted;
  const opening = clause.text.replace(/\s+/g, "");
  return opening.length > OPENING_LENGTH ? `“${opening.slice(0, OPENING_LENGTH)}…”` : `“${opening}”`;
}
