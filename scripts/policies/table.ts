/**
 * Tables as the gazette prints them: every cell is a tab-indented line, a row starts at a tab line that
 * follows a blank line, and a cell the layout broke over several lines continues on an unindented line
 * after a single blank line.
 */
import type { SourceLine } from "./text";

export interface RawTable {
  /** Printed rows; cells verbatim (trimmed), a broken cell keeps one "\n" per printed break. */
  rows: string[][];
  /** Gazette line of the first cell of each row. */
  rowLines: number[];
  /** Index (into the line array) of the first line after the table. */
  end: number;
}

/** True when lines[index] starts a table: a tab line immediately followed by another tab line. */
export function startsTable(lines: readonly SourceLine[], index: number): boolean {
  const first = lines[index];
  const second = lines[index + 1];
  return Boolean(first && second && first.indented && second.indented);
}

/**
 * Reads a table starting at lines[start] (a tab line). `isBoundary` tells lines that can never be a
 * cell continuation (numbered headings, document headers).
 */
export function readTable(lines: readonly SourceLine[], start: number, isBoundary: (line: SourceLine) => boolean): RawTable {
  const rows: string[][] = [];
  const rowLines: number[] = [];
  let blanks = 1;
  let index = start;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.raw.trim() === "" && !line.raw.includes("\t")) {
      blanks += 1;
      continue;
    }
    if (line.indented) {
      const cell = line.raw.replace(/^\t/, "").trim();
      if (blanks > 0 || rows.length === 0) {
        rows.push([cell]);
        rowLines.push(line.no);
      } else {
        rows[rows.length - 1]!.push(cell);
      }
      blanks = 0;
      continue;
    }
    if (blanks === 1 && rows.length > 0 && !isBoundary(line)) {
      const row = rows[rows.length - 1]!;
      const last = row.length - 1;
      row[last] = row[last] === "" ? line.text : `${row[last]}\n${line.text}`;
      blanks = 0;
      continue;
    }
    break;
  }
  // A continuation followed directly by a tab line is a new cell of the same row: handled because
  // `blanks` is reset to 0 after a continuation.
  return { rows, rowLines, end: index };
}
