/** The result of checking data at the boundary: the typed value, or every problem found, each a specific sentence. */
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

export function invalid<T>(errors: string[]): Validation<T> {
  return { ok: false, errors };
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Accepts the colour forms a manifest author is likely to write and MapLibre parses: hex and rgb()/hsl() functions. */
export function isColor(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const text = value.trim();
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(text) || /^(?:rgba?|hsla?)\(\s*[-\d.%\s,/]+\)$/i.test(text);
}

/** Ids travel in the URL hash and in DOM attributes, so they keep to characters that need no escaping there. */
export function isSafeId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]+$/.test(value);
}

/** Caps a long error list so one systematically broken file does not flood the panel. */
export function summarizeErrors(errors: string[], limit = 8): string[] {
  if (errors.length <= limit) return errors;
  return [...errors.slice(0, limit), `… and ${errors.length - limit} more problems`];
}
