import type { FindingReason, FindingStatus } from "../check/types";
import { readStoredCrsGuess } from "../import/storedCrsGuess";
import { BATCH_SCHEMA_VERSION, type Batch } from "../siteCheck/batch/batchService";
import { isParcelGeometry } from "../state/parcelStorage";
import { isStoredImportMessage } from "./importMessageRecord";

/*
 * The guard for a stored or imported batch (src/siteCheck/batch/batchService.ts): every part the summary table, the
 * map and the exports read is checked, so a damaged or hostile record is refused whole instead of failing later.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isText = (value: unknown) => isRecord(value) && isString(value.zh) && isString(value.en);

const STATUSES: readonly FindingStatus[] = ["clear", "caution", "restricted", "info", "no-data", "undecided", "outside"];
const REASON_CODES: ReadonlyArray<FindingReason["code"]> = [
  "site.reason.clear",
  "site.reason.clearNearest",
  "site.reason.informs",
  "site.reason.noData",
  "site.reason.pointWithinCaution",
  "site.reason.pointCannotExclude",
  "site.reason.overlaps",
  "site.reason.overlapsSchematic",
  "site.reason.edgeInside",
  "site.reason.edgeOutside",
  "site.reason.partialNone",
  "site.reason.partialPointsNone",
  "site.reason.outsideDistrict",
];
const FEE_QUESTIONS = ["town", "urban-construction-land", "park"];

function isReasonParam(value: unknown): boolean {
  if (isString(value) || isFiniteNumber(value)) return true;
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  if (keys[0] === "names") return Array.isArray(value.names) && value.names.every(isText);
  return ["distanceMetres", "share", "squareMetres"].includes(keys[0]!) && isFiniteNumber(value[keys[0]!]);
}

function isFinding(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.layerId) &&
    isText(value.title) &&
    STATUSES.includes(value.status as FindingStatus) &&
    isRecord(value.reason) &&
    REASON_CODES.includes(value.reason.code as FindingReason["code"]) &&
    isRecord(value.reason.params) &&
    Object.values(value.reason.params).every(isReasonParam) &&
    Array.isArray(value.overlaps) &&
    value.overlaps.every(
      (overlap) => isRecord(overlap) && isString(overlap.name) && isFiniteNumber(overlap.overlapSquareMetres) && isFiniteNumber(overlap.shareOfParcel),
    )
  );
}

function isOutcome(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.report) || !isRecord(value.fee)) return false;
  const { report, fee } = value;
  return (
    isRecord(report.parcel) &&
    isFiniteNumber(report.parcel.gaussKrugerSquareMetres) &&
    (report.district === undefined || (isRecord(report.district) && ["inside", "partly", "outside"].includes(report.district.position as string))) &&
    Array.isArray(report.findings) &&
    report.findings.every(isFinding) &&
    Array.isArray(value.notChecked) &&
    value.notChecked.every((layer) => isRecord(layer) && isString(layer.layerId) && isText(layer.title)) &&
    Array.isArray(fee.questions) &&
    fee.questions.every((question) => isRecord(question) && FEE_QUESTIONS.includes(question.id as string)) &&
    (fee.town === null || (isRecord(fee.town) && (fee.town.rate === null || isFiniteNumber(fee.town.rate))))
  );
}

function isResult(value: unknown, index: number): boolean {
  return isRecord(value) && value.index === index && (isString(value.failed) || isOutcome(value.outcome));
}

const isStringArray = (value: unknown) => Array.isArray(value) && value.every(isString);

function isParcel(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.name) &&
    isParcelGeometry(value.geometry) &&
    isRecord(value.properties) &&
    Object.values(value.properties).every((property) => isString(property) || isFiniteNumber(property)) &&
    Array.isArray(value.sourceCoordinates) &&
    value.sourceCoordinates.every(
      (part) =>
        Array.isArray(part) &&
        part.every(
          (ring) => Array.isArray(ring) && ring.every((position) => Array.isArray(position) && position.length === 2 && position.every(isFiniteNumber)),
        ),
    ) &&
    (value.vertexLabels === undefined ||
      (Array.isArray(value.vertexLabels) && value.vertexLabels.every((part) => Array.isArray(part) && part.every(isStringArray)))) &&
    (value.statedAreaHectares === undefined || isFiniteNumber(value.statedAreaHectares))
  );
}

/** Checks the batch's CRS guess and, when it passes, puts it back with its reason in the current shape (older batches stored text). */
function upgradeCrsGuess(batch: Record<string, unknown>): boolean {
  const crs = readStoredCrsGuess(batch.crs);
  if (crs) batch.crs = crs;
  return crs !== null;
}

/** The batch without its parcels and results, as stored under the key "current" (see batchStorage.ts). */
export type BatchMeta = Omit<Batch, "parcels" | "results"> & { parcelCount: number; chunkCount: number };

/** A stored slice of a batch: parcels and their results from `start` on. */
export interface BatchChunk {
  start: number;
  parcels: Batch["parcels"];
  results: Batch["results"];
}

function isBatchHead(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    value.schemaVersion === BATCH_SCHEMA_VERSION &&
    isString(value.id) &&
    isString(value.fileName) &&
    upgradeCrsGuess(value) &&
    Array.isArray(value.warnings) &&
    value.warnings.every(isStoredImportMessage) &&
    isString(value.checkedAt) &&
    isString(value.dataPackageVersion)
  );
}

export function isBatchMeta(value: unknown): value is BatchMeta {
  return (
    isBatchHead(value) &&
    Number.isInteger(value.parcelCount) &&
    (value.parcelCount as number) > 0 &&
    Number.isInteger(value.chunkCount) &&
    (value.chunkCount as number) > 0
  );
}

/** Parcels and results that line up, their results numbered from `start`. */
function areParcelsAndResults(parcels: unknown, results: unknown, start: number): boolean {
  return (
    Array.isArray(parcels) &&
    parcels.every(isParcel) &&
    Array.isArray(results) &&
    results.length === parcels.length &&
    results.every((result, index) => isResult(result, start + index))
  );
}

export function isBatchChunk(value: unknown): value is BatchChunk {
  return isRecord(value) && Number.isInteger(value.start) && areParcelsAndResults(value.parcels, value.results, value.start as number);
}

export function isBatchRecord(value: unknown): value is Batch {
  return isBatchHead(value) && Array.isArray(value.parcels) && value.parcels.length > 0 && areParcelsAndResults(value.parcels, value.results, 0);
}
