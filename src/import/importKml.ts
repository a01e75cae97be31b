import { crsReasonPart } from "../geo/crsTypes";
import { allSourcePairs, failure, finishImport } from "./assemble";
import { resolveCrs } from "./crsResolution";
import { importMessage } from "./messages";
import { draftsFromFeatures, skippedFeaturesWarning, type LooseFeature } from "./importGeoJson";
import { tooDeeplyNested, tooManyVerticesBeforeParsing, xmlShape } from "./prescan";
import { clip, decodeText, fileBaseName, toBytes } from "./text";
import { MAX_NESTING_DEPTH, MAX_VERTICES, type CrsGuess, type ImportMessage, type ImportOptions, type ImportResult } from "./types";
import { openZip } from "./zipArchive";

/** togeojson's styling output: noise for a parcel's attributes. */
const STYLE_KEYS = new Set([
  "styleUrl",
  "styleHash",
  "styleMapHash",
  "stroke",
  "stroke-opacity",
  "stroke-width",
  "fill",
  "fill-opacity",
  "icon",
  "icon-opacity",
  "icon-scale",
  "icon-color",
  "icon-heading",
  "icon-offset",
  "icon-offset-units",
  "label-scale",
  "label-color",
  "label-opacity",
  "visibility",
  "@geometry-type",
]);

/** KML is WGS-84 longitude/latitude by definition (OGC KML 2.2, §6.2). */
const KML_CRS: CrsGuess = {
  code: "EPSG:4326",
  swappedAxes: false,
  confidence: "declared",
  reason: [crsReasonPart("kml", {})],
};

function xmlText(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /gb|936/.test(declared)) return new TextDecoder("gbk").decode(bytes);
  return decodeText(bytes).text;
}

type ParsedKml = { ok: true; features: LooseFeature[]; networkLinks: string[] } | { ok: false; error: ImportMessage };

/** KML's description is HTML by definition (OGC KML 2.2, §9.1.3.9); every other text is kept as written. */
const HTML_KEYS = new Set(["description"]);

/**
 * Checks the raw XML before the parser sees it: no DTD internal subset (where "billion laughs" entity expansion
 * and external entities live; KML needs none), bounded nesting, and the vertex limit counted from the
 * <coordinates> text.
 */
function checkKmlText(text: string, fileName: string): ImportMessage | null {
  const shape = xmlShape(text);
  if (shape.internalSubset) {
    return importMessage("kml-entities-refused", { fileName: clip(fileName) }, { fileName });
  }
  if (shape.depth > MAX_NESTING_DEPTH) return tooDeeplyNested(clip(fileName), "xml", shape.depth);
  if (shape.coordinateTuples > MAX_VERTICES) return tooManyVerticesBeforeParsing(shape.coordinateTuples, "kml-tuples");
  return null;
}

/** togeojson hands a description holding markup over as `{ "@type": "html", value }`; the value is the HTML. */
function unwrapHtmlValues(properties: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!properties) return properties;
  const result = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(properties)) {
    const wrapped =
      typeof value === "object" && value !== null && (value as { "@type"?: unknown })["@type"] === "html" ? (value as { value?: unknown }).value : undefined;
    result[key] = typeof wrapped === "string" ? wrapped : value;
  }
  return result;
}

async function featuresOfKml(text: string, fileName: string): Promise<ParsedKml> {
  const refused = checkKmlText(text, fileName);
  if (refused) return { ok: false, error: refused };
  const [{ DOMParser }, { kml }] = await Promise.all([import("@xmldom/xmldom"), import("@tmcw/togeojson")]);
  const problems: string[] = [];
  let xml: ReturnType<InstanceType<typeof DOMParser>["parseFromString"]>;
  try {
    xml = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") {
          problems.push(message);
          throw new Error(message);
        }
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    const message = clip(problems[0] ?? (error instanceof Error ? error.message : String(error)), 200);
    return { ok: false, error: importMessage("invalid-kml.xml", { fileName: clip(fileName), parserMessage: message }, { parserMessage: message }) };
  }
  const root = clip(xml.documentElement?.localName ?? "?", 40);
  if (root !== "kml") {
    return { ok: false, error: importMessage("invalid-kml.root", { fileName: clip(fileName), root }) };
  }
  const features: LooseFeature[] = [];
  const networkLinks: string[] = [];
  try {
    for (const feature of kml(xml).features) {
      if (feature.properties?.["@geometry-type"] === "networklink") networkLinks.push(clip(String(feature.properties["href"] ?? ""), 200));
      else features.push({ geometry: feature.geometry, properties: unwrapHtmlValues(feature.properties) });
    }
  } catch (error) {
    const message = clip(error instanceof Error ? error.message : String(error), 200);
    return { ok: false, error: importMessage("invalid-kml.structure", { fileName: clip(fileName), parserMessage: message }, { parserMessage: message }) };
  }
  return { ok: true, features, networkLinks };
}

function unfollowedLinksWarning(links: string[]): ImportMessage[] {
  if (links.length === 0) return [];
  return [importMessage("network-link-not-followed", { count: links.length, links: links.slice(0, 3) }, { links })];
}

function finishKml(features: LooseFeature[], fileName: string, options: ImportOptions, warnings: ImportMessage[]): ImportResult {
  if (features.length === 0) {
    return failure(importMessage("no-parcels.kml", { fileName }));
  }
  const drafts = draftsFromFeatures(features, fileBaseName(fileName), STYLE_KEYS, HTML_KEYS);
  if (!drafts.ok) return failure(drafts.error);
  const resolution = resolveCrs(allSourcePairs(drafts.drafts), { ok: true, crs: KML_CRS }, options);
  if (!resolution.ok) return failure(resolution.error);
  return finishImport(drafts.drafts, resolution.crs, [...warnings, ...resolution.warnings, ...skippedFeaturesWarning(drafts.skipped)], options);
}

/** KML (lazily loads xmldom and togeojson). */
export async function importKml(data: ArrayBuffer | Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const parsed = await featuresOfKml(xmlText(toBytes(data)), fileName);
  if (!parsed.ok) return failure(parsed.error);
  return finishKml(parsed.features, fileName, options, unfollowedLinksWarning(parsed.networkLinks));
}

/**
 * KMZ: a zip of KML. Every .kml inside is read, root `doc.kml` first, because tools such as GDAL's LIBKML driver
 * write a `doc.kml` that only links (NetworkLink) to the layers in `layers/*.kml`.
 */
export async function importKmz(data: ArrayBuffer | Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const opened = await openZip(toBytes(data), fileName, "KMZ", (name) => /\.kml$/i.test(name));
  if (!opened.ok) return failure(opened.error);
  const entries = opened.zip.files.filter((entry) => /\.kml$/i.test(entry.name));
  entries.sort(
    (a, b) => Number(b.name.toLowerCase() === "doc.kml") - Number(a.name.toLowerCase() === "doc.kml") || a.name.split("/").length - b.name.split("/").length,
  );
  if (entries.length === 0) {
    return failure(importMessage("kmz-without-kml", { fileName: clip(fileName) }));
  }
  const features: LooseFeature[] = [];
  const inArchive = new Set(entries.map((entry) => entry.name.toLowerCase()));
  const externalLinks: string[] = [];
  let tuples = 0;
  for (const entry of entries) {
    const bytes = await opened.zip.read(entry);
    if (!bytes.ok) return failure(bytes.error);
    const text = xmlText(bytes.bytes);
    tuples += xmlShape(text).coordinateTuples;
    if (tuples > MAX_VERTICES) return failure(tooManyVerticesBeforeParsing(tuples, "kml-tuples"));
    const parsed = await featuresOfKml(text, `${fileName}/${entry.name}`);
    if (!parsed.ok) return failure(parsed.error);
    features.push(...parsed.features);
    const folder = entry.name.includes("/") ? entry.name.slice(0, entry.name.lastIndexOf("/") + 1) : "";
    externalLinks.push(...parsed.networkLinks.filter((link) => !inArchive.has(`${folder}${link}`.replace(/^\.\//, "").toLowerCase())));
  }
  return finishKml(features, fileName, options, unfollowedLinksWarning(externalLinks));
}
