import type { Feature } from "geojson";
import type { MessageKey } from "../../i18n/messages";
import { localized, translate, type MessageParams } from "../../i18n/translate";
import type { DataPackage } from "../../layers/layerData";
import type { MapAdapter } from "../../map/mapAdapter";
import type { WorstStatus } from "../../siteCheck/batch/batchEntry";
import type { BatchEntry } from "../../siteCheck/batch/batchEntry";
import { batchCsv, type CsvEncoding } from "../../siteCheck/batch/exports/batchCsv";
import type { BatchExportInput } from "../../siteCheck/batch/exports/batchExportInput";
import { batchGeoJson } from "../../siteCheck/batch/exports/batchGeoJson";
import { batchOutcomesJson } from "../../siteCheck/batch/exports/batchOutcomesJson";
import type { BatchService } from "../../siteCheck/batch/batchService";
import { summaryCells, summaryColumns, type SummaryColumn } from "../../siteCheck/batch/summaryRows";
import { STATUS_MESSAGES } from "../../siteCheck/report/buildReport";
import type { AppStore } from "../../state/store";
import { h, setChildren } from "../dom";
import { downloadBytes, downloadText, safeFileName } from "../parcel/download";
import { MAX_PRINTED_PARCELS, printBatchParcels } from "./batchPrintAction";
import { inSlices } from "./inSlices";
import { buildTableRows, visibleRows, type SortOrder, type TableRow } from "./batchRows";
import { createVirtualWindow, spacerHeight } from "./virtualWindow";

/** The stylesheet's height of one table row (`.batch-table tbody tr`), CSS px. */
const ROW_HEIGHT = 40;
/**
 * Column titles shortened on screen, where the headers stay on one line; the exports and the print keep the full ones
 * (the sort button's tooltip and accessible name give it here).
 */
const SHORT_TITLES: Partial<Record<string, MessageKey>> = { fee: "batch.column.fee" };
const WORST_FILTERS: ReadonlyArray<WorstStatus> = ["restricted", "undecided", "caution", "clear", "no-data", "outside", "failed"];

export interface BatchSectionOptions {
  store: AppStore;
  adapter: MapAdapter;
  dataPackage: DataPackage;
  service: BatchService;
  /** The data package folder, ending in "/" (the print reads clause texts and hashes files from it). */
  dataBaseUrl: string;
  /** Opens one parcel of the batch in the single-parcel check (its full report). */
  openParcel(index: number): void;
}

function isoDate(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * The batch check in the site-check panel: its progress with cancel, then the summary table (virtual: only the
 * rows in view exist), sortable by every column and filtered by result and text; a row opens its parcel's report.
 * The map shows every parcel coloured by its worst result.
 */
export function mountBatchSection(container: HTMLElement, options: BatchSectionOptions): void {
  const { store, adapter, dataPackage, service } = options;
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);

  let rows: TableRow[] | null = null;
  let rowsFor: { batch: unknown; language: string } | null = null;
  let shown: TableRow[] = [];
  let sort: SortOrder | null = null;
  let filter: { worst: WorstStatus | "all"; text: string } = { worst: "all", text: "" };
  let opened: number | null = null;
  let mappedBatch: unknown = null;

  const heading = h("h3", { class: "site-heading", id: "site-batch-heading" });
  const status = h("div", { class: "batch-status", "data-batch-status": "" });
  const body = h("div", { class: "batch-body", "data-batch-body": "" });
  container.append(heading, status, body);
  container.hidden = true;

  // Progress: the line and bar are updated in place, so the cancel button keeps its focus.
  const progressLine = h("p", { class: "site-progress", role: "status", "aria-live": "polite", "data-batch-progress": "" });
  const progressBar = h("progress", { class: "site-progress-bar", max: 1, value: 0, "aria-hidden": "true" });
  const cancelButton = h("button", { type: "button", class: "secondary-button", "data-batch-action": "cancel", onclick: () => service.cancel() });
  const runningView = h("div", { class: "site-busy", "data-batch-running": "" }, progressBar, progressLine, h("div", { class: "form-buttons" }, cancelButton));

  const columns = (): SummaryColumn[] => summaryColumns(dataPackage);
  const tableHead = h("thead");
  const tableBody = h("tbody");
  const table = h("table", { class: "batch-table", "data-batch-table": "" }, tableHead, tableBody);
  const scroller = h("div", { class: "batch-table-scroll", "data-batch-scroll": "" }, table);
  const shownLine = h("p", { class: "batch-shown", role: "status", "data-batch-shown": "" });
  const textFilter = h("input", { type: "search", id: "batch-filter-text", class: "batch-filter-text", "data-batch-filter-text": "" });
  const worstFilter = h("select", { id: "batch-filter-status", class: "basemap-select", "data-batch-filter-status": "" });

  const cellText = (row: TableRow, column: SummaryColumn, language: "zh" | "en"): string => {
    const cells = summaryCells(row.summary, [column], language);
    if (column.id === "warnings" && row.failed)
      return [t("batch.failed", { message: row.failed }), cells[0]].filter(Boolean).join(language === "zh" ? "；" : "; ");
    return String(cells[0] ?? "");
  };

  const renderRow = (row: TableRow, position: number): HTMLTableRowElement => {
    const language = store.getState().language;
    const cells = columns().map((column, columnIndex) => {
      if (columnIndex === 0) {
        return h(
          "th",
          { scope: "row", class: "batch-name" },
          h(
            "button",
            {
              type: "button",
              class: "batch-open",
              "data-batch-open": String(row.index),
              "aria-label": t("batch.open", { name: row.summary.name }),
              onclick: () => open(row.index),
            },
            h("span", { class: `batch-swatch batch-swatch--${row.worst}`, "aria-hidden": "true" }),
            h("span", { dir: "auto" }, row.summary.name),
          ),
        );
      }
      const attributes: Record<string, string> = { "data-column": column.id };
      if (column.id.startsWith("status:")) {
        const value = row.summary.statuses[column.id.slice("status:".length)];
        attributes.class = `batch-status-cell batch-status-cell--${value ?? "none"}`;
        attributes["data-status"] = value ?? "";
        return h("td", attributes, value ? translate(language, STATUS_MESSAGES[value]) : "");
      }
      if (column.id === "areaSquareMetres" || column.id === "areaMu") attributes.class = "batch-number";
      return h("td", attributes, cellText(row, column, language));
    });
    return h(
      "tr",
      {
        "aria-rowindex": position + 2,
        "data-batch-row": String(row.index),
        "data-worst": row.worst,
        class: row.index === opened ? "batch-row batch-row--opened" : "batch-row",
        ...(row.index === opened ? { "aria-current": "true" } : {}),
      },
      cells,
    );
  };

  const columnCount = () => columns().length;
  const virtual = createVirtualWindow({
    scroller,
    rowHeight: ROW_HEIGHT,
    headerHeight: () => tableHead.offsetHeight,
    count: () => shown.length,
    render: ({ first, end }) => {
      const spacer = (count: number) =>
        h("tr", { class: "virtual-spacer", "aria-hidden": "true" }, h("td", { colspan: columnCount(), style: `height:${spacerHeight(count, ROW_HEIGHT)}` }));
      const rendered: HTMLTableRowElement[] = [];
      for (let position = first; position < end; position++) rendered.push(renderRow(shown[position]!, position));
      setChildren(tableBody, first > 0 ? spacer(first) : null, rendered, end < shown.length ? spacer(shown.length - end) : null);
    },
  });

  // Up and down move between rows, past the rendered ones too.
  tableBody.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const current = (event.target as HTMLElement).closest<HTMLElement>("[data-batch-row]");
    if (!current) return;
    const position = shown.findIndex((row) => String(row.index) === current.dataset.batchRow);
    const next = position + (event.key === "ArrowDown" ? 1 : -1);
    if (position < 0 || next < 0 || next >= shown.length) return;
    event.preventDefault();
    virtual.scrollToRow(next);
    tableBody.querySelector<HTMLElement>(`[data-batch-open="${shown[next]!.index}"]`)?.focus();
  });

  const renderHead = () => {
    const language = store.getState().language;
    setChildren(
      tableHead,
      h(
        "tr",
        { "aria-rowindex": 1 },
        columns().map((column) => {
          const title = localized(column.title, language);
          const shortKey = SHORT_TITLES[column.id];
          const shortTitle = shortKey ? t(shortKey) : title;
          const direction = sort?.column === column.id ? sort.direction : null;
          return h(
            "th",
            { scope: "col", "aria-sort": direction ?? "none", "data-column": column.id },
            h(
              "button",
              {
                type: "button",
                class: "batch-sort",
                "data-batch-sort": column.id,
                title: t("batch.sortBy", { column: title }),
                // A shortened title is read out in full (the visible words are its beginning).
                "aria-label": shortKey ? title : null,
                onclick: () => {
                  sort = { column: column.id, direction: direction === "ascending" ? "descending" : "ascending" };
                  renderHead();
                  applyView();
                },
              },
              shortTitle,
              h("span", { class: "batch-sort-mark", "aria-hidden": "true" }, direction === "ascending" ? " ▲" : direction === "descending" ? " ▼" : ""),
            ),
          );
        }),
      ),
    );
  };

  const applyView = () => {
    if (!rows) return;
    shown = visibleRows(rows, sort, filter);
    updatePrint();
    table.setAttribute("aria-rowcount", String(shown.length + 1));
    shownLine.textContent = t("batch.shown", { shown: shown.length, total: rows.length });
    virtual.refresh();
  };

  const open = (index: number) => {
    opened = index;
    virtual.refresh();
    options.openParcel(index);
  };

  const showOnMap = async (entries: readonly BatchEntry[], stale: () => boolean) => {
    const batch = service.state().batch;
    if (batch === mappedBatch) return;
    if (!batch || !rows) {
      mappedBatch = batch;
      adapter.setBatchParcels(null);
      return;
    }
    const shownRows = rows;
    const features: Feature[] = new Array(entries.length);
    const built = await inSlices(
      entries.length,
      (index) => {
        features[index] = { type: "Feature", properties: { index, worst: shownRows[index]!.worst }, geometry: entries[index]!.parcel.geometry };
      },
      stale,
    );
    if (!built) return;
    mappedBatch = batch;
    adapter.setBatchParcels({ type: "FeatureCollection", features });
  };

  const exportInput = (): BatchExportInput<BatchEntry> | null => {
    const batch = service.state().batch;
    return batch ? { checked: service.entries(), dataPackage, importWarnings: batch.warnings, language: store.getState().language } : null;
  };
  const baseName = () => `${t("batch.filePrefix")}-${safeFileName((service.state().batch?.fileName ?? "").replace(/\.[^.]+$/, ""))}`;
  // The combined print has one report per parcel: it prints the rows shown, in the table's order, when there are not
  // too many; past the limit the reader is told so beside the button, and how to get under it.
  let printing = 0;
  const printLimit = h("p", { class: "batch-print-limit", id: "batch-print-limit", "data-batch-print-limit": "", hidden: true });
  const printButton = h("button", {
    type: "button",
    class: "secondary-button",
    "data-batch-export": "print",
    onclick: () => {
      const batch = service.state().batch;
      if (!batch || printing > 0 || shown.length === 0 || shown.length > MAX_PRINTED_PARCELS) return;
      printing = shown.length;
      updatePrint();
      void printBatchParcels(
        store,
        dataPackage,
        options.dataBaseUrl,
        batch,
        shown.map((row) => row.index),
        filterWords(),
      ).finally(() => {
        printing = 0;
        updatePrint();
      });
    },
  });
  /** The table's filters in the reader's words, for a print of the rows they leave. */
  const filterWords = (): string[] => [
    ...(filter.worst === "all" ? [] : [t("batch.print.filterWorst", { worst: t(`batch.worst.${filter.worst}` as MessageKey) })]),
    ...(filter.text.trim() === "" ? [] : [t("batch.print.filterText", { text: filter.text.trim() })]),
  ];
  const updatePrint = () => {
    const tooMany = shown.length > MAX_PRINTED_PARCELS;
    printButton.textContent = printing > 0 ? t("batch.export.printPreparing", { count: printing }) : t("batch.export.print", { count: shown.length });
    printButton.disabled = printing > 0 || shown.length === 0 || tooMany;
    printLimit.hidden = !tooMany;
    printLimit.textContent = tooMany ? t("batch.export.printTooMany", { max: MAX_PRINTED_PARCELS, shown: shown.length }) : "";
    if (tooMany) printButton.setAttribute("aria-describedby", printLimit.id);
    else printButton.removeAttribute("aria-describedby");
  };
  const exportButton = (label: MessageKey, format: string, write: () => void) =>
    h("button", { type: "button", class: "secondary-button", "data-batch-export": format, onclick: write }, t(label));

  const renderBody = () => {
    const batch = service.state().batch;
    container.hidden = batch === null && service.state().run.type === "idle" && service.state().notice === null;
    if (!batch || !rows) {
      setChildren(body);
      return;
    }
    setChildren(
      worstFilter,
      h("option", { value: "all", selected: filter.worst === "all" }, t("batch.filter.all")),
      WORST_FILTERS.map((worst) => h("option", { value: worst, selected: filter.worst === worst }, t(`batch.worst.${worst}` as MessageKey))),
    );
    textFilter.placeholder = t("batch.filterTextPlaceholder");
    table.setAttribute("aria-label", t("batch.tableLabel"));
    scroller.setAttribute("aria-label", t("batch.tableLabel"));
    renderHead();
    setChildren(
      body,
      h(
        "p",
        { class: "batch-source", "data-batch-source": "" },
        t("batch.source", { name: batch.fileName, count: batch.parcels.length, date: isoDate(batch.checkedAt), version: batch.dataPackageVersion }),
      ),
      h(
        "p",
        { class: "batch-legend" },
        t("batch.legend"),
        WORST_FILTERS.map((worst) =>
          h(
            "span",
            { class: "batch-legend-item" },
            h("span", { class: `batch-swatch batch-swatch--${worst}`, "aria-hidden": "true" }),
            t(`batch.worst.${worst}` as MessageKey),
          ),
        ),
      ),
      h(
        "div",
        { class: "batch-filters" },
        h("label", { class: "field-label", for: "batch-filter-status" }, t("batch.filterStatus")),
        worstFilter,
        h("label", { class: "field-label", for: "batch-filter-text" }, t("batch.filterText")),
        textFilter,
      ),
      shownLine,
      scroller,
      h(
        "div",
        { class: "form-buttons batch-exports", role: "group", "aria-label": t("batch.exports") },
        ...(["utf-8", "gbk"] as CsvEncoding[]).map((encoding) =>
          exportButton(encoding === "gbk" ? "batch.export.csvGbk" : "batch.export.csv", encoding === "gbk" ? "csv-gbk" : "csv", () => {
            const input = exportInput();
            if (!input) return;
            const csv = batchCsv(input, encoding);
            downloadBytes(`${baseName()}${encoding === "gbk" ? "-GBK" : ""}.csv`, csv.bytes, `text/csv;charset=${encoding}`);
          }),
        ),
        exportButton("batch.export.xlsx", "xlsx", () => {
          const input = exportInput();
          if (!input) return;
          // The workbook writer (and JSZip) load on first use.
          void import("../../siteCheck/batch/exports/batchXlsx").then(async ({ batchXlsx }) =>
            downloadBytes(`${baseName()}.xlsx`, await batchXlsx(input), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          );
        }),
        exportButton("batch.export.geojson", "geojson", () => {
          const input = exportInput();
          if (input) downloadText(`${baseName()}.geojson`, batchGeoJson(input), "application/geo+json");
        }),
        exportButton("batch.export.json", "json", () => {
          const input = exportInput();
          if (input) downloadText(`${baseName()}.json`, batchOutcomesJson(input), "application/json");
        }),
        printButton,
        h("button", { type: "button", class: "secondary-button", "data-batch-action": "clear", onclick: () => service.clear() }, t("batch.clear")),
      ),
      printLimit,
    );
    applyView();
  };

  worstFilter.addEventListener("change", () => {
    filter = { ...filter, worst: worstFilter.value as WorstStatus | "all" };
    applyView();
  });
  let textTimer: ReturnType<typeof setTimeout> | undefined;
  textFilter.addEventListener("input", () => {
    clearTimeout(textTimer);
    textTimer = setTimeout(() => {
      filter = { ...filter, text: textFilter.value };
      applyView();
    }, 150);
  });

  const renderStatus = () => {
    heading.textContent = t("batch.heading");
    const { run, notice, batch } = service.state();
    if (run.type === "running") {
      progressBar.max = Math.max(1, run.total);
      progressBar.value = run.done;
      const text = t("batch.running", { name: run.fileName, done: run.done, total: run.total });
      if (progressLine.textContent !== text) progressLine.textContent = text;
      cancelButton.textContent = t("batch.cancel");
      if (!status.contains(runningView)) setChildren(status, runningView);
      container.hidden = false;
      return;
    }
    if (notice === "cancelled")
      setChildren(
        status,
        h("div", { class: "site-cancelled", role: "status", "data-batch-cancelled": "" }, t("batch.cancelled"), batch ? ` ${t("batch.keepPrevious")}` : ""),
      );
    else if (notice === "storage-failed")
      setChildren(status, h("div", { class: "site-error", role: "alert", "data-batch-storage-failed": "" }, t("batch.storageFailed")));
    else setChildren(status);
  };

  /** Builds the rows for the current batch and language (in slices), then the table and the map. */
  let building = 0;
  const rebuild = async () => {
    const batch = service.state().batch;
    const language = store.getState().language;
    if (rowsFor?.batch === batch && rowsFor.language === language) return;
    const build = ++building;
    if (!batch) {
      rows = null;
      rowsFor = { batch, language };
      opened = null;
      void showOnMap([], () => false);
      renderBody();
      return;
    }
    const entries = service.entries();
    const built = await buildTableRows(batch, entries, dataPackage, language, () => build !== building);
    if (!built || build !== building) return;
    if (rowsFor?.batch !== batch) opened = null;
    rows = built;
    rowsFor = { batch, language };
    renderBody();
    await showOnMap(entries, () => build !== building);
  };

  service.subscribe(() => {
    renderStatus();
    void rebuild();
    container.hidden = service.state().batch === null && service.state().run.type === "idle" && service.state().notice === null;
  });
  store.subscribe((state, previous) => {
    if (state.language === previous.language) return;
    renderStatus();
    void rebuild();
  });
  renderStatus();
}
