import { detectCrsFromCoordinates, describeCrs } from "../geo/crsDetect";
import { failure, finishImport, resolveCrs, vertexLimitError } from "./assemble";
import { lineLimitError } from "./prescan";
import { clip, decodeText, fileBaseName } from "./text";
import type { ImportOptions, ImportResult, ParcelDraft, SourcePosition } from "./types";

/** Why a CASS row was not read: too few fields, or which coordinate is not a finite number. */
function cassProblem(fields: string[]): { zh: string; en: string } {
  if (fields.length < 4) return { zh: `：只有 ${fields.length} 项，至少需要 4 项`, en: `: it has ${fields.length} fields, at least 4 are needed` };
  const bad = [2, 3].find((index) => fields[index] === "" || !Number.isFinite(Number(fields[index])))!;
  const name = bad === 2 ? { zh: "第 3 项 Y（东坐标）", en: "field 3, Y (easting)," } : { zh: "第 4 项 X（北坐标）", en: "field 4, X (northing)," };
  return { zh: `：${name.zh}「${clip(fields[bad]!, 30)}」不是有限的数`, en: `: ${name.en} "${clip(fields[bad]!, 30)}" is not a finite number` };
}

/**
 * 南方 CASS coordinate data file (.dat): one point per line, `点名,编码,Y,X,H`. In CASS the third field is Y, the
 * easting, and the fourth X, the northing — the reverse of the surveyors' usual X-first lists. The points, in
 * order, form one ring.
 */
export function importCassDat(data: ArrayBuffer | Uint8Array | string, fileName: string, options: ImportOptions = {}): ImportResult {
  const text = typeof data === "string" ? data : decodeText(data).text;
  const tooMany = lineLimitError(text);
  if (tooMany) return failure(tooMany);
  const positions: SourcePosition[] = [];
  const labels: string[] = [];
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (line === "") continue;
    const fields = line.replace(/，/g, ",").split(",").map((field) => field.trim());
    const easting = Number(fields[2]);
    const northing = Number(fields[3]);
    if (fields.length < 4 || fields[2] === "" || fields[3] === "" || !Number.isFinite(easting) || !Number.isFinite(northing)) {
      return failure({
        code: "invalid-cass-dat",
        zh: `第 ${index + 1} 行「${clip(line)}」不是 CASS 坐标数据行（点名,编码,Y(东),X(北),高程）${cassProblem(fields).zh}。`,
        en: `Line ${index + 1} "${clip(line)}" is not a CASS coordinate row (name, code, Y (easting), X (northing), height)${cassProblem(fields).en}.`,
        detail: { line: index + 1 },
      });
    }
    positions.push([easting, northing]);
    labels.push(clip(fields[0] || String(positions.length), 40));
    const limit = vertexLimitError(positions.length);
    if (limit) return failure(limit);
  }
  if (positions.length === 0) {
    return failure({ code: "empty-file", zh: `「${fileName}」中没有坐标行。`, en: `"${fileName}" has no coordinate rows.` });
  }
  const draft: ParcelDraft = {
    name: fileBaseName(fileName),
    kind: "polygon",
    sourceCoordinates: [[positions]],
    vertexLabels: [[labels]],
    properties: {},
  };
  const observed = detectCrsFromCoordinates(positions);
  const projected = observed.ok && (observed.crs.code === "EPSG:4544" || observed.crs.code === "EPSG:4523");
  const declared = observed.ok && projected
    ? {
        ok: true as const,
        crs: {
          code: observed.crs.code,
          // The axis order is the format's; the reconciliation below still checks it against the values.
          swappedAxes: false,
          confidence: "inferred" as const,
          reason: {
            zh: `南方 CASS 坐标数据文件：第三列为 Y（东坐标）、第四列为 X（北坐标）；${observed.crs.code === "EPSG:4523" ? "东坐标带带号 35" : "东坐标不带带号"} → ${describeCrs(observed.crs.code).zh}。`,
            en: `南方 CASS coordinate file: third field Y (easting), fourth X (northing); ${observed.crs.code === "EPSG:4523" ? "eastings carry the zone number 35" : "eastings without zone number"} → ${describeCrs(observed.crs.code).en}.`,
          },
        },
      }
    : observed;
  const resolution = resolveCrs(positions, declared, options);
  if (!resolution.ok) return failure(resolution.error);
  return finishImport([draft], resolution.crs, resolution.warnings, options.onProgress);
}
