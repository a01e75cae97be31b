import type { FindingStatus } from "../../../check/types";
import { localized } from "../../../i18n/translate";
import { summaryCells, summaryColumns, summaryRow } from "../summaryRows";
import type { BatchEntry } from "../batchEntry";
import type { BatchExportInput } from "./batchExportInput";

/** A cell of the summary: text, or a figure kept as a number so a spreadsheet can sum and sort it. */
export type SummaryCell = string | number;

export interface SummaryTable {
  header: string[];
  /** The column ids, in order (e.g. "areaSquareMetres", "status:mining-key-zone"). */
  columnIds: string[];
  rows: SummaryCell[][];
  /** Each row's status of each restricting layer, by layer id (for a status column's mark or colour). */
  rowStatuses: Array<Record<string, FindingStatus | null>>;
}

const NUMERIC_COLUMNS = new Set(["areaSquareMetres", "areaMu"]);

/** The summary, one row per parcel, in the reader's language: the table the CSV and the XLSX both write. */
export function summaryTable(input: BatchExportInput<BatchEntry>): SummaryTable {
  const columns = summaryColumns(input.dataPackage);
  const summaries = input.checked.map((checked) => summaryRow(checked, input.dataPackage, input.importWarnings, input.language));
  return {
    header: columns.map((column) => localized(column.title, input.language)),
    columnIds: columns.map((column) => column.id),
    rows: summaries.map((row) => {
      const cells = summaryCells(row, columns, input.language);
      return columns.map((column, index) => (NUMERIC_COLUMNS.has(column.id) ? (column.id === "areaMu" ? row.areaMu : row.areaSquareMetres) : cells[index]!));
    }),
    rowStatuses: summaries.map((row) => row.statuses),
  };
}
