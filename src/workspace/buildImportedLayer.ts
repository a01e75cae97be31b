import { translate } from "../i18n/translate";
import type { Geometry } from "geojson";
import { layerCitations } from "../layers/importedLayers";
import type { LayerFeature, LayerLoad } from "../layers/layerData";
import type { LayerDefinition, LayerGeometryType, LocalizedText } from "../layers/manifestTypes";
import { importMessage } from "../import/messages";
import type { ImportedParcel, ImportMessage, ImportResult } from "../import/types";
import { IMPORTED_LAYER_ID_PREFIX, IMPORTED_LAYER_SCHEMA_VERSION, type ImportedLayerRecord } from "../layers/importedLayerRecord";

/** Feature properties the app writes itself; a file attribute of the same name is kept under `file_<name>`. */
const RESERVED_PROPERTIES = new Set(["id", "name", "name_en", "source", "geometry_quality", "geometry_note", "geometry_note_en", "label"]);

/** Longest provenance statement kept; it is shown on every report that uses the layer. */
export const MAX_PROVENANCE_LENGTH = 300;

export interface ImportedLayerChoices {
  target: LayerDefinition;
  targetLoad: LayerLoad | undefined;
  title: LocalizedText;
  /** Who issued the data, when, under which reference: required, it is what a report cites for the geometry. */
  provenance: string;
  positionalAccuracyM: number;
  /** The attribute holding each feature's name; null uses the name the importer found (or 要素 N). */
  nameProperty: string | null;
  fileName: string;
  /** ISO timestamp. */
  importedAt: string;
  /** A unique suffix for the layer id (a timestamp in the app, fixed in tests). */
  idSuffix: string;
}

export type BuildImportedLayerResult = { ok: true; record: ImportedLayerRecord; warnings: ImportMessage[] } | { ok: false; error: ImportMessage };

/** The layer geometry type a feature's geometry belongs to, or null for one no layer draws. */
export function kindOf(geometry: Geometry): LayerGeometryType | null {
  switch (geometry.type) {
    case "Polygon":
    case "MultiPolygon":
      return "polygon";
    case "LineString":
    case "MultiLineString":
      return "line";
    case "Point":
    case "MultiPoint":
      return "point";
    default:
      return null;
  }
}

function featureName(parcel: ImportedParcel, nameProperty: string | null, index: number): string {
  const named = nameProperty === null ? parcel.name : parcel.properties[nameProperty];
  const text = named === undefined ? "" : String(named).trim();
  return text !== "" ? text : `要素 ${index + 1}`;
}

function fileAttributes(properties: ImportedParcel["properties"]): Record<string, string | number> {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(properties)) kept[RESERVED_PROPERTIES.has(key) ? `file_${key}` : key] = value;
  return kept;
}

/**
 * Turns what the importer read into an imported-layer record standing in for `target`: only features of the
 * target's geometry type are kept, each with the target's citations, geometry quality "official" and a note that
 * names the file, the date and the stated source.
 */
export function buildImportedLayer(result: Extract<ImportResult, { ok: true }>, choices: ImportedLayerChoices): BuildImportedLayerResult {
  const { target } = choices;
  const provenance = choices.provenance.trim().slice(0, MAX_PROVENANCE_LENGTH);
  if (provenance === "") {
    return { ok: false, error: importMessage("provenance-required", {}) };
  }
  if (!Number.isFinite(choices.positionalAccuracyM) || choices.positionalAccuracyM < 0 || choices.positionalAccuracyM > 10_000) {
    return { ok: false, error: importMessage("invalid-accuracy", {}) };
  }
  const source = layerCitations(target, choices.targetLoad);
  if (source.length === 0) {
    return { ok: false, error: importMessage("no-citations", {}) };
  }
  const kept = result.parcels.filter((parcel) => kindOf(parcel.geometry) === target.geometryType);
  if (kept.length === 0) {
    return { ok: false, error: importMessage("wrong-geometry-type", { layer: { zh: target.title.zh, en: target.title.en }, kind: target.geometryType }) };
  }
  const warnings: ImportMessage[] = [...result.warnings];
  const dropped = result.parcels.length - kept.length;
  if (dropped > 0) warnings.push(importMessage("features-of-other-type", { dropped, kind: target.geometryType }, { dropped }));
  const id = `${IMPORTED_LAYER_ID_PREFIX}${target.id}-${choices.idSuffix}`;
  const date = choices.importedAt.slice(0, 10);
  // The note is stored with each feature in both languages, like the data package's own notes.
  const noteParams = { date, fileName: choices.fileName, crs: result.crs.code, provenance };
  const features: LayerFeature[] = kept.map((parcel, index) => ({
    type: "Feature",
    geometry: parcel.geometry,
    properties: {
      ...fileAttributes(parcel.properties),
      id: `${id}-${index + 1}`,
      name: featureName(parcel, choices.nameProperty, index),
      source,
      geometry_quality: "official",
      geometry_note: translate("zh", "official.featureNote", noteParams),
      geometry_note_en: translate("en", "official.featureNote", noteParams),
    },
  }));
  const record: ImportedLayerRecord = {
    schemaVersion: IMPORTED_LAYER_SCHEMA_VERSION,
    id,
    title: { zh: choices.title.zh.trim() || target.title.zh, en: choices.title.en.trim() || target.title.en },
    replaces: target.id,
    role: target.role === "restricts" ? "restricts" : "informs",
    geometryType: target.geometryType,
    source,
    sourceDocuments: [...target.sourceDocuments],
    provenance,
    positionalAccuracyM: choices.positionalAccuracyM,
    fileName: choices.fileName,
    importedAt: choices.importedAt,
    crs: { code: result.crs.code, swappedAxes: result.crs.swappedAxes, confidence: result.crs.confidence },
    data: { type: "FeatureCollection", features },
  };
  return { ok: true, record, warnings };
}
