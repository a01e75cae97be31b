import type { Language } from "../../i18n/messages";
import { valueWord, type NameVocabulary } from "../../layers/attributeValues";
import type { AttributeDefinition, LayerDefinition } from "../../layers/manifestTypes";
import { PROVENANCE_KEYS } from "../../layers/validateManifest";

/**
 * How a row's value is written: `words` the app's own (labels, vocabulary, numbers), `prose` a note the data writes
 * in the reader's language (its English may still name a Chinese term), `quote` the document's words, always Chinese.
 */
export type AttributeValueKind = "words" | "prose" | "quote";

/** One row of the inspector's attribute list: a label in the UI language and the value as text. */
export interface AttributeRow {
  key: string;
  label: string;
  value: string;
  kind: AttributeValueKind;
}

type Properties = Readonly<Record<string, unknown>>;

function word(zh: string, en: string, language: Language): string {
  return language === "zh" ? zh : en;
}

function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return value.toLocaleString(language === "zh" ? "zh-CN" : "en", { maximumFractionDigits });
}

function listSeparator(language: Language): string {
  return language === "zh" ? "、" : ", ";
}

function metres(value: unknown, language: Language): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  return value >= 1000 ? `${formatNumber(value / 1000, language)} km` : `${formatNumber(value, language, 0)} m`;
}

/** Text, numbers, yes/no and lists of those in the vocabulary's words; objects are left out rather than printed as JSON. */
function plainValue(value: unknown, attribute: AttributeDefinition, language: Language, names: NameVocabulary): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : valueWord(attribute, value, language, names);
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(value, language) : null;
  if (typeof value === "boolean") return word(value ? "是" : "否", value ? "Yes" : "No", language);
  if (Array.isArray(value)) {
    const items = value.map((item) => plainValue(item, attribute, language, names)).filter((item): item is string => item !== null);
    return items.length > 0 ? items.join(listSeparator(language)) : null;
  }
  return null;
}

/** The value as text in the attribute's format, or null to leave the row out (an empty list, an unset flag, a null). */
function formatted(value: unknown, attribute: AttributeDefinition, language: Language, names: NameVocabulary): string | null {
  switch (attribute.format) {
    case "text":
    case "list":
    case "number":
    case "boolean":
      return plainValue(value, attribute, language, names);
    case "quote":
    case "date":
      return typeof value === "string" && value.trim() !== "" ? value : null;
    case "flag": {
      const words = attribute.values?.true;
      return value === true && words ? word(words.zh, words.en, language) : null;
    }
    case "metres":
      return metres(value, language);
    case "uncertainty": {
      const distance = metres(value, language);
      return distance ? word(`约 ±${distance}`, `about ±${distance}`, language) : null;
    }
    case "squareKilometres":
      return typeof value === "number" ? `${formatNumber(value, language)} km²` : null;
    case "feeRate":
      return typeof value === "number" ? word(`${value} 元/m²（按建筑面积）`, `¥${value} per m² of floor area`, language) : null;
    case "areaByName": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter((entry): entry is [string, number] => typeof entry[1] === "number")
        .sort((a, b) => b[1] - a[1]);
      return entries.length > 0
        ? entries.map(([name, area]) => `${valueWord(attribute, name, language, names)} ${formatNumber(area, language)} km²`).join(listSeparator(language))
        : null;
    }
  }
}

function isEnglishVariant(key: string, properties: Properties): boolean {
  return key.endsWith("_en") && key.slice(0, -3) in properties;
}

/** Property keys the layer neither lists nor declares internal: a data change the manifest has not caught up with. */
export function unlabelledKeys(properties: Properties, layer: Pick<LayerDefinition, "attributes" | "internalProperties">): string[] {
  const known = new Set([...PROVENANCE_KEYS, ...(layer.attributes ?? []).map((attribute) => attribute.key), ...(layer.internalProperties ?? [])]);
  return Object.keys(properties).filter((key) => !known.has(key) && !isEnglishVariant(key, properties));
}

/**
 * The feature's attributes as labelled rows in the UI language, in the order the layer declares them (its own
 * document's first). An English variant (`fee_tier_note_en`) replaces its Chinese value in English.
 */
export function featureAttributes(
  properties: Properties,
  layer: Pick<LayerDefinition, "attributes">,
  language: Language,
  names: NameVocabulary,
): AttributeRow[] {
  const rows: AttributeRow[] = [];
  for (const attribute of layer.attributes ?? []) {
    if (!(attribute.key in properties)) continue;
    const english = properties[`${attribute.key}_en`];
    const prose = language === "en" && typeof english === "string" && english.trim() !== "";
    const value = prose ? english : formatted(properties[attribute.key], attribute, language, names);
    if (value === null || value.trim() === "") continue;
    const kind: AttributeValueKind = prose ? "prose" : attribute.format === "quote" ? "quote" : "words";
    rows.push({ key: attribute.key, label: word(attribute.label.zh, attribute.label.en, language), value, kind });
  }
  return rows;
}
