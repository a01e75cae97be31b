import { parcelName } from "../../i18n/defaultParcelName";
import type { CheckReport, LayerFinding } from "../../check/types";
import { describeCrs } from "../../geo/crsDetect";
import type { MessageKey } from "../../i18n/messages";
import { localized, translate, type MessageParams } from "../../i18n/translate";
import { areaTexts, distanceText, formatNumber, percentText } from "../../parcel/format";
import { findingCitations, labelledVertices, SCHEMATIC_CAVEAT, sortFindings, STATUS_LABELS, STATUS_ORDER } from "../../parcel/reportInput";
import type { SiteParcel } from "../../parcel/types";
import type { AppStore } from "../../state/store";
import { buildReport } from "../../siteCheck/report/buildReport";
import { sectionOf } from "../../siteCheck/report/reportModel";
import { reasonText } from "../../siteCheck/report/reportText";
import { renderSection } from "./reportBlocks";
import { h, setChildren, type Child } from "../dom";
import { quoteBlock } from "./quote";
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

/**
 * The report: the parcel with its areas (GK planar first, ellipsoidal beside it), the actions on it, the schematic
 * caveat, then every finding that is not clear — with its numbers, the quoted clauses and the layer's geometry
 * quality — and the layers checked and found clear. Findings can be marked "does not apply" with a reason; they
 * stay in the report, marked.
 */
export function mountReportView(container: HTMLElement, store: AppStore, controller: SiteCheckController, actions: ReportActions): void {
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  /** The override form being filled in, kept across re-renders (quotes arriving must not wipe the reason). */
  let editing: { layerId: string; reason: string; error: boolean } | null = null;
  let linkCopied = false;

  /** The memorial caution distance, editable: a change re-runs the check with the same parcel and inputs. */
  const cautionDistanceInput = (): HTMLElement => {
    const input = h("input", {
      type: "number",
      min: "0",
      max: "10000",
      step: "10",
      inputmode: "numeric",
      class: "site-caution-input",
      "data-site-caution-distance": "",
      "aria-label": t("site.parcel.cautionDistance"),
    });
    input.value = String(store.getState().cautionDistanceMetres);
    input.addEventListener("change", () => {
      const metres = Number(input.value);
      if (!Number.isFinite(metres) || metres < 0 || metres > 10_000) {
        input.value = String(store.getState().cautionDistanceMetres);
        return;
      }
      void controller.setCautionDistance(metres);
    });
    return h("span", {}, input, " m");
  };

  const areaRows = (report: CheckReport, parcel: SiteParcel): Child => {
    const { language } = store.getState();
    const gk = areaTexts(report.parcel.gaussKrugerSquareMetres, language);
    const ellipsoid = areaTexts(report.parcel.ellipsoidalSquareMetres, language);
    const polygonal = parcel.geometry.type === "Polygon" || parcel.geometry.type === "MultiPolygon";
    const rows: Array<[string, Child]> = [];
    if (polygonal) {
      rows.push([
        t("site.parcel.areaGk"),
        h("span", { class: "site-area", "data-site-area": "gk" }, h("strong", {}, gk.squareMetres), ` · ${gk.hectares} · ${gk.mu}`),
      ]);
      rows.push([
        t("site.parcel.areaEllipsoid"),
        h(
          "span",
          { class: "site-area site-area--secondary", "data-site-area": "ellipsoid" },
          `${ellipsoid.squareMetres} · ${ellipsoid.hectares} · ${ellipsoid.mu}`,
        ),
      ]);
    }
    if (parcel.geometry.type !== "Point") {
      rows.push([t(polygonal ? "site.parcel.perimeter" : "site.parcel.length"), distanceText(report.parcel.lengthMetres, language)]);
    }
    rows.push([t("site.parcel.vertices"), formatNumber(labelledVertices(parcel).length, 0, language)]);
    if (parcel.crs) rows.push([t("site.parcel.inputCrs"), describeCrs(parcel.crs.code)[language]]);
    rows.push([t("site.parcel.cautionDistance"), cautionDistanceInput()]);
    if (parcel.statedAreaHectares !== undefined)
      rows.push([t("site.parcel.statedArea"), `${formatNumber(parcel.statedAreaHectares, 4, language)} ${language === "zh" ? "公顷" : "ha"}`]);
    return h(
      "dl",
      { class: "site-facts" },
      rows.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]),
    );
  };

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

  const statusBadge = (finding: LayerFinding): HTMLElement => {
    const { language } = store.getState();
    const label = STATUS_LABELS[finding.status];
    return h(
      "span",
      { class: `site-status site-status--${finding.status}` },
      h("span", { class: "site-status-icon", "aria-hidden": "true" }, label.icon),
      " ",
      label[language],
    );
  };

  const overrideBlock = (finding: LayerFinding): Child => {
    const override = store.getState().findingOverrides[finding.layerId];
    if (override) {
      return h(
        "div",
        { class: "site-override", "data-site-override": finding.layerId },
        h("strong", {}, t("site.override.badge")),
        h("p", {}, t("site.override.reason", { reason: override.reason })),
        h("p", { class: "site-override-note" }, t("site.override.kept")),
        h("button", { type: "button", class: "link-button", onclick: () => controller.override(finding.layerId, null) }, t("site.override.undo")),
      );
    }
    if (editing?.layerId !== finding.layerId) {
      return h(
        "button",
        {
          type: "button",
          class: "link-button site-override-open",
          "data-site-override-open": finding.layerId,
          onclick: () => {
            editing = { layerId: finding.layerId, reason: "", error: false };
            render();
            container.querySelector<HTMLTextAreaElement>(`[data-site-override-reason="${finding.layerId}"]`)?.focus();
          },
        },
        t("site.override.mark"),
      );
    }
    const fieldId = `site-override-${finding.layerId}`;
    const reason = h("textarea", { id: fieldId, class: "site-override-reason", rows: 2, "data-site-override-reason": finding.layerId });
    reason.value = editing.reason;
    reason.addEventListener("input", () => {
      if (editing) editing.reason = reason.value;
    });
    const confirm = () => {
      const text = reason.value.trim();
      if (!text) {
        editing = { layerId: finding.layerId, reason: reason.value, error: true };
        render();
        container.querySelector<HTMLTextAreaElement>(`[data-site-override-reason="${finding.layerId}"]`)?.focus();
        return;
      }
      editing = null;
      controller.override(finding.layerId, { reason: text, at: new Date().toISOString() });
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
        h("button", { type: "button", class: "primary-button", "data-site-override-confirm": finding.layerId, onclick: confirm }, t("site.override.confirm")),
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

  const findingCard = (finding: LayerFinding): HTMLElement => {
    const { language } = store.getState();
    const overridden = store.getState().findingOverrides[finding.layerId] !== undefined;
    const overlapTable =
      finding.overlaps.length > 0
        ? h(
            "table",
            { class: "site-overlaps" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, t("site.overlap.feature")),
                h("th", { scope: "col" }, t("site.overlap.area")),
                h("th", { scope: "col" }, t("site.overlap.share")),
              ),
            ),
            h(
              "tbody",
              {},
              finding.overlaps.map((overlap) => {
                const area = areaTexts(overlap.overlapSquareMetres, language);
                const toleranceKey: MessageKey = `site.tolerance.${overlap.tolerance}`;
                return h(
                  "tr",
                  { "data-overlap": overlap.featureId },
                  h(
                    "th",
                    { scope: "row" },
                    overlap.name,
                    h(
                      "span",
                      { class: `site-tolerance site-tolerance--${overlap.tolerance}` },
                      t(toleranceKey, { metres: formatNumber(finding.positionalAccuracyM, 0, language) }),
                    ),
                  ),
                  h(
                    "td",
                    {},
                    overlap.overlapSquareMetres > 0
                      ? [h("span", {}, area.squareMetres), h("br"), h("span", { class: "site-muted" }, `${area.hectares} · ${area.mu}`)]
                      : "—",
                  ),
                  h("td", { class: "site-share", "data-share": (overlap.shareOfParcel * 100).toFixed(2) }, percentText(overlap.shareOfParcel, language)),
                );
              }),
            ),
          )
        : null;
    // The engine's reason already gives the distance when it decided on it; an informing layer's does not.
    const nearest =
      finding.nearest && finding.status === "info"
        ? h(
            "p",
            { class: "site-nearest" },
            t(controller.isPointLayer(finding.layerId) ? "site.finding.nearest" : "site.finding.nearBoundary", {
              name: finding.nearest.name,
              distance: distanceText(finding.nearest.distanceMetres, language),
              uncertainty: distanceText(finding.nearest.uncertaintyMetres, language),
            }),
          )
        : null;
    const summary = finding.summary
      ? h(
          "ul",
          { class: "site-summary" },
          finding.summary.map((row) => h("li", {}, t("site.finding.summaryRow", { label: localized(row.label, language), count: row.count }))),
        )
      : null;
    const qualityName = t(`quality.${finding.geometryQuality}`);
    const citations = findingCitations(finding, controller.layerDocuments(finding.layerId));
    return h(
      "article",
      {
        class: `site-finding site-finding--${finding.status}${overridden ? " site-finding--overridden" : ""}`,
        "data-finding": finding.layerId,
        "data-status": finding.status,
      },
      h("header", { class: "site-finding-head" }, statusBadge(finding), h("h4", { class: "site-finding-title" }, localized(finding.title, language))),
      // An officer's decision is the first thing read about the finding; the way to make one comes last.
      overridden ? overrideBlock(finding) : null,
      h("p", { class: "site-finding-reason" }, reasonText(finding.reason, language)),
      overlapTable,
      nearest,
      summary,
      h(
        "p",
        { class: `site-quality site-quality--${finding.geometryQuality}` },
        t("site.finding.quality", { quality: qualityName, metres: formatNumber(finding.positionalAccuracyM, 0, language) }),
        " ",
        h("span", { class: "site-muted" }, localized(finding.qualityNote, language)),
      ),
      citations.length > 0
        ? h(
            "details",
            // What restricts is read in full; what only informs is one click away, to keep the report short.
            { class: "site-citations", open: finding.status === "restricted" || finding.status === "caution" || finding.status === "undecided" },
            h("summary", { class: "site-subheading" }, t("site.finding.sourcesCount", { count: citations.length })),
            citations.map((citation) => quoteBlock(citation, controller.state().quotes.get(citation), language)),
          )
        : null,
      overridden ? null : overrideBlock(finding),
    );
  };

  const findingsBlock = (report: CheckReport): Child => {
    const { language } = store.getState();
    const sorted = sortFindings(report.findings);
    const open = sorted.filter((finding) => finding.status !== "clear");
    const clear = sorted.filter((finding) => finding.status === "clear");
    const counts = STATUS_ORDER.map((status) => [status, report.findings.filter((finding) => finding.status === status).length] as const).filter(
      ([, count]) => count > 0,
    );
    return [
      h("h3", { class: "site-heading" }, t("site.findings.heading")),
      h(
        "p",
        { class: "site-counts", "data-site-counts": "" },
        counts.map(([status, count], index) => [
          index > 0 ? " · " : "",
          h("span", { class: `site-status site-status--${status}` }, `${STATUS_LABELS[status].icon} ${count} ${STATUS_LABELS[status][language]}`),
        ]),
      ),
      open.map(findingCard),
      clear.length > 0
        ? h(
            "section",
            { class: "site-clear-list", "data-site-clear": "" },
            h("h4", { class: "site-subheading" }, `${STATUS_LABELS.clear.icon} ${t("site.findings.clearHeading")}`),
            h(
              "ul",
              {},
              clear.map((finding) =>
                h(
                  "li",
                  { "data-finding": finding.layerId, "data-status": "clear" },
                  h("span", {}, localized(finding.title, language)),
                  " ",
                  h(
                    "span",
                    { class: "site-muted" },
                    `${reasonText(finding.reason, language)} ${t("site.finding.qualityShort", { quality: t(`quality.${finding.geometryQuality}`), metres: formatNumber(finding.positionalAccuracyM, 0, language) })}`,
                  ),
                ),
              ),
            ),
          )
        : null,
      controller.state().notChecked.length > 0
        ? h(
            "p",
            { class: "site-not-checked" },
            t("site.findings.notChecked", {
              layers: controller
                .state()
                .notChecked.map((layer) => localized(layer.title, language))
                .join("、"),
            }),
          )
        : null,
    ];
  };

  /** Outside 大足区, wholly or in part: said at the top of the report, as on the print and in the exports. */
  const districtWarning = (): Child => {
    const input = controller.reportInput();
    const section = input ? sectionOf(buildReport(input, controller.isPointLayer), "district") : undefined;
    return section
      ? h(
          "div",
          { "data-site-district": input?.report.district?.position ?? "" },
          renderSection(section, store.getState().language, "site", { quoteLinks: true, level: 3 }),
        )
      : null;
  };

  const render = () => {
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
    const report = check.report;
    setChildren(
      container,
      head,
      districtWarning(),
      areaRows(report, parcel),
      h(
        "p",
        { class: "site-muted site-checked-at" },
        t("site.parcel.checkedAt", { date: new Date(check.checkedAt).toLocaleString(language === "zh" ? "zh-CN" : "en-GB") }),
      ),
      actionBar(),
      report.reliesOnSchematic ? h("p", { class: "site-caveat", role: "note", "data-site-caveat": "" }, `⚠ ${SCHEMATIC_CAVEAT[language]}`) : null,
      findingsBlock(report),
    );
  };

  render();
  store.subscribe((state, previous) => {
    if (
      state.siteParcel !== previous.siteParcel ||
      state.siteCheck !== previous.siteCheck ||
      state.findingOverrides !== previous.findingOverrides ||
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
