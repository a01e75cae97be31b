import type { FeatureCollection, Geometry } from "geojson";
import type { LayerFeatureProperties } from "./layerData";
import type { LayerGeometryType, LocalizedText } from "./manifestTypes";

/*
 * An official dataset a user imported as a layer (e.g. the 28 extraction blocks from the 区规划和自然资源局), kept in
 * IndexedDB and merged into the data package at start-up, so the map, search, inspector and parcel checks all see it
 * as one more manifest layer with geometry quality "official". It may stand in for a placeholder layer (`replaces`):
 * the placeholder is then hidden and left out of checks, never deleted.
 */

export const IMPORTED_LAYER_SCHEMA_VERSION = 1;

/** Layer ids of imported layers start with this, so they can never collide with a manifest layer. */
export const IMPORTED_LAYER_ID_PREFIX = "imported-";

export interface ImportedLayerCrs {
  code: string;
  swappedAxes: boolean;
  confidence: "declared" | "inferred";
}

export interface ImportedLayerRecord {
  schemaVersion: typeof IMPORTED_LAYER_SCHEMA_VERSION;
  /** `imported-…`, unique. */
  id: string;
  title: LocalizedText;
  /** The manifest layer this data stands in for, or null for a layer of its own. */
  replaces: string | null;
  /** "restricts": a constraint in parcel checks; "informs": reported as context. */
  role: "restricts" | "informs";
  geometryType: LayerGeometryType;
  /** Citations "documentId#clauseId" every feature carries (those of the replaced layer, or chosen by the user). */
  source: string[];
  /** Document ids the citations come from. */
  sourceDocuments: string[];
  /** What the user states about where the data comes from: issuing office, date, reference number. */
  provenance: string;
  /** How far (metres) the boundaries may be from the truth, as the user states it; classes slivers in checks. */
  positionalAccuracyM: number;
  fileName: string;
  /** ISO timestamp. */
  importedAt: string;
  /** The coordinate system the file was read in. */
  crs: ImportedLayerCrs;
  /**
   * The features in WGS-84, each carrying the provenance properties every layer feature has (`id`, `name`,
   * `source`, `geometry_quality: "official"`, `geometry_note`) plus the file's own attributes as plain strings and
   * finite numbers.
   */
  data: FeatureCollection<Geometry, LayerFeatureProperties>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/** Structural guard for records read back from storage or a workspace file: anything else is skipped, never trusted. */
export function isImportedLayerRecord(value: unknown): value is ImportedLayerRecord {
  if (!isRecord(value) || value.schemaVersion !== IMPORTED_LAYER_SCHEMA_VERSION) return false;
  const { id, title, replaces, role, geometryType, source, sourceDocuments, provenance, positionalAccuracyM, fileName, importedAt, crs, data } = value;
  return (
    isString(id) &&
    id.startsWith(IMPORTED_LAYER_ID_PREFIX) &&
    isRecord(title) &&
    isString(title.zh) &&
    isString(title.en) &&
    (replaces === null || isString(replaces)) &&
    (role === "restricts" || role === "informs") &&
    (geometryType === "polygon" || geometryType === "line" || geometryType === "point") &&
    isStringArray(source) &&
    isStringArray(sourceDocuments) &&
    isString(provenance) &&
    typeof positionalAccuracyM === "number" &&
    Number.isFinite(positionalAccuracyM) &&
    positionalAccuracyM >= 0 &&
    isString(fileName) &&
    isString(importedAt) &&
    isRecord(crs) &&
    isString(crs.code) &&
    isRecord(data) &&
    data.type === "FeatureCollection" &&
    Array.isArray(data.features)
  );
}
