import type { CrsProblem, CrsWarning } from "../geo/crsTypes";
import { rangeText } from "../i18n/messages.crs";
import { importMessage } from "./messages";
import type { ImportMessage } from "./types";

/** The stable import message code each kind of CRS problem is reported under; callers branch on these. */
export const CRS_PROBLEM_CODES: Readonly<Record<CrsProblem["kind"], string>> = {
  "unsupported-zone": "unsupported-zone",
  "unsupported-epsg": "unsupported-crs",
  "unsupported-datum": "unsupported-datum",
  "older-datum-statement": "unsupported-datum",
  "invalid-prj": "invalid-prj",
  "not-a-crs": "unsupported-crs",
  "unsupported-projection": "unsupported-projection",
  "projection-without-meridian": "unsupported-projection",
  "unrecognised-geojson-crs": "unsupported-crs",
  "no-coordinates": "no-coordinates",
  "inconsistent-magnitudes": "inconsistent-coordinates",
  "mixed-zones": "inconsistent-coordinates",
  "unrecognised-coordinates": "unrecognised-coordinates",
  "oversized-prj": "invalid-prj",
  "declared-projection": "unsupported-projection",
  "declared-zone": "unsupported-zone",
  "unreadable-statement": "unreadable-crs-statement",
};

/** The machine-readable part of each problem, as the import result's `detail` has carried it. */
function problemDetail(problem: CrsProblem): Record<string, unknown> | undefined {
  switch (problem.kind) {
    case "unsupported-zone":
      return { centralMeridian: problem.params.centralMeridian, falseEasting: problem.params.falseEasting };
    case "unsupported-epsg":
      return { epsg: problem.params.epsg };
    case "unsupported-datum":
      return { datum: problem.params.datum };
    case "older-datum-statement":
      return { datum: problem.params.statement };
    case "invalid-prj":
      return { start: problem.params.start };
    case "not-a-crs":
      return { keyword: problem.params.keyword, name: problem.params.name };
    case "unsupported-projection": {
      const { name, method, scale, metresPerUnit } = problem.params;
      return { name, method, scale, metresPerUnit };
    }
    case "projection-without-meridian":
      return { name: problem.params.name };
    case "unrecognised-geojson-crs":
      return { crs: problem.params.crs };
    case "no-coordinates":
      return undefined;
    case "inconsistent-magnitudes":
      return { pointIndex: problem.params.pointIndex, value: problem.params.value };
    case "mixed-zones":
      return { zones: problem.params.zones };
    case "unrecognised-coordinates":
      return { first: rangeText(problem.params.first.range), second: rangeText(problem.params.second.range) };
    case "oversized-prj":
      return { layer: problem.params.layer, characters: problem.params.characters, depth: problem.params.depth };
    case "declared-projection":
      return { projection: problem.params.projection };
    case "declared-zone": {
      const { zoneWidth, zone, centralMeridian } = problem.params;
      return { zoneWidth, zone, centralMeridian };
    }
    case "unreadable-statement":
      return { statement: problem.params.statement };
  }
}

/** A CRS problem as the import reports it, under the problem's stable code. */
export function crsProblemMessage(problem: CrsProblem): ImportMessage {
  return { ...importMessage("crs-problem", { problem }, problemDetail(problem)), code: CRS_PROBLEM_CODES[problem.kind] };
}

/** Whether a declaration's problem is that it could not be read at all, so the values may decide instead. */
export function isUnreadableDeclaration(problem: CrsProblem): boolean {
  return problem.kind === "invalid-prj" || problem.kind === "oversized-prj" || problem.kind === "unreadable-statement";
}

export function unreadableDeclarationMessage(problem: CrsProblem): ImportMessage {
  return importMessage("declared-crs-unreadable", { problem }, problemDetail(problem));
}

export function crsWarningMessage(warning: CrsWarning): ImportMessage {
  const { params } = warning;
  const detail =
    warning.code === "axis-order-from-values"
      ? { swappedAxes: params.swappedAxes }
      : { declared: warning.params.declared, used: warning.params.used, swappedAxes: params.swappedAxes };
  return { ...importMessage("crs-warning", { warning }, detail), code: warning.code };
}
