import { csvField } from "../../report/reportCsv";
import type { BatchEntry } from "../batchEntry";
import type { BatchExportInput } from "./batchExportInput";
import { encodeGbk } from "./gbk";
import { summaryTable } from "./summaryTable";

export type CsvEncoding = "utf-8" | "gbk";

export interface BatchCsv {
  bytes: Uint8Array;
  /** Characters the encoding cannot write, each written as "?" (only GBK loses any). */
  replacedCharacters: number;
}

/** The summary as CSV text: a header row, one row per parcel, CRLF; areas with two decimals. */
export function batchCsvText(input: BatchExportInput<BatchEntry>): string {
  const table = summaryTable(input);
  const lines = [table.header, ...table.rows].map((row) => row.map((cell) => (typeof cell === "number" ? cell.toFixed(2) : csvField(cell))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The summary CSV as bytes: UTF-8 with a byte-order mark (Excel then reads it as UTF-8), or GBK without one for the
 * older spreadsheet and office systems that expect the Windows Chinese code page.
 */
export function batchCsv(input: BatchExportInput<BatchEntry>, encoding: CsvEncoding): BatchCsv {
  const text = batchCsvText(input);
  if (encoding === "gbk") {
    const { bytes, replaced } = encodeGbk(text);
    return { bytes, replacedCharacters: replaced };
  }
  return { bytes: new TextEncoder().encode(`\uFEFF${text}`), replacedCharacters: 0 };
}
