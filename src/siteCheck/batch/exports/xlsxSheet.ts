import type { SummaryCell } from "./summaryTable";

/** Characters XML 1.0 cannot hold at all (control characters other than tab and line breaks, lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Excel refuses a cell longer than this. */
const MAX_CELL_TEXT = 32_767;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** "A", "B", … "Z", "AA" … for a zero-based column index. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Style indexes of xlsxStyles(): 0 plain, 1 bold (the header), 2 a number with two decimals. */
const STYLE = { plain: 0, header: 1, twoDecimals: 2 } as const;

export const XLSX_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function cellXml(reference: string, value: SummaryCell, style: number): string {
  const styleAttribute = style === STYLE.plain ? "" : ` s="${style}"`;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${reference}"${styleAttribute}><v>${value}</v></c>` : `<c r="${reference}"/>`;
  if (value === "") return `<c r="${reference}"${styleAttribute}/>`;
  // Inline strings: a cell's text is never read as a formula, whatever it starts with.
  return `<c r="${reference}"${styleAttribute} t="inlineStr"><is><t xml:space="preserve">${xmlText(value.slice(0, MAX_CELL_TEXT))}</t></is></c>`;
}

/** Rough column widths in characters, a CJK character counting two, so the sheet opens readable. */
function columnWidths(header: readonly string[], rows: readonly SummaryCell[][]): number[] {
  return header.map((title, column) => {
    const widest = Math.max(
      ...[title, ...rows.map((row) => row[column] ?? "")].map((cell) => {
        const text = typeof cell === "number" ? cell.toFixed(2) : cell;
        return [...text].reduce((sum, character) => sum + (character.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      }),
    );
    return Math.min(60, Math.max(8, widest + 2));
  });
}

/** One worksheet: a bold header row kept in view when scrolling, then the rows; numbers are numbers (two decimals shown). */
export function worksheetXml(header: readonly string[], rows: readonly SummaryCell[][]): string {
  const lastColumn = columnLetter(Math.max(0, header.length - 1));
  const sheetRows = [header, ...rows].map((row, rowIndex) => {
    const number = rowIndex + 1;
    const cells = row.map((value, column) =>
      cellXml(`${columnLetter(column)}${number}`, value, rowIndex === 0 ? STYLE.header : typeof value === "number" ? STYLE.twoDecimals : STYLE.plain),
    );
    return `<row r="${number}">${cells.join("")}</row>`;
  });
  const cols = columnWidths(header, rows)
    .map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${lastColumn}${rows.length + 1}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>${sheetRows.join("")}</sheetData></worksheet>`;
}
