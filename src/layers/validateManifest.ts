import type { GeometryQuality, LayerGeometryType, LayerRole, LocalizedText, Manifest } from "./manifestTypes";
import {
  invalid,
  isColor,
  isFiniteNumber,
  isNonEmptyString,
  isObject,
  isSafeId,
  valid,
  type JsonObject,
  type Validation,
} from "./validation";

const GEOMETRY_TYPES: readonly LayerGeometryType[] = ["polygon", "line", "point"];
const GEOMETRY_QUALITIES: readonly GeometryQuality[] = ["official", "derived", "schematic"];
const ROLES: readonly LayerRole[] = ["restricts", "informs", "context"];

/** Collects problems under a path prefix such as "layer 'towns'", so every message says where it is. */
class Problems {
  readonly messages: string[] = [];
  report(where: string, problem: string): void {
    this.messages.push(where === "" ? problem : `${where}: ${problem}`);
  }
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return isObject(value) && isNonEmptyString(value.zh) && typeof value.en === "string";
}

function checkLocalized(problems: Problems, where: string, field: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (!isLocalizedText(value)) problems.report(where, `${field} must be {"zh": "…", "en": "…"} with non-empty zh`);
}

function checkEnum<T extends string>(
  problems: Problems,
  where: string,
  field: string,
  value: unknown,
  allowed: readonly T[],
): void {
  if (!allowed.includes(value as T)) {
    problems.report(where, `${field} must be one of ${allowed.map((item) => `'${item}'`).join(", ")} (got ${JSON.stringify(value)})`);
  }
}

/** A relative path inside the data package; absolute or parent paths would escape it. */
function isPackagePath(value: unknown): value is string {
  return (
    isNonEmptyString(value) &&
    !value.startsWith("/") &&
    !/^[a-z][a-z0-9+.-]*:/i.test(value) &&
    !value.split("/").includes("..") &&
    !value.includes("\\")
  );
}

function checkColorRule(problems: Problems, where: string, field: string, rule: unknown): void {
  if (typeof rule === "string") {
    if (!isColor(rule)) problems.report(where, `${field} '${rule}' is not a colour (use #rrggbb, rgb() or hsl())`);
    return;
  }
  if (!isObject(rule)) {
    problems.report(where, `${field} must be a colour or {property, categories, fallback}`);
    return;
  }
  if (!isNonEmptyString(rule.property)) problems.report(where, `${field}.property must be a non-empty string`);
  if (!isColor(rule.fallback)) problems.report(where, `${field}.fallback must be a colour`);
  if (!Array.isArray(rule.categories) || rule.categories.length === 0) {
    problems.report(where, `${field}.categories must be a non-empty array of [value, colour] pairs`);
    return;
  }
  const seen = new Set<string>();
  rule.categories.forEach((pair: unknown, index: number) => {
    const label = `${field}.categories[${index}]`;
    if (!Array.isArray(pair) || pair.length !== 2) {
      problems.report(where, `${label} must be a [value, colour] pair`);
      return;
    }
    const [value, color] = pair as [unknown, unknown];
    if (!["string", "number", "boolean"].includes(typeof value)) {
      problems.report(where, `${label} value must be a string, number or boolean`);
    }
    const key = JSON.stringify(value);
    if (seen.has(key)) problems.report(where, `${label} repeats the value ${key}`);
    seen.add(key);
    if (!isColor(color)) problems.report(where, `${label} colour ${JSON.stringify(color)} is not a colour`);
  });
}

function checkStyle(problems: Problems, where: string, style: unknown): void {
  if (!isObject(style)) {
    problems.report(where, "style must be an object");
    return;
  }
  checkColorRule(problems, where, "style.color", style.color);
  if (!isFiniteNumber(style.opacity) || style.opacity < 0 || style.opacity > 1) {
    problems.report(where, "style.opacity must be between 0 and 1");
  }
  if (style.outlineColor !== undefined && !isColor(style.outlineColor)) {
    problems.report(where, `style.outlineColor ${JSON.stringify(style.outlineColor)} is not a colour`);
  }
  for (const field of ["width", "radius"] as const) {
    const value = style[field];
    if (value !== undefined && (!isFiniteNumber(value) || value <= 0)) {
      problems.report(where, `style.${field} must be a positive number of pixels`);
    }
  }
  if (
    style.dash !== undefined &&
    (!Array.isArray(style.dash) || style.dash.length < 2 || !style.dash.every((part) => isFiniteNumber(part) && part >= 0))
  ) {
    problems.report(where, "style.dash must be an array of at least two non-negative numbers");
  }
  for (const field of ["hatchProperty", "labelProperty", "labelPointProperty"] as const) {
    if (style[field] !== undefined && !isNonEmptyString(style[field])) {
      problems.report(where, `style.${field} must be a non-empty property name`);
    }
  }
  if (style.fill !== undefined && typeof style.fill !== "boolean") problems.report(where, "style.fill must be true or false");
}

function checkLegend(problems: Problems, where: string, legend: unknown): void {
  if (!Array.isArray(legend)) {
    problems.report(where, "legend must be an array (may be empty)");
    return;
  }
  legend.forEach((entry: unknown, index: number) => {
    const field = `legend[${index}]`;
    if (!isObject(entry)) {
      problems.report(where, `${field} must be an object`);
      return;
    }
    checkLocalized(problems, where, `${field}.label`, entry.label, true);
    if (!isColor(entry.color)) problems.report(where, `${field}.color ${JSON.stringify(entry.color)} is not a colour`);
    checkLocalized(problems, where, `${field}.value`, entry.value, false);
    checkLocalized(problems, where, `${field}.note`, entry.note, false);
    for (const flag of ["hatched", "drawn"] as const) {
      if (entry[flag] !== undefined && typeof entry[flag] !== "boolean") {
        problems.report(where, `${field}.${flag} must be true or false`);
      }
    }
  });
}

function checkSummary(problems: Problems, where: string, summary: unknown): void {
  if (summary === undefined) return;
  if (!Array.isArray(summary)) {
    problems.report(where, "summary must be an array of {label, count, source}");
    return;
  }
  summary.forEach((row: unknown, index: number) => {
    const field = `summary[${index}]`;
    if (!isObject(row)) {
      problems.report(where, `${field} must be an object`);
      return;
    }
    checkLocalized(problems, where, `${field}.label`, row.label, true);
    if (!isFiniteNumber(row.count) || !Number.isInteger(row.count) || row.count < 0) {
      problems.report(where, `${field}.count must be a whole number ≥ 0`);
    }
    if (!isNonEmptyString(row.source)) problems.report(where, `${field}.source must name the citation`);
  });
}

/** Checks `{type, file}` of a `display` or `check` part, and the file's extension for its type. */
function checkPart(problems: Problems, where: string, field: "display" | "check", part: unknown, type: string, extension: string): void {
  if (!isObject(part)) {
    problems.report(where, `${field} must be an object {"type": "${type}", "file": "…${extension}"}`);
    return;
  }
  if (part.type !== type) problems.report(where, `${field}.type must be '${type}' (got ${JSON.stringify(part.type)})`);
  if (!isPackagePath(part.file) || !part.file.endsWith(extension)) {
    problems.report(where, `${field}.file must be a relative path inside the data package ending in ${extension}`);
  }
}

/** A layer is either one GeoJSON `file`, or too large for that: vector tiles to draw (`display`) and an indexed file to check (`check`). */
function checkLayerSources(problems: Problems, where: string, layer: JsonObject): void {
  const tiled = layer.display !== undefined || layer.check !== undefined;
  if (!tiled) {
    if (layer.file === undefined || layer.file === "") problems.report(where, "missing file");
    else if (!isPackagePath(layer.file)) {
      problems.report(where, `file ${JSON.stringify(layer.file)} must be a relative path inside the data package`);
    }
    return;
  }
  if (layer.file !== undefined) problems.report(where, "give either file (GeoJSON) or display + check, not both");
  if (layer.display === undefined) problems.report(where, "check needs display (the tiles to draw the layer)");
  else {
    checkPart(problems, where, "display", layer.display, "pmtiles", ".pmtiles");
    if (isObject(layer.display) && !isNonEmptyString(layer.display.sourceLayer)) {
      problems.report(where, "display.sourceLayer must name the layer inside the vector tiles");
    }
  }
  if (layer.check === undefined) problems.report(where, "display needs check (the file parcel checks read)");
  else checkPart(problems, where, "check", layer.check, "flatgeobuf", ".fgb");
  if (layer.featureCount !== undefined && (!isFiniteNumber(layer.featureCount) || !Number.isInteger(layer.featureCount) || layer.featureCount < 0)) {
    problems.report(where, "featureCount must be a whole number ≥ 0");
  }
}

function checkLayer(problems: Problems, layer: JsonObject, index: number, groupIds: Set<string>): void {
  const where = isNonEmptyString(layer.id) ? `layer '${layer.id}'` : `layers[${index}]`;
  if (!isNonEmptyString(layer.id)) problems.report(where, "missing id");
  else if (!isSafeId(layer.id)) problems.report(where, "id must use only letters, digits, '-' and '_'");
  checkLocalized(problems, where, "title", layer.title, true);
  if (!isNonEmptyString(layer.group)) problems.report(where, "missing group");
  else if (!groupIds.has(layer.group)) problems.report(where, `unknown group '${layer.group}'`);
  checkLayerSources(problems, where, layer);
  checkEnum(problems, where, "geometryType", layer.geometryType, GEOMETRY_TYPES);
  checkEnum(problems, where, "geometryQuality", layer.geometryQuality, GEOMETRY_QUALITIES);
  checkLocalized(problems, where, "qualityNote", layer.qualityNote, true);
  if (!isFiniteNumber(layer.positionalAccuracyM) || layer.positionalAccuracyM < 0) {
    problems.report(where, "positionalAccuracyM must be a number of metres ≥ 0");
  }
  checkEnum(problems, where, "role", layer.role, ROLES);
  if (!Array.isArray(layer.sourceDocuments) || !layer.sourceDocuments.every(isNonEmptyString)) {
    problems.report(where, "sourceDocuments must be an array of document ids");
  }
  if (typeof layer.visible !== "boolean") problems.report(where, "visible must be true or false");
  checkStyle(problems, where, layer.style);
  checkLegend(problems, where, layer.legend);
  checkSummary(problems, where, layer.summary);
  if (layer.publishedCount !== undefined && !(Number.isInteger(layer.publishedCount) && (layer.publishedCount as number) > 0)) {
    problems.report(where, "publishedCount must be a whole number > 0 (how many features the source document publishes)");
  }
  checkLocalized(problems, where, "description", layer.description, false);
}

function checkBounds(problems: Problems, bounds: unknown): void {
  if (!Array.isArray(bounds) || bounds.length !== 4 || !bounds.every(isFiniteNumber)) {
    problems.report("", "bounds must be [west, south, east, north] in degrees");
    return;
  }
  const [west, south, east, north] = bounds as [number, number, number, number];
  if (west < -180 || east > 180 || south < -90 || north > 90 || west >= east || south >= north) {
    problems.report("", "bounds must be [west, south, east, north] with west < east and south < north, in degrees");
  }
}

/**
 * Checks the parsed `manifest.json` against the contract in `manifestTypes.ts`.
 * Unknown extra fields are allowed so the data package can grow ahead of the app.
 */
export function validateManifest(json: unknown): Validation<Manifest> {
  const problems = new Problems();
  if (!isObject(json)) return invalid(["manifest must be a JSON object"]);
  if (!isNonEmptyString(json.version)) problems.report("", "version must be a non-empty string");
  checkLocalized(problems, "", "title", json.title, true);
  checkBounds(problems, json.bounds);

  const groupIds = new Set<string>();
  if (!Array.isArray(json.groups) || json.groups.length === 0) {
    problems.report("", "groups must be a non-empty array");
  } else {
    json.groups.forEach((group: unknown, index: number) => {
      if (!isObject(group) || !isNonEmptyString(group.id)) {
        problems.report("", `groups[${index}] must have an id`);
        return;
      }
      if (groupIds.has(group.id)) problems.report("", `duplicate group id '${group.id}'`);
      groupIds.add(group.id);
      checkLocalized(problems, `group '${group.id}'`, "title", group.title, true);
    });
  }

  if (!Array.isArray(json.layers) || json.layers.length === 0) {
    problems.report("", "layers must be a non-empty array");
  } else {
    const layerIds = new Set<string>();
    json.layers.forEach((layer: unknown, index: number) => {
      if (!isObject(layer)) {
        problems.report("", `layers[${index}] must be an object`);
        return;
      }
      if (isNonEmptyString(layer.id)) {
        if (layerIds.has(layer.id)) problems.report("", `duplicate layer id '${layer.id}'`);
        layerIds.add(layer.id);
      }
      checkLayer(problems, layer, index, groupIds);
    });
  }

  if (problems.messages.length > 0) return invalid(problems.messages);
  return valid(json as unknown as Manifest);
}
