import { allSourcePairs, failure, finishImport, resolveCrs } from "./assemble";
import { draftsFromFeatures, skippedFeaturesWarning, type LooseFeature } from "./importGeoJson";
import { decodeText, fileBaseName, toBytes } from "./text";
import type { CrsGuess, ImportMessage, ImportOptions, ImportResult } from "./types";

/** togeojson's styling output: noise for a parcel's attributes. */
const STYLE_KEYS = new Set([
  "styleUrl", "styleHash", "styleMapHash", "stroke", "stroke-opacity", "stroke-width", "fill", "fill-opacity",
  "icon", "icon-opacity", "icon-scale", "icon-color", "icon-heading", "icon-offset", "icon-offset-units", "label-scale",
  "label-color", "label-opacity", "visibility", "@geometry-type",
]);

/** KML is WGS-84 longitude/latitude by definition (OGC KML 2.2, §6.2). */
const KML_CRS: CrsGuess = {
  code: "EPSG:4326",
  swappedAxes: false,
  confidence: "declared",
  reason: {
    zh: "KML 规定坐标为 WGS-84 经纬度（经度在前）。注意：从奥维、高德等导出的 KML 有时是 GCJ-02 偏移坐标。",
    en: "KML coordinates are WGS-84 longitude/latitude (longitude first) by definition. Note: KML exported from Ovital or AMap is sometimes GCJ-02-offset.",
  },
};

function xmlText(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /gb|936/.test(declared)) return new TextDecoder("gbk").decode(bytes);
  return decodeText(bytes).text;
}

type ParsedKml = { ok: true; features: LooseFeature[]; networkLinks: string[] } | { ok: false; zh: string; en: string };

async function featuresOfKml(text: string, fileName: string): Promise<ParsedKml> {
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
    const message = problems[0] ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, zh: `「${fileName}」不是有效的 XML：${message}`, en: `"${fileName}" is not valid XML: ${message}` };
  }
  if (xml.documentElement?.localName !== "kml") {
    return {
      ok: false,
      zh: `「${fileName}」的根元素是 <${xml.documentElement?.localName ?? "?"}>，不是 KML 的 <kml>。`,
      en: `The root element of "${fileName}" is <${xml.documentElement?.localName ?? "?"}>, not KML's <kml>.`,
    };
  }
  const features: LooseFeature[] = [];
  const networkLinks: string[] = [];
  for (const feature of kml(xml).features) {
    if (feature.properties?.["@geometry-type"] === "networklink") networkLinks.push(String(feature.properties["href"] ?? ""));
    else features.push({ geometry: feature.geometry, properties: feature.properties });
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
  const drafts = draftsFromFeatures(features, fileBaseName(fileName), STYLE_KEYS);
  if (!drafts.ok) return failure(drafts.error);
  const resolution = resolveCrs(allSourcePairs(drafts.drafts), { ok: true, crs: KML_CRS }, options);
  if (!resolution.ok) return failure(resolution.error);
  return finishImport(drafts.drafts, resolution.crs, [...warnings, ...resolution.warnings, ...skippedFeaturesWarning(drafts.skipped)]);
}

/** KML (lazily loads xmldom and togeojson). */
export async function importKml(data: ArrayBuffer | Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const parsed = await featuresOfKml(xmlText(toBytes(data)), fileName);
  if (!parsed.ok) return failure({ code: "invalid-kml", zh: parsed.zh, en: parsed.en });
  return finishKml(parsed.features, fileName, options, unfollowedLinksWarning(parsed.networkLinks));
}

/**
 * KMZ: a zip of KML. Every .kml inside is read, root `doc.kml` first, because tools such as GDAL's LIBKML driver
 * write a `doc.kml` that only links (NetworkLink) to the layers in `layers/*.kml`.
 */
export async function importKmz(data: ArrayBuffer | Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { default: JSZip } = await import("jszip");
  let archive: InstanceType<typeof JSZip>;
  try {
    archive = await JSZip.loadAsync(toBytes(data));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failure({ code: "invalid-zip", zh: `「${fileName}」不是有效的 KMZ（zip）文件：${message}`, en: `"${fileName}" is not a valid KMZ (zip) file: ${message}` });
  }
  const entries = Object.values(archive.files).filter((entry) => !entry.dir && /\.kml$/i.test(entry.name) && !entry.name.startsWith("__MACOSX"));
  entries.sort((a, b) => Number(b.name.toLowerCase() === "doc.kml") - Number(a.name.toLowerCase() === "doc.kml") || a.name.split("/").length - b.name.split("/").length);
  if (entries.length === 0) {
    return failure({ code: "kmz-without-kml", zh: `KMZ「${fileName}」里没有 .kml 文件。`, en: `The KMZ "${fileName}" contains no .kml file.` });
  }
  const features: LooseFeature[] = [];
  const inArchive = new Set(entries.map((entry) => entry.name.toLowerCase()));
  const externalLinks: string[] = [];
  for (const entry of entries) {
    const parsed = await featuresOfKml(xmlText(await entry.async("uint8array")), `${fileName}/${entry.name}`);
    if (!parsed.ok) return failure({ code: "invalid-kml", zh: parsed.zh, en: parsed.en });
    features.push(...parsed.features);
    const folder = entry.name.includes("/") ? entry.name.slice(0, entry.name.lastIndexOf("/") + 1) : "";
    externalLinks.push(...parsed.networkLinks.filter((link) => !inArchive.has(`${folder}${link}`.replace(/^\.\//, "").toLowerCase())));
  }
  return finishKml(features, fileName, options, unfollowedLinksWarning(externalLinks));
}
