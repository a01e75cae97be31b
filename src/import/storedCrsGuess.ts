import { CRS_CHOICES } from "../geo/crsDetect";
import { crsReasonPart, type CrsGuess, type CrsReason, type ImportCrsCode } from "../geo/crsTypes";
import { CRS_REASON_CODES, crsReasonBilingual } from "../i18n/messages.crs";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A stored reason: the `{code, params}` sentences written now, or the `{zh, en}` text an earlier version wrote, kept
 * as it was worded. Null when it is neither, or when the table cannot word it (a sentence missing a parameter).
 */
export function readStoredCrsReason(value: unknown): CrsReason | null {
  if (isRecord(value) && typeof value.zh === "string" && typeof value.en === "string") return [crsReasonPart("stored-text", { zh: value.zh, en: value.en })];
  if (!Array.isArray(value) || value.length === 0) return null;
  const known = value.every((part) => isRecord(part) && CRS_REASON_CODES.includes(part.code as never) && isRecord(part.params));
  if (!known) return null;
  const reason = value as CrsReason;
  try {
    const text = crsReasonBilingual(reason);
    return text.zh.includes("undefined") || text.en.includes("undefined") ? null : reason;
  } catch {
    return null;
  }
}

/** A stored CRS guess with its reason in the current shape, or null when it is not one. */
export function readStoredCrsGuess(value: unknown): CrsGuess | null {
  if (!isRecord(value) || !CRS_CHOICES.includes(value.code as ImportCrsCode) || typeof value.swappedAxes !== "boolean") return null;
  if (value.confidence !== "declared" && value.confidence !== "inferred") return null;
  const reason = readStoredCrsReason(value.reason);
  return reason ? { code: value.code as ImportCrsCode, swappedAxes: value.swappedAxes, confidence: value.confidence, reason } : null;
}
