import type { BatchExportInput } from "./batchExportInput";

/** The report model of each parcel, as the page's JSON export writes one. */
export function batchReportsJson(input: BatchExportInput): string {
  return `${JSON.stringify(
    input.checked.map((checked) => checked.model),
    null,
    2,
  )}\n`;
}
