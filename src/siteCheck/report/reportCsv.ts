import type { Language } from "../../i18n/messages";
import { shownIn, type ReportModel } from "./reportModel";
import { renderText } from "./reportText";

/** RFC 4180: quote when needed, double the quotes; a leading = + - @ is defused so a spreadsheet does not run it. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report's tables and facts as CSV in the reader's language: one block after another, each table with its own
 * header row, facts as label/value rows, notes and warnings as one-cell rows. Starts with a byte-order mark so
 * spreadsheet programs read the Chinese as UTF-8.
 */
export function reportCsv(model: ReportModel, language: Language): string {
  const rows: string[][] = [];
  const text = (value: Parameters<typeof renderText>[0]) => renderText(value, language).replace(/\n/g, " | ");
  // The printed report's sections but its title (the file is the report), each as printed.
  for (const section of model.sections) {
    if (section.id === "head" || !shownIn(section, "print")) continue;
    if (section.heading) rows.push([text(section.heading)]);
    for (const block of section.blocks) {
      if (!shownIn(block, "print")) continue;
      switch (block.type) {
        case "facts":
          for (const row of block.rows) rows.push([text(row.label), text(row.value.text)]);
          break;
        case "table":
          rows.push(block.columns.map(text));
          for (const row of [...block.rows, ...(block.footer ? [block.footer] : [])]) rows.push(row.cells.map((cell) => text(cell.text)));
          break;
        case "question":
          rows.push([text(block.question), block.answer ? text(block.answer) : renderText({ message: "site.report.unanswered" }, language)]);
          break;
        case "note":
        case "warning":
          rows.push([text(block.text)]);
          break;
        case "quote":
          rows.push([block.citation, block.documentNumber ?? "", block.clause ? text({ localized: block.clause }) : "", block.text ?? ""]);
          break;
        case "override":
          // Overrides are in the findings table's own column.
          break;
      }
    }
    rows.push([]);
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
