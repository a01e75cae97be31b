import type { Language, LocalizedText } from "./language";

/**
 * A parcel the input gave no name ("地块" in Chinese, "Parcel" in English) is named with this marker, so the word is
 * chosen where the name is shown, in the reader's language, also for a query saved in the other language. The marker
 * is plain text and readable should it ever be shown as it is; a name of its shape in a file is taken as the word.
 */
const MARKER = /^⟨parcel(?: (\d{1,6}))?⟩$/;
const WORD: LocalizedText = { zh: "地块", en: "Parcel" };

/** The marker for an unnamed parcel, numbered when the input held several. */
export function defaultParcelName(ordinal?: number): string {
  return ordinal === undefined ? "⟨parcel⟩" : `⟨parcel ${ordinal}⟩`;
}

/** The number of a default name (null for the unnumbered one), or undefined when the name is the input's own. */
export function defaultParcelOrdinal(name: string): number | null | undefined {
  const match = MARKER.exec(name);
  if (!match) return undefined;
  return match[1] === undefined ? null : Number(match[1]);
}

/** The name in both languages: a default name as the word ("地块2" / "Parcel 2"), any other name as it is. */
export function parcelNameText(name: string): LocalizedText {
  const ordinal = defaultParcelOrdinal(name);
  if (ordinal === undefined) return { zh: name, en: name };
  return ordinal === null ? WORD : { zh: `${WORD.zh}${ordinal}`, en: `${WORD.en} ${ordinal}` };
}

export function parcelName(name: string, language: Language): string {
  return parcelNameText(name)[language];
}
