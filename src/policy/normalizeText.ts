/**
 * Full-width ASCII → half-width, whitespace and punctuation removed, lower case: so "２１０ 元" finds "210元",
 * "智凤街道城市建设用地" finds "智凤街道（城市建设用地范围内）", and a name typed with other spacing, width or
 * brackets still matches. Its own module so callers need not load the search index code.
 */
export function normalizeForSearch(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/[\s\p{P}]+/gu, "")
    .toLowerCase();
}
