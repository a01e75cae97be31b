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

/** Longest text htmlToText reads; a longer value is cut first, so hostile input costs linear time at most. */
const MAX_HTML_LENGTH = 100_000;

/** Tags that end a line of text, and table cells, which end with a space. */
const LINE_BREAKING_TAGS = new Set(["br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6"]);

/**
 * Reduces HTML (as in KML descriptions) to plain text without a DOM: tags, comments, scripts and styles dropped,
 * entities decoded. A single pass with indexOf, no backtracking regular expressions: hostile text such as
 * `<<<<…` or `<script<script…` costs linear time. A `<` that cannot start a tag (`a < b`) is kept, as in HTML.
 */
export function htmlToText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  const html = value.length > MAX_HTML_LENGTH ? value.slice(0, MAX_HTML_LENGTH) : value;
  let text = "";
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf("<", index);
    if (open < 0) {
      text += html.slice(index);
      break;
    }
    text += html.slice(index, open);
    const next = html.charCodeAt(open + 1);
    const isLetter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    if (html.startsWith("<![CDATA[", open)) {
      const end = html.indexOf("]]>", open + 9);
      text += html.slice(open + 9, end < 0 ? html.length : end);
      index = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith("<!--", open)) {
      const end = html.indexOf("-->", open + 4);
      index = end < 0 ? html.length : end + 3;
      continue;
    }
    if (!isLetter && next !== 47 /* / */ && next !== 33 /* ! */ && next !== 63 /* ? */) {
      text += "<";
      index = open + 1;
      continue;
    }
    const close = html.indexOf(">", open + 1);
    if (close < 0) {
      text += html.slice(open);
      break;
    }
    const tag = /^<\s*(\/?)\s*([a-z][a-z0-9]*)/i.exec(html.slice(open, Math.min(close, open + 40)));
    const closing = tag?.[1] === "/";
    const name = tag?.[2]?.toLowerCase() ?? "";
    index = close + 1;
    if (!closing && (name === "script" || name === "style")) {
      const closer = new RegExp(`</${name}`, "gi");
      closer.lastIndex = index;
      const end = closer.exec(html)?.index ?? -1;
      const endClose = end < 0 ? -1 : html.indexOf(">", end);
      index = endClose < 0 ? html.length : endClose + 1;
      text += " ";
    } else if (name === "br" || (closing && LINE_BREAKING_TAGS.has(name))) text += "\n";
    else if (closing && (name === "td" || name === "th")) text += " ";
  }
  return text
    .replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,10});/gi, (entity: string, body: string) => {
      if (body[0] === "#") {
        const codePoint = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(codePoint) && codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "";
      }
      return ENTITIES[body.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Longest attribute text kept; longer values are cut (with "…"). */
const MAX_PROPERTY_LENGTH = 2000;
/** Longest attribute name kept. */
const MAX_KEY_LENGTH = 200;
/** Most attributes kept per feature. */
const MAX_PROPERTIES = 500;
/** Nested values are written as JSON text down to this depth, with at most this many members per level. */
const NESTED_DEPTH = 8;
const NESTED_MEMBERS = 100;
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** JSON text of a nested value, bounded in depth and width, so a 100 000-level array cannot overflow the stack. */
export function boundedJsonText(value: unknown, depth = 0): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
    return typeof value === "string" || typeof value === "boolean" ? JSON.stringify(value) : "null";
  }
  if (value instanceof Date) return JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString());
  const isArray = Array.isArray(value);
  if (depth >= NESTED_DEPTH) return isArray ? "[…]" : "{…}";
  const members: string[] = [];
  let count = 0;
  if (isArray) {
    for (const item of value as unknown[]) {
      if (count++ === NESTED_MEMBERS) {
        members.push('"…"');
        break;
      }
      members.push(boundedJsonText(item, depth + 1));
    }
    return `[${members.join(",")}]`;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (count++ === NESTED_MEMBERS) {
      members.push('"…":"…"');
      break;
    }
    members.push(`${JSON.stringify(key.slice(0, MAX_KEY_LENGTH))}:${boundedJsonText((value as Record<string, unknown>)[key], depth + 1)}`);
  }
  return `{${members.join(",")}}`;
}

/** Control characters other than tab and line breaks: invisible, and able to confuse a terminal or a log. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Attributes as plain strings and finite numbers, without unsafe keys or control characters. Text is kept as
 * written — markup in it stays inert text — except under `htmlKeys` (a KML description), which is HTML by
 * definition and is reduced to its text. Nested values become bounded JSON text; booleans "true"/"false".
 */
export function plainProperties(
  input: Record<string, unknown> | null | undefined,
  skipKeys: ReadonlySet<string> = new Set(),
  htmlKeys: ReadonlySet<string> = new Set(),
): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  if (!input || typeof input !== "object") return result;
  let count = 0;
  for (const rawKey in input) {
    if (!Object.hasOwn(input, rawKey)) continue;
    if (count++ >= MAX_PROPERTIES) break;
    const value = input[rawKey];
    const key = rawKey
      .slice(0, MAX_KEY_LENGTH)
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim();
    if (!key || UNSAFE_KEYS.has(key) || skipKeys.has(key)) continue;
    let text: string | number | undefined;
    if (typeof value === "number") text = Number.isFinite(value) ? value : undefined;
    else if (typeof value === "string") text = htmlKeys.has(key) ? htmlToText(value) : value.slice(0, MAX_PROPERTY_LENGTH * 2);
    else if (typeof value === "boolean") text = value ? "true" : "false";
    else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
    else if (value !== null && value !== undefined) text = boundedJsonText(value);
    if (typeof text === "string") {
      text = text.replace(CONTROL_CHARACTERS, "").trim();
      if (text.length > MAX_PROPERTY_LENGTH) text = `${text.slice(0, MAX_PROPERTY_LENGTH)}…`;
      if (text === "") continue;
    }
    if (text !== undefined) result[key] = text;
  }
  return result;
}

/** User text quoted in a message: control characters dropped, cut to `length` characters. */
export function clip(text: string, length = 80): string {
  const clean = text.slice(0, length * 2).replace(/[\u0000-\u001f\u007f]/g, " ");
  return clean.length > length ? `${clean.slice(0, length)}…` : clean;
}

const NAME_KEYS = [
  "名称",
  "地块名称",
  "项目名称",
  "宗地名称",
  "name",
  "Name",
  "NAME",
  "DKMC",
  "dkmc",
  "XMMC",
  "title",
  "地块编号",
  "编号",
  "宗地号",
  "DKBH",
  "dkbh",
  "id",
  "ID",
];

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
