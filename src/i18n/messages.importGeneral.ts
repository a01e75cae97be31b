import type { BilingualText } from "../geo/crsTypes";

/** What was being read when a read failed unexpectedly: a named file, pasted text, or data handed to the worker. */
export type ImportSubject = { type: "file"; name: string } | { type: "pasted" } | { type: "data" };

/** What a count made before parsing counted, per format. */
export type CountedUnit = "lines" | "positions" | "kml-tuples" | "shp-headers";

/** A file format whose advice the unsupported-format message gives (a Shapefile part, CAD, Excel, a geodatabase). */
export type FormatAdvice = "shapefile-part" | "cad" | "excel" | "geodatabase";

/** The parameters of the messages every importer shares (limits, reading, unexpected failures), by text key. */
export interface ImportGeneralParams {
  "file-too-large": { fileName: string; megabytes: string; limitMegabytes: number };
  "input-too-large": { characters: number; limit: number };
  "unreadable-file": { fileName: string; reason: string };
  "import-cancelled": Record<string, never>;
  "unexpected-error": { subject: ImportSubject; parserMessage: string };
  /** The importer's worker stopped (out of memory, failed to load). */
  "unexpected-error.crashed": { subject: ImportSubject; reason: string };
  "empty-file.zero-bytes": { fileName: string };
  "empty-file.whitespace": { fileName: string };
  "unsupported-format": { fileName: string; extension: string; advice?: FormatAdvice };
  "too-deeply-nested": { fileName: string; format: "json" | "xml"; limit: number };
  "too-many-vertices": { vertices: number; limit: number };
  "too-many-vertices.before-parsing": { counted: number; unit: CountedUnit; limit: number };
  "too-many-lines": { lines: number; limit: number; vertexLimit: number };
  "no-parcels": Record<string, never>;
  "rings-organised-by-containment": { layer: string; rings: number };
  "missing-prj": { layer: string };
  "datum-not-stated": Record<string, never>;
  "unreadable-crs-statement": { statement: string };
}

function subjectText(subject: ImportSubject): BilingualText {
  if (subject.type === "file") return { zh: `「${subject.name}」`, en: `"${subject.name}"` };
  return subject.type === "pasted" ? { zh: "粘贴的坐标", en: "the pasted coordinates" } : { zh: "导入的数据", en: "the imported data" };
}

const COUNTED_TEXT: Record<CountedUnit, BilingualText> = {
  lines: { zh: "行坐标", en: "lines with coordinates" },
  positions: { zh: "坐标点", en: "coordinate positions" },
  "kml-tuples": { zh: "坐标点（<coordinates> 中）", en: "coordinate tuples in <coordinates>" },
  "shp-headers": { zh: "点（按 .shp 记录头统计）", en: "vertices (by the .shp record headers)" },
};

const ADVICE_TEXT: Record<FormatAdvice, BilingualText> = {
  "shapefile-part": {
    zh: "Shapefile 由多个文件组成：请把 .shp、.shx、.dbf、.prj（及 .cpg）一起压缩成 .zip 后导入。",
    en: "A Shapefile is several files: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip.",
  },
  cad: {
    zh: "不能直接读取 CAD 图（.dwg/.dxf）。请在 CASS/AutoCAD 中导出界址点坐标（.dat 或界址点 TXT），或在 GIS 软件中转为 Shapefile。",
    en: "CAD drawings (.dwg/.dxf) cannot be read. Export the boundary points from CASS/AutoCAD (.dat or boundary TXT), or convert to a Shapefile in GIS software.",
  },
  excel: {
    zh: "不能直接读取 Excel 工作簿。请在 Excel 中「另存为」CSV（逗号分隔）后导入。",
    en: "Excel workbooks cannot be read directly. Save the sheet as CSV (comma-separated) in Excel and import that.",
  },
  geodatabase: {
    zh: "不能直接读取地理数据库。请在 ArcGIS/QGIS 中把图层导出为 Shapefile（zip）或 GeoJSON。",
    en: "Geodatabases cannot be read directly. Export the layer as a zipped Shapefile or GeoJSON in ArcGIS/QGIS.",
  },
};

export const IMPORT_GENERAL_TEXT: { [Key in keyof ImportGeneralParams]: (params: ImportGeneralParams[Key]) => BilingualText } = {
  "file-too-large": ({ fileName, megabytes, limitMegabytes }) => ({
    zh: `文件「${fileName}」有 ${megabytes} MB，超过 ${limitMegabytes} MB 的上限，未读取。请只导出需要核查的地块。`,
    en: `The file "${fileName}" is ${megabytes} MB, over the ${limitMegabytes} MB limit; it was not read. Export only the parcels to check.`,
  }),
  "input-too-large": ({ characters, limit }) => ({
    zh: `输入的文字共 ${characters} 个字符，超过上限 ${limit} 个字符（与 ${limit / 1024 / 1024} MB 的文件上限相当），未读取。请只粘贴需要核查的地块的界址点。`,
    en: `The text has ${characters} characters, over the limit of ${limit} (the same as the ${limit / 1024 / 1024} MB file limit); it was not read. Paste only the boundary points of the parcels to check.`,
  }),
  "unreadable-file": ({ fileName, reason }) => ({
    zh: `无法读取文件「${fileName}」：${reason}。文件可能已被移动或修改，请重新选择。`,
    en: `The file "${fileName}" could not be read: ${reason}. It may have been moved or changed; choose it again.`,
  }),
  "import-cancelled": () => ({ zh: "已取消导入。", en: "The import was cancelled." }),
  "unexpected-error": ({ subject, parserMessage }) => ({
    zh: `读取${subjectText(subject).zh}时出现意外错误，文件可能已损坏：${parserMessage}`,
    en: `Reading ${subjectText(subject).en} failed unexpectedly; the file may be damaged: ${parserMessage}`,
  }),
  "unexpected-error.crashed": ({ subject, reason }) => ({
    zh: `读取${subjectText(subject).zh}时导入程序意外停止（可能是浏览器内存不足）：${reason}。请重试，或只导出需要核查的地块后再导入。`,
    en: `The importer stopped unexpectedly while reading ${subjectText(subject).en} (the browser may be out of memory): ${reason}. Try again, or export only the parcels to check.`,
  }),
  "empty-file.zero-bytes": ({ fileName }) => ({ zh: `文件「${fileName}」是空的（0 字节）。`, en: `The file "${fileName}" is empty (0 bytes).` }),
  "empty-file.whitespace": ({ fileName }) => ({ zh: `文件「${fileName}」只有空白，没有内容。`, en: `The file "${fileName}" contains only whitespace.` }),
  "unsupported-format": ({ fileName, extension, advice }) => {
    const text = advice ? ADVICE_TEXT[advice] : undefined;
    return {
      zh: `不支持「${extension || "无扩展名"}」文件（${fileName}）。${text ? text.zh : ""}支持：GeoJSON、KML/KMZ、Shapefile（zip）、CSV、界址点坐标 TXT、南方 CASS .dat。`,
      en: `"${extension || "no extension"}" files are not supported (${fileName}). ${text ? `${text.en} ` : ""}Supported: GeoJSON, KML/KMZ, zipped Shapefile, CSV, boundary-point TXT, 南方 CASS .dat.`,
    };
  },
  "too-deeply-nested": ({ fileName, format, limit }) => {
    const what =
      format === "json"
        ? { zh: `「${fileName}」的 JSON 数组/对象`, en: `The JSON of "${fileName}"` }
        : { zh: `「${fileName}」的 XML 元素`, en: `The XML of "${fileName}"` };
    return {
      zh: `${what.zh}嵌套超过 ${limit} 层，不是正常的地块文件（正常文件不超过 20 层），已拒绝读取。`,
      en: `${what.en} is nested more than ${limit} levels deep; a genuine parcel file stays under 20, so it was not read.`,
    };
  },
  "too-many-vertices": ({ vertices, limit }) => ({
    zh: `文件共有 ${vertices} 个点，超过上限 ${limit}。请先在 GIS 软件中简化或拆分后再导入。`,
    en: `The file has ${vertices} vertices in all, more than the limit of ${limit}. Simplify or split it in GIS software first.`,
  }),
  "too-many-vertices.before-parsing": ({ counted, unit, limit }) => ({
    zh: `文件约有 ${counted} 个${COUNTED_TEXT[unit].zh}，超过上限 ${limit} 个点，未解析即拒绝。请先在 GIS 软件中简化或拆分后再导入。`,
    en: `The file has about ${counted} ${COUNTED_TEXT[unit].en}, more than the limit of ${limit} vertices; it was refused before parsing. Simplify or split it in GIS software first.`,
  }),
  "too-many-lines": ({ lines, limit, vertexLimit }) => ({
    zh: `文字共有 ${lines} 行，超过上限 ${limit} 行（界址点最多 ${vertexLimit} 个），未解析即拒绝。请检查是否选错了文件。`,
    en: `The text has ${lines} lines, more than the limit of ${limit} (boundary points are limited to ${vertexLimit}); it was refused before parsing. Check that this is the right file.`,
  }),
  "no-parcels": () => ({ zh: "没有找到任何地块或几何图形。", en: "No parcels or geometries were found." }),
  "rings-organised-by-containment": ({ layer, rings }) => ({
    zh: `「${layer}」中有 ${rings} 个环的走向与其内外关系不符（如内圈与外圈同为顺时针）。已按包含关系读取（与 GDAL 相同）：位于另一环之内的环作为洞扣除。`,
    en: `"${layer}": ${rings} ring${rings > 1 ? "s run" : " runs"} in a direction that does not match ${rings > 1 ? "their" : "its"} nesting (e.g. a hole wound like its outer ring). Read by containment, as GDAL does: a ring inside another is a hole and is subtracted.`,
  }),
  "missing-prj": ({ layer }) => ({
    zh: `「${layer}」缺少 .prj 坐标系文件，已根据坐标数值判断坐标系，请核对。`,
    en: `"${layer}" has no .prj file; the coordinate system was inferred from the values — please check it.`,
  }),
  "datum-not-stated": () => ({
    zh: "文件没有说明坐标系，已按 CGCS2000 读取米制坐标。若坐标实为西安 80 或北京 54 坐标系，位置会偏差数十至上百米，从数值上看不出来：请向提供单位核实坐标系。",
    en: "The file does not state its coordinate system; the metre coordinates were read as CGCS2000. If they are in fact Xi'an 1980 or Beijing 1954, positions are off by tens to hundreds of metres, which the values cannot show: confirm the system with whoever supplied the file.",
  }),
  "unreadable-crs-statement": ({ statement }) => ({
    zh: `坐标系行「${statement}」无法识别（可写 EPSG 代码，如 EPSG:4544，或 CGCS2000、WGS84、GCJ-02、BD-09）。`,
    en: `The coordinate-system line "${statement}" is not recognised (write an EPSG code such as EPSG:4544, or CGCS2000, WGS84, GCJ-02, BD-09).`,
  }),
};
