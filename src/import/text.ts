export type TextEncodingName = "utf-8" | "gbk" | "utf-16le" | "utf-16be";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes text files from Chinese Windows tools: a BOM wins; otherwise UTF-8 if the bytes are valid UTF-8,
 * else GBK (WHATWG's "gbk" decoder reads all of GB18030's two-byte range, a superset of GB2312/GBK).
 */
export function decodeText(data: ArrayBuffer | Uint8Array): DecodedText {
  const bytes = toBytes(data);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  if (isValidUtf8(bytes)) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  return { text: new TextDecoder("gbk").decode(bytes), encoding: "gbk" };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Reduces HTML (as in KML descriptions) to plain text without a DOM: tags dropped, entities decoded. */
export function htmlToText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  return value
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/<\s*br\s*\/?>|<\/\s*(p|div|tr|li|h\d)\s*>/gi, "\n")
    .replace(/<\/\s*t[dh]\s*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, body: string) => {
      if (body[0] === "#") {
        const codePoint = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(codePoint) && codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "";
      }
      return ENTITIES[body.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** Longest attribute text kept; longer values are cut (with "…"). */
const MAX_PROPERTY_LENGTH = 2000;
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Attributes as plain strings and finite numbers; HTML reduced to text, control characters removed. */
export function plainProperties(input: Record<string, unknown> | null | undefined, skipKeys: ReadonlySet<string> = new Set()): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  if (!input) return result;
  for (const [rawKey, value] of Object.entries(input)) {
    const key = htmlToText(rawKey).replace(/[\u0000-\u001f\u007f]/g, "").trim();
    if (!key || UNSAFE_KEYS.has(key) || skipKeys.has(key)) continue;
    let text: string | number | undefined;
    if (typeof value === "number") text = Number.isFinite(value) ? value : undefined;
    else if (typeof value === "string") text = htmlToText(value);
    else if (typeof value === "boolean") text = value ? "true" : "false";
    else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
    else if (value !== null && value !== undefined) text = htmlToText(JSON.stringify(value) ?? "");
    if (typeof text === "string") {
      text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
      if (text.length > MAX_PROPERTY_LENGTH) text = `${text.slice(0, MAX_PROPERTY_LENGTH)}…`;
      if (text === "") continue;
    }
    if (text !== undefined) result[key] = text;
  }
  return result;
}

const NAME_KEYS = ["名称", "地块名称", "项目名称", "宗地名称", "name", "Name", "NAME", "DKMC", "dkmc", "XMMC", "title", "地块编号", "编号", "宗地号", "DKBH", "dkbh", "id", "ID"];

export function pickName(properties: Record<string, string | number>, fallback: string): string {
  for (const key of NAME_KEYS) {
    const value = properties[key];
    if (value !== undefined && String(value).trim() !== "") return String(value).trim().slice(0, 200);
  }
  return fallback;
}

/** An area attribute whose unit the field name states (公顷/ha, 亩, 平方米/m²), in hectares. */
export function statedAreaFromProperties(properties: Record<string, string | number>): number | undefined {
  for (const [key, raw] of Object.entries(properties)) {
    const value = typeof raw === "number" ? raw : Number(String(raw).trim());
    if (!Number.isFinite(value) || value <= 0 || String(raw).trim() === "") continue;
    if (/公顷|hectare|(^|[_\s(（])ha([)）]|$)/i.test(key)) return value;
    if (/亩|(^|[_\s(（])mu([)）]|$)/i.test(key)) return value / 15;
    if (/平方米|㎡|m2|m²|sq_?m/i.test(key)) return value / 10_000;
  }
  return undefined;
}

export function fileBaseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}
