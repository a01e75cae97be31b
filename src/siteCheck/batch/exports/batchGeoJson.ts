import type { Feature, FeatureCollection } from "geojson";
import { localized } from "../../../i18n/translate";
import { reasonText } from "../../report/reportText";
import { summaryRow } from "../summaryRows";
import type { BatchEntry } from "../batchEntry";
import type { BatchExportInput } from "./batchExportInput";

/** Each parcel in WGS-84 with its summary and every finding (status, reason in the reader's language) as properties. */
export function batchGeoJson(input: BatchExportInput<BatchEntry>): string {
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
