import { parcelName } from "../../i18n/defaultParcelName";
import type { FindingStatus } from "../../check/types";
import type { Language, MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import type { SiteParcel } from "../../parcel/types";
import type { AppStore } from "../../state/store";
import { buildReport } from "../../siteCheck/report/buildReport";
import { shownIn, type ReportBlock, type ReportModel, type ReportSection, type ReportTableRow } from "../../siteCheck/report/reportModel";
import { h, setChildren, type Child } from "../dom";
import { redrawKeepingFocus, renderBlock, renderSection, statusBadge, textNodes, type RenderOptions } from "./reportBlocks";
import type { SiteCheckController } from "./siteCheckController";

export interface ReportActions {
  print(): void;
  exportJson(): void;
  exportCsv(): void;
  exportGeoJson(): void;
  exportBoundaryText(): void;
  copyLink(): Promise<boolean>;
  clear(): void;
}

export function originText(parcel: SiteParcel, t: (key: MessageKey, params?: MessageParams) => string): string {
  switch (parcel.origin) {
    case "drawn":
      return t("site.origin.drawn");
    case "pasted":
      return t("site.origin.pasted");
    case "file":
      return t("site.origin.file", { name: parcel.fileName ?? "" });
    case "link":
      return t("site.origin.link");
  }
}

/** What restricts is read in full; what only informs is one click away, to keep the report short. */
const OPEN_CITATIONS: ReadonlySet<FindingStatus> = new Set(["restricted", "caution", "undecided"]);

/**
 * The report on screen, drawn from the report model (src/siteCheck/report/buildReport) like the print and the
 * exports: the parcel with its areas, the actions on it, then each section of the model — every finding that is not
 * clear as a card (its numbers, the quoted clauses, the geometry quality), the layers checked and found clear, the
 * fee and mining sections. Inputs (caution distance, floor areas, fee questions, the mineral, "does not apply"
 * decisions) go to the site-check service, which checks again or updates the store; the report is then drawn again.
 */
export function mountReportView(container: HTMLElement, store: AppStore, controller: SiteCheckController, actions: ReportActions): void {
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  /** The override form being filled in, kept across re-renders (quotes arriving must not wipe the reason). */
  let editing: { layerId: string; reason: string; error: boolean } | null = null;
  let linkCopied = false;

  const actionBar = (): HTMLElement =>
    h(
      "div",
      { class: "site-actions" },
      h("button", { type: "button", class: "primary-button", "data-site-action": "print", onclick: () => actions.print() }, t("site.action.print")),
      h(
        "button",
        {
          type: "button",
          class: "secondary-button",
          "data-site-action": "copy-link",
          onclick: async () => {
            linkCopied = await actions.copyLink();
            render();
          },
        },
        linkCopied ? t("site.action.linkCopied") : t("site.action.copyLink"),
      ),
      h(
        "details",
        {
          class: "site-exports",
          // A chosen export closes the menu, as menus do.
          onclick: (event: Event) => {
            if ((event.target as HTMLElement).closest("[data-site-export]")) (event.currentTarget as HTMLDetailsElement).open = false;
          },
        },
        h("summary", { class: "secondary-button" }, t("site.action.export")),
        h(
          "div",
          { class: "site-export-menu" },
          h("button", { type: "button", class: "link-button", "data-site-export": "json", onclick: () => actions.exportJson() }, t("site.export.json")),
          h("button", { type: "button", class: "link-button", "data-site-export": "csv", onclick: () => actions.exportCsv() }, t("site.export.csv")),
          h(
            "button",
            { type: "button", class: "link-button", "data-site-export": "geojson", onclick: () => actions.exportGeoJson() },
            t("site.export.geojson"),
          ),
          h("button", { type: "button", class: "link-button", "data-site-export": "txt", onclick: () => actions.exportBoundaryText() }, t("site.export.txt")),
        ),
      ),
      h("button", { type: "button", class: "link-button site-clear", "data-site-action": "clear", onclick: () => actions.clear() }, t("site.action.clear")),
    );

  /** The officer's "does not apply": the decision with its reason and an undo, the form to make one, or its button. */
  const overrideBlock = (block: ReportBlock & { type: "override" }): Child => {
    const { layerId, override } = block;
    if (override) {
      return h(
        "div",
        { class: "site-override", "data-site-override": layerId },
        h("strong", {}, t("site.override.badge")),
        h("p", {}, t("site.override.reason", { reason: override.reason })),
        h("p", { class: "site-override-note" }, t("site.override.kept")),
        h("button", { type: "button", class: "link-button", onclick: () => controller.override(layerId, null) }, t("site.override.undo")),
      );
    }
    if (editing?.layerId !== layerId) {
      return h(
        "button",
        {
          type: "button",
          class: "link-button site-override-open",
          "data-site-override-open": layerId,
          onclick: () => {
            editing = { layerId, reason: "", error: false };
            render();
            container.querySelector<HTMLTextAreaElement>(`[data-site-override-reason="${layerId}"]`)?.focus();
          },
        },
        t("site.override.mark"),
      );
    }
    const fieldId = `site-override-${layerId}`;
    const reason = h("textarea", { id: fieldId, class: "site-override-reason", rows: 2, "data-site-override-reason": layerId, "data-focus-key": fieldId });
    reason.value = editing.reason;
    reason.addEventListener("input", () => {
      if (editing) editing.reason = reason.value;
    });
    const confirm = () => {
      const text = reason.value.trim();
      if (!text) {
        editing = { layerId, reason: reason.value, error: true };
        render();
        container.querySelector<HTMLTextAreaElement>(`[data-site-override-reason="${layerId}"]`)?.focus();
        return;
      }
      editing = null;
      controller.override(layerId, { reason: text, at: new Date().toISOString() });
    };
    return h(
      "div",
      { class: "site-override-form" },
      h("label", { class: "field-label", for: fieldId }, t("site.override.reasonLabel")),
      reason,
      editing.error ? h("p", { class: "token-error", role: "alert" }, t("site.override.required")) : null,
      h(
        "div",
        { class: "form-buttons" },
        h("button", { type: "button", class: "primary-button", "data-site-override-confirm": layerId, onclick: confirm }, t("site.override.confirm")),
        h(
          "button",
          {
            type: "button",
            class: "secondary-button",
            onclick: () => {
              editing = null;
              render();
            },
          },
          t("site.override.cancel"),
        ),
      ),
    );
  };

  /** A finding not clear, as a card: status and layer, the officer's decision first, the reason, then its details. */
  const findingCard = (row: ReportTableRow, language: Language, options: RenderOptions): HTMLElement => {
    const [status, title, reason] = row.cells;
    const details = row.details ?? [];
    const override = details.find((block): block is ReportBlock & { type: "override" } => block.type === "override");
    const overridden = override?.override != null;
    const quotes = details.filter((block) => block.type === "quote");
    const rest = details.filter((block) => block.type !== "quote" && block.type !== "override");
    return h(
      "article",
      {
        class: `site-finding site-finding--${row.status}${overridden ? " site-finding--overridden" : ""}`,
        "data-finding": row.id,
        "data-status": row.status,
      },
      h(
        "header",
        { class: "site-finding-head" },
        status ? statusBadge(status.text, row.status ?? "", language) : null,
        h("h4", { class: "site-finding-title" }, title ? textNodes(title.text, language) : null),
      ),
      // An officer's decision is the first thing read about the finding; the way to make one comes last.
      overridden && override ? overrideBlock(override) : null,
      reason ? h("p", { class: "site-finding-reason" }, textNodes(reason.text, language)) : null,
      rest.map((block) =>
        block.type === "note" && block.id === "quality"
          ? h("p", { class: "site-quality", "data-report-block": "quality" }, textNodes(block.text, language))
          : renderBlock(block, language, options),
      ),
      quotes.length > 0
        ? h(
            "details",
            { class: "site-citations", open: OPEN_CITATIONS.has(row.status ?? "clear") },
            h("summary", { class: "site-subheading" }, t("site.finding.sourcesCount", { count: quotes.length })),
            quotes.map((block) => renderBlock(block, language, options)),
          )
        : null,
      !overridden && override ? overrideBlock(override) : null,
    );
  };

  /** The findings section: counts by status, a card for each finding not clear, the clear ones listed, what was not checked. */
  const findingsBody = (section: ReportSection, language: Language, options: RenderOptions): Child => {
    const table = section.blocks.find((block): block is ReportBlock & { type: "table" } => block.type === "table" && block.id === "findings");
    const rows = table?.rows ?? [];
    const open = rows.filter((row) => row.status !== "clear");
    const clear = rows.filter((row) => row.status === "clear");
    const counts = new Map<string, { row: ReportTableRow; count: number }>();
    for (const row of rows) {
      const entry = counts.get(row.status ?? "");
      if (entry) entry.count++;
      else counts.set(row.status ?? "", { row, count: 1 });
    }
    return [
      h(
        "p",
        { class: "site-counts", "data-site-counts": "" },
        [...counts].map(([status, { row, count }], index) => [
          index > 0 ? " · " : "",
          h("span", { class: `site-status site-status--${status}` }, row.cells[0] ? textNodes(row.cells[0].text, language) : null, ` ${count}`),
        ]),
      ),
      open.map((row) => findingCard(row, language, options)),
      clear.length > 0
        ? h(
            "section",
            { class: "site-clear-list", "data-site-clear": "" },
            h("h4", { class: "site-subheading" }, `✔ ${t("site.findings.clearHeading")}`),
            h(
              "ul",
              {},
              clear.map((row) =>
                h(
                  "li",
                  { "data-finding": row.id, "data-status": "clear" },
                  h("span", {}, row.cells[1] ? textNodes(row.cells[1].text, language) : null),
                  " ",
                  h(
                    "span",
                    { class: "site-muted" },
                    row.cells[2] ? textNodes(row.cells[2].text, language) : null,
                    row.cells[5] ? [" (", textNodes(row.cells[5].text, language), ")"] : null,
                  ),
                ),
              ),
            ),
          )
        : null,
      // The clauses are quoted in each card; the rest (what was not checked) follows.
      section.blocks.filter((block) => block !== table && block.type !== "quote").map((block) => renderBlock(block, language, options)),
    ];
  };

  const reportSections = (model: ReportModel, language: Language): Child => {
    const options: RenderOptions & { level: 3 } = { media: "screen", quoteLinks: true, act: controller.act, level: 3 };
    return model.sections
      .filter((section) => shownIn(section, "screen"))
      .map((section) =>
        section.id === "findings"
          ? renderSection(section, language, options, findingsBody(section, language, options))
          : section.id === "head"
            ? section.blocks.map((block) => renderBlock(block, language, options))
            : renderSection(section, language, options),
      );
  };

  const draw = () => {
    const state = store.getState();
    const { language } = state;
    const parcel = state.siteParcel;
    const check = state.siteCheck;
    if (!parcel) {
      setChildren(container, h("p", { class: "site-empty" }, t("site.check.empty")));
      return;
    }
    const head = h(
      "header",
      { class: "site-parcel-head" },
      h("p", { class: "site-subheading" }, t("site.parcel.heading")),
      h("h3", { class: "site-parcel-title", "data-site-parcel-name": "", dir: "auto" }, parcelName(parcel.name, language)),
      h("p", { class: "site-muted" }, originText(parcel, t)),
    );
    if (check.type === "running" || check.type === "idle") {
      setChildren(container, head, h("p", { class: "site-busy", role: "status", "data-site-running": "" }, t("site.check.running")));
      return;
    }
    if (check.type === "failed") {
      setChildren(container, head, h("div", { class: "site-error", role: "alert" }, t("site.check.failed", { message: check.message })), actionBar());
      return;
    }
    const input = controller.reportInput();
    setChildren(
      container,
      head,
      h(
        "p",
        { class: "site-muted site-checked-at" },
        t("site.parcel.checkedAt", { date: new Date(check.checkedAt).toLocaleString(language === "zh" ? "zh-CN" : "en-GB") }),
      ),
      actionBar(),
      input ? reportSections(buildReport(input, controller.isPointLayer), language) : null,
    );
  };
  const render = () => redrawKeepingFocus(container, draw);

  render();
  store.subscribe((state, previous) => {
    if (
      state.siteParcel !== previous.siteParcel ||
      state.siteCheck !== previous.siteCheck ||
      state.findingOverrides !== previous.findingOverrides ||
      state.feeInputs !== previous.feeInputs ||
      state.intendedMineral !== previous.intendedMineral ||
      state.language !== previous.language
    ) {
      if (state.siteCheck !== previous.siteCheck) {
        linkCopied = false;
        editing = null;
      }
      render();
    }
  });
  controller.subscribe(render);
}
