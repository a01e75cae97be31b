import { defaultParcelName } from "../i18n/defaultParcelName";
import { isPlausiblePair, type CrsDetection } from "../geo/crsDetect";
import { crsProblem, crsReasonPart, type CrsReasonPart, type CrsSource } from "../geo/crsTypes";
import type { PastedLineProblem } from "../i18n/messages.importText";
import { allSourcePairs, failure, finishImport, unexpectedError, vertexLimitError } from "./assemble";
import { resolveCrs } from "./crsResolution";
import { normaliseCoordinateText, tokeniseCoordinateLine, type CoordinateValue } from "./coordinateText";
import { crsFromStatement } from "./crsStatement";
import { importMessage } from "./messages";
import { lineLimitError } from "./prescan";
import { inputTooLargeError } from "./sizeLimits";
import { clip } from "./text";
import { MAX_FILE_BYTES, type ImportMessage, type ImportOptions, type ImportResult, type ParcelDraft, type SourcePosition } from "./types";

/** Column-header words that may head pasted text; such a line is skipped, not taken as a parcel name. */
const HEADER_WORDS = new Set(
  [
    "x",
    "y",
    "z",
    "h",
    "e",
    "n",
    "lon",
    "lng",
    "long",
    "longitude",
    "lat",
    "latitude",
    "east",
    "north",
    "easting",
    "northing",
    "point",
    "pt",
    "id",
    "no",
    "label",
    "name",
    "elevation",
    "height",
    "经度",
    "纬度",
    "点号",
    "点名",
    "界址点号",
    "序号",
    "编号",
    "高程",
    "x坐标",
    "y坐标",
    "横坐标",
    "纵坐标",
    "东坐标",
    "北坐标",
    "东",
    "北",
    "圈号",
  ].map((word) => word.toLowerCase()),
);

/** More values than this on one line cannot be one vertex; reading stops there. */
const MAX_TOKENS_PER_LINE = 32;

/** A line that starts a new parcel: `#2`, `# 2`, `地块 2`, `parcel 3` (at most one number on it). */
const PARCEL_SEPARATOR = /^\s*(#|地块|宗地|parcel|polygon|part)/i;

interface Vertex {
  pair: SourcePosition;
  label?: string;
  axes?: ["longitude" | "latitude" | undefined, "longitude" | "latitude" | undefined];
  format: CoordinateValue["format"];
  line: number;
  droppedNumbers: number;
}

interface Block {
  name?: string;
  vertices: Vertex[];
}

export interface PastedCoordinates {
  drafts: ParcelDraft[];
  /** What was read, for CrsGuess.reason. */
  summary: CrsReasonPart;
  warnings: ImportMessage[];
  /** The order the N/S/E/W marks give, when lines carry them. */
  hemisphereOrder?: "latitude-first" | "longitude-first";
  /** What a `坐标系：…` line among the points states, as written. */
  crsStatement?: string;
}

/** A line stating the coordinate system among the points: `坐标系：CGCS2000`, `坐标系=EPSG:4544`, `CRS: EPSG:4490`. */
const CRS_STATEMENT = /^\s*(?:坐标系统?|坐标参考系|参考系|crs|srs)\s*[:：=]\s*(.+?)\s*$/i;

function lineError(lineNumber: number, line: string, problem: PastedLineProblem): { ok: false; error: ImportMessage } {
  const key = problem.type === "token" ? "unreadable-coordinate.pasted" : "unreadable-line";
  return { ok: false, error: importMessage(key, { line: lineNumber, text: clip(line.trim()), problem }, { line: lineNumber, text: clip(line.trim(), 200) }) };
}

/** Picks the coordinate pair among the numbers on a line: `x y`, `n x y` (point number), `x y h`, `n ring x y`. */
function choosePair(values: CoordinateValue[]): { pair: [CoordinateValue, CoordinateValue]; skippedLeading: number; dropped: number } | null {
  const [a, b, c, d] = values;
  if (values.length === 2) return { pair: [a!, b!], skippedLeading: 0, dropped: 0 };
  if (values.length === 3) {
    if (a!.plainInteger && isPlausiblePair(b!.value, c!.value) && !isPlausiblePair(a!.value, b!.value))
      return { pair: [b!, c!], skippedLeading: 1, dropped: 0 };
    return { pair: [a!, b!], skippedLeading: 0, dropped: 1 };
  }
  if (values.length === 4) {
    if (a!.plainInteger && b!.plainInteger && isPlausiblePair(c!.value, d!.value)) return { pair: [c!, d!], skippedLeading: 2, dropped: 0 };
    if (a!.plainInteger && isPlausiblePair(b!.value, c!.value)) return { pair: [b!, c!], skippedLeading: 1, dropped: 1 };
    return null;
  }
  return null;
}

/**
 * Reads boundary points typed or pasted as text: one vertex per line, parcels separated by blank lines or by a
 * line without coordinates (`#2`, `地块2`, a name).
 */
export function parsePastedCoordinates(text: string): { ok: true; value: PastedCoordinates } | { ok: false; error: ImportMessage } {
  const lines = normaliseCoordinateText(text).split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: Block = { vertices: [] };
  let headerSkipped = false;
  let count = 0;

  const closeBlock = (): void => {
    if (current.vertices.length > 0) blocks.push(current);
    current = { vertices: [] };
  };

  let crsStatement: string | undefined;
  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    if (line.trim() === "") {
      closeBlock();
      continue;
    }
    const statement = CRS_STATEMENT.exec(line);
    if (statement) {
      crsStatement ??= clip(statement[1]!, 80);
      continue;
    }
    if (PARCEL_SEPARATOR.test(line) && tokeniseCoordinateLine(line, MAX_TOKENS_PER_LINE + 1).filter((token) => token.value).length <= 1) {
      closeBlock();
      current.name = clip(line.trim().replace(/^#\s*/, "#"), 200);
      continue;
    }
    const tokens = tokeniseCoordinateLine(line, MAX_TOKENS_PER_LINE + 1);
    if (tokens.length > MAX_TOKENS_PER_LINE) {
      return lineError(lineNumber, line, { type: "too-many-tokens", limit: MAX_TOKENS_PER_LINE });
    }
    const invalid = tokens.find((token) => token.value === undefined && "invalid" in token && token.invalid);
    if (invalid) {
      const reason = "invalid" in invalid ? invalid.invalid : undefined;
      return lineError(lineNumber, line, { type: "token", token: clip(invalid.text, 40), reason: reason ?? "unreadable-coordinate" });
    }
    const numbers = tokens.flatMap((token) => (token.value ? [token.value] : []));
    if (numbers.length === 0) {
      const words = tokens.map((token) => token.text.toLowerCase().replace(/\(.*\)$/, ""));
      if (words.every((word) => HEADER_WORDS.has(word))) {
        headerSkipped = true;
        continue;
      }
      closeBlock();
      current.name = clip(line.trim().replace(/^#\s*/, "#"), 200);
      continue;
    }
    if (numbers.length === 1) {
      return lineError(lineNumber, line, { type: "one-number" });
    }
    const chosen = choosePair(numbers);
    if (!chosen) {
      return lineError(lineNumber, line, { type: "many-numbers", numbers: numbers.length });
    }
    const firstNumberToken = tokens.findIndex((token) => token.value !== undefined);
    const words = tokens.slice(0, firstNumberToken).map((token) => token.text);
    const leadingNumbers = numbers.slice(0, chosen.skippedLeading).map((value) => String(value.value));
    const label = clip([...words, ...leadingNumbers.slice(0, 1)].join(" ").trim(), 40);
    const [first, second] = chosen.pair;
    const vertex: Vertex = {
      pair: [first.value, second.value],
      format: first.format === "dms" || second.format === "dms" ? "dms" : "decimal",
      line: lineNumber,
      droppedNumbers: chosen.dropped,
    };
    if (label) vertex.label = label;
    if (first.axis || second.axis) vertex.axes = [first.axis, second.axis];
    current.vertices.push(vertex);
    count++;
    const limit = vertexLimitError(count);
    if (limit) return { ok: false, error: limit };
  }
  closeBlock();

  if (blocks.length === 0) {
    return { ok: false, error: importMessage("no-coordinates.pasted", {}) };
  }

  const warnings: ImportMessage[] = [];
  const tagged = blocks.flatMap((block) => block.vertices).filter((vertex) => vertex.axes);
  for (const vertex of tagged) {
    const [a, b] = vertex.axes!;
    if (a && b && a === b) {
      return lineError(vertex.line, lines[vertex.line - 1] ?? "", { type: "same-axis" });
    }
  }
  const latitudeFirst = (vertex: Vertex): boolean => vertex.axes![0] === "latitude" || vertex.axes![1] === "longitude";
  const orders = new Set(tagged.map((vertex) => (latitudeFirst(vertex) ? "latitude-first" : "longitude-first")));
  if (orders.size > 1) {
    for (const block of blocks) {
      for (const vertex of block.vertices) {
        if (vertex.axes && latitudeFirst(vertex)) vertex.pair = [vertex.pair[1], vertex.pair[0]];
      }
    }
    warnings.push(importMessage("mixed-axis-order", {}));
  }
  const dropped = blocks.flatMap((block) => block.vertices).filter((vertex) => vertex.droppedNumbers > 0).length;
  if (dropped > 0) {
    warnings.push(importMessage("extra-numbers-ignored", { lines: dropped }, { lines: dropped }));
  }

  const drafts: ParcelDraft[] = blocks.map((block, index) => {
    const draft: ParcelDraft = {
      name: block.name ?? defaultParcelName(blocks.length > 1 ? index + 1 : undefined),
      kind: "polygon",
      sourceCoordinates: [[block.vertices.map((vertex) => vertex.pair)]],
      properties: {},
    };
    if (block.vertices.some((vertex) => vertex.label)) {
      draft.vertexLabels = [[block.vertices.map((vertex, vertexIndex) => vertex.label ?? String(vertexIndex + 1))]];
    }
    return draft;
  });

  const vertices = blocks.flatMap((block) => block.vertices);
  const dms = vertices.some((vertex) => vertex.format === "dms");
  const labelled = vertices.some((vertex) => vertex.label);
  const summary = crsReasonPart("pasted-summary", {
    points: vertices.length,
    parcels: blocks.length,
    dms,
    labelled,
    marks: tagged.length > 0,
    headerSkipped,
  });
  const value: PastedCoordinates = { drafts, summary, warnings };
  if (crsStatement !== undefined) value.crsStatement = crsStatement;
  if (orders.size === 1) value.hemisphereOrder = [...orders][0]!;
  else if (orders.size > 1) value.hemisphereOrder = "longitude-first";
  return { ok: true, value };
}

/** Pasted or typed boundary points → parcels in WGS-84, with the reading chosen and why. */
const PASTED_STATEMENT_SOURCE: CrsSource = { kind: "pasted-statement" };

function unreadableStatement(statement: string): CrsDetection {
  return { ok: false, problem: crsProblem("unreadable-statement", { statement }) };
}

export function importPastedCoordinates(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return readPastedCoordinates(text, options);
  } catch (error) {
    return failure(unexpectedError(error, { type: "pasted" }));
  }
}

function readPastedCoordinates(text: string, options: ImportOptions): ImportResult {
  if (text.trim() === "") {
    return failure(importMessage("empty-input", {}));
  }
  if (text.length > MAX_FILE_BYTES) return failure(inputTooLargeError(text.length));
  options.onProgress?.({ stage: "parsing" });
  const tooMany = lineLimitError(text);
  if (tooMany) return failure(tooMany);
  const parsed = parsePastedCoordinates(text);
  if (!parsed.ok) return failure(parsed.error);
  const { drafts, summary, warnings, hemisphereOrder, crsStatement } = parsed.value;
  const pairs = allSourcePairs(drafts);
  const stated = crsStatement === undefined ? null : (crsFromStatement(crsStatement, pairs, PASTED_STATEMENT_SOURCE) ?? unreadableStatement(crsStatement));
  const resolution = resolveCrs(pairs, stated, options);
  if (!resolution.ok) return failure(resolution.error);
  const crs = { ...resolution.crs, reason: [summary, ...resolution.crs.reason] };
  const allWarnings = [...warnings, ...resolution.warnings];
  // In China latitude (< 54) and longitude (> 73) cannot be confused, so marks that disagree are mislabelled.
  if (hemisphereOrder && !options.crsOverride && (hemisphereOrder === "latitude-first") !== crs.swappedAxes) {
    allWarnings.push(importMessage("hemisphere-marks-contradict-values", {}));
  }
  return finishImport(drafts, crs, allWarnings, options);
}
