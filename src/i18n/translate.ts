import type { LocalizedText } from "./language";
import { MESSAGES, type Language, type MessageKey } from "./messages";
import { messageTable, type Translator } from "./messageTable";

export type { MessageParams } from "./messageTable";

/** Looks up a string of the first screen's tables and fills its `{name}` placeholders. */
export const translate: Translator<MessageKey> = messageTable(MESSAGES);

/** Manifest text in the chosen language, falling back to Chinese when the English is blank. */
export function localized(text: LocalizedText, language: Language): string {
  return language === "en" && text.en.trim() !== "" ? text.en : text.zh;
}
