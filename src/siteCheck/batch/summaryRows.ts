import type { FindingStatus } from "../../check/types";
import { toMu } from "../../geo/measure";
import { parcelName } from "../../i18n/defaultParcelName";
import type { Language, MessageKey } from "../../i18n/messages";
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

/** A title or word in both languages, from the batch message table. */
const bothLanguages = (key: MessageKey): LocalizedText => ({ zh: translate("zh", key), en: translate("en", key) });

type FixedColumn = "name" | "number" | "areaSquareMetres" | "areaMu" | "fee" | "district" | "warnings";
const fixedColumn = (id: FixedColumn): SummaryColumn => ({ id, title: bothLanguages(`batch.summary.${id}`) });

/** The layers whose status gets a column: those that restrict, in manifest order. */
export function restrictingLayers(dataPackage: DataPackage) {
  return dataPackage.manifest.layers.filter((layer) => layer.role === "restricts");
}

export function summaryColumns(dataPackage: DataPackage): SummaryColumn[] {
  return [
    fixedColumn("name"),
    fixedColumn("number"),
    fixedColumn("areaSquareMetres"),
    fixedColumn("areaMu"),
    ...restrictingLayers(dataPackage).map((layer) => ({ id: `status:${layer.id}`, title: layer.title })),
    fixedColumn("fee"),
    fixedColumn("district"),
    fixedColumn("warnings"),
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
        return row.district ? translate(language, `batch.summary.district.${row.district}`) : "";
      case "warnings":
        return row.warnings.join(language === "zh" ? "；" : "; ");
      default:
        return "";
    }
  });
}
