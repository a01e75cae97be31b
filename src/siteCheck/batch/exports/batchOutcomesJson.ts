import { reasonText } from "../../report/reportText";
import type { BatchEntry } from "../batchEntry";
import { summaryRow } from "../summaryRows";
import type { BatchExportInput } from "./batchExportInput";

const BATCH_OUTCOMES_FORMAT = "dazu-site-check-batch";
/** 1: the first that names its format (before it, `{ parcels }` alone). */
const BATCH_OUTCOMES_FORMAT_VERSION = 1;

/**
 * A page batch as JSON: its format and version, the data package and language it was written with, then each parcel's
 * summary, attributes, geometry and findings. The page keeps no report models (a parcel's is built when its row is
 * opened); the command line writes them with batchReportsJson.
 */
export function batchOutcomesJson(input: BatchExportInput<BatchEntry>): string {
  const parcels = input.checked.map((entry) => ({
    summary: summaryRow(entry, input.dataPackage, input.importWarnings, input.language),
    properties: entry.properties,
    geometry: entry.parcel.geometry,
    findings: entry.report.findings.map((finding) => ({
      layerId: finding.layerId,
      status: finding.status,
      reason: reasonText(finding.reason, input.language),
      overlaps: finding.overlaps,
    })),
    notChecked: entry.notChecked.map((layer) => layer.layerId),
  }));
  const file = {
    format: BATCH_OUTCOMES_FORMAT,
    formatVersion: BATCH_OUTCOMES_FORMAT_VERSION,
    dataPackageVersion: input.dataPackage.manifest.version,
    language: input.language,
    parcels,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
