import type { Feature, FeatureCollection } from "geojson";
import type { Language } from "../../i18n/messages";
import { localized } from "../../i18n/translate";
import type { ImportMessage } from "../../import/types";
import type { DataPackage } from "../../layers/layerData";
import { reasonText } from "../report/reportText";
import { csvField } from "../report/reportCsv";
import type { CheckedParcel } from "./checkParcels";
import { summaryCells, summaryColumns, summaryRow } from "./summaryRows";

export interface RenderInput {
  checked: readonly CheckedParcel[];
  dataPackage: DataPackage;
  importWarnings: readonly ImportMessage[];
  language: Language;
}

/** One row per parcel under a header row; UTF-8 with a byte-order mark and CRLF, as the page's CSV, for Excel. */
export function summaryCsv(input: RenderInput): string {
  const columns = summaryColumns(input.dataPackage);
  const rows = [
    columns.map((column) => localized(column.title, input.language)),
    ...input.checked.map((checked) => summaryCells(summaryRow(checked, input.dataPackage, input.importWarnings, input.language), columns, input.language)),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The report model of each parcel, as the page's JSON export writes one. */
export function reportsJson(input: RenderInput): string {
  return `${JSON.stringify(
    input.checked.map((checked) => checked.model),
    null,
    2,
  )}\n`;
}

/** Each parcel in WGS-84 with its summary and every finding (status, reason in the reader's language) as properties. */
export function findingsGeoJson(input: RenderInput): string {
  const features: Feature[] = input.checked.map((checked) => {
    const row = summaryRow(checked, input.dataPackage, input.importWarnings, input.language);
    return {
      type: "Feature",
      geometry: checked.parcel.geometry,
      properties: {
        name: row.name,
        number: row.number,
        area_m2: row.areaSquareMetres,
        area_mu: row.areaMu,
        district: row.district,
        fee: row.fee,
        warnings: row.warnings,
        ...Object.fromEntries(Object.entries(row.statuses).map(([layerId, status]) => [`status:${layerId}`, status])),
        findings: checked.report.findings.map((finding) => ({
          layerId: finding.layerId,
          title: localized(finding.title, input.language),
          status: finding.status,
          reason: reasonText(finding.reason, input.language),
          overlaps: finding.overlaps.map((overlap) => ({
            name: overlap.name,
            squareMetres: overlap.overlapSquareMetres,
            shareOfParcel: overlap.shareOfParcel,
          })),
        })),
      },
    };
  });
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  return `${JSON.stringify(collection)}\n`;
}

export function renderBatch(format: "csv" | "json" | "geojson", input: RenderInput): string {
  return format === "csv" ? summaryCsv(input) : format === "json" ? reportsJson(input) : findingsGeoJson(input);
}
