import { detectCrsFromGeoJsonCrs } from "../geo/crsDetect";
import { crsReasonPart } from "../geo/crsTypes";
import { allSourcePairs, failure, finishImport, vertexLimitError } from "./assemble";
import { resolveCrs } from "./crsResolution";
import { jsonShape, tooDeeplyNested, tooManyVerticesBeforeParsing } from "./prescan";
import { boundedJsonText, clip, decodeText, fileBaseName, pickName, plainProperties, statedAreaFromProperties } from "./text";
import { MAX_NESTING_DEPTH, MAX_VERTICES, type ImportMessage, type ImportOptions, type ImportResult, type ParcelDraft, type SourcePosition } from "./types";

/** A feature as any of the parsers hands it over: geometry not yet trusted. */
export interface LooseFeature {
  geometry: unknown;
  properties: Record<string, unknown> | null | undefined;
}

type DraftsResult = { ok: true; drafts: ParcelDraft[]; skipped: number } | { ok: false; error: ImportMessage };

function invalidGeometry(featureIndex: number, path: string, what: { zh: string; en: string }): { ok: false; error: ImportMessage } {
  return {
    ok: false,
    error: {
      code: "invalid-geometry",
      zh: `第 ${featureIndex + 1} 个要素的几何无效（${path}）：${what.zh}`,
      en: `Feature ${featureIndex + 1} has an invalid geometry (${path}): ${what.en}`,
      detail: { feature: featureIndex, path },
    },
  };
}

function readPosition(value: unknown): SourcePosition | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [a, b] = value as unknown[];
  if (typeof a !== "number" || typeof b !== "number") return null;
  return [a, b];
}

function readPositions(value: unknown, depth: number): unknown {
  if (depth === 0) return readPosition(value);
  if (!Array.isArray(value)) return null;
  const result: unknown[] = [];
  for (const item of value) {
    const read = readPositions(item, depth - 1);
    if (read === null) return null;
    result.push(read);
  }
  return result;
}

const GEOMETRY_DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** GeometryCollections inside GeometryCollections: the spec discourages any nesting; this bounds the recursion. */
const MAX_COLLECTION_DEPTH = 16;

/** Splits one feature's geometry into drafts: a feature is one parcel, except multi-lines/points and collections. */
function draftsOfGeometry(
  geometry: unknown,
  featureIndex: number,
  base: Omit<ParcelDraft, "kind" | "sourceCoordinates">,
  path: string,
  depth = 0,
): ParcelDraft[] | { ok: false; error: ImportMessage } {
  if (typeof geometry !== "object" || geometry === null) return invalidGeometry(featureIndex, path, { zh: "不是对象。", en: "not an object." });
  const { type, coordinates, geometries } = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (type === "GeometryCollection") {
    if (!Array.isArray(geometries))
      return invalidGeometry(featureIndex, path, { zh: "GeometryCollection 缺少 geometries 数组。", en: "GeometryCollection without a geometries array." });
    if (depth >= MAX_COLLECTION_DEPTH) {
      return invalidGeometry(featureIndex, "geometry", {
        zh: `GeometryCollection 嵌套超过 ${MAX_COLLECTION_DEPTH} 层。`,
        en: `GeometryCollections nested more than ${MAX_COLLECTION_DEPTH} levels deep.`,
      });
    }
    const drafts: ParcelDraft[] = [];
    for (const [index, member] of geometries.entries()) {
      const memberDrafts = draftsOfGeometry(member, featureIndex, { ...base, name: `${base.name} (${index + 1})` }, `${path}.geometries[${index}]`, depth + 1);
      if (!Array.isArray(memberDrafts)) return memberDrafts;
      drafts.push(...memberDrafts);
    }
    // A collection of areas (a KML Placemark's MultiGeometry) is one parcel, as the same data is in SHP or GeoJSON.
    if (depth === 0 && drafts.length > 1 && drafts.every((draft) => draft.kind === "polygon")) {
      return [{ ...base, kind: "polygon", sourceCoordinates: drafts.flatMap((draft) => draft.sourceCoordinates) }];
    }
    return drafts;
  }
  if (typeof type !== "string" || !Object.hasOwn(GEOMETRY_DEPTH, type)) {
    const shown = typeof type === "string" ? clip(type, 40) : type === undefined ? "（无）" : clip(boundedJsonText(type), 40);
    const shownEnglish = type === undefined ? "(none)" : shown;
    return invalidGeometry(featureIndex, path, { zh: `不支持的几何类型「${shown}」。`, en: `unsupported geometry type "${shownEnglish}".` });
  }
  const read = readPositions(coordinates, GEOMETRY_DEPTH[type]!);
  if (read === null) {
    return invalidGeometry(featureIndex, path, {
      zh: `${type} 的 coordinates 结构不对，或含有非数字（如 null、字符串）。`,
      en: `the coordinates of the ${type} are malformed or contain non-numbers (null, strings).`,
    });
  }
  switch (type) {
    case "Point":
      return [{ ...base, kind: "point", sourceCoordinates: [[[read as SourcePosition]]] }];
    case "MultiPoint":
      return (read as SourcePosition[]).map((position, index) => ({
        ...base,
        name: `${base.name} (${index + 1})`,
        kind: "point",
        sourceCoordinates: [[[position]]],
      }));
    case "LineString":
      return [{ ...base, kind: "line", sourceCoordinates: [[read as SourcePosition[]]] }];
    case "MultiLineString":
      return (read as SourcePosition[][]).map((line, index) => ({ ...base, name: `${base.name} (${index + 1})`, kind: "line", sourceCoordinates: [[line]] }));
    case "Polygon":
      return [{ ...base, kind: "polygon", sourceCoordinates: [read as SourcePosition[][]] }];
    default:
      return [{ ...base, kind: "polygon", sourceCoordinates: read as SourcePosition[][][] }];
  }
}

/** How often draftsFromFeatures reports progress: often enough to move a progress bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_FEATURES = 1000;

/** Features (from GeoJSON, KML or a Shapefile) → drafts; features without geometry are counted, not fatal. */
export function draftsFromFeatures(
  features: readonly LooseFeature[],
  fallbackName: string,
  skipKeys?: ReadonlySet<string>,
  htmlKeys?: ReadonlySet<string>,
  onProgress?: ImportOptions["onProgress"],
): DraftsResult {
  const drafts: ParcelDraft[] = [];
  let skipped = 0;
  let vertices = 0;
  for (const [index, feature] of features.entries()) {
    if (index % PROGRESS_EVERY_FEATURES === 0) onProgress?.({ stage: "parsing", fraction: index / features.length });
    if (feature.geometry === null || feature.geometry === undefined) {
      skipped++;
      continue;
    }
    const properties = plainProperties(feature.properties, skipKeys, htmlKeys);
    const base: Omit<ParcelDraft, "kind" | "sourceCoordinates"> = {
      name: pickName(properties, features.length > 1 ? `${fallbackName} ${index + 1}` : fallbackName),
      properties,
    };
    const statedAreaHectares = statedAreaFromProperties(properties);
    if (statedAreaHectares !== undefined) base.statedAreaHectares = statedAreaHectares;
    const featureDrafts = draftsOfGeometry(feature.geometry, index, base, "geometry");
    if (!Array.isArray(featureDrafts)) return featureDrafts;
    for (const draft of featureDrafts) vertices += draft.sourceCoordinates.flat(2).length;
    const limit = vertexLimitError(vertices);
    if (limit) return { ok: false, error: limit };
    drafts.push(...featureDrafts);
  }
  return { ok: true, drafts, skipped };
}

export function skippedFeaturesWarning(skipped: number): ImportMessage[] {
  if (skipped === 0) return [];
  return [
    {
      code: "features-without-geometry",
      zh: `${skipped} 个要素没有几何（空几何），已跳过。`,
      en: `${skipped} feature${skipped > 1 ? "s have" : " has"} no geometry and ${skipped > 1 ? "were" : "was"} skipped.`,
      detail: { skipped },
    },
  ];
}

/** Where JSON.parse stopped, as line and column, and whether the text simply ends too early. */
function invalidJson(text: string, fileName: string, message: string): ImportMessage {
  const name = clip(fileName);
  const position = /at position (\d+)/.exec(message);
  const truncated = /end of (JSON )?input|Unterminated string/i.test(message);
  const at = position ? Number(position[1]) : truncated ? text.length : undefined;
  let where: { zh: string; en: string } = { zh: "", en: "" };
  if (at !== undefined) {
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    where = { zh: `（第 ${line} 行第 ${column} 列）`, en: ` (line ${line}, column ${column})` };
  }
  return {
    code: "invalid-json",
    zh: truncated ? `「${name}」不是完整的 JSON：文件在中途结束${where.zh}，可能下载或复制不完整。` : `「${name}」不是有效的 JSON：语法错误${where.zh}。`,
    en: truncated
      ? `"${name}" is not complete JSON: the text ends too early${where.en}, perhaps an incomplete download or copy.`
      : `"${name}" is not valid JSON: syntax error${where.en}.`,
    detail: { parserMessage: clip(message, 200), ...(at !== undefined ? { position: at } : {}) },
  };
}

function notGeoJson(zh: string, en: string, code = "not-geojson"): ImportResult {
  return failure({ code, zh, en });
}

/** GeoJSON FeatureCollection / Feature / Geometry, in WGS-84 or (with or without a `crs` member) GK metres. */
export function importGeoJson(data: ArrayBuffer | Uint8Array | string, fileName: string, options: ImportOptions = {}): ImportResult {
  const text = (typeof data === "string" ? data : decodeText(data).text).replace(/^\uFEFF/, "");
  const shape = jsonShape(text);
  if (shape.depth > MAX_NESTING_DEPTH)
    return failure(tooDeeplyNested({ zh: `「${clip(fileName)}」的 JSON 数组/对象`, en: `The JSON of "${clip(fileName)}"` }, shape.depth));
  if (shape.positions > MAX_VERTICES) return failure(tooManyVerticesBeforeParsing(shape.positions, { zh: "坐标点", en: "coordinate positions" }));
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return failure(invalidJson(text, fileName, error instanceof Error ? error.message : String(error)));
  }
  if (typeof root !== "object" || root === null || Array.isArray(root)) {
    return notGeoJson(`「${fileName}」的内容不是 GeoJSON 对象。`, `"${fileName}" does not contain a GeoJSON object.`);
  }
  const object = root as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown; crs?: unknown; spatialReference?: unknown };
  if (object.type === "Topology") {
    return notGeoJson(`「${fileName}」是 TopoJSON，请先转换为 GeoJSON。`, `"${fileName}" is TopoJSON; convert it to GeoJSON first.`, "topojson-unsupported");
  }
  const esriFeatures =
    Array.isArray(object.features) && object.features.some((feature) => typeof feature === "object" && feature !== null && "attributes" in feature);
  if (object.spatialReference !== undefined || esriFeatures || "rings" in object) {
    return notGeoJson(
      `「${fileName}」是 ArcGIS 的 Esri JSON，不是 GeoJSON。请在 ArcGIS 中用「要素转 JSON」并勾选 GeoJSON 输出，或导出为 Shapefile。`,
      `"${fileName}" is ArcGIS Esri JSON, not GeoJSON. Export it as GeoJSON ("Features To JSON" with the GeoJSON option) or as a Shapefile.`,
      "esri-json-unsupported",
    );
  }
  let features: LooseFeature[];
  if (object.type === "FeatureCollection") {
    if (!Array.isArray(object.features))
      return notGeoJson(`「${fileName}」的 FeatureCollection 缺少 features 数组。`, `The FeatureCollection in "${fileName}" has no features array.`);
    features = (object.features as unknown[]).map((feature) => {
      const item = (typeof feature === "object" && feature !== null ? feature : {}) as { geometry?: unknown; properties?: unknown };
      return { geometry: item.geometry, properties: (typeof item.properties === "object" ? item.properties : null) as Record<string, unknown> | null };
    });
  } else if (object.type === "Feature") {
    features = [
      { geometry: object.geometry, properties: (typeof object.properties === "object" ? object.properties : null) as Record<string, unknown> | null },
    ];
  } else if (typeof object.type === "string" && (Object.hasOwn(GEOMETRY_DEPTH, object.type) || object.type === "GeometryCollection")) {
    features = [{ geometry: object, properties: null }];
  } else {
    return notGeoJson(
      `「${fileName}」缺少 GeoJSON 的 type（FeatureCollection、Feature 或几何类型）。`,
      `"${fileName}" lacks a GeoJSON type (FeatureCollection, Feature or a geometry type).`,
    );
  }
  if (features.length === 0) {
    return failure({ code: "no-parcels", zh: `「${fileName}」中没有要素。`, en: `"${fileName}" contains no features.` });
  }
  const drafts = draftsFromFeatures(features, fileBaseName(fileName), undefined, undefined, options.onProgress);
  if (!drafts.ok) return failure(drafts.error);
  const declared = detectCrsFromGeoJsonCrs(object.crs);
  const resolution = resolveCrs(allSourcePairs(drafts.drafts), declared, options);
  if (!resolution.ok) return failure(resolution.error);
  const crs =
    declared === null && resolution.crs.confidence === "inferred"
      ? {
          ...resolution.crs,
          reason: [crsReasonPart("geojson-no-crs", {}), ...resolution.crs.reason],
        }
      : resolution.crs;
  return finishImport(drafts.drafts, crs, [...resolution.warnings, ...skippedFeaturesWarning(drafts.skipped)], options);
}
