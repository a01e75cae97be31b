import { detectCrsFromGeoJsonCrs } from "../geo/crsDetect";
import { crsReasonPart } from "../geo/crsTypes";
import { allSourcePairs, failure, finishImport, vertexLimitError } from "./assemble";
import type { GeometryProblem } from "../i18n/messages.importFiles";
import { resolveCrs } from "./crsResolution";
import { importMessage } from "./messages";
import { jsonShape, tooDeeplyNested, tooManyVerticesBeforeParsing } from "./prescan";
import { boundedJsonText, clip, decodeText, fileBaseName, pickName, plainProperties, statedAreaFromProperties } from "./text";
import { MAX_NESTING_DEPTH, MAX_VERTICES, type ImportMessage, type ImportOptions, type ImportResult, type ParcelDraft, type SourcePosition } from "./types";

/** A feature as any of the parsers hands it over: geometry not yet trusted. */
export interface LooseFeature {
  geometry: unknown;
  properties: Record<string, unknown> | null | undefined;
}

type DraftsResult = { ok: true; drafts: ParcelDraft[]; skipped: number } | { ok: false; error: ImportMessage };

function invalidGeometry(featureIndex: number, path: string, problem: GeometryProblem): { ok: false; error: ImportMessage } {
  return { ok: false, error: importMessage("invalid-geometry", { feature: featureIndex, path, problem }, { feature: featureIndex, path }) };
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
  if (typeof geometry !== "object" || geometry === null) return invalidGeometry(featureIndex, path, { type: "not-object" });
  const { type, coordinates, geometries } = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (type === "GeometryCollection") {
    if (!Array.isArray(geometries)) return invalidGeometry(featureIndex, path, { type: "no-geometries" });
    if (depth >= MAX_COLLECTION_DEPTH) {
      return invalidGeometry(featureIndex, "geometry", { type: "collection-depth", limit: MAX_COLLECTION_DEPTH });
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
    const shown = typeof type === "string" ? clip(type, 40) : type === undefined ? null : clip(boundedJsonText(type), 40);
    return invalidGeometry(featureIndex, path, { type: "unsupported-type", shown });
  }
  const read = readPositions(coordinates, GEOMETRY_DEPTH[type]!);
  if (read === null) {
    return invalidGeometry(featureIndex, path, { type: "malformed-coordinates", geometryType: type });
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
  return [importMessage("features-without-geometry", { skipped }, { skipped })];
}

/** Where JSON.parse stopped, as line and column, and whether the text simply ends too early. */
function invalidJson(text: string, fileName: string, message: string): ImportMessage {
  const name = clip(fileName);
  const position = /at position (\d+)/.exec(message);
  const truncated = /end of (JSON )?input|Unterminated string/i.test(message);
  const at = position ? Number(position[1]) : truncated ? text.length : undefined;
  let where = {};
  if (at !== undefined) {
    const before = text.slice(0, at);
    where = { line: before.split("\n").length, column: at - before.lastIndexOf("\n") };
  }
  return importMessage(
    "invalid-json",
    { fileName: name, truncated, ...where },
    { parserMessage: clip(message, 200), ...(at !== undefined ? { position: at } : {}) },
  );
}

type NotGeoJson = "not-geojson.not-object" | "not-geojson.no-features" | "not-geojson.no-type" | "topojson-unsupported" | "esri-json-unsupported";

function notGeoJson(key: NotGeoJson, fileName: string): ImportResult {
  return failure(importMessage(key, { fileName }));
}

/** GeoJSON FeatureCollection / Feature / Geometry, in WGS-84 or (with or without a `crs` member) GK metres. */
export function importGeoJson(data: ArrayBuffer | Uint8Array | string, fileName: string, options: ImportOptions = {}): ImportResult {
  const text = (typeof data === "string" ? data : decodeText(data).text).replace(/^\uFEFF/, "");
  const shape = jsonShape(text);
  if (shape.depth > MAX_NESTING_DEPTH) return failure(tooDeeplyNested(clip(fileName), "json", shape.depth));
  if (shape.positions > MAX_VERTICES) return failure(tooManyVerticesBeforeParsing(shape.positions, "positions"));
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return failure(invalidJson(text, fileName, error instanceof Error ? error.message : String(error)));
  }
  if (typeof root !== "object" || root === null || Array.isArray(root)) {
    return notGeoJson("not-geojson.not-object", fileName);
  }
  const object = root as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown; crs?: unknown; spatialReference?: unknown };
  if (object.type === "Topology") {
    return notGeoJson("topojson-unsupported", fileName);
  }
  const esriFeatures =
    Array.isArray(object.features) && object.features.some((feature) => typeof feature === "object" && feature !== null && "attributes" in feature);
  if (object.spatialReference !== undefined || esriFeatures || "rings" in object) {
    return notGeoJson("esri-json-unsupported", fileName);
  }
  let features: LooseFeature[];
  if (object.type === "FeatureCollection") {
    if (!Array.isArray(object.features)) return notGeoJson("not-geojson.no-features", fileName);
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
    return notGeoJson("not-geojson.no-type", fileName);
  }
  if (features.length === 0) {
    return failure(importMessage("no-parcels.geojson", { fileName }));
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
