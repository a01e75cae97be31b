import { crsReasonPart } from "../geo/crsTypes";
import { allSourcePairs, failure, finishImport } from "./assemble";
import { resolveCrs } from "./crsResolution";
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
    return {
      code: "kml-entities-refused",
      zh: `「${clip(fileName)}」含有 DTD 实体声明（<!DOCTYPE … [ <!ENTITY …> ]>）。KML 不需要 DTD；为防止「实体膨胀」（billion laughs）和外部实体攻击，这类文件不予读取。请删去 DOCTYPE 段后再导入。`,
      en: `"${clip(fileName)}" declares DTD entities (<!DOCTYPE … [ <!ENTITY …> ]>). KML needs no DTD, and such declarations are how entity-expansion ("billion laughs") and external-entity attacks work, so the file was not read. Remove the DOCTYPE block and import again.`,
      detail: { fileName },
    };
  }
  if (shape.depth > MAX_NESTING_DEPTH) return tooDeeplyNested({ zh: `「${clip(fileName)}」的 XML 元素`, en: `The XML of "${clip(fileName)}"` }, shape.depth);
  if (shape.coordinateTuples > MAX_VERTICES)
    return tooManyVerticesBeforeParsing(shape.coordinateTuples, { zh: "坐标点（<coordinates> 中）", en: "coordinate tuples in <coordinates>" });
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
  const invalid = (zh: string, en: string, detail?: Record<string, unknown>): ParsedKml => ({
    ok: false,
    error: detail ? { code: "invalid-kml", zh, en, detail } : { code: "invalid-kml", zh, en },
  });
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
    return invalid(
      `「${clip(fileName)}」不是有效的 XML（可能被截断或损坏）：${message}`,
      `"${clip(fileName)}" is not valid XML (truncated or damaged?): ${message}`,
      { parserMessage: message },
    );
  }
  const root = clip(xml.documentElement?.localName ?? "?", 40);
  if (root !== "kml") {
    return invalid(`「${clip(fileName)}」的根元素是 <${root}>，不是 KML 的 <kml>。`, `The root element of "${clip(fileName)}" is <${root}>, not KML's <kml>.`);
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
    return invalid(`「${clip(fileName)}」的 KML 结构无法解读：${message}`, `The KML structure of "${clip(fileName)}" cannot be read: ${message}`, {
      parserMessage: message,
    });
  }
  return { ok: true, features, networkLinks };
}

function unfollowedLinksWarning(links: string[]): ImportMessage[] {
  if (links.length === 0) return [];
  return [
    {
      code: "network-link-not-followed",
      zh: `KML 中的 ${links.length} 个网络链接（NetworkLink）未读取：${links.slice(0, 3).join("、")}。请把链接的文件下载后单独导入。`,
      en: `${links.length} KML network link${links.length > 1 ? "s were" : " was"} not followed: ${links.slice(0, 3).join(", ")}. Download the linked file and import it on its own.`,
      detail: { links },
    },
  ];
}

function finishKml(features: LooseFeature[], fileName: string, options: ImportOptions, warnings: ImportMessage[]): ImportResult {
  if (features.length === 0) {
    return failure({
      code: "no-parcels",
      zh: `「${fileName}」中没有地标（Placemark）。`,
      en: `"${fileName}" contains no placemarks.`,
    });
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
  const opened = await openZip(toBytes(data), fileName, { zh: "KMZ", en: "KMZ" }, (name) => /\.kml$/i.test(name));
  if (!opened.ok) return failure(opened.error);
  const entries = opened.zip.files.filter((entry) => /\.kml$/i.test(entry.name));
  entries.sort(
    (a, b) => Number(b.name.toLowerCase() === "doc.kml") - Number(a.name.toLowerCase() === "doc.kml") || a.name.split("/").length - b.name.split("/").length,
  );
  if (entries.length === 0) {
    return failure({ code: "kmz-without-kml", zh: `KMZ「${clip(fileName)}」里没有 .kml 文件。`, en: `The KMZ "${clip(fileName)}" contains no .kml file.` });
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
    if (tuples > MAX_VERTICES)
      return failure(tooManyVerticesBeforeParsing(tuples, { zh: "坐标点（<coordinates> 中）", en: "coordinate tuples in <coordinates>" }));
    const parsed = await featuresOfKml(text, `${fileName}/${entry.name}`);
    if (!parsed.ok) return failure(parsed.error);
    features.push(...parsed.features);
    const folder = entry.name.includes("/") ? entry.name.slice(0, entry.name.lastIndexOf("/") + 1) : "";
    externalLinks.push(...parsed.networkLinks.filter((link) => !inArchive.has(`${folder}${link}`.replace(/^\.\//, "").toLowerCase())));
  }
  return finishKml(features, fileName, options, unfollowedLinksWarning(externalLinks));
}
