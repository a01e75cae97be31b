import { deflateRawSync } from "node:zlib";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let index = 0; index < 256; index++) {
    let value = index;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    table[index] = value >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.byteLength;
  }
  return result;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

let gbkTable: Map<string, [number, number]> | undefined;

/** GBK bytes for Chinese text, from the inverse of the WHATWG "gbk" decoder (Node has no GBK encoder). */
export function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const character = decoder.decode(new Uint8Array([lead, trail]));
        if (character.length === 1 && character !== "\ufffd" && !gbkTable.has(character)) gbkTable.set(character, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(character) ?? [0x3f]));
  }
  return Uint8Array.from(bytes);
}

export function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(bytes.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let index = 0; index < text.length; index++) view.setUint16((bom ? 2 : 0) + index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

export interface ZipEntrySpec {
  name: string | Uint8Array;
  data: Uint8Array;
  /** 0 stored, 8 deflated (default); the method number written can be overridden with `methodId`. */
  method?: 0 | 8;
  methodId?: number;
  /** The uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
  encrypted?: boolean;
  /** Declare the sizes through a ZIP64 extra field, with this uncompressed size. */
  zip64Size?: number;
  /** Already deflated bytes to store as the entry's data (for bombs built once). */
  compressed?: Uint8Array;
}

/** A zip written by hand, so that tests can make it lie: sizes, methods, flags, names without the UTF-8 flag. */
export function writeZip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === "string" ? utf8(entry.name) : entry.name;
    const utf8Flag = typeof entry.name === "string" && /[^\x00-\x7f]/.test(entry.name);
    const method = entry.method ?? 8;
    const body = entry.compressed ?? (method === 8 ? new Uint8Array(deflateRawSync(entry.data)) : entry.data);
    const size = entry.declaredSize ?? entry.data.byteLength;
    const crc = crc32(entry.data);
    const flags = (utf8Flag ? 0x800 : 0) | (entry.encrypted ? 1 : 0);
    const extra = entry.zip64Size === undefined ? new Uint8Array(0) : new Uint8Array(20);
    if (entry.zip64Size !== undefined) {
      const view = new DataView(extra.buffer);
      view.setUint16(0, 0x0001, true);
      view.setUint16(2, 16, true);
      view.setBigUint64(4, BigInt(entry.zip64Size), true);
      view.setBigUint64(12, BigInt(body.byteLength), true);
    }
    const sizeField = entry.zip64Size === undefined ? size : 0xffffffff;
    const compressedField = entry.zip64Size === undefined ? body.byteLength : 0xffffffff;

    const local = new Uint8Array(30 + name.byteLength + extra.byteLength);
    const localView = new DataView(local.buffer);
    localView.setUint32(0, 0x04034b50, true);
    localView.setUint16(4, 20, true);
    localView.setUint16(6, flags, true);
    localView.setUint16(8, entry.methodId ?? method, true);
    localView.setUint32(14, crc, true);
    localView.setUint32(18, compressedField, true);
    localView.setUint32(22, sizeField, true);
    localView.setUint16(26, name.byteLength, true);
    localView.setUint16(28, extra.byteLength, true);
    local.set(name, 30);
    local.set(extra, 30 + name.byteLength);

    const central = new Uint8Array(46 + name.byteLength + extra.byteLength);
    const centralView = new DataView(central.buffer);
    centralView.setUint32(0, 0x02014b50, true);
    centralView.setUint16(4, 20, true);
    centralView.setUint16(6, 20, true);
    centralView.setUint16(8, flags, true);
    centralView.setUint16(10, entry.methodId ?? method, true);
    centralView.setUint32(16, crc, true);
    centralView.setUint32(20, compressedField, true);
    centralView.setUint32(24, sizeField, true);
    centralView.setUint16(28, name.byteLength, true);
    centralView.setUint16(30, extra.byteLength, true);
    centralView.setUint32(42, offset, true);
    central.set(name, 46);
    central.set(extra, 46 + name.byteLength);

    locals.push(local, body);
    centrals.push(central);
    offset += local.byteLength + body.byteLength;
  }
  const directory = concatBytes(centrals);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, Math.min(entries.length, 0xffff), true);
  endView.setUint16(10, Math.min(entries.length, 0xffff), true);
  endView.setUint32(12, directory.byteLength, true);
  endView.setUint32(16, offset, true);
  return concatBytes([...locals, directory, end]);
}

export type ShpPart = [number, number][];

/** A .shp of one shape type; each record is a list of parts (rings or lines) or, for points, one part of one point. */
export function writeShp(shapeType: number, records: readonly (readonly ShpPart[] | null)[]): Uint8Array {
  const bodies: Uint8Array[] = [];
  const base = shapeType % 10;
  const hasZ = shapeType >= 11 && shapeType <= 18;
  for (const [index, record] of records.entries()) {
    let content: Uint8Array;
    if (record === null) {
      content = new Uint8Array(4);
    } else if (base === 1) {
      const point = record[0]![0]!;
      content = new Uint8Array(hasZ ? 36 : 20);
      const view = new DataView(content.buffer);
      view.setInt32(0, shapeType, true);
      view.setFloat64(4, point[0], true);
      view.setFloat64(12, point[1], true);
    } else {
      const points = record.flat();
      const partCount = base === 8 ? 0 : record.length;
      const headerBytes = base === 8 ? 40 : 44 + 4 * partCount;
      const zBytes = hasZ ? 16 + 8 * points.length : 0;
      content = new Uint8Array(headerBytes + 16 * points.length + zBytes);
      const view = new DataView(content.buffer);
      view.setInt32(0, shapeType, true);
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of points) {
        box[0] = Math.min(box[0]!, x);
        box[1] = Math.min(box[1]!, y);
        box[2] = Math.max(box[2]!, x);
        box[3] = Math.max(box[3]!, y);
      }
      box.forEach((value, at) => view.setFloat64(4 + 8 * at, value, true));
      if (base === 8) view.setInt32(36, points.length, true);
      else {
        view.setInt32(36, partCount, true);
        view.setInt32(40, points.length, true);
        let start = 0;
        record.forEach((part, at) => {
          view.setInt32(44 + 4 * at, start, true);
          start += part.length;
        });
      }
      points.forEach((point, at) => {
        view.setFloat64(headerBytes + 16 * at, point[0], true);
        view.setFloat64(headerBytes + 16 * at + 8, point[1], true);
      });
    }
    const header = new Uint8Array(8);
    const headerView = new DataView(header.buffer);
    headerView.setInt32(0, index + 1);
    headerView.setInt32(4, content.byteLength / 2);
    bodies.push(header, content);
  }
  const fileHeader = new Uint8Array(100);
  const view = new DataView(fileHeader.buffer);
  const body = concatBytes(bodies);
  view.setInt32(0, 9994);
  view.setInt32(24, (100 + body.byteLength) / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  return concatBytes([fileHeader, body]);
}

export interface DbfField {
  name: Uint8Array;
  type: "C" | "N" | "L" | "D";
  length: number;
}

/** A dBASE III table; cell bytes are given already encoded and are padded or cut to the field length. */
export function writeDbf(fields: readonly DbfField[], rows: readonly (readonly Uint8Array[])[], languageDriver = 0): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = languageDriver;
  fields.forEach((field, index) => {
    const at = 32 + 32 * index;
    bytes.set(field.name.subarray(0, 10), at);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
  });
  bytes[headerLength - 1] = 0x0d;
  rows.forEach((row, rowIndex) => {
    let at = headerLength + rowIndex * recordLength;
    bytes[at++] = 0x20;
    fields.forEach((field, index) => {
      const cell = new Uint8Array(field.length).fill(0x20);
      cell.set((row[index] ?? new Uint8Array(0)).subarray(0, field.length));
      bytes.set(cell, at);
      at += field.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}
