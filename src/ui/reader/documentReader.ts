import type { Language } from "../../i18n/messages";
import { translateInspector } from "../../i18n/messages.inspector";
import { localized } from "../../i18n/translate";
import type { LocalizedText } from "../../layers/manifestTypes";
import { citingFeatures, type CitationIndex } from "../../policy/citationIndex";
import { tableOfContents } from "../../policy/corpus";
import type { PolicyClause, PolicyDocument, PolicyTable } from "../../policy/policyTypes";
import { h, type Child } from "../dom";

export interface DocumentReaderOptions {
  language: Language;
  citationIndex: CitationIndex;
  layerTitle(layerId: string): LocalizedText | undefined;
  onOpenFeature(layerId: string, featureId: string): void;
  /** A heading of the table of contents was chosen. */
  onChooseClause(clauseId: string): void;
}

export interface RenderedDocument {
  element: HTMLElement;
  /** Marks one clause (or none) and scrolls it into view inside `scrollContainer`; false when the clause is not there. */
  showClause(clauseId: string | null, scrollContainer: HTMLElement): boolean;
}

const HEADING_TAGS = ["h3", "h4", "h5", "h6"] as const;

/** The DOM id of a clause's element; ids with dots stay valid, selectors use attribute lookups. */
function clauseElementId(documentId: string, clauseId: string): string {
  return `clause-${documentId}-${clauseId}`;
}

/** Printed tables repeat a header over merged columns ("总量调控矿种" twice): join equal neighbours into one cell. */
function headerCells(columns: readonly string[]): Array<{ text: string; span: number }> {
  const cells: Array<{ text: string; span: number }> = [];
  for (const column of columns) {
    const last = cells[cells.length - 1];
    if (last && last.text === column && column !== "") last.span += 1;
    else cells.push({ text: column, span: 1 });
  }
  return cells;
}

function renderTable(table: PolicyTable): HTMLTableElement {
  return h(
    "table",
    { class: "reader-table" },
    h("caption", {}, table.caption),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        headerCells(table.columns).map((cell) => h("th", { scope: "col", colspan: cell.span > 1 ? cell.span : undefined }, cell.text)),
      ),
    ),
    h(
      "tbody",
      {},
      table.rows.map((row, index) =>
        h(
          "tr",
          { "data-clause-id": table.rowClauseIds[index] },
          row.map((cell) => h("td", {}, cell)),
        ),
      ),
    ),
  );
}

/**
 * One document as the gazette printed it: metadata (title, 文号, issuer, dates and the effective rule), a table of
 * contents of its headings, then every clause verbatim — headings as headings, tables as tables — each marked
 * with its clause id and followed by the map features that cite it.
 */
export function renderDocument(document: PolicyDocument, options: DocumentReaderOptions): RenderedDocument {
  const { language, citationIndex } = options;
  const byId = new Map(document.clauses.map((clause) => [clause.id, clause]));
  const headingDepth = new Map(tableOfContents(document).map((entry) => [entry.id, entry.depth]));
  const tableRowIds = new Set(document.clauses.flatMap((clause) => clause.table?.rowClauseIds ?? []));

  const featureLinks = (clauseIds: readonly string[]): HTMLElement | null => {
    const rows = clauseIds.flatMap((clauseId) => citingFeatures(citationIndex, document.id, clauseId).map((feature) => ({ clauseId, feature })));
    if (rows.length === 0) return null;
    const showRow = clauseIds.length > 1;
    // One line per layer: the eleven towns of a fee tier read as one list, not eleven layer names.
    const layerIds = [...new Set(rows.map((row) => row.feature.layerId))];
    return h(
      "div",
      { class: "clause-features", "data-clause-features": clauseIds[0] },
      h("p", { class: "clause-features-heading" }, translateInspector(language, "reader.featuresCount", { count: rows.length })),
      layerIds.map((layerId) => {
        const layerTitle = options.layerTitle(layerId);
        return h(
          "div",
          { class: "clause-features-layer" },
          layerTitle ? h("span", { class: "clause-features-layer-title" }, localized(layerTitle, language)) : null,
          h(
            "ul",
            {},
            rows
              .filter((row) => row.feature.layerId === layerId)
              .map(({ clauseId, feature }) => {
                const row = showRow ? /\.r(\d+)$/.exec(clauseId)?.[1] : undefined;
                return h(
                  "li",
                  {},
                  h(
                    "button",
                    {
                      type: "button",
                      class: "clause-feature",
                      "data-feature-link": `${feature.layerId}/${feature.featureId}`,
                      onclick: () => options.onOpenFeature(feature.layerId, feature.featureId),
                    },
                    row ? h("span", { class: "clause-feature-row" }, translateInspector(language, "reader.tableRow", { row })) : null,
                    h("span", { class: "clause-feature-name" }, localized(feature.name, language)),
                  ),
                );
              }),
          ),
        );
      }),
    );
  };

  const renderClause = (clause: PolicyClause): HTMLElement | null => {
    if (tableRowIds.has(clause.id) && clause.parent !== undefined && byId.get(clause.parent)?.table) return null;
    const attributes = { class: "clause", "data-clause-id": clause.id, id: clauseElementId(document.id, clause.id) };
    if (clause.table) {
      return h(
        "div",
        { ...attributes, class: "clause clause--table" },
        h("div", { class: "reader-table-scroll", tabindex: 0, role: "group", "aria-label": clause.table.caption }, renderTable(clause.table)),
        featureLinks([clause.id, ...clause.table.rowClauseIds]),
      );
    }
    if (clause.heading) {
      const depth = Math.min(headingDepth.get(clause.id) ?? 0, HEADING_TAGS.length - 1);
      return h(
        "div",
        { ...attributes, class: `clause clause--heading clause--depth-${depth}` },
        h(HEADING_TAGS[depth]!, { class: "clause-text" }, clause.text.replace(/\s*\n\s*/g, "")),
        featureLinks([clause.id]),
      );
    }
    return h("div", attributes, h("p", { class: "clause-text" }, clause.text), featureLinks([clause.id]));
  };

  const effective = document.effective;
  const metadata: Array<[string, Child]> = [
    [translateInspector(language, "reader.docNumber"), document.docNumber ?? null],
    [translateInspector(language, "reader.issuer"), document.issuer],
    [translateInspector(language, "reader.signed"), document.signed],
    [
      translateInspector(language, "reader.effective"),
      effective
        ? [effective.date ? h("strong", {}, effective.date) : null, effective.date ? " " : null, h("span", { lang: "zh-CN" }, `（${effective.rule}）`)]
        : translateInspector(language, "reader.effectiveNotStated"),
    ],
    [translateInspector(language, "reader.attachment"), document.attachmentTitle ?? null],
    [translateInspector(language, "reader.addressees"), document.addressees ?? null],
  ];

  const toc = tableOfContents(document);
  const element = h(
    "article",
    { class: "reader-document", "data-document-id": document.id },
    h(
      "header",
      { class: "reader-meta" },
      h("h3", { class: "reader-title", lang: "zh-CN" }, document.title),
      h(
        "dl",
        { class: "reader-facts" },
        metadata.filter(([, value]) => value !== null).map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]),
      ),
      h("p", { class: "reader-verbatim" }, translateInspector(language, "reader.verbatim")),
    ),
    toc.length > 0
      ? h(
          "nav",
          { class: "reader-toc", "aria-label": translateInspector(language, "reader.contents") },
          h(
            "details",
            { open: toc.length <= 12 },
            h("summary", {}, translateInspector(language, "reader.contents")),
            h(
              "ol",
              {},
              toc.map((entry) =>
                h(
                  "li",
                  { class: `reader-toc-entry reader-toc-entry--depth-${Math.min(entry.depth, 3)}` },
                  h(
                    "button",
                    { type: "button", class: "reader-toc-link", "data-toc-clause": entry.id, onclick: () => options.onChooseClause(entry.id) },
                    entry.text,
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
    h("div", { class: "reader-body", lang: "zh-CN", "aria-label": translateInspector(language, "reader.text") }, document.clauses.map(renderClause)),
  );

  let highlighted: HTMLElement | null = null;
  const showClause = (clauseId: string | null, scrollContainer: HTMLElement): boolean => {
    highlighted?.removeAttribute("data-highlighted");
    highlighted?.removeAttribute("aria-current");
    highlighted = null;
    if (clauseId === null) {
      scrollContainer.scrollTop = 0;
      return true;
    }
    const target = element.querySelector<HTMLElement>(`[data-clause-id="${CSS.escape(clauseId)}"]`);
    if (!target) {
      scrollContainer.scrollTop = 0;
      return false;
    }
    target.dataset.highlighted = "true";
    target.setAttribute("aria-current", "location");
    highlighted = target;
    // Scroll only the reader (scrollIntoView would also shift the page's hidden-overflow containers).
    const containerBox = scrollContainer.getBoundingClientRect();
    const targetBox = target.getBoundingClientRect();
    const offset = targetBox.top - containerBox.top + scrollContainer.scrollTop;
    const centred = offset - Math.max(16, (scrollContainer.clientHeight - targetBox.height) / 3);
    scrollContainer.scrollTop = Math.max(0, centred);
    return true;
  };

  return { element, showClause };
}
