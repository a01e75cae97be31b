/** 0 where GBK has no byte sequence for a UTF-16 code unit; otherwise the one or two bytes as (lead << 8) | trail. */
let encodeTable: Uint16Array | null = null;

/**
 * Builds the encode table by decoding every two-byte GBK sequence once with the platform's own decoder (browsers and
 * Node with full ICU have one), so no 100 KB table ships with the app. The first sequence that decodes to a
 * character wins, as in the WHATWG GBK encoder.
 */
function gbkEncodeTable(): Uint16Array {
  if (encodeTable) return encodeTable;
  const table = new Uint16Array(0x10000);
  const decoder = new TextDecoder("gbk");
  // Each pair is followed by a line feed, so an undecodable pair (one U+FFFD, or U+FFFD and its ASCII trail byte)
  // stays in its own line and the lines line up with the pairs.
  const pairs: number[] = [];
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pairs.push((lead << 8) | trail);
      bytes.push(lead, trail, 0x0a);
    }
  }
  const lines = decoder.decode(new Uint8Array(bytes)).split("\n");
  pairs.forEach((pair, index) => {
    const line = lines[index]!;
    if (line.length !== 1 || line === "\uFFFD") return;
    const unit = line.charCodeAt(0);
    if (table[unit] === 0) table[unit] = pair;
  });
  for (let ascii = 1; ascii < 0x80; ascii++) table[ascii] = ascii;
  // Windows' code page 936 writes the euro sign as one byte, 0x80, as the WHATWG GBK encoder does.
  table[0x20ac] = 0x80;
  encodeTable = table;
  return table;
}

/**
 * The marks our own texts use that GBK lacks, written as the nearest GBK character instead of "?" (status marks,
 * m²): a Chinese spreadsheet reads "√ 未涉及" and "m2" as meant. Not counted as replaced.
 */
const NEAREST: Record<string, string> = { "✔": "√", "✖": "×", "⚠": "!", ℹ: "i", "²": "2", "³": "3" };

export interface GbkEncoded {
  bytes: Uint8Array;
  /** Characters GBK has no code for, each written as "?". */
  replaced: number;
}

/** Text as GBK (code page 936) bytes; a character GBK lacks becomes "?" and is counted. */
export function encodeGbk(text: string): GbkEncoded {
  const table = gbkEncodeTable();
  const bytes = new Uint8Array(text.length * 2);
  let length = 0;
  let replaced = 0;
  for (let index = 0; index < text.length; index++) {
    let unit = text.charCodeAt(index);
    let code = unit === 0 ? 0 : table[unit]!;
    const nearest = code === 0 ? NEAREST[text[index]!] : undefined;
    if (nearest !== undefined) {
      unit = nearest.charCodeAt(0);
      code = table[unit]!;
    }
    if (unit !== 0 && code === 0) {
      // A surrogate pair is one character outside the BMP: one "?" for both halves.
      if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) index++;
      }
      bytes[length++] = 0x3f;
      replaced++;
    } else if (code < 0x100) {
      bytes[length++] = code;
    } else {
      bytes[length++] = code >> 8;
      bytes[length++] = code & 0xff;
    }
  }
  return { bytes: bytes.slice(0, length), replaced };
}
