import { toHectares, toMu } from "../geo/measure";

export type FormatLanguage = "zh" | "en";

const LOCALES: Record<FormatLanguage, string> = { zh: "zh-CN", en: "en" };

/** A number with grouping and fixed decimals, in the language's conventions. */
export function formatNumber(value: number, decimals: number, language: FormatLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

export interface AreaTexts {
  squareMetres: string;
  hectares: string;
  mu: string;
}

/** One area three ways: m² to the centimetre-square the bureau writes (2 decimals), 公顷 to 4, 亩 to 2. */
export function areaTexts(squareMetres: number, language: FormatLanguage): AreaTexts {
  return {
    squareMetres: `${formatNumber(squareMetres, 2, language)} m²`,
    hectares: `${formatNumber(toHectares(squareMetres), 4, language)} ${language === "zh" ? "公顷" : "ha"}`,
    mu: `${formatNumber(toMu(squareMetres), 2, language)} ${language === "zh" ? "亩" : "mu"}`,
  };
}

export function areaText(squareMetres: number, language: FormatLanguage): string {
  const texts = areaTexts(squareMetres, language);
  return `${texts.squareMetres} · ${texts.hectares} · ${texts.mu}`;
}

export function distanceText(metres: number, language: FormatLanguage): string {
  return metres >= 1000 ? `${formatNumber(metres / 1000, 2, language)} km` : `${formatNumber(metres, 0, language)} m`;
}

export function percentText(share: number, language: FormatLanguage): string {
  return `${formatNumber(share * 100, 1, language)}%`;
}

export function yuanText(amount: number, language: FormatLanguage): string {
  return language === "zh" ? `${formatNumber(amount, 2, language)} 元` : `¥${formatNumber(amount, 2, language)}`;
}
