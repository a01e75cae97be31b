import type { BilingualText } from "../geo/crsTypes";

/** Why a GeoJSON geometry is invalid. `shown` is the type as written, null when there is none. */
export type GeometryProblem =
  | { type: "not-object" }
  | { type: "no-geometries" }
  | { type: "collection-depth"; limit: number }
  | { type: "unsupported-type"; shown: string | null }
  | { type: "malformed-coordinates"; geometryType: string };

/** Why a zip's central directory cannot be used, found before anything is inflated. */
export type ZipDirectoryProblem =
  | { type: "truncated" }
  | { type: "not-zip" }
  | { type: "zip64-locator" }
  | { type: "zip64-record" }
  | { type: "too-many-entries"; count: number; limit: number }
  | { type: "directory-outside" }
  | { type: "entry-damaged"; entry: number };

/** What JSZip's own error text means, for the rare damage the directory check lets through. */
export type ZipDamage = "truncated" | "header" | "size-mismatch" | "damaged";

/** Why a .shp file's structure is invalid; `record` and `part` are 1-based. */
export type ShpProblem =
  | { type: "short-header"; bytes: number }
  | { type: "no-signature" }
  | { type: "shape-type"; shapeType: string }
  | { type: "negative-count"; record: number; count: number }
  | { type: "truncated-header"; record: number; byte: number }
  | { type: "invalid-length"; record: number; bytes: number }
  | { type: "truncated-record"; record: number; needs: number; left: number }
  | { type: "record-too-short"; record: number; needs: number; has: number }
  | { type: "type-mismatch"; record: number; shapeType: string; headerType: string }
  | { type: "invalid-part-start"; record: number; part: number; start: number };

/** Why a .dbf file's header does not fit the file. */
export type DbfProblem =
  | { type: "short-header"; bytes: number }
  | { type: "header-length"; headerLength: number }
  | { type: "fields-too-long"; fieldBytes: number; recordLength: number }
  | { type: "truncated"; records: number; recordLength: number; bytes: number };

/** The archive a zip message is about: a zipped Shapefile or a KMZ. */
type Archive = { archive: "zip" | "KMZ"; fileName: string };

/** The parameters of the file formats' messages (GeoJSON, KML/KMZ, zip, Shapefile), by text key. */
export interface ImportFilesParams {
  "invalid-geometry": { feature: number; path: string; problem: GeometryProblem };
  "features-without-geometry": { skipped: number };
  "invalid-json": { fileName: string; truncated: boolean; line?: number; column?: number };
  "not-geojson.not-object": { fileName: string };
  "not-geojson.no-features": { fileName: string };
  "not-geojson.no-type": { fileName: string };
  "topojson-unsupported": { fileName: string };
  "esri-json-unsupported": { fileName: string };
  "no-parcels.geojson": { fileName: string };
  "kml-entities-refused": { fileName: string };
  "invalid-kml.xml": { fileName: string; parserMessage: string };
  "invalid-kml.root": { fileName: string; root: string };
  "invalid-kml.structure": { fileName: string; parserMessage: string };
  "network-link-not-followed": { count: number; links: string[] };
  "no-parcels.kml": { fileName: string };
  "kmz-without-kml": { fileName: string };
  "invalid-zip.directory": Archive & { problem: ZipDirectoryProblem };
  "zip-too-many-entries": Archive & { problem: ZipDirectoryProblem };
  "zip-encrypted": Archive & { entry: string };
  "zip-unsupported-compression": Archive & { entry: string; method: string };
  "unzipped-too-large.entry": Archive & { entry: string; megabytes: string; limitMegabytes: string };
  "unzipped-too-large.total": Archive & { megabytes: string; limitMegabytes: string };
  "unzipped-too-large.understated": Archive & { entry: string; declared: number; inflated: number };
  "unzipped-too-large.inflating": Archive & { entry: string; fileLimitMegabytes: string; totalLimitMegabytes: string };
  "invalid-zip.open": Archive & { damage: ZipDamage };
  "invalid-zip.entry": Archive & { entry: string; damage: ZipDamage };
  "invalid-zip.size-mismatch": Archive & { entry: string; inflated: number; declared: number };
  "zip-without-shapefile": { fileName: string; entries: string[]; other?: string };
  "invalid-prj.unreadable": { layer: string; characters: number; depth: number; tooLong: boolean };
  "invalid-shapefile": { layer: string; problem: ShpProblem };
  "invalid-shapefile.damaged": { layer: string; parserMessage: string };
  "invalid-dbf": { layer: string; problem: DbfProblem };
  "invalid-dbf.damaged": { layer: string; parserMessage: string };
  "too-many-attributes": { layer: string; records: number; fields: number; limit: number };
  "dbf-encoding-guessed": { layer: string };
  "missing-dbf": { layer: string };
  "mixed-crs-layers": { layers: [string, string]; codes: [string, string] };
  "no-parcels.shapefile": { fileName: string };
}

function geometryProblemText(problem: GeometryProblem): BilingualText {
  switch (problem.type) {
    case "not-object":
      return { zh: "不是对象。", en: "not an object." };
    case "no-geometries":
      return { zh: "GeometryCollection 缺少 geometries 数组。", en: "GeometryCollection without a geometries array." };
    case "collection-depth":
      return { zh: `GeometryCollection 嵌套超过 ${problem.limit} 层。`, en: `GeometryCollections nested more than ${problem.limit} levels deep.` };
    case "unsupported-type":
      return { zh: `不支持的几何类型「${problem.shown ?? "（无）"}」。`, en: `unsupported geometry type "${problem.shown ?? "(none)"}".` };
    case "malformed-coordinates":
      return {
        zh: `${problem.geometryType} 的 coordinates 结构不对，或含有非数字（如 null、字符串）。`,
        en: `the coordinates of the ${problem.geometryType} are malformed or contain non-numbers (null, strings).`,
      };
  }
}

function zipDirectoryText(problem: ZipDirectoryProblem): BilingualText {
  switch (problem.type) {
    case "truncated":
      return {
        zh: "以 zip 文件头开始，但缺少末尾的中央目录（文件被截断，可能下载或复制不完整）。",
        en: "starts like a zip but its end record (central directory) is missing: the file is truncated, perhaps an incomplete download or copy.",
      };
    case "not-zip":
      return { zh: "不是 zip 压缩文件（找不到 zip 的中央目录）。", en: "is not a zip archive (no zip central directory found)." };
    case "zip64-locator":
      return { zh: "的 ZIP64 目录定位记录缺失或损坏。", en: "has a missing or damaged ZIP64 end-of-directory locator." };
    case "zip64-record":
      return { zh: "的 ZIP64 目录记录缺失或损坏。", en: "has a missing or damaged ZIP64 end-of-directory record." };
    case "too-many-entries":
      return {
        zh: `列出了 ${problem.count} 个文件，超过上限 ${problem.limit} 个。请只打包需要导入的文件。`,
        en: `lists ${problem.count} entries, more than the limit of ${problem.limit}. Zip only the files to import.`,
      };
    case "directory-outside":
      return { zh: "的中央目录超出了文件范围（文件被截断或损坏）。", en: "has a central directory that does not fit in the file: it is truncated or damaged." };
    case "entry-damaged":
      return { zh: `的中央目录在第 ${problem.entry} 个文件处损坏。`, en: `has a central directory damaged at entry ${problem.entry}.` };
  }
}

const ZIP_DAMAGE_TEXT: Record<ZipDamage, BilingualText> = {
  truncated: { zh: "zip 文件被截断或损坏", en: "the zip is truncated or damaged" },
  header: { zh: "zip 中某个文件的头部损坏", en: "a file header inside the zip is damaged" },
  "size-mismatch": { zh: "zip 中某个文件解压后的大小与声明不符（文件损坏）", en: "an entry inflates to a size other than the one declared (damaged)" },
  damaged: { zh: "zip 文件损坏", en: "the zip is damaged" },
};

function archiveText({ archive, fileName }: Archive): BilingualText {
  return { zh: `${archive}「${fileName}」`, en: `The ${archive} "${fileName}"` };
}

function shpProblemText(problem: ShpProblem): BilingualText {
  switch (problem.type) {
    case "short-header":
      return {
        zh: `只有 ${problem.bytes} 字节，不足 100 字节的文件头（文件被截断或不是 .shp）。`,
        en: `is only ${problem.bytes} bytes, shorter than the 100-byte header: truncated, or not a .shp.`,
      };
    case "no-signature":
      return {
        zh: "开头不是 Shapefile 的标识（9994），不是有效的 .shp 文件。",
        en: "does not start with the Shapefile signature (9994); it is not a valid .shp file.",
      };
    case "shape-type":
      return {
        zh: `的几何类型为 ${problem.shapeType}，只支持点、线、面（含 Z/M 类型）。`,
        en: `has the shape type ${problem.shapeType}; only points, lines and polygons (and their Z/M variants) are supported.`,
      };
    case "negative-count":
      return {
        zh: `第 ${problem.record} 条记录声明的点数或部分数为负数（${problem.count}），文件已损坏。`,
        en: `record ${problem.record} declares a negative number of parts or points (${problem.count}); the file is damaged.`,
      };
    case "truncated-header":
      return {
        zh: `在第 ${problem.record} 条记录的头部被截断（第 ${problem.byte} 字节）。`,
        en: `is truncated in the header of record ${problem.record} (byte ${problem.byte}).`,
      };
    case "invalid-length":
      return {
        zh: `第 ${problem.record} 条记录的长度（${problem.bytes} 字节）无效，文件已损坏。`,
        en: `record ${problem.record} has an invalid length (${problem.bytes} bytes); the file is damaged.`,
      };
    case "truncated-record":
      return {
        zh: `在第 ${problem.record} 条记录处被截断：记录需要 ${problem.needs} 字节，文件只剩 ${problem.left} 字节（可能下载或复制不完整）。`,
        en: `is truncated at record ${problem.record}: it needs ${problem.needs} bytes, only ${problem.left} are left (an incomplete download or copy?).`,
      };
    case "record-too-short":
      return {
        zh: `第 ${problem.record} 条记录声明的点数或部分数需要 ${problem.needs} 字节，而记录只有 ${problem.has} 字节，文件已损坏。`,
        en: `record ${problem.record} declares parts or points needing ${problem.needs} bytes, but the record has only ${problem.has}; the file is damaged.`,
      };
    case "type-mismatch":
      return {
        zh: `第 ${problem.record} 条记录的几何类型为 ${problem.shapeType}，与文件头声明的 ${problem.headerType} 不一致，文件已损坏。`,
        en: `record ${problem.record} has the shape type ${problem.shapeType}, not the ${problem.headerType} the header declares; the file is damaged.`,
      };
    case "invalid-part-start":
      return {
        zh: `第 ${problem.record} 条记录的第 ${problem.part} 部分起点（${problem.start}）无效，文件已损坏。`,
        en: `record ${problem.record}: part ${problem.part} starts at point ${problem.start}, which is invalid; the file is damaged.`,
      };
  }
}

function dbfProblemText(problem: DbfProblem): BilingualText {
  switch (problem.type) {
    case "short-header":
      return {
        zh: `只有 ${problem.bytes} 字节，不足 32 字节的文件头（文件被截断）。`,
        en: `is only ${problem.bytes} bytes, shorter than its 32-byte header (truncated).`,
      };
    case "header-length":
      return {
        zh: `的文件头长度（${problem.headerLength} 字节）无效，文件已损坏或被截断。`,
        en: `declares a header of ${problem.headerLength} bytes, which is invalid: the file is damaged or truncated.`,
      };
    case "fields-too-long":
      return {
        zh: `的字段共需 ${problem.fieldBytes} 字节，超过声明的记录长度 ${problem.recordLength} 字节，文件已损坏。`,
        en: `has fields needing ${problem.fieldBytes} bytes, more than its declared record length of ${problem.recordLength}; the file is damaged.`,
      };
    case "truncated":
      return {
        zh: `声明有 ${problem.records} 条记录（每条 ${problem.recordLength} 字节），但文件只有 ${problem.bytes} 字节：文件被截断或已损坏。`,
        en: `declares ${problem.records} records of ${problem.recordLength} bytes, but the file has only ${problem.bytes} bytes: it is truncated or damaged.`,
      };
  }
}

function zipDirectoryMessage(params: Archive & { problem: ZipDirectoryProblem }): BilingualText {
  const where = archiveText(params);
  const problem = zipDirectoryText(params.problem);
  return { zh: `${where.zh}${problem.zh}`, en: `${where.en} ${problem.en}` };
}

export const IMPORT_FILES_TEXT: { [Key in keyof ImportFilesParams]: (params: ImportFilesParams[Key]) => BilingualText } = {
  "invalid-geometry": ({ feature, path, problem }) => ({
    zh: `第 ${feature + 1} 个要素的几何无效（${path}）：${geometryProblemText(problem).zh}`,
    en: `Feature ${feature + 1} has an invalid geometry (${path}): ${geometryProblemText(problem).en}`,
  }),
  "features-without-geometry": ({ skipped }) => ({
    zh: `${skipped} 个要素没有几何（空几何），已跳过。`,
    en: `${skipped} feature${skipped > 1 ? "s have" : " has"} no geometry and ${skipped > 1 ? "were" : "was"} skipped.`,
  }),
  "invalid-json": ({ fileName, truncated, line, column }) => {
    const where = line === undefined ? { zh: "", en: "" } : { zh: `（第 ${line} 行第 ${column} 列）`, en: ` (line ${line}, column ${column})` };
    return truncated
      ? {
          zh: `「${fileName}」不是完整的 JSON：文件在中途结束${where.zh}，可能下载或复制不完整。`,
          en: `"${fileName}" is not complete JSON: the text ends too early${where.en}, perhaps an incomplete download or copy.`,
        }
      : { zh: `「${fileName}」不是有效的 JSON：语法错误${where.zh}。`, en: `"${fileName}" is not valid JSON: syntax error${where.en}.` };
  },
  "not-geojson.not-object": ({ fileName }) => ({ zh: `「${fileName}」的内容不是 GeoJSON 对象。`, en: `"${fileName}" does not contain a GeoJSON object.` }),
  "not-geojson.no-features": ({ fileName }) => ({
    zh: `「${fileName}」的 FeatureCollection 缺少 features 数组。`,
    en: `The FeatureCollection in "${fileName}" has no features array.`,
  }),
  "not-geojson.no-type": ({ fileName }) => ({
    zh: `「${fileName}」缺少 GeoJSON 的 type（FeatureCollection、Feature 或几何类型）。`,
    en: `"${fileName}" lacks a GeoJSON type (FeatureCollection, Feature or a geometry type).`,
  }),
  "topojson-unsupported": ({ fileName }) => ({
    zh: `「${fileName}」是 TopoJSON，请先转换为 GeoJSON。`,
    en: `"${fileName}" is TopoJSON; convert it to GeoJSON first.`,
  }),
  "esri-json-unsupported": ({ fileName }) => ({
    zh: `「${fileName}」是 ArcGIS 的 Esri JSON，不是 GeoJSON。请在 ArcGIS 中用「要素转 JSON」并勾选 GeoJSON 输出，或导出为 Shapefile。`,
    en: `"${fileName}" is ArcGIS Esri JSON, not GeoJSON. Export it as GeoJSON ("Features To JSON" with the GeoJSON option) or as a Shapefile.`,
  }),
  "no-parcels.geojson": ({ fileName }) => ({ zh: `「${fileName}」中没有要素。`, en: `"${fileName}" contains no features.` }),
  "kml-entities-refused": ({ fileName }) => ({
    zh: `「${fileName}」含有 DTD 实体声明（<!DOCTYPE … [ <!ENTITY …> ]>）。KML 不需要 DTD；为防止「实体膨胀」（billion laughs）和外部实体攻击，这类文件不予读取。请删去 DOCTYPE 段后再导入。`,
    en: `"${fileName}" declares DTD entities (<!DOCTYPE … [ <!ENTITY …> ]>). KML needs no DTD, and such declarations are how entity-expansion ("billion laughs") and external-entity attacks work, so the file was not read. Remove the DOCTYPE block and import again.`,
  }),
  "invalid-kml.xml": ({ fileName, parserMessage }) => ({
    zh: `「${fileName}」不是有效的 XML（可能被截断或损坏）：${parserMessage}`,
    en: `"${fileName}" is not valid XML (truncated or damaged?): ${parserMessage}`,
  }),
  "invalid-kml.root": ({ fileName, root }) => ({
    zh: `「${fileName}」的根元素是 <${root}>，不是 KML 的 <kml>。`,
    en: `The root element of "${fileName}" is <${root}>, not KML's <kml>.`,
  }),
  "invalid-kml.structure": ({ fileName, parserMessage }) => ({
    zh: `「${fileName}」的 KML 结构无法解读：${parserMessage}`,
    en: `The KML structure of "${fileName}" cannot be read: ${parserMessage}`,
  }),
  "network-link-not-followed": ({ count, links }) => ({
    zh: `KML 中的 ${count} 个网络链接（NetworkLink）未读取：${links.join("、")}。请把链接的文件下载后单独导入。`,
    en: `${count} KML network link${count > 1 ? "s were" : " was"} not followed: ${links.join(", ")}. Download the linked file and import it on its own.`,
  }),
  "no-parcels.kml": ({ fileName }) => ({ zh: `「${fileName}」中没有地标（Placemark）。`, en: `"${fileName}" contains no placemarks.` }),
  "kmz-without-kml": ({ fileName }) => ({ zh: `KMZ「${fileName}」里没有 .kml 文件。`, en: `The KMZ "${fileName}" contains no .kml file.` }),
  "invalid-zip.directory": zipDirectoryMessage,
  "zip-too-many-entries": zipDirectoryMessage,
  "zip-encrypted": (params) => ({
    zh: `${archiveText(params).zh}中的「${params.entry}」设有密码（加密），无法读取。请不加密重新压缩。`,
    en: `${archiveText(params).en} holds "${params.entry}" encrypted with a password, which cannot be read. Zip it again without encryption.`,
  }),
  "zip-unsupported-compression": (params) => ({
    zh: `${archiveText(params).zh}中的「${params.entry}」使用 ${params.method} 压缩方式，只支持常用的 Deflate（或不压缩）。请用系统自带的「压缩」或 7-Zip 的 zip/Deflate 格式重新压缩。`,
    en: `${archiveText(params).en} holds "${params.entry}" compressed with ${params.method}; only the usual Deflate (or no compression) can be read. Zip it again with the system's own zip or 7-Zip's zip/Deflate.`,
  }),
  "unzipped-too-large.entry": (params) => ({
    zh: `${archiveText(params).zh}中的「${params.entry}」解压后有 ${params.megabytes} MB，超过单个文件 ${params.limitMegabytes} MB 的上限，未解压即拒绝。`,
    en: `${archiveText(params).en} holds "${params.entry}", which inflates to ${params.megabytes} MB, over the ${params.limitMegabytes} MB limit for one file; refused before inflating.`,
  }),
  "unzipped-too-large.total": (params) => ({
    zh: `${archiveText(params).zh}中要读取的文件解压后共 ${params.megabytes} MB，超过 ${params.limitMegabytes} MB 的上限，未解压即拒绝。`,
    en: `${archiveText(params).en}: the files to read inflate to ${params.megabytes} MB in all, over the ${params.limitMegabytes} MB limit; refused before inflating.`,
  }),
  "unzipped-too-large.understated": (params) => ({
    zh: `${archiveText(params).zh}中的「${params.entry}」解压出的数据多于它声明的 ${params.declared} 字节（压缩包损坏或是「zip 炸弹」），已在 ${params.inflated} 字节处停止。`,
    en: `${archiveText(params).en}: "${params.entry}" inflates to more than the ${params.declared} bytes it declares (a damaged archive or a zip bomb); inflating stopped at ${params.inflated} bytes.`,
  }),
  "unzipped-too-large.inflating": (params) => ({
    zh: `${archiveText(params).zh}中的「${params.entry}」解压后超过上限（单个文件 ${params.fileLimitMegabytes} MB，合计 ${params.totalLimitMegabytes} MB），已停止解压。`,
    en: `${archiveText(params).en}: "${params.entry}" inflates past the limit (${params.fileLimitMegabytes} MB per file, ${params.totalLimitMegabytes} MB in all); inflating stopped.`,
  }),
  "invalid-zip.open": (params) => ({
    zh: `${archiveText(params).zh}无法打开：${ZIP_DAMAGE_TEXT[params.damage].zh}。`,
    en: `${archiveText(params).en} cannot be opened: ${ZIP_DAMAGE_TEXT[params.damage].en}.`,
  }),
  "invalid-zip.entry": (params) => ({
    zh: `${archiveText(params).zh}中的「${params.entry}」无法解压：${ZIP_DAMAGE_TEXT[params.damage].zh}。`,
    en: `${archiveText(params).en}: "${params.entry}" cannot be inflated: ${ZIP_DAMAGE_TEXT[params.damage].en}.`,
  }),
  "invalid-zip.size-mismatch": (params) => ({
    zh: `${archiveText(params).zh}中的「${params.entry}」已损坏：解压得到 ${params.inflated} 字节，而声明为 ${params.declared} 字节。`,
    en: `${archiveText(params).en}: "${params.entry}" is damaged: it inflates to ${params.inflated} bytes, not the ${params.declared} it declares.`,
  }),
  "zip-without-shapefile": ({ fileName, entries, other }) => ({
    zh: `zip「${fileName}」里没有 .shp 文件（内含：${entries.join("、") || "无文件"}）。${other ? `其中的「${other}」请解压后单独导入。` : "Shapefile 需要把 .shp、.dbf、.prj（及 .cpg）一起压缩。"}`,
    en: `The zip "${fileName}" contains no .shp file (it holds: ${entries.join(", ") || "nothing"}). ${other ? `Unzip "${other}" and import it on its own.` : "Zip a Shapefile's .shp, .dbf, .prj (and .cpg) together."}`,
  }),
  "invalid-prj.unreadable": ({ layer, characters, depth, tooLong }) => ({
    zh: `「${layer}.prj」不是坐标系定义（${tooLong ? `长达 ${characters} 个字符` : `括号嵌套 ${depth} 层`}）。`,
    en: `"${layer}.prj" is not a coordinate-system definition (${tooLong ? `${characters} characters long` : `brackets nested ${depth} deep`}).`,
  }),
  "invalid-shapefile": ({ layer, problem }) => ({ zh: `「${layer}.shp」${shpProblemText(problem).zh}`, en: `"${layer}.shp" ${shpProblemText(problem).en}` }),
  "invalid-shapefile.damaged": ({ layer, parserMessage }) => ({
    zh: `「${layer}.shp」无法读取，文件已损坏（${parserMessage}）。`,
    en: `"${layer}.shp" cannot be read; the file is damaged (${parserMessage}).`,
  }),
  "invalid-dbf": ({ layer, problem }) => ({ zh: `「${layer}.dbf」${dbfProblemText(problem).zh}`, en: `"${layer}.dbf" ${dbfProblemText(problem).en}` }),
  "invalid-dbf.damaged": ({ layer, parserMessage }) => ({
    zh: `「${layer}.dbf」属性表无法读取，文件已损坏（${parserMessage}）。`,
    en: `The attribute table "${layer}.dbf" cannot be read; the file is damaged (${parserMessage}).`,
  }),
  "too-many-attributes": ({ layer, records, fields, limit }) => ({
    zh: `「${layer}.dbf」有 ${records} 条记录 × ${fields} 个字段 = ${records * fields} 个属性值，超过上限 ${limit}。请删去不需要的字段，或只导出要核查的地块。`,
    en: `"${layer}.dbf" has ${records} records × ${fields} fields = ${records * fields} attribute values, more than the limit of ${limit}. Delete unneeded fields or export only the parcels to check.`,
  }),
  "dbf-encoding-guessed": ({ layer }) => ({
    zh: `「${layer}.dbf」没有说明编码的 .cpg，且内容不是 UTF-8，已按 GBK 解码属性。如中文显示为乱码，请附上 .cpg 文件。`,
    en: `"${layer}.dbf" has no .cpg naming its encoding and is not UTF-8; its attributes were decoded as GBK. If Chinese text looks garbled, include the .cpg file.`,
  }),
  "missing-dbf": ({ layer }) => ({
    zh: `「${layer}」缺少 .dbf 属性表，地块没有属性。`,
    en: `"${layer}" has no .dbf attribute table; the parcels have no attributes.`,
  }),
  "mixed-crs-layers": ({ layers, codes }) => ({
    zh: `zip 中的图层坐标系不同：「${layers[0]}」为 ${codes[0]}，「${layers[1]}」为 ${codes[1]}。请分别打包导入。`,
    en: `The layers in the zip use different coordinate systems: "${layers[0]}" is ${codes[0]}, "${layers[1]}" is ${codes[1]}. Zip and import them separately.`,
  }),
  "no-parcels.shapefile": ({ fileName }) => ({ zh: `「${fileName}」中的 Shapefile 没有任何几何。`, en: `The Shapefile in "${fileName}" has no geometries.` }),
};
