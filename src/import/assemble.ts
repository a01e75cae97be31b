import type { ImportSubject } from "../i18n/messages.importGeneral";
import type { LineString, MultiPolygon, Point, Polygon, Position } from "geojson";
import { likelyMistakes, sourceToWgs84 } from "../geo/crsDetect";
import { importMessage } from "./messages";
import { checkInsideDazu } from "./outsideDazu";
import { clip } from "./text";
import {
  CRS_CHOICE_ERROR_CODES,
  MAX_VERTICES,
  type CrsGuess,
  type ImportedGeometry,
  type ImportedParcel,
  type ImportMessage,
  type ImportOptions,
  type ImportResult,
  type ParcelDraft,
  type SourcePosition,
} from "./types";
import { validateParcel } from "./validateParcel";

/** A failed read; one that failed on the coordinate system says so, so the caller offers the choice. */
export function failure(error: ImportMessage): ImportResult {
  return CRS_CHOICE_ERROR_CODES.has(error.code) ? { ok: false, error, chooseCrs: true } : { ok: false, error };
}

/**
 * The last line of defence: an exception no check foresaw becomes a result instead of a crash. The fuzz tests
 * treat this code as a failure, so every path that reaches it gets its own specific message.
 */
export function unexpectedError(error: unknown, subject: ImportSubject): ImportMessage {
  const parserMessage = clip(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 200);
  return importMessage("unexpected-error", { subject, parserMessage }, { parserMessage });
}

export function allSourcePairs(drafts: readonly ParcelDraft[]): SourcePosition[] {
  return drafts.flatMap((draft) => draft.sourceCoordinates.flat(2));
}

function convert(pair: SourcePosition, crs: CrsGuess): Position {
  try {
    return sourceToWgs84(pair, crs);
  } catch {
    return [Number.NaN, Number.NaN];
  }
}

function geometryOf(draft: ParcelDraft, crs: CrsGuess): ImportedGeometry {
  const toWgs84 = (ring: SourcePosition[]): Position[] => ring.map((pair) => convert(pair, crs));
  if (draft.kind === "point") {
    const point: Point = { type: "Point", coordinates: convert(draft.sourceCoordinates[0]![0]![0]!, crs) };
    return point;
  }
  if (draft.kind === "line") {
    const line: LineString = { type: "LineString", coordinates: toWgs84(draft.sourceCoordinates[0]![0]!) };
    return line;
  }
  if (draft.sourceCoordinates.length === 1) {
    const polygon: Polygon = { type: "Polygon", coordinates: draft.sourceCoordinates[0]!.map(toWgs84) };
    return polygon;
  }
  const multiPolygon: MultiPolygon = { type: "MultiPolygon", coordinates: draft.sourceCoordinates.map((rings) => rings.map(toWgs84)) };
  return multiPolygon;
}

export function toImportedParcel(draft: ParcelDraft, crs: CrsGuess): ImportedParcel {
  const parcel: ImportedParcel = {
    name: draft.name,
    geometry: geometryOf(draft, crs),
    sourceCoordinates: draft.sourceCoordinates,
    properties: draft.properties,
  };
  if (draft.vertexLabels) parcel.vertexLabels = draft.vertexLabels;
  if (draft.statedAreaHectares !== undefined) parcel.statedAreaHectares = draft.statedAreaHectares;
  return parcel;
}

function tooManyVertices(count: number): ImportMessage {
  return importMessage("too-many-vertices", { vertices: count, limit: MAX_VERTICES }, { vertices: count, limit: MAX_VERTICES });
}

/** Stops a parser early once the vertex limit is passed, before large arrays are built. */
export function vertexLimitError(count: number): ImportMessage | null {
  return count > MAX_VERTICES ? tooManyVertices(count) : null;
}

/** Errors that a wrong reading of the coordinates produces; for these the likely mistake is named. */
const READING_ERRORS = new Set(["non-finite-coordinate", "coordinates-out-of-range", "larger-than-district", "zero-area"]);

function withLikelyMistakes(error: ImportMessage, draft: ParcelDraft, crs: CrsGuess): ImportMessage {
  if (!READING_ERRORS.has(error.code)) return error;
  const pairs = draft.sourceCoordinates.flat(2).filter((pair) => Number.isFinite(pair[0]) && Number.isFinite(pair[1]));
  const mistakes = likelyMistakes(pairs, crs);
  if (mistakes.length === 0) return error;
  const message = importMessage(
    "likely-cause",
    { error, mistakes: mistakes.map((mistake) => mistake.mistake) },
    { ...error.detail, suggestions: mistakes.map((mistake) => mistake.id) },
  );
  return { ...message, code: error.code };
}

/**
 * Converts drafts to WGS-84, validates each, drops (and reports) invalid ones, and warns about parcels outside
 * the district. Fails only when no parcel survives.
 */
export function finishImport(
  drafts: readonly ParcelDraft[],
  crs: CrsGuess,
  warnings: readonly ImportMessage[],
  options: Pick<ImportOptions, "onProgress" | "districtAreaKm2"> = {},
): ImportResult {
  const { onProgress } = options;
  if (drafts.length === 0) {
    return failure(importMessage("no-parcels", {}));
  }
  const total = drafts.reduce((sum, draft) => sum + draft.sourceCoordinates.flat(2).length, 0);
  if (total > MAX_VERTICES) return failure(tooManyVertices(total));

  const parcels: ImportedParcel[] = [];
  const allWarnings: ImportMessage[] = [...warnings];
  const rejected: { name: string; errors: ImportMessage[] }[] = [];
  const converted = drafts.map((draft, index) => {
    onProgress?.({ stage: "converting", fraction: index / drafts.length });
    return toImportedParcel(draft, crs);
  });
  for (const [index, draft] of drafts.entries()) {
    onProgress?.({ stage: "validating", fraction: index / drafts.length });
    const validation = validateParcel(converted[index]!, options.districtAreaKm2);
    allWarnings.push(...validation.warnings);
    if (validation.ok) parcels.push(validation.parcel);
    else rejected.push({ name: draft.name, errors: validation.errors.map((error) => withLikelyMistakes(error, draft, crs)) });
  }

  if (parcels.length === 0) {
    if (rejected.length === 1) return failure(rejected[0]!.errors[0]!);
    const errors = rejected.flatMap((item) => item.errors);
    const allOnCrs = errors.every((error) => CRS_CHOICE_ERROR_CODES.has(error.code));
    const none = failure(importMessage("no-valid-parcels", { parcels: rejected.length, errors }, { errors }));
    return allOnCrs && !none.ok ? { ...none, chooseCrs: true } : none;
  }
  for (const item of rejected) {
    for (const error of item.errors) {
      allWarnings.push(importMessage("parcel-skipped", { parcel: item.name, reason: error }, { parcel: item.name, reason: error.code, ...error.detail }));
    }
  }
  allWarnings.push(...checkInsideDazu(parcels, crs));
  return { ok: true, parcels, crs, warnings: allWarnings };
}
