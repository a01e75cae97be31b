/**
 * Parses the gazette into policy documents: one clause per printed paragraph, ids following the
 * documents' own numbering (docs/data-model.md).
 */
import type { PolicyClause, PolicyDocument, PolicyPart, PolicyTable } from "../../src/policy/policyTypes";
import { GAZETTE_YEAR, GOVERNMENT_DOCUMENTS, meetingSpec, type DocumentSpec, type TableLayout } from "./specs";
import { readTable, startsTable, type RawTable } from "./table";
import { addDays, chineseNumeral, findChineseDate, isoDate, splitLines, type SourceLine } from "./text";

const ISSUERS = ["重庆市大足区人民政府", "重庆市大足区人民政府办公室"];
const DOC_NUMBER = /^(大足府(办)?发)〔(\d{4})〕(\d+)号$/;
const MINUTES_HEADER = /^区第三届人民政府召开第(\d+)次常务会议$/;
const PUBLIC_MARK = "（此件公开发布）";

const SECTION = /^([一二三四五六七八九十]+|—)、/;
const SUBSECTION = /^（([一二三四五六七八九十]+)）/;
const ITEM = /^(\d+)(?:．|\.(?!\d))/;
const SUBITEM = /^（(\d+)）/;
const BOX_CAPTION = /^专栏([一二三四五六七八九十]+|\d+)/;
const TABLE_CAPTION = /^表\d+—\d+\s/;
const ANNEX_LIST = /^附件：\s*(\d+)[．.]/;
const ANNEX = /^附件(\d+)$/;
/** A paragraph that ends like this is complete; otherwise a following tab line continues it. */
const PARAGRAPH_END = /[。；：！？”’）)》」]$/;

type Level = 1 | 2 | 3 | 4;
const LEVEL_LETTER: Record<Level, string> = { 1: "s", 2: "p", 3: "n", 4: "i" };

interface Numbering {
  level: Level;
  value: number | null;
  token: string;
}

function numberingOf(text: string): Numbering | null {
  const section = SECTION.exec(text);
  if (section) {
    const numeral = section[1]!;
    return { level: 1, value: numeral === "—" ? null : chineseNumeral(numeral), token: section[0] };
  }
  const subsection = SUBSECTION.exec(text);
  if (subsection) return { level: 2, value: chineseNumeral(subsection[1]!), token: subsection[0] };
  const item = ITEM.exec(text);
  if (item) return { level: 3, value: Number(item[1]), token: item[0] };
  const subitem = SUBITEM.exec(text);
  if (subitem) return { level: 4, value: Number(subitem[1]), token: subitem[0] };
  return null;
}

function isStructural(line: SourceLine): boolean {
  const text = line.text;
  return (
    numberingOf(text) !== null || BOX_CAPTION.test(text) || TABLE_CAPTION.test(text) || ANNEX.test(text) || ANNEX_LIST.test(text) || MINUTES_HEADER.test(text)
  );
}

/**
 * A numbered line reads as a title when, parenthetical remarks aside, it is one short phrase: no "；",
 * no "。" except a final one (e.g. "（一）扶持对象。", "5．勘查规划区块"), at most 40 characters.
 */
export function isTitleLike(text: string): boolean {
  const numbering = numberingOf(text);
  const body = text.slice(numbering?.token.length ?? 0).replace(/（[^（）]*）/g, "");
  return !/；|。./.test(body) && body.length <= 40;
}

/** Collects clauses of one document, enforcing unique ids. */
class ClauseList {
  readonly clauses: PolicyClause[] = [];
  private readonly ids = new Set<string>();
  /** Clauses that are numbered paragraphs (their heading flag depends on their children). */
  readonly numbered = new Set<string>();

  constructor(private readonly documentId: string) {}

  add(clause: PolicyClause): PolicyClause {
    if (this.ids.has(clause.id)) {
      throw new Error(`${this.documentId}: duplicate clause id ${clause.id} (line ${clause.line})`);
    }
    this.ids.add(clause.id);
    this.clauses.push(clause);
    return clause;
  }

  /** Numbered clauses are headings when they read as a title and have children. */
  markHeadings(): void {
    const parents = new Set(this.clauses.map((clause) => clause.parent).filter((id) => id !== undefined));
    for (const clause of this.clauses) {
      if (this.numbered.has(clause.id) && parents.has(clause.id) && isTitleLike(clause.text)) clause.heading = true;
    }
  }
}

interface StackEntry {
  level: Level;
  id: string;
  /** The numbered line is a title (a 专栏 or table after it belongs to it), not a body paragraph. */
  title: boolean;
}

interface BodyContext {
  documentId: string;
  spec: DocumentSpec;
  list: ClauseList;
  /** "" or "women." etc. */
  prefix: string;
  /** Parent of top-level clauses (a part id) or undefined. */
  rootParent: string | undefined;
  /** Enclosing label of paragraphs before the first numbered heading ("intro"). */
  leadLabel: string;
}

/** Parses the lines of a document body (or of one part) into clauses. */
function parseBody(lines: readonly SourceLine[], context: BodyContext): void {
  const { list, prefix, spec, documentId } = context;
  const stack: StackEntry[] = [];
  const paragraphCounts = new Map<string, number>();
  let box: string | null = null;
  let inAnnexList = false;
  let sectionCount = 0;
  let tableCount = 0;

  const nextParagraphId = (enclosing: string): string => {
    const count = (paragraphCounts.get(enclosing) ?? 0) + 1;
    paragraphCounts.set(enclosing, count);
    return `${enclosing}.para${count}`;
  };
  /** A box or table belongs to the nearest enclosing title, not to a numbered body paragraph. */
  const boxParent = (): string | undefined => [...stack].reverse().find((entry) => entry.title)?.id ?? context.rootParent;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.blank) continue;
    const text = line.text;

    // 附件 N: a form printed as a table.
    const annex = ANNEX.exec(text);
    if (annex) {
      inAnnexList = false;
      box = null;
      let titleIndex = index + 1;
      while (titleIndex < lines.length && lines[titleIndex]!.blank) titleIndex += 1;
      const title = lines[titleIndex];
      if (!title || title.indented) throw new Error(`${documentId}: 附件${annex[1]} has no title`);
      let tableIndex = titleIndex + 1;
      while (tableIndex < lines.length && lines[tableIndex]!.blank && !lines[tableIndex]!.indented) tableIndex += 1;
      if (!startsTable(lines, tableIndex)) throw new Error(`${documentId}: 附件${annex[1]} has no table`);
      const id = `${prefix}annex${annex[1]}`;
      const raw = readTable(lines, tableIndex, isStructural);
      addTable(context, { id, number: text, caption: title.text, line: title.no, parent: undefined, raw });
      index = raw.end - 1;
      continue;
    }

    // 附件：1．… 2．… — the list of attachments after the body.
    const annexList = ANNEX_LIST.exec(text);
    if (annexList || (inAnnexList && ITEM.test(text))) {
      inAnnexList = true;
      box = null;
      const value = annexList ? annexList[1]! : ITEM.exec(text)![1]!;
      const token = annexList ? annexList[0] : ITEM.exec(text)![0];
      list.add({ id: `${prefix}annexes.n${value}`, number: token, text, line: line.no });
      continue;
    }

    // 专栏N / 表N—N: a table, or a box of paragraphs.
    const boxCaption = BOX_CAPTION.exec(text);
    if (boxCaption || TABLE_CAPTION.test(text)) {
      const number = boxCaption ? chineseNumeral(boxCaption[1]!) : (tableCount += 1);
      const token = boxCaption ? boxCaption[0] : text.split(/\s/)[0]!;
      const id = `${prefix}box${number}`;
      let next = index + 1;
      while (next < lines.length && lines[next]!.blank && !lines[next]!.indented) next += 1;
      if (startsTable(lines, next)) {
        const raw = readTable(lines, next, isStructural);
        addTable(context, { id, number: token, caption: text, line: line.no, parent: boxParent(), raw });
        box = null;
        index = raw.end - 1;
      } else {
        list.add({ id, parent: boxParent(), number: token, heading: true, text, line: line.no });
        box = id;
      }
      continue;
    }

    const numbering = numberingOf(text);
    if (numbering) {
      box = null;
      let value = numbering.value;
      if (numbering.level === 1) {
        // The children's plan prints its first section as "—、" (a dash for 一).
        if (value === null) {
          if (sectionCount !== 0) throw new Error(`${documentId}: unexpected "—、" at line ${line.no}`);
          value = 1;
        }
        sectionCount = value;
      }
      while (stack.length > 0 && stack[stack.length - 1]!.level >= numbering.level) stack.pop();
      const top = stack[stack.length - 1];
      if (numbering.level > 1 && !top) {
        throw new Error(`${documentId}: ${numbering.token} outside any section at line ${line.no}`);
      }
      const id = `${top ? `${top.id}.` : prefix}${LEVEL_LETTER[numbering.level]}${value}`;
      list.add({ id, parent: top?.id ?? context.rootParent, number: numbering.token, text, line: line.no });
      list.numbered.add(id);
      stack.push({ level: numbering.level, id, title: isTitleLike(text) });
      continue;
    }

    // An unnumbered paragraph; a page break may have split it before a tab-indented continuation.
    let paragraph = text;
    if (!PARAGRAPH_END.test(paragraph)) {
      let next = index + 1;
      while (next < lines.length && lines[next]!.blank && !lines[next]!.indented) next += 1;
      const continuation = lines[next];
      if (continuation && continuation.indented && !continuation.blank && !isStructural(continuation)) {
        paragraph = `${paragraph}\n${continuation.text}`;
        index = next;
      }
    }
    const override = spec.overrides?.find((candidate) => candidate.pattern.test(paragraph));
    if (override) {
      list.add({ id: `${prefix}${override.id}`, parent: context.rootParent, text: paragraph, line: line.no });
      continue;
    }
    const enclosing = box ?? stack[stack.length - 1]?.id ?? `${prefix}${context.leadLabel}`;
    const parent = box ?? stack[stack.length - 1]?.id ?? context.rootParent;
    list.add({ id: nextParagraphId(enclosing), parent, text: paragraph, line: line.no });
  }
}

interface TableClause {
  id: string;
  number: string;
  caption: string;
  line: number;
  parent: string | undefined;
  raw: RawTable;
}

function addTable(context: BodyContext, { id, number, caption, line, parent, raw }: TableClause): void {
  const layout: TableLayout = context.spec.tables?.[id] ?? {};
  const { columns, rows } = layoutTable(`${context.documentId}#${id}`, raw.rows, layout);
  const printedRows = layout.form ? raw.rows : raw.rows.slice(1);
  const printedLines = layout.form ? raw.rowLines : raw.rowLines.slice(1);
  const rowClauseIds = rows.map((_, rowIndex) => `${id}.r${rowIndex + 1}`);
  const table: PolicyTable = { caption, columns, rows, rowClauseIds };
  context.list.add({ id, parent, number, heading: true, text: caption, table, line });
  printedRows.forEach((cells, rowIndex) => {
    const text = cells.filter((cell) => cell !== "").join(" ");
    if (text === "") throw new Error(`${context.documentId}#${id}: empty row ${rowIndex + 1}`);
    context.list.add({ id: rowClauseIds[rowIndex]!, parent: id, text, line: printedLines[rowIndex]! });
  });
}

/** Applies a table's layout: header, spanned cells and vertically merged cells made explicit. */
export function layoutTable(label: string, printed: readonly string[][], layout: TableLayout): { columns: string[]; rows: string[][] } {
  if (layout.form) return { columns: [], rows: printed.map((row) => [...row]) };
  const [header, ...body] = printed;
  if (!header) throw new Error(`${label}: empty table`);
  const columns = layout.columns ?? [...header];
  const rows: string[][] = [];
  for (const printedRow of body) {
    const cells = [...printedRow];
    if (layout.span && cells.length === layout.span.cellCount) {
      cells.splice(layout.span.repeatCell, 0, cells[layout.span.repeatCell]!);
    }
    if (cells.length !== columns.length) {
      throw new Error(`${label}: row "${printedRow.join(" ")}" has ${cells.length} cells, expected ${columns.length}`);
    }
    for (const column of layout.fillDown ?? []) {
      if (cells[column] !== "") continue;
      const above = rows[rows.length - 1]?.[column];
      if (!above) throw new Error(`${label}: nothing above the blank cell ${column} of "${printedRow.join(" ")}"`);
      cells[column] = above;
    }
    rows.push(cells);
  }
  return { columns, rows };
}

interface Segment {
  kind: "government" | "minutes";
  start: number;
  /** Inclusive index of the last non-blank line. */
  end: number;
}

/** Splits the gazette into documents: government notices (issuer line + 关于… title) and minutes. */
export function findSegments(lines: readonly SourceLine[]): Segment[] {
  const starts: { kind: Segment["kind"]; start: number }[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (MINUTES_HEADER.test(line.text)) {
      starts.push({ kind: "minutes", start: index });
      continue;
    }
    if (!ISSUERS.includes(line.text)) continue;
    let next = index + 1;
    while (next < lines.length && lines[next]!.blank) next += 1;
    if (lines[next]?.text.startsWith("关于")) starts.push({ kind: "government", start: index });
  }
  const firstContent = lines.findIndex((line) => !line.blank);
  if (starts[0]?.start !== firstContent) throw new Error("the gazette does not start with a document header");
  return starts.map((entry, position) => {
    let end = (starts[position + 1]?.start ?? lines.length) - 1;
    while (end > entry.start && lines[end]!.blank) end -= 1;
    return { kind: entry.kind, start: entry.start, end };
  });
}

function nextNonBlank(lines: readonly SourceLine[], from: number, limit: number): number {
  let index = from;
  while (index <= limit && lines[index]!.blank) index += 1;
  return index;
}

/** Title lines of a plan: the lines before its first sentence. */
function readPlanTitle(lines: readonly SourceLine[]): { titleLines: SourceLine[]; rest: SourceLine[] } {
  const titleLines: SourceLine[] = [];
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.blank) continue;
    if (/[。：]$/.test(line.text) || isStructural(line)) break;
    titleLines.push(line);
  }
  if (titleLines.length === 0 || titleLines.length > 2) {
    throw new Error(`unexpected plan title at line ${lines[0]?.no}: ${titleLines.map((line) => line.text).join(" / ")}`);
  }
  return { titleLines, rest: lines.slice(index) };
}

function lastNonBlankLine(lines: readonly SourceLine[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) if (!lines[index]!.blank) return lines[index]!.no;
  throw new Error("no content");
}

function governmentDocument(lines: readonly SourceLine[], segment: Segment): PolicyDocument {
  const issuer = lines[segment.start]!.text;
  const titleParts: string[] = [];
  let index = segment.start + 1;
  for (; index <= segment.end && !DOC_NUMBER.test(lines[index]!.text); index += 1) {
    if (!lines[index]!.blank) titleParts.push(lines[index]!.text);
  }
  const numberMatch = DOC_NUMBER.exec(lines[index]?.text ?? "");
  if (!numberMatch) throw new Error(`no 文号 after the title at line ${lines[segment.start]!.no}`);
  const docNumber = numberMatch[0];
  const id = `${numberMatch[2] ? "dzfb" : "dzf"}-${numberMatch[3]}-${numberMatch[4]}`;
  const spec = GOVERNMENT_DOCUMENTS.find((candidate) => candidate.id === id) ?? fallbackSpec(id, docNumber);

  const addresseeIndex = nextNonBlank(lines, index + 1, segment.end);
  const addresseeLine = lines[addresseeIndex]!.text;
  if (!addresseeLine.endsWith("：")) throw new Error(`${id}: no addressees at line ${addresseeIndex + 1}`);
  const addressees = addresseeLine.slice(0, -1);

  // Signature: the issuer again, followed by the date and （此件公开发布）.
  let signatureIndex = -1;
  for (let candidate = addresseeIndex + 1; candidate <= segment.end; candidate += 1) {
    if (lines[candidate]!.text !== issuer) continue;
    const dateIndex = nextNonBlank(lines, candidate + 1, segment.end);
    if (findChineseDate(lines[dateIndex]?.text ?? "")) {
      signatureIndex = candidate;
      break;
    }
  }
  if (signatureIndex < 0) throw new Error(`${id}: no signature`);
  const dateIndex = nextNonBlank(lines, signatureIndex + 1, segment.end);
  const signed = findChineseDate(lines[dateIndex]!.text)!;
  let afterSignature = dateIndex;
  if (!lines[dateIndex]!.text.includes(PUBLIC_MARK)) {
    afterSignature = nextNonBlank(lines, dateIndex + 1, segment.end);
    if (lines[afterSignature]?.text !== PUBLIC_MARK) throw new Error(`${id}: no ${PUBLIC_MARK} after the date`);
  }

  const noticeLines = lines.slice(addresseeIndex + 1, signatureIndex);
  const attachmentLines = lines.slice(afterSignature + 1, segment.end + 1);
  const list = new ClauseList(id);
  const document: PolicyDocument = {
    id,
    kind: spec.kind,
    docNumber,
    title: `${issuer}${titleParts.join("")}`,
    shortTitle: spec.shortTitle,
    issuer,
    signed,
    addressees,
    sourceLines: [lines[segment.start]!.no, lines[segment.end]!.no],
    clauses: list.clauses,
  };

  if (attachmentLines.some((line) => !line.blank)) {
    // The notice issues a plan: its own paragraphs are notice.paraK.
    let count = 0;
    for (const line of noticeLines) {
      if (line.blank) continue;
      count += 1;
      list.add({ id: `notice.para${count}`, text: line.text, line: line.no });
    }
    if (spec.parts) {
      const starts = spec.parts.map((part) => {
        const at = attachmentLines.findIndex((line) => line.text === part.titleLine);
        if (at < 0) throw new Error(`${id}: part title ${part.titleLine} not found`);
        return at;
      });
      const parts: PolicyPart[] = [];
      spec.parts.forEach((part, position) => {
        const partLines = attachmentLines.slice(starts[position], starts[position + 1] ?? attachmentLines.length);
        const { titleLines, rest } = readPlanTitle(partLines);
        const title = titleLines.map((line) => line.text).join("");
        parts.push({ id: part.id, title, sourceLines: [titleLines[0]!.no, lastNonBlankLine(partLines)] });
        list.add({
          id: part.id,
          heading: true,
          text: titleLines.map((line) => line.text).join("\n"),
          line: titleLines[0]!.no,
        });
        parseBody(rest, { documentId: id, spec, list, prefix: `${part.id}.`, rootParent: part.id, leadLabel: "intro" });
      });
      document.parts = parts;
      document.attachmentTitle = parts.map((part) => part.title).join("；");
    } else {
      const { titleLines, rest } = readPlanTitle(attachmentLines);
      document.attachmentTitle = titleLines.map((line) => line.text).join("");
      parseBody(rest, { documentId: id, spec, list, prefix: "", rootParent: undefined, leadLabel: "intro" });
    }
  } else {
    parseBody(noticeLines, { documentId: id, spec, list, prefix: "", rootParent: undefined, leadLabel: "intro" });
  }
  list.markHeadings();
  const effective = effectiveOf(list.clauses, signed);
  if (effective) document.effective = effective;
  return document;
}

/** "本通知自发布之日起执行。", "本通知自2023年5月17日起施行。", "本实施意见自印发之日起30日后施行。" */
export function effectiveOf(clauses: readonly PolicyClause[], signed: string): PolicyDocument["effective"] {
  const clause = clauses.find((candidate) => /^本(?:通知|实施意见|意见|规划|计划|办法)自.+(?:施行|执行)。$/.test(candidate.text));
  if (!clause) return undefined;
  const rule = clause.text;
  const fixed = /自(\d{4})年(\d{1,2})月(\d{1,2})日起/.exec(rule);
  const delayed = /自(?:发布|印发)之日起(\d+)日后/.exec(rule);
  let date: string | undefined;
  if (fixed) date = isoDate(Number(fixed[1]), Number(fixed[2]), Number(fixed[3]));
  else if (delayed) date = addDays(signed, Number(delayed[1]));
  else if (/自(?:发布|印发)之日起(?:施行|执行)/.test(rule)) date = signed;
  return date ? { date, rule, clause: clause.id } : { rule, clause: clause.id };
}

function fallbackSpec(id: string, docNumber: string): DocumentSpec {
  return { id, kind: "fulltext", shortTitle: { zh: docNumber, en: docNumber } };
}

function minutesDocument(lines: readonly SourceLine[], segment: Segment): PolicyDocument {
  const header = lines[segment.start]!;
  const meeting = Number(MINUTES_HEADER.exec(header.text)![1]);
  const spec = meetingSpec(meeting);
  const list = new ClauseList(spec.id);
  let count = 0;
  for (const line of lines.slice(segment.start + 1, segment.end + 1)) {
    if (line.blank) continue;
    count += 1;
    list.add({ id: `para${count}`, text: line.text, line: line.no });
  }
  const first = list.clauses[0]?.text ?? "";
  const day = /^(\d{1,2})月(\d{1,2})日/.exec(first);
  if (!day) throw new Error(`${spec.id}: the first paragraph does not start with the meeting date`);
  return {
    id: spec.id,
    kind: spec.kind,
    title: header.text,
    shortTitle: spec.shortTitle,
    issuer: ISSUERS[0]!,
    signed: isoDate(GAZETTE_YEAR, Number(day[1]), Number(day[2])),
    sourceLines: [header.no, lines[segment.end]!.no],
    clauses: list.clauses,
  };
}

/** Every document of the gazette, in printed order. */
export function parseGazette(source: string): PolicyDocument[] {
  const lines = splitLines(source);
  const documents = findSegments(lines).map((segment) => (segment.kind === "minutes" ? minutesDocument(lines, segment) : governmentDocument(lines, segment)));
  const seen = new Set<string>();
  for (const document of documents) {
    if (seen.has(document.id)) throw new Error(`duplicate document ${document.id}`);
    seen.add(document.id);
  }
  return documents;
}
