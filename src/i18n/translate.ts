import type { LocalizedText } from "./language";
import { MESSAGES, type Language, type MessageKey } from "./messages";

export type MessageParams = Record<string, string | number>;

/** Looks up a UI string and fills its `{name}` placeholders; an unknown placeholder stays visible so it gets noticed. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}

/** Manifest text in the chosen language, falling back to Chinese when the English is blank. */
export function localized(text: LocalizedText, language: Language): string {
  return language === "en" && text.en.trim() !== "" ? text.en : text.zh;
}
