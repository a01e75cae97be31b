import type { LocalizedText } from "../i18n/language";
import { LANGUAGE_TAGS, type Language } from "../i18n/messages";
import { localized } from "../i18n/translate";
import { h, type Attributes, type Child } from "./dom";

/** A run of Chinese: Han characters with the full-width punctuation between them (“四至”, 13号, （一）). */
const CHINESE_RUN = /[\p{Script=Han}\u3000-\u303f\uff08\uff09\u201c\u201d]*\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff08\uff09\u201c\u201d]*/gu;

/**
 * English prose from the data package, with each Chinese term it names (a document number, 四至, a place) marked as
 * Chinese, so screen readers switch voice and the English-mode tests can tell a named term from untranslated text.
 */
export function markChineseTerms(text: string): Child[] {
  const parts: Child[] = [];
  let from = 0;
  for (const match of text.matchAll(CHINESE_RUN)) {
    const at = match.index ?? 0;
    if (at > from) parts.push(text.slice(from, at));
    parts.push(h("span", { lang: LANGUAGE_TAGS.zh, "data-chinese-term": "" }, match[0]));
    from = at + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/**
 * An element holding data-package text in the reader's language: in English, prose (`data-prose`) with the Chinese
 * terms it names marked; in Chinese, the text as it is.
 */
export function localizedProse<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Attributes,
  text: LocalizedText,
  language: Language,
): HTMLElementTagNameMap[Tag] {
  const value = localized(text, language);
  return language === "en" && namesChineseTerms(value) ? h(tag, { ...attributes, "data-prose": "" }, markChineseTerms(value)) : h(tag, attributes, value);
}

/** Whether English text names Chinese terms (and so is rendered with markChineseTerms). */
export function namesChineseTerms(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
