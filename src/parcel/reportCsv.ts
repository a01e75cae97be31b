import type { LocalizedText } from "../layers/manifestTypes";
import type { FormatLanguage } from "./format";
import type { ReportRecord } from "./reportRecord";

const HEADERS: Record<FormatLanguage, string[]> = {
  zh: [
    "地块",
    "核查时间",
    "数据包版本",
    "图层",
    "状态",
    "说明",
    "人工判定",
    "要素",
    "重叠面积(m²)",
    "重叠面积(公顷)",
    "重叠面积(亩)",
    "占地块比例(%)",
    "重叠分类",
    "距离(m)",
    "几何质量",
    "位置精度(m)",
    "依据",
  ],
  en: [
    "Parcel",
    "Checked at",
    "Data package",
    "Layer",
    "Status",
    "Finding",
    "Officer's decision",
    "Feature",
    "Overlap (m²)",
    "Overlap (ha)",
    "Overlap (mu)",
    "Share of parcel (%)",
    "Overlap class",
    "Distance (m)",
    "Geometry quality",
    "Positional accuracy (m)",
    "Sources",
  ],
};

const QUALITY: Record<string, LocalizedText> = {
  official: { zh: "官方", en: "Official" },
  derived: { zh: "派生", en: "Derived" },
  schematic: { zh: "示意", en: "Schematic" },
};

/** RFC 4180: quote when needed, double the quotes; a leading = + - @ is defused so a spreadsheet does not run it. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The findings as a table, one row per overlapped feature (one row for a finding with none), in the UI language.
 * Starts with a byte-order mark so spreadsheet programs read the Chinese as UTF-8.
 */
export function reportCsv(record: ReportRecord, language: FormatLanguage): string {
  const pick = (text: LocalizedText) => text[language];
  const rows: Array<Array<string | number | null>> = [HEADERS[language]];
  for (const finding of record.findings) {
    const common = [
      record.parcel.name,
      record.checkedAt,
      record.dataPackageVersion,
      pick(finding.title),
      `${finding.statusLabel.icon} ${pick(finding.statusLabel)}`,
      pick(finding.reason),
      finding.override ? `${language === "zh" ? "不适用" : "Does not apply"}: ${finding.override.reason}` : "",
    ];
    const tail = [
      QUALITY[finding.geometryQuality] ? pick(QUALITY[finding.geometryQuality]!) : finding.geometryQuality,
      finding.positionalAccuracyMetres,
      finding.citations.map((citation) => citation.citation).join(" "),
    ];
    if (finding.overlaps.length === 0) {
      rows.push([...common, finding.nearest?.name ?? "", null, null, null, null, null, finding.nearest?.distanceMetres ?? null, ...tail]);
      continue;
    }
    for (const overlap of finding.overlaps) {
      rows.push([
        ...common,
        overlap.name,
        overlap.area.squareMetres,
        overlap.area.hectares,
        overlap.area.mu,
        overlap.sharePercent,
        pick(overlap.toleranceLabel),
        null,
        ...tail,
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
