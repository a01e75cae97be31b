import { translateBatchPrint } from "../../i18n/messages.batchPrint";
import "../../styles/parcel.css";
import "../../styles/batchPrint.css";
import type { StoredImportMessage } from "../../import/types";
import type { DataPackage } from "../../layers/layerData";
import { formatNumber } from "../../parcel/format";
import type { CheckedParcel } from "../../siteCheck/batch/checkParcels";
import { summaryTable } from "../../siteCheck/batch/exports/summaryTable";
import type { AppStore } from "../../state/store";
import { h, setChildren } from "../dom";
import { renderPrintView, type QrCodeRenderer } from "../parcel/printView";

export interface BatchPrintContext {
  store: AppStore;
  dataPackage: DataPackage;
  /** The import's warnings: a warning naming a parcel goes on its summary row, one about the file on every row. */
  importWarnings: readonly StoredImportMessage[];
  /**
   * When the print holds part of a batch (the rows a filtered table showed): how many parcels the batch has, and the
   * filters in the reader's words, so the paper says it is a selection.
   */
  selection?: { total: number; filters: readonly string[] };
  /** Draws each receipt's QR code of its re-open link; null prints the link alone. */
  qrCodeSvg: QrCodeRenderer | null;
}

/**
 * The combined print of a batch, for A4: a head and the summary table (one row per parcel, as the CSV and XLSX
 * exports have it), then each parcel's report and 查询告知单 as the single-parcel print renders it from its report
 * model, each parcel starting a new page. No map pictures: one per parcel would need the map drawn a thousand times.
 */
export function renderBatchPrint(container: HTMLElement, parcels: readonly CheckedParcel[], context: BatchPrintContext): void {
  const { language } = context.store.getState();
  const table = summaryTable({ checked: parcels, dataPackage: context.dataPackage, importWarnings: context.importWarnings, language });
  const first = parcels[0];
  const checkedAt = first ? new Date(first.reportInput.checkedAt).toLocaleString(language === "zh" ? "zh-CN" : "en-GB") : "";
  const fileNames = [...new Set(parcels.map((parcel) => parcel.parcel.fileName ?? "").filter((name) => name !== ""))];

  const summary = h(
    "section",
    { class: "batch-print-summary", "data-batch-print-summary": "" },
    h("h1", {}, translateBatchPrint(language, "batchPrint.title")),
    h(
      "p",
      {},
      translateBatchPrint(language, "batchPrint.meta", {
        file: fileNames.join(language === "zh" ? "、" : ", ") || "—",
        count: parcels.length,
        checkedAt,
        version: context.dataPackage.manifest.version,
      }),
    ),
    context.selection && context.selection.total > parcels.length
      ? h(
          "p",
          { "data-batch-print-selection": "" },
          translateBatchPrint(language, "batchPrint.selection", {
            count: parcels.length,
            total: context.selection.total,
            filters: context.selection.filters.join(language === "zh" ? "，" : ", "),
          }),
        )
      : null,
    h("p", { class: "print-note" }, translateBatchPrint(language, "batchPrint.summaryNote")),
    h("h2", {}, translateBatchPrint(language, "batchPrint.summary")),
    h(
      "table",
      { class: "print-table batch-print-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "#"),
          table.header.map((title) => h("th", { scope: "col" }, title)),
        ),
      ),
      h(
        "tbody",
        {},
        table.rows.map((row, rowIndex) =>
          h(
            "tr",
            { "data-batch-print-row": String(rowIndex + 1) },
            h("td", {}, String(rowIndex + 1)),
            row.map((cell, column) => {
              const id = table.columnIds[column]!;
              const status = id.startsWith("status:") ? table.rowStatuses[rowIndex]![id.slice("status:".length)] : null;
              return h(
                "td",
                {
                  "data-column": id,
                  ...(status ? { "data-status": status, class: "print-status" } : {}),
                  ...(typeof cell === "number" ? { class: "batch-print-number" } : {}),
                },
                typeof cell === "number" ? formatNumber(cell, 2, language) : cell,
              );
            }),
          ),
        ),
      ),
    ),
  );

  const reports = parcels.map((parcel, index) => {
    const page = h("div", { class: "batch-print-report" });
    renderPrintView(page, context.store, context.dataPackage, parcel.reportInput, parcel.model, null, context.qrCodeSvg);
    return h(
      "section",
      { class: "batch-print-parcel", "data-batch-print-parcel": String(index + 1) },
      h("p", { class: "batch-print-count" }, translateBatchPrint(language, "batchPrint.parcelOf", { index: index + 1, count: parcels.length })),
      page,
    );
  });

  setChildren(container, summary, reports);
}
