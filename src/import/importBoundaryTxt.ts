import { detectCrsFromCoordinates, type CrsDetection } from "../geo/crsDetect";
import { crsProblem, crsReasonPart, type CrsSource } from "../geo/crsTypes";
import type { BoundaryLineProblem } from "../i18n/messages.importText";
import { pointInRing } from "../geo/planar";
import { defaultParcelName } from "../i18n/defaultParcelName";
import { allSourcePairs, failure, finishImport, vertexLimitError } from "./assemble";
import { resolveCrs } from "./crsResolution";
import { crsFromStatement, epsgCodeIn, olderDatumIn } from "./crsStatement";
import { importMessage } from "./messages";
import { lineLimitError } from "./prescan";
import { clip, decodeText, plainProperties } from "./text";
import type { ImportMessage, ImportOptions, ImportResult, ParcelDraft, SourcePosition } from "./types";

/** True when the text looks like the ministry's 界址点坐标 exchange file. */
export function isBoundaryTxt(text: string): boolean {
  return /\[\s*地块坐标\s*\]/.test(text);
}

interface Ring {
  number: string;
  positions: SourcePosition[];
  labels: string[];
}

interface ParcelBlock {
  line: number;
  fields: string[];
  rings: Ring[];
  points: number;
}

function txtError(
  key: "invalid-boundary-txt" | "unreadable-coordinate.boundary-txt" | "too-few-vertices.boundary-txt",
  line: number,
  problem: BoundaryLineProblem,
): ImportResult {
  return failure(importMessage(key, { line, problem }, { line }));
}

/**
 * Ring 1 is the outer boundary; a later ring inside an earlier outer ring is a hole of it, otherwise it starts
 * another part of the parcel.
 */
function nestRings(rings: readonly Ring[]): { parts: SourcePosition[][][]; labels: string[][][] } {
  const parts: { rings: Ring[] }[] = [];
  for (const ring of rings) {
    const first = ring.positions[0];
    const container = first ? parts.find((part) => pointInRing(first, part.rings[0]!.positions)) : undefined;
    if (container) container.rings.push(ring);
    else parts.push({ rings: [ring] });
  }
  return {
    parts: parts.map((part) => part.rings.map((ring) => ring.positions)),
    labels: parts.map((part) => part.rings.map((ring) => ring.labels)),
  };
}

function declaredFromAttributes(attributes: Map<string, string>, pairs: SourcePosition[]): CrsDetection | null {
  const system = clip(attributes.get("坐标系") ?? "", 40);
  const projection = clip(attributes.get("投影类型") ?? "", 40);
  const zoneWidth = Number(attributes.get("几度分带") ?? "");
  const zone = Number(attributes.get("带号") ?? "");
  const unit = attributes.get("计量单位") ?? "";
  if (system === "" && projection === "" && !zoneWidth && !zone) return null;
  const source: CrsSource = { kind: "boundary-attributes" };
  // A stated EPSG code or an older datum settles the system; the X-first order is the format's.
  if (epsgCodeIn(system) !== undefined || olderDatumIn(system)) {
    const stated = crsFromStatement(system, pairs, source);
    if (stated) return stated.ok ? { ok: true, crs: { ...stated.crs, swappedAxes: true } } : stated;
  }
  if (projection !== "" && !/高斯|gauss/i.test(projection)) {
    return { ok: false, problem: crsProblem("declared-projection", { source, projection }) };
  }
  if (/度/.test(unit)) return null;
  if (zoneWidth && zone) {
    const centralMeridian = zoneWidth === 6 ? zone * 6 - 3 : zone * 3;
    if (centralMeridian !== 105) {
      return { ok: false, problem: crsProblem("declared-zone", { source, zoneWidth, zone, centralMeridian }) };
    }
  }
  // The zone prefix on the Y values (present or not) decides between EPSG:4523 and 4544.
  const observed = detectCrsFromCoordinates(pairs);
  if (!observed.ok) return observed;
  const code = observed.crs.code === "EPSG:4523" ? "EPSG:4523" : "EPSG:4544";
  const statements = {
    ...(system ? { system } : {}),
    ...(zoneWidth ? { zoneWidth } : {}),
    ...(zone ? { zone } : {}),
    ...(projection ? { projection } : {}),
  };
  return {
    ok: true,
    crs: {
      code,
      swappedAxes: true,
      confidence: "declared",
      reason: [crsReasonPart("boundary-attributes", { statements, crs: code })],
    },
  };
}

/**
 * The ministry's 界址点坐标 exchange TXT: `[属性描述]` key=value lines, then `[地块坐标]` with, per parcel, a
 * header `点数,面积(公顷),编号,名称,面,图幅号,用途,备注,@` and rows `J1,1,X,Y` (X = northing; ring 1 outer,
 * higher ring numbers holes or further parts).
 */
export function importBoundaryTxt(data: ArrayBuffer | Uint8Array | string, fileName: string, options: ImportOptions = {}): ImportResult {
  const text = typeof data === "string" ? data : decodeText(data).text;
  const tooMany = lineLimitError(text);
  if (tooMany) return failure(tooMany);
  const lines = text.split(/\r\n|\r|\n/);
  const attributes = new Map<string, string>();
  const blocks: ParcelBlock[] = [];
  let section = "";
  let vertices = 0;
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (line === "") continue;
    if (line.startsWith("[") && line.endsWith("]") && line.length > 2) {
      section = line.slice(1, -1).trim();
      continue;
    }
    if (section === "属性描述") {
      const match = /^([^=＝]+)[=＝](.*)$/.exec(line);
      if (match) attributes.set(match[1]!.trim(), match[2]!.trim());
      continue;
    }
    if (section !== "地块坐标") continue;
    const fields = line
      .replace(/，/g, ",")
      .split(",")
      .map((field) => field.trim());
    if (fields[fields.length - 1] === "@" || line.endsWith("@")) {
      blocks.push({ line: lineNumber, fields: fields.filter((field) => field !== "@"), rings: [], points: 0 });
      continue;
    }
    const block = blocks[blocks.length - 1];
    if (!block) return txtError("invalid-boundary-txt", lineNumber, { type: "point-before-header" });
    if (fields.length < 4) {
      return txtError("invalid-boundary-txt", lineNumber, { type: "too-few-fields", text: clip(line) });
    }
    const x = Number(fields[2]);
    const y = Number(fields[3]);
    if (fields[2] === "" || fields[3] === "" || !Number.isFinite(x) || !Number.isFinite(y)) {
      return txtError("unreadable-coordinate.boundary-txt", lineNumber, { type: "coordinates-not-numbers", text: clip(line) });
    }
    const ringNumber = fields[1] || "1";
    let ring = block.rings[block.rings.length - 1];
    if (!ring || ring.number !== ringNumber) {
      ring = { number: ringNumber, positions: [], labels: [] };
      block.rings.push(ring);
    }
    ring.positions.push([x, y]);
    ring.labels.push(clip(fields[0] || String(ring.positions.length), 40));
    block.points++;
    vertices++;
    const limit = vertexLimitError(vertices);
    if (limit) return failure(limit);
  }
  if (!isBoundaryTxt(text) || blocks.length === 0) {
    return failure(importMessage("invalid-boundary-txt.no-parcels", { fileName }));
  }

  const warnings: ImportMessage[] = [];
  const drafts: ParcelDraft[] = [];
  for (const [index, block] of blocks.entries()) {
    const [count = "", area = "", code = "", name = "", shape = "", sheet = "", use = "", note = ""] = block.fields;
    const displayName = clip(name || code, 200) || defaultParcelName(index + 1);
    if (block.rings.length === 0) {
      return txtError("too-few-vertices.boundary-txt", block.line, { type: "no-points", parcel: displayName });
    }
    const statedCount = Number(count);
    if (count !== "" && Number.isInteger(statedCount) && statedCount !== block.points) {
      const counts = { parcel: displayName, stated: statedCount, read: block.points };
      warnings.push(importMessage("point-count-mismatch", counts, counts));
    }
    const kind = /线/.test(shape) ? "line" : /点/.test(shape) ? "point" : "polygon";
    const nested = kind === "polygon" ? nestRings(block.rings) : { parts: [[block.rings[0]!.positions]], labels: [[block.rings[0]!.labels]] };
    const draft: ParcelDraft = {
      name: displayName,
      kind,
      sourceCoordinates: kind === "point" ? [[[block.rings[0]!.positions[0]!]]] : nested.parts,
      vertexLabels: kind === "point" ? [[[block.rings[0]!.labels[0]!]]] : nested.labels,
      properties: plainProperties({ 地块编号: code, 地块名称: name, 图形属性: shape, 图幅号: sheet, 地块用途: use, 备注: note }),
    };
    const hectares = Number(area);
    if (area !== "" && Number.isFinite(hectares) && hectares > 0) {
      draft.statedAreaHectares = hectares;
      draft.properties["面积(公顷)"] = hectares;
    }
    drafts.push(draft);
  }
  const pairs = allSourcePairs(drafts);
  const resolution = resolveCrs(pairs, options.crsOverride ? null : declaredFromAttributes(attributes, pairs), options);
  if (!resolution.ok) return failure(resolution.error);
  return finishImport(drafts, resolution.crs, [...warnings, ...resolution.warnings], options);
}
