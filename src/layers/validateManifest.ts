import type { AttributeFormat, GeometryQuality, LayerGeometryType, LayerRole, LocalizedText, Manifest } from "./manifestTypes";
import { invalid, isColor, isFiniteNumber, isNonEmptyString, isObject, isSafeId, valid, type JsonObject, type Validation } from "./validation";

const GEOMETRY_TYPES: readonly LayerGeometryType[] = ["polygon", "line", "point"];
const GEOMETRY_QUALITIES: readonly GeometryQuality[] = ["official", "derived", "schematic"];
const ROLES: readonly LayerRole[] = ["restricts", "informs", "context"];
const ATTRIBUTE_FORMATS: readonly AttributeFormat[] = [
  "text",
  "list",
  "number",
  "boolean",
  "flag",
  "date",
  "metres",
  "uncertainty",
  "squareKilometres",
  "feeRate",
  "areaByName",
  "quote",
];
/** Keys every feature carries (see `FeatureProvenance`), shown as the heading, the quality badge and the sources. */
export const PROVENANCE_KEYS: readonly string[] = ["id", "name", "source", "geometry_quality", "geometry_note"];

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

/** Words shown in both languages: English is required, since English mode shows nothing but English. */
function checkBilingual(problems: Problems, where: string, field: string, value: unknown): void {
  if (!isLocalizedText(value) || !isNonEmptyString(value.en)) problems.report(where, `${field} must be {"zh": "…", "en": "…"} with both non-empty`);
}

/**
 * A layer's `attributes`: each a property key (once, never a provenance key), a zh/en label, a known format, an
 * optional vocabulary of zh/en words, a name layer that exists and a cited document id. `flag` needs the words for true.
 */
function checkAttributes(problems: Problems, where: string, layer: JsonObject, layerIds: ReadonlySet<string>): void {
  if (layer.attributes !== undefined) {
    if (!Array.isArray(layer.attributes)) {
      problems.report(where, "attributes must be an array of {key, label, format}");
    } else {
      const keys = new Set<string>();
      layer.attributes.forEach((attribute: unknown, index: number) => {
        const field = isObject(attribute) && isNonEmptyString(attribute.key) ? `attribute '${attribute.key}'` : `attributes[${index}]`;
        if (!isObject(attribute)) {
          problems.report(where, `${field} must be an object`);
          return;
        }
        if (!isNonEmptyString(attribute.key)) problems.report(where, `${field}: key must be a property name`);
        else {
          if (keys.has(attribute.key)) problems.report(where, `${field} is declared twice`);
          if (PROVENANCE_KEYS.includes(attribute.key)) problems.report(where, `${field} is provenance, shown on its own, never listed`);
          keys.add(attribute.key);
        }
        checkBilingual(problems, where, `${field}.label`, attribute.label);
        checkEnum(problems, where, `${field}.format`, attribute.format, ATTRIBUTE_FORMATS);
        if (attribute.values !== undefined) {
          if (!isObject(attribute.values)) problems.report(where, `${field}.values must map each word to {"zh", "en"}`);
          else
            for (const [value, words] of Object.entries(attribute.values)) checkBilingual(problems, where, `${field}.values[${JSON.stringify(value)}]`, words);
        }
        if (attribute.format === "flag" && !(isObject(attribute.values) && attribute.values.true !== undefined)) {
          problems.report(where, `${field}: a flag needs values.true, the words shown when it is set`);
        }
        if (attribute.namesFrom !== undefined && !(isNonEmptyString(attribute.namesFrom) && layerIds.has(attribute.namesFrom))) {
          problems.report(where, `${field}.namesFrom must be the id of a layer in this manifest (got ${JSON.stringify(attribute.namesFrom)})`);
        }
        if (attribute.document !== undefined && !(isNonEmptyString(attribute.document) && isSafeId(attribute.document))) {
          problems.report(where, `${field}.document must be a document id (got ${JSON.stringify(attribute.document)})`);
        }
      });
    }
  }
  if (layer.internalProperties !== undefined) {
    if (!Array.isArray(layer.internalProperties) || !layer.internalProperties.every(isNonEmptyString)) {
      problems.report(where, "internalProperties must be an array of property names");
    } else if (Array.isArray(layer.attributes)) {
      const declared = new Set(layer.attributes.map((attribute: unknown) => (isObject(attribute) ? attribute.key : undefined)));
      for (const key of layer.internalProperties) if (declared.has(key)) problems.report(where, `property '${key}' is both an attribute and internal`);
    }
  }
}

function checkEnum<T extends string>(problems: Problems, where: string, field: string, value: unknown, allowed: readonly T[]): void {
  if (!allowed.includes(value as T)) {
    problems.report(where, `${field} must be one of ${allowed.map((item) => `'${item}'`).join(", ")} (got ${JSON.stringify(value)})`);
  }
}

/** A relative path inside the data package; absolute or parent paths would escape it. */
function isPackagePath(value: unknown): value is string {
  return isNonEmptyString(value) && !value.startsWith("/") && !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.split("/").includes("..") && !value.includes("\\");
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
  if (style.dash !== undefined && (!Array.isArray(style.dash) || style.dash.length < 2 || !style.dash.every((part) => isFiniteNumber(part) && part >= 0))) {
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

function checkLayer(problems: Problems, layer: JsonObject, index: number, groupIds: Set<string>, layerIds: ReadonlySet<string>): void {
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
  checkAttributes(problems, where, layer, layerIds);
}

function checkBounds(problems: Problems, bounds: unknown): void {
  if (!Array.isArray(bounds) || bounds.length !== 4 || !bounds.every(isFiniteNumber)) {
    problems.report("district", "bounds must be [west, south, east, north] in degrees");
    return;
  }
  const [west, south, east, north] = bounds as [number, number, number, number];
  if (west < -180 || east > 180 || south < -90 || north > 90 || west >= east || south >= north) {
    problems.report("district", "bounds must be [west, south, east, north] with west < east and south < north, in degrees");
  }
}

/** The district block: its name, bounds, published area and source, and an outline that is one of the layers, by its file. */
function checkDistrict(problems: Problems, district: unknown, layers: unknown): void {
  if (!isObject(district)) {
    problems.report("", "district must be an object with name, bounds, outline, publishedAreaKm2 and source");
    return;
  }
  checkLocalized(problems, "district", "name", district.name, true);
  checkBounds(problems, district.bounds);
  if (!(isFiniteNumber(district.publishedAreaKm2) && district.publishedAreaKm2 > 0)) problems.report("district", "publishedAreaKm2 must be a number > 0");
  if (!isNonEmptyString(district.source)) problems.report("district", "source must cite the clause that publishes the district's area");
  const outline = district.outline;
  if (!isObject(outline) || !isNonEmptyString(outline.layer) || !isNonEmptyString(outline.file)) {
    problems.report("district", "outline must name its layer and file");
    return;
  }
  const layer = Array.isArray(layers) ? layers.find((candidate: unknown) => isObject(candidate) && candidate.id === outline.layer) : undefined;
  if (!isObject(layer)) problems.report("district", `outline layer '${outline.layer}' is not a layer of the manifest`);
  else if (layer.file !== outline.file) problems.report("district", `outline file '${outline.file}' is not the file of layer '${outline.layer}'`);
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
  checkDistrict(problems, json.district, json.layers);

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
    const allLayerIds = new Set(json.layers.map((layer: unknown) => (isObject(layer) ? layer.id : undefined)).filter(isNonEmptyString));
    json.layers.forEach((layer: unknown, index: number) => {
      if (!isObject(layer)) {
        problems.report("", `layers[${index}] must be an object`);
        return;
      }
      if (isNonEmptyString(layer.id)) {
        if (layerIds.has(layer.id)) problems.report("", `duplicate layer id '${layer.id}'`);
        layerIds.add(layer.id);
      }
      checkLayer(problems, layer, index, groupIds, allLayerIds);
    });
  }

  if (problems.messages.length > 0) return invalid(problems.messages);
  return valid(json as unknown as Manifest);
}
