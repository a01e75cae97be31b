import type { Language } from "./language";

export type MessageParams = Record<string, string | number>;

/** A table of UI strings: Chinese is the source, the English carries the same keys. */
export type MessageTable<Key extends string> = Record<Language, Record<Key, string>>;

/** Looks up a string in a table and fills its `{name}` placeholders, typed on that table's keys. */
export type Translator<Key extends string> = (language: Language, key: Key, params?: MessageParams) => string;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so it gets noticed. */
export function fillPlaceholders(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}

/**
 * The translator of one table. A table that loads with the part of the UI that needs it (the inspector, the memorial
 * finder, the combined print) is read through its own translator, so its keys are checked where they are used and
 * nothing has to be registered before the first lookup.
 */
export function messageTable<Key extends string>(table: MessageTable<Key>): Translator<Key> {
  return (language, key, params = {}) => fillPlaceholders(table[language][key], params);
}
