import { detectCrsFromCoordinates } from "../geo/crsDetect";
import { crsReasonPart } from "../geo/crsTypes";
import type { CassRowProblem } from "../i18n/messages.importText";
import { allSourcePairs, failure, finishImport, vertexLimitError } from "./assemble";
import { resolveCrs } from "./crsResolution";
import { importMessage } from "./messages";
import { lineLimitError } from "./prescan";
import { clip, decodeText, fileBaseName } from "./text";
import type { ImportOptions, ImportResult, ParcelDraft, SourcePosition } from "./types";

/** Column names a CASS export may put on its first line. */
const HEADER_WORDS = /点名|点号|编码|代码|高程|坐标|^\s*(?:name|code|[xyzhen])\s*(?:[,\t]|$)/i;

/** Why a CASS row was not read: too few fields, or which coordinate is not a finite number. */
function cassProblem(fields: string[]): CassRowProblem {
  if (fields.length < 4) return { type: "too-few-fields", fields: fields.length };
  const bad = [2, 3].find((index) => fields[index] === "" || !Number.isFinite(Number(fields[index])))!;
  return { type: "not-a-number", field: bad === 2 ? 3 : 4, value: clip(fields[bad]!, 30) };
}

/** A line that is only a number of points (CASS writes one before each parcel's points in some exports). */
const POINT_COUNT = /^\d{1,7}$/;

interface CassBlock {
  name?: string;
  positions: SourcePosition[];
  labels: string[];
}

/**
 * 南方 CASS coordinate data file (.dat): one point per line, `点名,编码,Y,X,H`, fields separated by commas or tabs.
 * In CASS the third field is Y, the easting, and the fourth X, the northing — the reverse of the surveyors' usual
 * X-first lists. The points, in order, form one ring. Several parcels are separated by a blank line, a point-count
 * line, or a line of text (its name); a header line of column names is skipped.
 */
export function importCassDat(data: ArrayBuffer | Uint8Array | string, fileName: string, options: ImportOptions = {}): ImportResult {
  const text = typeof data === "string" ? data : decodeText(data).text;
  const tooMany = lineLimitError(text);
  if (tooMany) return failure(tooMany);
  const blocks: CassBlock[] = [];
  let current: CassBlock = { positions: [], labels: [] };
  let vertices = 0;
  const closeBlock = (name?: string): void => {
    if (current.positions.length > 0) blocks.push(current);
    current = { positions: [], labels: [] };
    if (name) current.name = name;
  };
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (line === "") {
      closeBlock();
      continue;
    }
    if (POINT_COUNT.test(line)) {
      closeBlock();
      continue;
    }
    const fields = line
      .replace(/，/g, ",")
      .split(/[,\t]/)
      .map((field) => field.trim());
    // Not a point row and at most one number on it: a header of column names, or a parcel's name ("地块2").
    const isRow = fields.length >= 4 && fields[2] !== "" && fields[3] !== "" && Number.isFinite(Number(fields[2])) && Number.isFinite(Number(fields[3]));
    const numbers = fields.filter((field) => field !== "" && Number.isFinite(Number(field))).length;
    if (!isRow && numbers <= 1) {
      closeBlock(HEADER_WORDS.test(line) ? undefined : clip(line, 200));
      continue;
    }
    const easting = Number(fields[2]);
    const northing = Number(fields[3]);
    if (fields.length < 4 || fields[2] === "" || fields[3] === "" || !Number.isFinite(easting) || !Number.isFinite(northing)) {
      return failure(importMessage("invalid-cass-dat", { line: index + 1, text: clip(line), problem: cassProblem(fields) }, { line: index + 1 }));
    }
    current.positions.push([easting, northing]);
    current.labels.push(clip(fields[0] || String(current.positions.length), 40));
    const limit = vertexLimitError(++vertices);
    if (limit) return failure(limit);
  }
  closeBlock();
  if (blocks.length === 0) {
    return failure(importMessage("empty-file.cass-dat", { fileName }));
  }
  const base = fileBaseName(fileName);
  const drafts: ParcelDraft[] = blocks.map((block, index) => ({
    name: block.name ?? (blocks.length > 1 ? `${base} ${index + 1}` : base),
    kind: "polygon",
    sourceCoordinates: [[block.positions]],
    vertexLabels: [[block.labels]],
    properties: {},
  }));
  const positions = allSourcePairs(drafts);
  const observed = detectCrsFromCoordinates(positions);
  const projected = observed.ok && (observed.crs.code === "EPSG:4544" || observed.crs.code === "EPSG:4523");
  const declared =
    observed.ok && projected
      ? {
          ok: true as const,
          crs: {
            code: observed.crs.code,
            // The axis order is the format's; the reconciliation below still checks it against the values.
            swappedAxes: false,
            confidence: "inferred" as const,
            reason: [crsReasonPart("cass-dat", { crs: observed.crs.code })],
          },
        }
      : observed;
  const resolution = resolveCrs(positions, declared, options);
  if (!resolution.ok) return failure(resolution.error);
  return finishImport(drafts, resolution.crs, resolution.warnings, options);
}
