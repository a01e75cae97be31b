import { detectCrsFromCoordinates, reconcileDeclaredCrs, type CrsDetection } from "../geo/crsDetect";
import { crsReasonPart } from "../geo/crsTypes";
import { crsProblemMessage, crsWarningMessage, isUnreadableDeclaration, unreadableDeclarationMessage } from "./crsMessages";
import { importMessage } from "./messages";
import type { CrsGuess, ImportMessage, ImportOptions, SourcePosition } from "./types";

/**
 * Where an import's coordinate system is decided, for every format: the parsers find what the file declares
 * (crsDetect reads .prj WKT, GeoJSON `crs` and values; crsStatement reads written statements) and hand it here.
 */
export type CrsResolution = { ok: true; crs: CrsGuess; warnings: ImportMessage[] } | { ok: false; error: ImportMessage };

/**
 * The CRS to read the drafts in: the caller's override, else the declared one checked against the values,
 * else inferred from the values. An unreadable declaration falls back to the values with a warning.
 */
export function resolveCrs(pairs: readonly SourcePosition[], declared: CrsDetection | null, options: ImportOptions = {}): CrsResolution {
  const override = options.crsOverride;
  if (override) {
    return {
      ok: true,
      warnings: [],
      crs: {
        code: override.code,
        swappedAxes: override.swappedAxes,
        confidence: "declared",
        reason: [crsReasonPart("user-choice", { crs: override.code, swappedAxes: override.swappedAxes })],
      },
    };
  }
  const finitePairs = pairs.filter((pair) => Number.isFinite(pair[0]) && Number.isFinite(pair[1]));
  if (declared && declared.ok) {
    const reconciled = reconcileDeclaredCrs(declared.crs, finitePairs);
    return { ok: true, crs: reconciled.crs, warnings: [...reconciled.warnings.map(crsWarningMessage), ...datumWarning(reconciled.crs)] };
  }
  const warnings: ImportMessage[] = [];
  if (declared && !declared.ok) {
    if (!isUnreadableDeclaration(declared.problem)) return { ok: false, error: crsProblemMessage(declared.problem) };
    warnings.push(unreadableDeclarationMessage(declared.problem));
  }
  const inferred = detectCrsFromCoordinates(finitePairs);
  if (!inferred.ok) return { ok: false, error: crsProblemMessage(inferred.problem) };
  return { ok: true, crs: inferred.crs, warnings: [...warnings, ...datumWarning(inferred.crs)] };
}

/** Metres read without a stated system: the older datums cannot be told from CGCS2000 by the values alone. */
function datumWarning(crs: CrsGuess): ImportMessage[] {
  const metres = crs.code === "EPSG:4544" || crs.code === "EPSG:4523";
  return crs.confidence === "inferred" && metres ? [importMessage("datum-not-stated", {})] : [];
}
