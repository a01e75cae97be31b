import type { FindingReason, ReasonParam } from "../../check/types";
import type { Language } from "../../i18n/messages";
import { localized, translate } from "../../i18n/translate";
import { areaTexts, distanceText, formatNumber, percentText, yuanText } from "../../parcel/format";
import type { ReportText } from "./reportModel";

/** Names the way each language lists them: 龙岗街道、棠香街道 / Longgang Subdistrict, Tangxiang Subdistrict. */
function nameList(names: string[], language: Language): string {
  return names.join(language === "zh" ? "、" : ", ");
}

function paramText(param: ReasonParam, language: Language): string | number {
  if (typeof param === "string" || typeof param === "number") return param;
  if ("distanceMetres" in param) return distanceText(param.distanceMetres, language);
  if ("share" in param) return percentText(param.share, language);
  if ("names" in param)
    return nameList(
      param.names.map((name) => localized(name, language)),
      language,
    );
  return areaTexts(param.squareMetres, language).squareMetres;
}

/** A coded message from the check in the reader's language, its figures formatted the way the report writes them. */
export function reasonText(reason: FindingReason, language: Language): string {
  const params = Object.fromEntries(Object.entries(reason.params).map(([key, value]) => [key, paramText(value, language)]));
  return translate(language, reason.code, params);
}

/** Any text of the report model in the reader's language. */
export function renderText(text: ReportText, language: Language): string {
  if ("message" in text) {
    const params = Object.fromEntries(Object.entries(text.params ?? {}).map(([key, value]) => [key, renderText(value, language)]));
    return translate(language, text.message, params);
  }
  if ("reason" in text) return reasonText(text.reason, language);
  if ("plain" in text) return text.plain;
  if ("documentNumber" in text) return text.documentNumber;
  if ("quoted" in text) return language === "en" && text.en ? `${text.en} (${text.quoted})` : text.quoted;
  if ("localized" in text) return localized(text.localized, language);
  if ("squareMetres" in text) {
    const areas = areaTexts(text.squareMetres, language);
    switch (text.unit ?? "m2") {
      case "m2":
        return areas.squareMetres;
      case "ha":
        return areas.hectares;
      case "mu":
        return areas.mu;
      case "all":
        return `${areas.squareMetres} / ${areas.hectares} / ${areas.mu}`;
    }
  }
  if ("distanceMetres" in text) return distanceText(text.distanceMetres, language);
  if ("share" in text) return percentText(text.share, language);
  if ("number" in text) return formatNumber(text.number, text.decimals, language);
  if ("yuan" in text) return yuanText(text.yuan, language);
  if ("date" in text) return new Date(text.date).toLocaleString(language === "zh" ? "zh-CN" : "en-GB");
  const parts = text.join.map((part) => renderText(part, language)).filter((part) => part !== "");
  if (text.separator === "names") return nameList(parts, language);
  const separator = text.separator === "line" ? "\n" : text.separator === "space" ? " " : language === "zh" ? "；" : "; ";
  return parts.join(separator);
}
