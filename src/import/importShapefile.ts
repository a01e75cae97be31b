import { detectCrsFromPrj } from "../geo/crsDetect";
import { allSourcePairs, failure, finishImport, resolveCrs } from "./assemble";
import { draftsFromFeatures, skippedFeaturesWarning } from "./importGeoJson";
import { decodeText, isValidUtf8, toBytes } from "./text";
import type { CrsGuess, ImportMessage, ImportOptions, ImportResult, ParcelDraft } from "./types";

export interface DbfEncoding {
  /** A TextDecoder label. */
  label: string;
  source: "cpg" | "language-driver" | "utf-8-check" | "gbk-fallback";
}

const CPG_LABELS: [RegExp, string][] = [
  [/^(utf-?8|65001)$/i, "utf-8"],
  [/^(gbk|gb2312|gb18030|cp936|936|ansi[ _]?936|windows-?936|chinese|x-gbk)$/i, "gbk"],
  [/^(big5|cp950|950|ansi[ _]?950)$/i, "big5"],
  [/^(iso-?8859-?1|8859[-_]?1|88591|latin-?1|cp1252|1252|windows-?1252|ansi[ _]?1252)$/i, "windows-1252"],
];

/**
 * The encoding of a DBF's text: the .cpg when it names one, else the DBF header's language-driver byte
 * (0x4D/0x7A = code page 936), else UTF-8 when the bytes are valid UTF-8, else GBK — what a Chinese-locale
 * ArcGIS or SuperMap writes without saying so.
 */
export function dbfEncoding(cpg: string | undefined, dbf: Uint8Array): DbfEncoding {
  const declared = cpg?.trim();
  if (declared) {
    for (const [pattern, label] of CPG_LABELS) if (pattern.test(declared)) return { label, source: "cpg" };
    if (!/^(ansi|system|oem)$/i.test(declared)) {
      try {
        new TextDecoder(declared);
        return { label: declared.toLowerCase(), source: "cpg" };
      } catch {
        // An unknown label falls through to detection.
      }
    }
  }
  const languageDriver = dbf[29];
  if (languageDriver === 0x4d || languageDriver === 0x7a) return { label: "gbk", source: "language-driver" };
  if (languageDriver === 0x4f) return { label: "big5", source: "language-driver" };
  return isValidUtf8(dbf.subarray(32)) ? { label: "utf-8", source: "utf-8-check" } : { label: "gbk", source: "gbk-fallback" };
}

interface Layer {
  name: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

function decodeEntryName(bytes: string[] | Uint8Array | Buffer): string {
  const array = Array.isArray(bytes) ? Uint8Array.from(bytes.map((character) => character.charCodeAt(0))) : new Uint8Array(bytes);
  return isValidUtf8(array) ? new TextDecoder("utf-8").decode(array) : new TextDecoder("gbk").decode(array);
}

async function readLayers(data: Uint8Array, fileName: string): Promise<{ ok: true; layers: Layer[] } | { ok: false; error: ImportMessage }> {
  const { default: JSZip } = await import("jszip");
  let archive: InstanceType<typeof JSZip>;
  try {
    // Archives made on Chinese Windows store GBK file names without the UTF-8 flag.
    archive = await JSZip.loadAsync(data, { decodeFileName: decodeEntryName });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: "invalid-zip", zh: `「${fileName}」不是有效的 zip 文件：${message}`, en: `"${fileName}" is not a valid zip file: ${message}` } };
  }
  const files = Object.values(archive.files).filter((entry) => !entry.dir && !entry.name.includes("__MACOSX") && !/(^|\/)\._/.test(entry.name));
  const byStem = new Map<string, Map<string, (typeof files)[number]>>();
  for (const entry of files) {
    const match = /^(.*)\.([^./]+)$/.exec(entry.name);
    if (!match) continue;
    const stem = match[1]!;
    const extension = match[2]!.toLowerCase();
    const key = stem.toLowerCase();
    if (!byStem.has(key)) byStem.set(key, new Map());
    byStem.get(key)!.set(extension, entry);
  }
  const layers: Layer[] = [];
  for (const parts of byStem.values()) {
    const shp = parts.get("shp");
    if (!shp) continue;
    const layer: Layer = { name: shp.name.replace(/^.*\//, "").replace(/\.shp$/i, ""), shp: await shp.async("uint8array") };
    const dbf = parts.get("dbf");
    if (dbf) layer.dbf = await dbf.async("uint8array");
    const prj = parts.get("prj");
    if (prj) layer.prj = decodeText(await prj.async("uint8array")).text;
    const cpg = parts.get("cpg");
    if (cpg) layer.cpg = decodeText(await cpg.async("uint8array")).text;
    layers.push(layer);
  }
  if (layers.length === 0) {
    const names = files.map((entry) => entry.name).slice(0, 10);
    const other = files.find((entry) => /\.(kml|geojson|json|csv|txt|dwg|dxf)$/i.test(entry.name));
    return {
      ok: false,
      error: {
        code: "zip-without-shapefile",
        zh: `zip「${fileName}」里没有 .shp 文件（内含：${names.join("、") || "无文件"}）。${other ? `其中的「${other.name}」请解压后单独导入。` : "Shapefile 需要把 .shp、.dbf、.prj（及 .cpg）一起压缩。"}`,
        en: `The zip "${fileName}" contains no .shp file (it holds: ${names.join(", ") || "nothing"}). ${other ? `Unzip "${other.name}" and import it on its own.` : "Zip a Shapefile's .shp, .dbf, .prj (and .cpg) together."}`,
        detail: { entries: names },
      },
    };
  }
  return { ok: true, layers };
}

/**
 * A zipped Shapefile. Geometry is read without reprojection (shpjs would silently project with proj4 and lose the
 * source coordinates); the .prj decides the CRS, which is reported as the file's; attributes are decoded per the
 * .cpg, or guessed (UTF-8, else GBK).
 */
export async function importShapefileZip(data: ArrayBuffer | Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await readLayers(toBytes(data), fileName);
  if (!read.ok) return failure(read.error);
  const { parseShp, parseDbf } = await import("shpjs");

  const warnings: ImportMessage[] = [];
  const drafts: ParcelDraft[] = [];
  let chosen: { crs: CrsGuess; layer: string } | undefined;
  for (const layer of read.layers) {
    let geometries: ReturnType<typeof parseShp>;
    try {
      geometries = parseShp(layer.shp);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return failure({
        code: "invalid-shapefile",
        zh: `「${layer.name}.shp」无法读取：${message}（支持点、线、面及其 Z 类型）。`,
        en: `"${layer.name}.shp" cannot be read: ${message} (points, lines, polygons and their Z variants are supported).`,
        detail: { layer: layer.name, parserMessage: message },
      });
    }
    let records: Record<string, unknown>[] = [];
    if (layer.dbf) {
      const encoding = dbfEncoding(layer.cpg, layer.dbf);
      records = parseDbf(layer.dbf, encoding.label);
      if (encoding.source === "gbk-fallback") {
        warnings.push({
          code: "dbf-encoding-guessed",
          zh: `「${layer.name}.dbf」没有说明编码的 .cpg，且内容不是 UTF-8，已按 GBK 解码属性。如中文显示为乱码，请附上 .cpg 文件。`,
          en: `"${layer.name}.dbf" has no .cpg naming its encoding and is not UTF-8; its attributes were decoded as GBK. If Chinese text looks garbled, include the .cpg file.`,
          detail: { layer: layer.name, encoding: "gbk" },
        });
      }
    } else {
      warnings.push({
        code: "missing-dbf",
        zh: `「${layer.name}」缺少 .dbf 属性表，地块没有属性。`,
        en: `"${layer.name}" has no .dbf attribute table; the parcels have no attributes.`,
        detail: { layer: layer.name },
      });
    }
    const features = geometries.map((geometry, index) => ({ geometry, properties: records[index] ?? null }));
    const layerDrafts = draftsFromFeatures(features, layer.name);
    if (!layerDrafts.ok) return failure({ ...layerDrafts.error, zh: `「${layer.name}」：${layerDrafts.error.zh}`, en: `"${layer.name}": ${layerDrafts.error.en}` });
    warnings.push(...skippedFeaturesWarning(layerDrafts.skipped));
    if (layerDrafts.drafts.length === 0) continue;

    const declared = layer.prj === undefined ? null : detectCrsFromPrj(layer.prj, { zh: `「${layer.name}.prj」`, en: `"${layer.name}.prj"` });
    if (layer.prj === undefined && !options.crsOverride) {
      warnings.push({
        code: "missing-prj",
        zh: `「${layer.name}」缺少 .prj 坐标系文件，已根据坐标数值判断坐标系，请核对。`,
        en: `"${layer.name}" has no .prj file; the coordinate system was inferred from the values — please check it.`,
        detail: { layer: layer.name },
      });
    }
    const resolution = resolveCrs(allSourcePairs(layerDrafts.drafts), declared, options);
    if (!resolution.ok) return failure(resolution.error);
    warnings.push(...resolution.warnings);
    if (chosen && (chosen.crs.code !== resolution.crs.code || chosen.crs.swappedAxes !== resolution.crs.swappedAxes)) {
      return failure({
        code: "mixed-crs-layers",
        zh: `zip 中的图层坐标系不同：「${chosen.layer}」为 ${chosen.crs.code}，「${layer.name}」为 ${resolution.crs.code}。请分别打包导入。`,
        en: `The layers in the zip use different coordinate systems: "${chosen.layer}" is ${chosen.crs.code}, "${layer.name}" is ${resolution.crs.code}. Zip and import them separately.`,
        detail: { layers: [chosen.layer, layer.name], codes: [chosen.crs.code, resolution.crs.code] },
      });
    }
    chosen ??= { crs: resolution.crs, layer: layer.name };
    const multipleLayers = read.layers.length > 1;
    drafts.push(...layerDrafts.drafts.map((draft) => (multipleLayers ? { ...draft, properties: { ...draft.properties, 图层: layer.name } } : draft)));
  }
  if (!chosen) {
    return failure({ code: "no-parcels", zh: `「${fileName}」中的 Shapefile 没有任何几何。`, en: `The Shapefile in "${fileName}" has no geometries.` });
  }
  return finishImport(drafts, chosen.crs, warnings);
}
