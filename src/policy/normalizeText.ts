/**
 * Full-width ASCII → half-width, whitespace removed, lower case: so "２１０ 元" finds "210元" and a name typed with
 * other spacing or width still matches. Its own module so callers need not load the search index code.
 */
export function normalizeForSearch(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toLowerCase();
}
