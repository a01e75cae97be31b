/*
 * The URL hash as an ordered list of `key=value` parameters, percent-encoded, with the separators this app's values
 * use ("/", ":", ",") left readable. Pure: no `location` here.
 */

export type HashParameter = readonly [key: string, value: string];

export function decodeHashText(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

export function encodeHashText(text: string): string {
  return encodeURIComponent(text).replace(/%2F/gi, "/").replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

/** Every parameter in order; a pair that cannot be decoded is left out, a repeated key keeps its first value. */
export function parseHashParameters(hash: string): HashParameter[] {
  const body = hash.startsWith("#") ? hash.slice(1) : hash;
  const parameters: HashParameter[] = [];
  const seen = new Set<string>();
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const key = decodeHashText(equals < 0 ? pair : pair.slice(0, equals));
    const value = decodeHashText(equals < 0 ? "" : pair.slice(equals + 1));
    if (key === null || value === null || key === "" || seen.has(key)) continue;
    seen.add(key);
    parameters.push([key, value]);
  }
  return parameters;
}

/** "#a=1&b=2", or "" when there is nothing to carry. */
export function formatHashParameters(parameters: readonly HashParameter[]): string {
  if (parameters.length === 0) return "";
  return `#${parameters.map(([key, value]) => `${encodeHashText(key)}=${encodeHashText(value)}`).join("&")}`;
}
