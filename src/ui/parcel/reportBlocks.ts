import { LANGUAGE_TAGS, type Language } from "../../i18n/messages";
import { translate } from "../../i18n/translate";
import {
  shownIn,
  type ReportBlock,
  type ReportCell,
  type ReportControl,
  type ReportMedia,
  type ReportSection,
  type ReportTarget,
  type ReportText,
} from "../../siteCheck/report/reportModel";
import { renderText } from "../../siteCheck/report/reportText";
import { markChineseTerms, namesChineseTerms } from "../chineseTerms";
import { h, type Child } from "../dom";
import { quoteBlock, readerHash } from "./quote";

export interface RenderOptions {
  /** "print" or "site": the class prefix, and which blocks show (`print` leaves out what is only filled in on screen). */
  media: ReportMedia;
  /** Links from quotes and citations to the reader (on screen). */
  quoteLinks: boolean;
  /** Where an input's value goes (the site-check service's `act`); without it the value is shown as text. */
  act?: (target: ReportTarget, value: string) => boolean;
}

const prefixOf = (options: RenderOptions) => (options.media === "print" ? "print" : "site");

/** Lines of a rendered text as text nodes and line breaks (never markup: names come from imported files). */
function lines(text: string): Child[] {
  return text.split("\n").flatMap((line, index) => (index === 0 ? [line] : [h("br"), line]));
}

const MARK = "\u0001";

/**
 * Text of the model as nodes: like renderText, but the document's own words (`quoted`) are marked Chinese, so an
 * English page says which words are quoted rather than untranslated.
 */
export function textNodes(text: ReportText, language: Language): Child[] {
  if ("documentNumber" in text)
    return language === "zh" ? [text.documentNumber] : [h("span", { class: "citation-number", lang: LANGUAGE_TAGS.zh }, text.documentNumber)];
  if ("quoted" in text) {
    if (language === "zh") return [text.quoted];
    const quoted = h("q", { lang: LANGUAGE_TAGS.zh }, text.quoted);
    return text.en ? [`${text.en} (`, quoted, ")"] : [quoted];
  }
  // English notes of the data package name Chinese terms (四至, 13号, a place): marked, inside an English run of prose.
  if ("localized" in text && language === "en" && namesChineseTerms(text.localized.en)) {
    return [h("span", { lang: LANGUAGE_TAGS.en, "data-prose": "" }, markChineseTerms(text.localized.en))];
  }
  if (!containsQuoted(text)) return lines(renderText(text, language));
  if ("join" in text) {
    const parts = text.join.map((part) => textNodes(part, language)).filter((part) => part.length > 0);
    const separator: Child =
      text.separator === "line"
        ? h("br")
        : text.separator === "space"
          ? " "
          : text.separator === "names"
            ? language === "zh"
              ? "、"
              : ", "
            : language === "zh"
              ? "；"
              : "; ";
    return parts.flatMap((part, index) => (index === 0 ? part : [separator, ...part]));
  }
  if ("message" in text) {
    // Parameters in place as markers, then each marker replaced by its nodes.
    const params = Object.entries(text.params ?? {});
    const marked = translate(language, text.message, Object.fromEntries(params.map(([key], index) => [key, `${MARK}${index}${MARK}`])));
    return marked.split(MARK).flatMap((piece, index) => (index % 2 === 1 ? textNodes(params[Number(piece)]![1], language) : lines(piece)));
  }
  return lines(renderText(text, language));
}

/** Whether a text needs nodes rather than a string: it holds quoted words, or English naming Chinese terms. */
function containsQuoted(text: ReportText): boolean {
  if ("quoted" in text || "documentNumber" in text) return true;
  if ("localized" in text) return namesChineseTerms(text.localized.en);
  if ("join" in text) return text.join.some(containsQuoted);
  if ("message" in text) return Object.values(text.params ?? {}).some(containsQuoted);
  return false;
}

/** A focus key for an input, so a redraw can keep the very element being typed in (see redrawKeepingFocus). */
function focusKey(target: ReportTarget, value = ""): string {
  return ["site", target.action, "use" in target ? target.use : "question" in target ? target.question : "", value].filter(Boolean).join("-");
}

function dataAttributeOf(target: ReportTarget): Record<string, string> {
  switch (target.action) {
    case "caution-distance":
      return { "data-site-caution-distance": "" };
    case "floor-area":
      return { "data-floor-area": target.use };
    case "mineral":
      return { "data-site-mineral": "" };
    case "fee-question":
      return {};
  }
}

/** An input drawn for a control: a number field, a select (in a facts row) or radios (a question). */
function controlElement(control: ReportControl, label: string, language: Language, act: NonNullable<RenderOptions["act"]>): HTMLElement {
  const id = focusKey(control.target);
  if (control.type === "number") {
    const input = h("input", {
      type: "number",
      id,
      min: String(control.min),
      max: control.max === undefined ? undefined : String(control.max),
      step: control.step,
      inputmode: control.step === "any" ? "decimal" : "numeric",
      class: control.target.action === "caution-distance" ? "site-caution-input" : "site-number",
      "aria-label": label,
      "data-focus-key": id,
      ...dataAttributeOf(control.target),
    });
    if (control.value !== null && control.value !== 0) input.value = String(control.value);
    if (control.target.action === "caution-distance") {
      input.value = String(control.value ?? "");
      // A new distance checks the parcel again: on change, not on every keystroke; a value out of range is undone.
      input.addEventListener("change", () => {
        if (!act(control.target, input.value)) input.value = String(control.value ?? "");
      });
      return h("span", {}, input, control.unit ? ` ${control.unit}` : null);
    }
    input.addEventListener("input", () => act(control.target, input.value));
    return input;
  }
  const select = h("select", { id, class: "basemap-select", "aria-label": label, "data-focus-key": id, ...dataAttributeOf(control.target) });
  for (const option of control.options) {
    const words = renderText(option.label, language);
    select.append(h("option", { value: option.value, selected: option.value === control.chosen }, words));
  }
  select.addEventListener("change", () => act(control.target, select.value));
  return select;
}

function radioGroup(
  block: ReportBlock & { type: "question" },
  control: ReportControl & { type: "choice" },
  options: RenderOptions,
  language: Language,
): HTMLElement {
  const act = options.act!;
  return h(
    "fieldset",
    { class: "site-question", "data-site-question": block.id, "data-report-block": `question-${block.id}` },
    h("legend", {}, textNodes(block.question, language)),
    control.options.map((option, index) => {
      const id = `${focusKey(control.target)}-${index}`;
      return h(
        "label",
        { class: "site-check-row", for: id },
        h("input", {
          type: "radio",
          id,
          name: focusKey(control.target),
          value: option.value,
          checked: option.value === control.chosen,
          "data-focus-key": id,
          onchange: () => act(control.target, option.value),
        }),
        textNodes(option.label, language),
      );
    }),
    block.evidence
      ? h(
          "p",
          { class: "site-muted site-fee-evidence", ...cellAttributes(block.evidence), hidden: renderText(block.evidence.text, language) === "" },
          textNodes(block.evidence.text, language),
        )
      : null,
  );
}

function cellAttributes(cell: ReportCell): Record<string, string> {
  return cell.attribute ? { [`data-${cell.attribute.name}`]: cell.attribute.value } : {};
}

/** A cell's text, and on screen its reader link or its input. */
function cellContent(cell: ReportCell, label: string, language: Language, options: RenderOptions): Child {
  if (cell.control && options.act) return controlElement(cell.control, label, language, options.act);
  const [documentId = "", clauseId = ""] = (cell.citation ?? "").split("#");
  return [
    textNodes(cell.text, language),
    cell.citation && options.quoteLinks
      ? [
          " · ",
          h(
            "a",
            { class: "site-quote-link", href: readerHash("", documentId, clauseId), "data-reader-link": cell.citation },
            translate(language, "site.quote.open"),
          ),
        ]
      : null,
  ];
}

/** One block of the report model as DOM, in the reader's language. */
export function renderBlock(block: ReportBlock, language: Language, options: RenderOptions): Child {
  if (!shownIn(block, options.media)) return null;
  const prefix = prefixOf(options);
  const text = (value: ReportText) => textNodes(value, language);
  switch (block.type) {
    case "facts":
      return h(
        "table",
        { class: `${prefix}-table ${prefix}-facts`, "data-report-block": block.id },
        block.caption ? h("caption", {}, text(block.caption)) : null,
        h(
          "tbody",
          {},
          block.rows.map((row) =>
            h(
              "tr",
              { "data-report-row": row.id },
              h("th", { scope: "row" }, text(row.label)),
              h("td", { dir: "auto", ...cellAttributes(row.value) }, cellContent(row.value, renderText(row.label, language), language, options)),
            ),
          ),
        ),
      );
    case "table":
      return h(
        "table",
        { class: `${prefix}-table ${prefix}-${block.id}`, "data-report-block": block.id },
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
              { "data-report-row": row.id, ...(row.status ? { class: `${prefix}-finding--${row.status}`, "data-status": row.status } : {}) },
              row.cells.map((cell) => h("td", cellAttributes(cell), cellContent(cell, "", language, options))),
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
                block.footer.cells.map((cell) => h("td", cellAttributes(cell), cellContent(cell, "", language, options))),
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
          shortTitle: block.documentTitle ?? null,
          text: block.text,
          label: block.clause,
        },
        language,
        { link: options.quoteLinks },
      );
    case "note":
      return h("p", { class: `${prefix}-note`, "data-report-block": block.id }, text(block.text));
    case "warning":
      return h("p", { class: "site-caveat", role: "note", "data-report-block": block.id }, "⚠ ", text(block.text));
    case "question":
      if (block.control?.type === "choice" && options.act) return radioGroup(block, block.control, options, language);
      return h(
        "p",
        { class: `${prefix}-answer`, "data-report-block": `question-${block.id}` },
        h("span", {}, text(block.question)),
        " ",
        h("strong", {}, block.answer ? text(block.answer) : renderText({ message: "site.report.unanswered" }, language)),
      );
    case "override":
      // The officer's decision is in the findings table's own column; the form to make one is the screen's (reportView).
      return null;
  }
}

/** A section with its heading (`level` 2 in print, 3 on screen) and the blocks shown in this medium. */
export function renderSection(section: ReportSection, language: Language, options: RenderOptions & { level: 2 | 3 }, body?: Child): Child {
  if (!shownIn(section, options.media)) return null;
  const prefix = prefixOf(options);
  return h(
    "section",
    { class: `${prefix}-section ${prefix}-section--${section.id}`, "data-report-section": section.id },
    section.heading
      ? h(options.level === 2 ? "h2" : "h3", { class: options.level === 3 ? "site-heading" : undefined }, textNodes(section.heading, language))
      : null,
    body ?? section.blocks.map((block) => renderBlock(block, language, options)),
  );
}

/**
 * Draws a container again, keeping the element that has the keyboard focus (a field being typed in, a radio just
 * chosen): it is moved into the new drawing in place of its new copy, with its value, caret and focus.
 */
export function redrawKeepingFocus(container: HTMLElement, draw: () => void): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.focusKey : undefined;
  draw();
  if (!key || !(active instanceof HTMLElement)) return;
  const copy = container.querySelector<HTMLElement>(`[data-focus-key="${key}"]`);
  if (!copy) return;
  if (active instanceof HTMLInputElement && active.type === "radio") {
    // A radio's group is redrawn whole (which one is chosen may have changed): focus its new copy.
    copy.focus();
    return;
  }
  copy.replaceWith(active);
  active.focus();
}

/** A status in words with its icon (not colour only), from the model's status text. */
export function statusBadge(text: ReportText, status: string, language: Language): HTMLElement {
  return h("span", { class: `site-status site-status--${status}` }, textNodes(text, language));
}
