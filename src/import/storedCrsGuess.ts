import { CRS_CHOICES, CRS_REASON_REQUIRED_PARAMS, crsReasonPart, type CrsGuess, type CrsReason, type CrsReasonCode, type ImportCrsCode } from "../geo/crsTypes";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A stored reason: the `{code, params}` sentences written now, or the `{zh, en}` text an earlier version wrote, kept
 * as it was worded. Null when it is neither, or when the table cannot word it (a sentence missing a parameter).
 */
export function readStoredCrsReason(value: unknown): CrsReason | null {
  if (isRecord(value) && typeof value.zh === "string" && typeof value.en === "string") return [crsReasonPart("stored-text", { zh: value.zh, en: value.en })];
  if (!Array.isArray(value) || value.length === 0) return null;
  const wordable = value.every((part) => {
    if (!isRecord(part) || typeof part.code !== "string" || !Object.hasOwn(CRS_REASON_REQUIRED_PARAMS, part.code) || !isRecord(part.params)) return false;
    const params = part.params;
    return (CRS_REASON_REQUIRED_PARAMS[part.code as CrsReasonCode] as readonly string[]).every((key) => params[key] !== undefined && params[key] !== null);
  });
  return wordable ? (value as CrsReason) : null;
}

/** A stored CRS guess with its reason in the current shape, or null when it is not one. */
export function readStoredCrsGuess(value: unknown): CrsGuess | null {
  if (!isRecord(value) || !CRS_CHOICES.includes(value.code as ImportCrsCode) || typeof value.swappedAxes !== "boolean") return null;
  if (value.confidence !== "declared" && value.confidence !== "inferred") return null;
  const reason = readStoredCrsReason(value.reason);
  return reason ? { code: value.code as ImportCrsCode, swappedAxes: value.swappedAxes, confidence: value.confidence, reason } : null;
}
