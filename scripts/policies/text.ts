/** Small text helpers shared by the corpus builder and its tests. */

/** One line of the gazette: 1-based number, the raw text and its trimmed form. */
export interface SourceLine {
  no: number;
  raw: string;
  text: string;
  /** The printed line starts with a tab (table cells and some box paragraphs). */
  indented: boolean;
  blank: boolean;
}

export function splitLines(source: string): SourceLine[] {
  const rawLines = source.replace(/\r\n?/g, "\n").split("\n");
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === "") rawLines.pop();
  return rawLines.map((raw, index) => {
    const text = raw.trim();
    return { no: index + 1, raw, text, indented: raw.startsWith("\t"), blank: text === "" };
  });
}

/** Collapses every whitespace run to a single space (the comparison used for "verbatim"). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Parses 一 … 九十九 as printed in section numbers. */
export function chineseNumeral(numeral: string): number {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  const tenAt = numeral.indexOf("十");
  if (tenAt < 0) {
    const value = CHINESE_DIGITS[numeral];
    if (value === undefined || numeral.length !== 1) throw new Error(`not a Chinese numeral: ${numeral}`);
    return value;
  }
  const tensPart = numeral.slice(0, tenAt);
  const unitsPart = numeral.slice(tenAt + 1);
  const tens = tensPart === "" ? 1 : CHINESE_DIGITS[tensPart];
  const units = unitsPart === "" ? 0 : CHINESE_DIGITS[unitsPart];
  if (tens === undefined || units === undefined || tensPart.length > 1 || unitsPart.length > 1) {
    throw new Error(`not a Chinese numeral: ${numeral}`);
  }
  return tens * 10 + units;
}

export function isoDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new Error(`invalid date ${year}-${month}-${day}`);
  }
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Finds "2023年3月24日" in a line and returns it as an ISO date. */
export function findChineseDate(text: string): string | null {
  const match = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (!match) return null;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** JSON with object keys sorted at every level, 2-space indent and a trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value;
}
