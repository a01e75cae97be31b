import type { DbfProblem, ShpProblem } from "../i18n/messages.importFiles";
import { tooManyVerticesBeforeParsing } from "./prescan";
import { MAX_ATTRIBUTE_VALUES, MAX_VERTICES, type ImportMessage } from "./types";
import { importMessage } from "./messages";

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

function shpError(layer: string, problem: ShpProblem, detail: Record<string, unknown> = {}): { ok: false; error: ImportMessage } {
  return { ok: false, error: importMessage("invalid-shapefile", { layer, problem }, { layer, ...detail }) };
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
    return shpError(layer, { type: "short-header", bytes: shp.byteLength });
  }
  if (view.getInt32(0) !== 9994) {
    return shpError(layer, { type: "no-signature" });
  }
  const shapeType = view.getInt32(32, true);
  if (!READABLE_TYPES.has(shapeType)) {
    return shpError(layer, { type: "shape-type", shapeType: shapeName(shapeType) }, { shapeType });
  }
  const negativeCount = (record: number, count: number): { ok: false; error: ImportMessage } =>
    shpError(layer, { type: "negative-count", record, count }, { record });
  let offset = 100;
  let records = 0;
  let vertices = 0;
  while (offset < shp.byteLength) {
    const record = records + 1;
    if (offset + 8 > shp.byteLength) {
      return shpError(layer, { type: "truncated-header", record, byte: offset }, { record, byte: offset });
    }
    const contentBytes = view.getInt32(offset + 4) * 2;
    const content = offset + 8;
    if (contentBytes < 0 || (contentBytes > 0 && contentBytes < 4)) {
      return shpError(layer, { type: "invalid-length", record, bytes: contentBytes }, { record });
    }
    if (content + contentBytes > shp.byteLength) {
      return shpError(layer, { type: "truncated-record", record, needs: contentBytes, left: shp.byteLength - content }, { record, byte: offset });
    }
    const type = contentBytes === 0 ? 0 : view.getInt32(content, true);
    const need = (bytes: number): { ok: false; error: ImportMessage } | null =>
      bytes > contentBytes ? shpError(layer, { type: "record-too-short", record, needs: bytes, has: contentBytes }, { record }) : null;
    if (type !== 0) {
      if (type !== shapeType) {
        return shpError(layer, { type: "type-mismatch", record, shapeType: shapeName(type), headerType: shapeName(shapeType) }, { record, shapeType: type });
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
            return shpError(layer, { type: "invalid-part-start", record, part: part + 1, start }, { record, part });
          }
          previous = start;
        }
        vertices += points;
      }
      if (vertices > MAX_VERTICES) return { ok: false, error: tooManyVerticesBeforeParsing(vertices, "shp-headers") };
    }
    records++;
    offset = content + contentBytes;
  }
  return { ok: true, shapeType, records, vertices };
}

export type DbfStructure = { ok: true; records: number; fields: number } | { ok: false; error: ImportMessage };

function dbfError(layer: string, problem: DbfProblem, detail: Record<string, unknown> = {}): { ok: false; error: ImportMessage } {
  return { ok: false, error: importMessage("invalid-dbf", { layer, problem }, { layer, ...detail }) };
}

/**
 * Checks a .dbf header against the file before the attribute reader runs: that reader trusts the record count
 * (up to 4 billion) and would loop over records that are not there.
 */
export function inspectDbf(dbf: Uint8Array, layer: string, shapes: number): DbfStructure {
  if (dbf.byteLength < 32) {
    return dbfError(layer, { type: "short-header", bytes: dbf.byteLength });
  }
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > dbf.byteLength) {
    return dbfError(layer, { type: "header-length", headerLength }, { headerLength });
  }
  let fields = 0;
  let fieldBytes = 1;
  for (let offset = 32; offset + 32 <= headerLength - 1 && dbf[offset] !== 0x0d; offset += 32) {
    fields++;
    fieldBytes += dbf[offset + 16]!;
  }
  if (records > 0 && fieldBytes > recordLength) {
    return dbfError(layer, { type: "fields-too-long", fieldBytes, recordLength }, { fieldBytes, recordLength });
  }
  if (headerLength + records * recordLength > dbf.byteLength) {
    return dbfError(layer, { type: "truncated", records, recordLength, bytes: dbf.byteLength }, { records, recordLength, bytes: dbf.byteLength });
  }
  const read = Math.min(records, shapes);
  if (read * fields > MAX_ATTRIBUTE_VALUES) {
    return {
      ok: false,
      error: importMessage(
        "too-many-attributes",
        { layer, records: read, fields, limit: MAX_ATTRIBUTE_VALUES },
        { layer, records: read, fields, limit: MAX_ATTRIBUTE_VALUES },
      ),
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
