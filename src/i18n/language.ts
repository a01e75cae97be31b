/** The interface languages: Chinese first, with a full English toggle. */
export type Language = "zh" | "en";

export const LANGUAGES: readonly Language[] = ["zh", "en"];

/** A text in both interface languages, as the data package and the policy corpus carry it. */
export type LocalizedText = { zh: string; en: string };

export function isLanguage(value: unknown): value is Language {
  return value === "zh" || value === "en";
}
