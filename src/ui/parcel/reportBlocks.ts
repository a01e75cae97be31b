import type { Language } from "../../i18n/messages";
import type { ReportBlock, ReportCell, ReportSection } from "../../siteCheck/report/reportModel";
import { renderText } from "../../siteCheck/report/reportText";
import { h, type Child } from "../dom";
import { quoteBlock } from "./quote";

/** Lines of a rendered text as text nodes and line breaks (never markup: names come from imported files). */
function lines(text: string): Child[] {
  return text.split("\n").flatMap((line, index) => (index === 0 ? [line] : [h("br"), line]));
}

function cellAttributes(cell: ReportCell): Record<string, string> {
  return cell.attribute ? { [`data-${cell.attribute.name}`]: cell.attribute.value } : {};
}

/** One block of the report model as DOM, in the reader's language; `classPrefix` is "print" or "site". */
export function renderBlock(block: ReportBlock, language: Language, classPrefix: string, options: { quoteLinks: boolean }): Child {
  const text = (value: Parameters<typeof renderText>[0]) => lines(renderText(value, language));
  switch (block.type) {
    case "facts":
      return h(
        "table",
        { class: `${classPrefix}-table ${classPrefix}-facts`, "data-report-block": block.id },
        h(
          "tbody",
          {},
          block.rows.map((row) =>
            h(
              "tr",
              { "data-report-row": row.id },
              h("th", { scope: "row" }, text(row.label)),
              h("td", { dir: "auto", ...cellAttributes(row.value) }, text(row.value.text)),
            ),
          ),
        ),
      );
    case "table":
      return h(
        "table",
        { class: `${classPrefix}-table ${classPrefix}-${block.id}`, "data-report-block": block.id },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            block.columns.map((column) => h("th", { scope: "col" }, text(column))),
          ),
        ),
        h(
          "tbody",
          {},
          block.rows.map((row) =>
            h(
              "tr",
              { "data-report-row": row.id, ...(row.status ? { class: `${classPrefix}-finding--${row.status}`, "data-status": row.status } : {}) },
              row.cells.map((cell) => h("td", cellAttributes(cell), text(cell.text))),
            ),
          ),
        ),
        block.footer
          ? h(
              "tfoot",
              {},
              h(
                "tr",
                {},
                block.footer.cells.map((cell) => h("td", cellAttributes(cell), text(cell.text))),
              ),
            )
          : null,
      );
    case "quote":
      return quoteBlock(
        block.citation,
        {
          citation: block.citation,
          documentId: block.citation.split("#")[0] ?? "",
          clauseId: block.citation.split("#")[1] ?? "",
          docNumber: block.documentNumber,
          shortTitle: null,
          text: block.text,
          label: block.clause,
        },
        language,
        { link: options.quoteLinks },
      );
    case "note":
      return h("p", { class: `${classPrefix}-note`, "data-report-block": block.id }, text(block.text));
    case "warning":
      return h("p", { class: "site-caveat", role: "note", "data-report-block": block.id }, "⚠ ", text(block.text));
    case "question":
      return h(
        "p",
        { class: `${classPrefix}-answer`, "data-report-block": `question-${block.id}` },
        h("span", {}, text(block.question)),
        " ",
        h("strong", {}, block.answer ? text(block.answer) : renderText({ message: "site.report.unanswered" }, language)),
      );
  }
}

/** A section with its heading (`level` 2 in print, 3 on screen) and blocks. */
export function renderSection(section: ReportSection, language: Language, classPrefix: string, options: { quoteLinks: boolean; level: 2 | 3 }): Child {
  return h(
    "section",
    { class: `${classPrefix}-section ${classPrefix}-section--${section.id}`, "data-report-section": section.id },
    section.heading ? h(options.level === 2 ? "h2" : "h3", {}, renderText(section.heading, language)) : null,
    section.blocks.map((block) => renderBlock(block, language, classPrefix, options)),
  );
}
