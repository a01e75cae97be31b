import type { FindingStatus } from "../../check/types";
import { toMu } from "../../geo/measure";
import { parcelName } from "../../i18n/defaultParcelName";
import type { Language } from "../../i18n/messages";
import { localized, translate } from "../../i18n/translate";
import type { StoredImportMessage } from "../../import/types";
import type { DataPackage } from "../../layers/layerData";
import type { LocalizedText } from "../../layers/manifestTypes";
import { STATUS_MESSAGES } from "../report/buildReport";
import type { BatchEntry } from "./batchEntry";
import { importMessageText } from "../../i18n/messages.import";

/** One parcel's line of the summary: the figures as numbers, the texts in the reader's language. */
export interface SummaryRow {
  name: string;
  /** The 宗地编号 (or 地块编号) the file gives, or "". */
  number: string;
  /** GK planar m² (the figure the bureau writes), rounded to the centimetre-square. */
  areaSquareMetres: number;
  areaMu: number;
  /** Status of each restricting layer, by layer id. */
  statuses: Record<string, FindingStatus | null>;
  /** The fee rate, or the question the estimate waits on; "" where no fee applies (outside the district). */
  fee: string;
  district: "inside" | "partly" | "outside" | null;
  warnings: string[];
}

export interface SummaryColumn {
  id: string;
  title: LocalizedText;
}

const COLUMN_TITLES = {
  name: { zh: "地块名称", en: "Parcel name" },
  number: { zh: "宗地编号", en: "Parcel number" },
  areaSquareMetres: { zh: "面积（m²）", en: "Area (m²)" },
  areaMu: { zh: "面积（亩）", en: "Area (mu)" },
  fee: { zh: "城市建设配套费（估算或待答问题）", en: "Infrastructure fee (rate or open question)" },
  district: { zh: "是否在大足区外", en: "Outside the district" },
  warnings: { zh: "提示", en: "Warnings" },
} satisfies Record<string, LocalizedText>;

const DISTRICT_TEXT: Record<"inside" | "partly" | "outside", LocalizedText> = {
  inside: { zh: "否", en: "no" },
  partly: { zh: "部分在区外", en: "partly" },
  outside: { zh: "全部在区外", en: "wholly" },
};

/** The layers whose status gets a column: those that restrict, in manifest order. */
export function restrictingLayers(dataPackage: DataPackage) {
  return dataPackage.manifest.layers.filter((layer) => layer.role === "restricts");
}

export function summaryColumns(dataPackage: DataPackage): SummaryColumn[] {
  return [
    { id: "name", title: COLUMN_TITLES.name },
    { id: "number", title: COLUMN_TITLES.number },
    { id: "areaSquareMetres", title: COLUMN_TITLES.areaSquareMetres },
    { id: "areaMu", title: COLUMN_TITLES.areaMu },
    ...restrictingLayers(dataPackage).map((layer) => ({ id: `status:${layer.id}`, title: layer.title })),
    { id: "fee", title: COLUMN_TITLES.fee },
    { id: "district", title: COLUMN_TITLES.district },
    { id: "warnings", title: COLUMN_TITLES.warnings },
  ];
}

/** Attribute names that hold a parcel's number in the files bureaus exchange (界址点 TXT, Shapefile, CSV). */
const NUMBER_KEYS = ["宗地编号", "宗地号", "宗地代码", "地块编号", "地块号", "编号", "ZDDM", "zddm", "ZDH", "DKBH", "dkbh"];

function parcelNumber(properties: Record<string, string | number>): string {
  const key = NUMBER_KEYS.find((candidate) => properties[candidate] !== undefined && String(properties[candidate]).trim() !== "");
  return key ? String(properties[key]).trim() : "";
}

function feeText(checked: BatchEntry, language: Language): string {
  const { questions, town } = checked.fee;
  if (questions.length > 0) {
    return questions
      .map((question) =>
        translate(language, question.id === "town" ? "site.fee.questionTown" : question.id === "park" ? "site.fee.questionPark" : "site.fee.questionUrban"),
      )
      .join(" ");
  }
  return town?.rate != null ? translate(language, "site.fee.rate", { rate: town.rate }) : "";
}

export function summaryRow(checked: BatchEntry, dataPackage: DataPackage, importWarnings: readonly StoredImportMessage[], language: Language): SummaryRow {
  const squareMetres = checked.report.parcel.gaussKrugerSquareMetres;
  const statuses = Object.fromEntries(
    restrictingLayers(dataPackage).map((layer) => [layer.id, checked.report.findings.find((finding) => finding.layerId === layer.id)?.status ?? null]),
  );
  // A warning about one parcel (its detail names it) goes on that parcel's row; one about the file, on every row.
  const warnings = importWarnings
    .filter((warning) => warning.detail?.parcel === undefined || warning.detail.parcel === checked.parcel.name)
    .map((warning) => importMessageText(warning, language));
  if (checked.notChecked.length > 0) {
    warnings.push(
      translate(language, "site.findings.notChecked", {
        layers: checked.notChecked.map((layer) => localized(layer.title, language)).join(language === "zh" ? "、" : ", "),
      }),
    );
  }
  return {
    name: parcelName(checked.parcel.name, language),
    number: parcelNumber(checked.properties),
    areaSquareMetres: Math.round(squareMetres * 100) / 100,
    areaMu: Math.round(toMu(squareMetres) * 100) / 100,
    statuses,
    fee: feeText(checked, language),
    district: checked.report.district?.position ?? null,
    warnings,
  };
}

/** A row's cells in column order, as the CSV writes them. */
export function summaryCells(row: SummaryRow, columns: readonly SummaryColumn[], language: Language): Array<string | number> {
  return columns.map((column) => {
    if (column.id.startsWith("status:")) {
      const status = row.statuses[column.id.slice("status:".length)];
      return status ? translate(language, STATUS_MESSAGES[status]) : "";
    }
    switch (column.id) {
      case "name":
        return row.name;
      case "number":
        return row.number;
      case "areaSquareMetres":
        return row.areaSquareMetres.toFixed(2);
      case "areaMu":
        return row.areaMu.toFixed(2);
      case "fee":
        return row.fee;
      case "district":
        return row.district ? localized(DISTRICT_TEXT[row.district], language) : "";
      case "warnings":
        return row.warnings.join(language === "zh" ? "；" : "; ");
      default:
        return "";
    }
  });
}
