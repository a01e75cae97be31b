import type { MessageKey } from "../../i18n/messages";
import { translate } from "../../i18n/translate";
import { CASE_DETAIL_MAX_LENGTH, type CaseDetails } from "../../parcel/types";
import type { AppStore } from "../../state/store";
import { h } from "../dom";
import type { SiteCheckController } from "./siteCheckController";

const FIELDS: ReadonlyArray<{ key: keyof CaseDetails; label: MessageKey; autocomplete: string }> = [
  { key: "caseNumber", label: "site.case.number", autocomplete: "off" },
  { key: "officer", label: "site.case.officer", autocomplete: "name" },
];

/**
 * The case number (受理编号) and officer (经办人) for the receipt, both optional, shown above the report (and its
 * print button) while a site is checked.
 * The fields are drawn once and only relabelled, so typing is never interrupted by a redraw.
 */
export function mountCaseDetailsView(container: HTMLElement, store: AppStore, controller: SiteCheckController): void {
  const t = (key: MessageKey) => translate(store.getState().language, key);
  const heading = h("h3", { class: "site-heading", id: "site-case-heading" });
  const note = h("p", { class: "site-muted", id: "site-case-note" });
  const rows = FIELDS.map((field) => {
    const id = `site-case-${field.key}`;
    const label = h("label", { class: "field-label", for: id });
    const input = h("input", {
      type: "text",
      id,
      class: "token-input",
      maxlength: String(CASE_DETAIL_MAX_LENGTH),
      autocomplete: field.autocomplete,
      "aria-describedby": "site-case-note",
      "data-site-case": field.key,
    });
    input.addEventListener("input", () => controller.setCaseDetails({ [field.key]: input.value }));
    return { field, label, input };
  });
  container.append(
    h(
      "div",
      { role: "group", "aria-labelledby": "site-case-heading" },
      heading,
      h(
        "div",
        { class: "site-case-fields" },
        rows.map((row) => h("div", { class: "site-case-field" }, row.label, row.input)),
      ),
      note,
    ),
  );

  const render = () => {
    const state = store.getState();
    container.hidden = state.siteParcel === null;
    heading.textContent = t("site.case.heading");
    note.textContent = t("site.case.note");
    for (const row of rows) {
      row.label.textContent = t(row.field.label);
      const value = state.caseDetails[row.field.key];
      if (row.input.value !== value) row.input.value = value;
    }
  };
  render();
  store.subscribe((state, previous) => {
    if (state.language !== previous.language || state.caseDetails !== previous.caseDetails || state.siteParcel !== previous.siteParcel) render();
  });
}
