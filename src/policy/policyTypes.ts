/**
 * The policy corpus (`geodata/policies/`): each gazette document as data, one clause per paragraph,
 * text verbatim. Clause ids follow the document's own numbering (see docs/data-model.md).
 */

export interface PolicyTable {
  caption: string;
  columns: string[];
  /** Cells verbatim; merged cells of the printed table are repeated in each row they cover. */
  rows: string[][];
  /** Clause id of each row, parallel to `rows` (e.g. "box1.r1"). */
  rowClauseIds: string[];
}

export interface PolicyClause {
  /** Stable id, unique within the document, e.g. "s1.p1", "s5.p1.para2", "box1.r2". */
  id: string;
  /** Id of the enclosing heading clause, absent for top level. */
  parent?: string;
  /** The numbering token as printed, e.g. "一、", "（一）", "1．", "专栏1". */
  number?: string;
  /** True when the paragraph is a heading line (a numbered title with no body text). */
  heading?: boolean;
  /** Verbatim text of the paragraph (for table rows: cells joined by a single space). */
  text: string;
  table?: PolicyTable;
  /** 1-based line in geodata/sources/gazette-2023.txt where the paragraph (or table row) starts. */
  line?: number;
}

/** One of several plans issued by a single notice (e.g. 6号: women's plan and children's plan). */
export interface PolicyPart {
  /** Clause id of the part's title clause; the part's clause ids start with "<id>.". */
  id: string;
  /** The part's title as printed (line breaks removed). */
  title: string;
  sourceLines: [number, number];
}

export type PolicyDocumentKind = "structured" | "fulltext" | "minutes";

export interface PolicyDocument {
  /** e.g. "dzf-2023-13" for 大足府发〔2023〕13号, "dzfb-2023-32" for 大足府办发〔2023〕32号, "exec-meeting-44". */
  id: string;
  kind: PolicyDocumentKind;
  /** 文号 as printed, e.g. "大足府发〔2023〕13号"; absent for minutes. */
  docNumber?: string;
  /** Full title of the notice as printed (line breaks removed). */
  title: string;
  /** Title of the plan or opinion the notice issues, when it issues one. */
  attachmentTitle?: string;
  /** Short title for lists. */
  shortTitle: { zh: string; en: string };
  issuer: string;
  /** ISO date the document was signed (成文日期). */
  signed: string;
  effective?: {
    /** ISO date when computable. */
    date?: string;
    /** The document's own words on when it takes effect. */
    rule: string;
    clause?: string;
  };
  addressees?: string;
  /** 1-based line range in geodata/sources/gazette-2023.txt, for provenance. */
  sourceLines: [number, number];
  /** Present when the notice issues several plans, in printed order. */
  parts?: PolicyPart[];
  clauses: PolicyClause[];
}

export interface PolicyIndexEntry {
  id: string;
  kind: PolicyDocumentKind;
  docNumber?: string;
  title: string;
  shortTitle: { zh: string; en: string };
  signed: string;
  file: string;
  clauseCount: number;
}

export interface PolicyIndex {
  source: string;
  documents: PolicyIndexEntry[];
}

/** A citation "documentId#clauseId" split into its parts. */
export interface ClauseRef {
  documentId: string;
  clauseId: string;
}

export function parseClauseRef(citation: string): ClauseRef | null {
  const hashAt = citation.indexOf("#");
  if (hashAt <= 0 || hashAt === citation.length - 1) return null;
  return { documentId: citation.slice(0, hashAt), clauseId: citation.slice(hashAt + 1) };
}
