import { tooManyVerticesBeforeParsing } from "./prescan";
import { MAX_ATTRIBUTE_VALUES, MAX_VERTICES, type ImportMessage } from "./types";

const SHAPE_TYPES: Record<number, string> = {
  0: "Null",
  1: "Point",
  3: "PolyLine",
  5: "Polygon",
  8: "MultiPoint",
  11: "PointZ",
  13: "PolyLineZ",
  15: "PolygonZ",
  18: "MultiPointZ",
  21: "PointM",
  23: "PolyLineM",
  25: "PolygonM",
  28: "MultiPointM",
  31: "MultiPatch",
};
/** What shpjs reads (it takes the M types for their 2-D base type). */
const READABLE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);
const POINT_TYPES = new Set([1, 11, 21]);
const MULTIPOINT_TYPES = new Set([8, 18, 28]);
const Z_TYPES = new Set([11, 13, 15, 18]);

export type ShpStructure = { ok: true; shapeType: number; records: number; vertices: number } | { ok: false; error: ImportMessage };

function shpError(layer: string, zh: string, en: string, detail: Record<string, unknown> = {}): { ok: false; error: ImportMessage } {
  return {
    ok: false,
    error: { code: "invalid-shapefile", zh: `「${layer}.shp」${zh}`, en: `"${layer}.shp" ${en}`, detail: { layer, ...detail } },
  };
}

function shapeName(type: number): string {
  return SHAPE_TYPES[type] ?? `#${type}`;
}

/**
 * Walks the records of a .shp by their headers — shape type, content length, part and point counts — without
 * reading a coordinate, so that a truncated or damaged file gets a message naming the record, and a file over
 * MAX_VERTICES is refused before shpjs builds a million arrays. shpjs trusts these counts and would read past a
 * record's end or loop on a negative length.
 */
export function inspectShp(shp: Uint8Array, layer: string): ShpStructure {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.byteLength < 100) {
    return shpError(
      layer,
      `只有 ${shp.byteLength} 字节，不足 100 字节的文件头（文件被截断或不是 .shp）。`,
      `is only ${shp.byteLength} bytes, shorter than the 100-byte header: truncated, or not a .shp.`,
    );
  }
  if (view.getInt32(0) !== 9994) {
    return shpError(
      layer,
      "开头不是 Shapefile 的标识（9994），不是有效的 .shp 文件。",
      "does not start with the Shapefile signature (9994); it is not a valid .shp file.",
    );
  }
  const shapeType = view.getInt32(32, true);
  if (!READABLE_TYPES.has(shapeType)) {
    return shpError(
      layer,
      `的几何类型为 ${shapeName(shapeType)}，只支持点、线、面（含 Z/M 类型）。`,
      `has the shape type ${shapeName(shapeType)}; only points, lines and polygons (and their Z/M variants) are supported.`,
      { shapeType },
    );
  }
  const negativeCount = (record: number, count: number): { ok: false; error: ImportMessage } =>
    shpError(
      layer,
      `第 ${record} 条记录声明的点数或部分数为负数（${count}），文件已损坏。`,
      `record ${record} declares a negative number of parts or points (${count}); the file is damaged.`,
      { record },
    );
  let offset = 100;
  let records = 0;
  let vertices = 0;
  while (offset < shp.byteLength) {
    const record = records + 1;
    if (offset + 8 > shp.byteLength) {
      return shpError(layer, `在第 ${record} 条记录的头部被截断（第 ${offset} 字节）。`, `is truncated in the header of record ${record} (byte ${offset}).`, {
        record,
        byte: offset,
      });
    }
    const contentBytes = view.getInt32(offset + 4) * 2;
    const content = offset + 8;
    if (contentBytes < 0 || (contentBytes > 0 && contentBytes < 4)) {
      return shpError(
        layer,
        `第 ${record} 条记录的长度（${contentBytes} 字节）无效，文件已损坏。`,
        `record ${record} has an invalid length (${contentBytes} bytes); the file is damaged.`,
        { record },
      );
    }
    if (content + contentBytes > shp.byteLength) {
      return shpError(
        layer,
        `在第 ${record} 条记录处被截断：记录需要 ${contentBytes} 字节，文件只剩 ${shp.byteLength - content} 字节（可能下载或复制不完整）。`,
        `is truncated at record ${record}: it needs ${contentBytes} bytes, only ${shp.byteLength - content} are left (an incomplete download or copy?).`,
        { record, byte: offset },
      );
    }
    const type = contentBytes === 0 ? 0 : view.getInt32(content, true);
    const need = (bytes: number): { ok: false; error: ImportMessage } | null =>
      bytes > contentBytes
        ? shpError(
            layer,
            `第 ${record} 条记录声明的点数或部分数需要 ${bytes} 字节，而记录只有 ${contentBytes} 字节，文件已损坏。`,
            `record ${record} declares parts or points needing ${bytes} bytes, but the record has only ${contentBytes}; the file is damaged.`,
            { record },
          )
        : null;
    if (type !== 0) {
      if (type !== shapeType) {
        return shpError(
          layer,
          `第 ${record} 条记录的几何类型为 ${shapeName(type)}，与文件头声明的 ${shapeName(shapeType)} 不一致，文件已损坏。`,
          `record ${record} has the shape type ${shapeName(type)}, not the ${shapeName(shapeType)} the header declares; the file is damaged.`,
          { record, shapeType: type },
        );
      }
      if (POINT_TYPES.has(type)) {
        const problem = need(Z_TYPES.has(type) ? 28 : 20);
        if (problem) return problem;
        vertices += 1;
      } else if (MULTIPOINT_TYPES.has(type)) {
        const problem = need(40);
        if (problem) return problem;
        const points = view.getInt32(content + 36, true);
        if (points < 0) return negativeCount(record, points);
        const tooMany = need(40 + 16 * points + (Z_TYPES.has(type) ? 16 + 8 * points : 0));
        if (tooMany) return tooMany;
        vertices += points;
      } else {
        const header = need(44);
        if (header) return header;
        const parts = view.getInt32(content + 36, true);
        const points = view.getInt32(content + 40, true);
        if (parts < 0 || points < 0) return negativeCount(record, Math.min(parts, points));
        const size = need(44 + 4 * parts + 16 * points + (Z_TYPES.has(type) ? 16 + 8 * points : 0));
        if (size) return size;
        let previous = 0;
        for (let part = 0; part < parts; part++) {
          const start = view.getInt32(content + 44 + 4 * part, true);
          if ((part === 0 && start !== 0) || start < previous || start > points) {
            return shpError(
              layer,
              `第 ${record} 条记录的第 ${part + 1} 部分起点（${start}）无效，文件已损坏。`,
              `record ${record}: part ${part + 1} starts at point ${start}, which is invalid; the file is damaged.`,
              { record, part },
            );
          }
          previous = start;
        }
        vertices += points;
      }
      if (vertices > MAX_VERTICES)
        return { ok: false, error: tooManyVerticesBeforeParsing(vertices, { zh: "点（按 .shp 记录头统计）", en: "vertices (by the .shp record headers)" }) };
    }
    records++;
    offset = content + contentBytes;
  }
  return { ok: true, shapeType, records, vertices };
}

export type DbfStructure = { ok: true; records: number; fields: number } | { ok: false; error: ImportMessage };

function dbfError(layer: string, zh: string, en: string, detail: Record<string, unknown> = {}): { ok: false; error: ImportMessage } {
  return { ok: false, error: { code: "invalid-dbf", zh: `「${layer}.dbf」${zh}`, en: `"${layer}.dbf" ${en}`, detail: { layer, ...detail } } };
}

/**
 * Checks a .dbf header against the file before the attribute reader runs: that reader trusts the record count
 * (up to 4 billion) and would loop over records that are not there.
 */
export function inspectDbf(dbf: Uint8Array, layer: string, shapes: number): DbfStructure {
  if (dbf.byteLength < 32) {
    return dbfError(
      layer,
      `只有 ${dbf.byteLength} 字节，不足 32 字节的文件头（文件被截断）。`,
      `is only ${dbf.byteLength} bytes, shorter than its 32-byte header (truncated).`,
    );
  }
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > dbf.byteLength) {
    return dbfError(
      layer,
      `的文件头长度（${headerLength} 字节）无效，文件已损坏或被截断。`,
      `declares a header of ${headerLength} bytes, which is invalid: the file is damaged or truncated.`,
      { headerLength },
    );
  }
  let fields = 0;
  let fieldBytes = 1;
  for (let offset = 32; offset + 32 <= headerLength - 1 && dbf[offset] !== 0x0d; offset += 32) {
    fields++;
    fieldBytes += dbf[offset + 16]!;
  }
  if (records > 0 && fieldBytes > recordLength) {
    return dbfError(
      layer,
      `的字段共需 ${fieldBytes} 字节，超过声明的记录长度 ${recordLength} 字节，文件已损坏。`,
      `has fields needing ${fieldBytes} bytes, more than its declared record length of ${recordLength}; the file is damaged.`,
      { fieldBytes, recordLength },
    );
  }
  if (headerLength + records * recordLength > dbf.byteLength) {
    return dbfError(
      layer,
      `声明有 ${records} 条记录（每条 ${recordLength} 字节），但文件只有 ${dbf.byteLength} 字节：文件被截断或已损坏。`,
      `declares ${records} records of ${recordLength} bytes, but the file has only ${dbf.byteLength} bytes: it is truncated or damaged.`,
      { records, recordLength, bytes: dbf.byteLength },
    );
  }
  const read = Math.min(records, shapes);
  if (read * fields > MAX_ATTRIBUTE_VALUES) {
    return {
      ok: false,
      error: {
        code: "too-many-attributes",
        zh: `「${layer}.dbf」有 ${read} 条记录 × ${fields} 个字段 = ${read * fields} 个属性值，超过上限 ${MAX_ATTRIBUTE_VALUES}。请删去不需要的字段，或只导出要核查的地块。`,
        en: `"${layer}.dbf" has ${read} records × ${fields} fields = ${read * fields} attribute values, more than the limit of ${MAX_ATTRIBUTE_VALUES}. Delete unneeded fields or export only the parcels to check.`,
        detail: { layer, records: read, fields, limit: MAX_ATTRIBUTE_VALUES },
      },
    };
  }
  return { ok: true, records, fields };
}

/** A copy of the .dbf whose header counts no more records than there are shapes: the rest would be discarded. */
export function dbfLimitedTo(dbf: Uint8Array, records: number): Uint8Array {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (view.getUint32(4, true) <= records) return dbf;
  const copy = dbf.slice();
  new DataView(copy.buffer).setUint32(4, records, true);
  return copy;
}
