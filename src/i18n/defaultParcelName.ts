import type { Language, LocalizedText } from "./language";

/**
 * A parcel the input gave no name ("地块" in Chinese, "Parcel" in English) is named with this marker, so the word is
 * chosen where the name is shown, in the reader's language, also for a query saved in the other language. The marker
 * is plain text and readable should it ever be shown as it is; a name of its shape in a file is taken as the word.
 */
const MARKER = /^⟨parcel(?: (\d{1,6}))?⟩$/;
const WORD: LocalizedText = { zh: "地块", en: "Parcel" };
/** A site drawn on the map, named by the time it was drawn (24-hour "14:05"), and a site opened from a link. */
const DRAWN_MARKER = /^⟨drawn (\d{2}:\d{2})⟩$/;
const LINKED_MARKER = "⟨link⟩";

/** The marker for an unnamed parcel, numbered when the input held several. */
export function defaultParcelName(ordinal?: number): string {
  return ordinal === undefined ? "⟨parcel⟩" : `⟨parcel ${ordinal}⟩`;
}

export function drawnParcelName(time: string): string {
  return `⟨drawn ${time}⟩`;
}

export function linkedParcelName(): string {
  return LINKED_MARKER;
}

/** The number of an unnamed parcel's name (null for the unnumbered one), or undefined for any other name. */
export function defaultParcelOrdinal(name: string): number | null | undefined {
  const match = MARKER.exec(name);
  if (!match) return undefined;
  return match[1] === undefined ? null : Number(match[1]);
}

/** True for a name the app made (unnamed, drawn, linked), which is shown in the reader's language. */
export function isMadeUpParcelName(name: string): boolean {
  return defaultParcelOrdinal(name) !== undefined || DRAWN_MARKER.test(name) || name === LINKED_MARKER;
}

/** The name in both languages: a made-up name in words ("地块2" / "Parcel 2"), any other name as it is. */
export function parcelNameText(name: string): LocalizedText {
  const drawn = DRAWN_MARKER.exec(name);
  if (drawn) return { zh: `绘制地块 ${drawn[1]}`, en: `Drawn site ${drawn[1]}` };
  if (name === LINKED_MARKER) return { zh: "链接中的地块", en: "Site from a link" };
  const ordinal = defaultParcelOrdinal(name);
  if (ordinal === undefined) return { zh: name, en: name };
  return ordinal === null ? WORD : { zh: `${WORD.zh}${ordinal}`, en: `${WORD.en} ${ordinal}` };
}

export function parcelName(name: string, language: Language): string {
  return parcelNameText(name)[language];
}
