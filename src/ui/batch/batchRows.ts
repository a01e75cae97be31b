import type { Language } from "../../i18n/messages";
import type { DataPackage } from "../../layers/layerData";
import type { Batch } from "../../siteCheck/batch/batchService";
import { worstStatus, type BatchEntry, type WorstStatus } from "../../siteCheck/batch/batchEntry";
import { restrictingLayers, summaryRow, type SummaryRow } from "../../siteCheck/batch/summaryRows";
import { inSlices } from "./inSlices";

/** A row of the summary table: the summary in the reader's language, its worst status, and why its check failed. */
export interface TableRow {
  index: number;
  summary: SummaryRow;
  worst: WorstStatus;
  failed: string | null;
}

/** The table's rows for a batch in a language; resolves with null when `stale()` says a newer build replaced this one. */
export async function buildTableRows(
  batch: Batch,
  entries: readonly BatchEntry[],
  dataPackage: DataPackage,
  language: Language,
  stale: () => boolean,
): Promise<TableRow[] | null> {
  const restricting = new Set(restrictingLayers(dataPackage).map((layer) => layer.id));
  const rows: TableRow[] = new Array(entries.length);
  const built = await inSlices(
    entries.length,
    (index) => {
      const result = batch.results[index];
      const failed = result && "failed" in result ? result.failed : null;
      rows[index] = {
        index,
        summary: summaryRow(entries[index]!, dataPackage, batch.warnings, language),
        worst: failed !== null ? "failed" : worstStatus(entries[index]!, restricting),
        failed,
      };
    },
    stale,
  );
  if (!built) return null;
  return rows;
}

export type SortColumn = string;
export interface SortOrder {
  column: SortColumn;
  direction: "ascending" | "descending";
}

const WORST_ORDER: readonly WorstStatus[] = ["restricted", "undecided", "caution", "failed", "outside", "no-data", "clear", "pending"];
const STATUS_ORDER = ["restricted", "undecided", "caution", "outside", "info", "no-data", "clear"];
const DISTRICT_ORDER = ["outside", "partly", "inside"];

function sortKey(row: TableRow, column: SortColumn): string | number {
  if (column.startsWith("status:")) {
    const status = row.summary.statuses[column.slice("status:".length)];
    return status ? STATUS_ORDER.indexOf(status) : STATUS_ORDER.length;
  }
  switch (column) {
    case "worst":
      return WORST_ORDER.indexOf(row.worst);
    case "areaSquareMetres":
    case "areaMu":
      return row.summary.areaSquareMetres;
    case "district":
      return row.summary.district ? DISTRICT_ORDER.indexOf(row.summary.district) : DISTRICT_ORDER.length;
    case "warnings":
      return row.summary.warnings.length + (row.failed ? 1 : 0);
    case "name":
    case "number":
    case "fee":
      return row.summary[column];
    default:
      return row.index;
  }
}

/**
 * The rows to show, in order: those passing the filters (worst status; text in the name or number), sorted by a
 * column and then by their place in the file. Strings compare by code point: a collator over tens of thousands of
 * rows would hold the page for a second, and parcel numbers (ZD-0001 …) read right in code-point order.
 */
export function visibleRows(rows: readonly TableRow[], sort: SortOrder | null, filter: { worst: WorstStatus | "all"; text: string }): TableRow[] {
  const text = filter.text.trim().toLowerCase();
  const shown = rows.filter(
    (row) =>
      (filter.worst === "all" || row.worst === filter.worst) &&
      (text === "" || row.summary.name.toLowerCase().includes(text) || row.summary.number.toLowerCase().includes(text)),
  );
  if (!sort) return shown;
  const keys = new Map(shown.map((row) => [row, sortKey(row, sort.column)]));
  const sign = sort.direction === "ascending" ? 1 : -1;
  return shown.sort((a, b) => {
    const left = keys.get(a)!;
    const right = keys.get(b)!;
    const order = left < right ? -1 : left > right ? 1 : 0;
    return order * sign || a.index - b.index;
  });
}
