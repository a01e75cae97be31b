import { failure, unexpectedError } from "./assemble";
import { formatOf, SUPPORTED_EXTENSIONS } from "./formatRegistry";
import { fileTooLargeError } from "./sizeLimits";
import { clip, decodeText } from "./text";
import { MAX_FILE_BYTES, type ImportOptions, type ImportResult } from "./types";

export { SUPPORTED_EXTENSIONS };

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot >= 0 ? base.slice(dot).toLowerCase() : "";
}

const ADVICE: Record<string, { zh: string; en: string }> = {
  ".shp": {
    zh: "Shapefile 由多个文件组成：请把 .shp、.shx、.dbf、.prj（及 .cpg）一起压缩成 .zip 后导入。",
    en: "A Shapefile is several files: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip.",
  },
  ".dwg": {
    zh: "不能直接读取 CAD 图（.dwg/.dxf）。请在 CASS/AutoCAD 中导出界址点坐标（.dat 或界址点 TXT），或在 GIS 软件中转为 Shapefile。",
    en: "CAD drawings (.dwg/.dxf) cannot be read. Export the boundary points from CASS/AutoCAD (.dat or boundary TXT), or convert to a Shapefile in GIS software.",
  },
  ".xlsx": {
    zh: "不能直接读取 Excel 工作簿。请在 Excel 中「另存为」CSV（逗号分隔）后导入。",
    en: "Excel workbooks cannot be read directly. Save the sheet as CSV (comma-separated) in Excel and import that.",
  },
  ".gdb": {
    zh: "不能直接读取地理数据库。请在 ArcGIS/QGIS 中把图层导出为 Shapefile（zip）或 GeoJSON。",
    en: "Geodatabases cannot be read directly. Export the layer as a zipped Shapefile or GeoJSON in ArcGIS/QGIS.",
  },
};
for (const [extension, advice] of [
  [".shx", ".shp"],
  [".dbf", ".shp"],
  [".prj", ".shp"],
  [".cpg", ".shp"],
  [".dxf", ".dwg"],
  [".xls", ".xlsx"],
  [".mdb", ".gdb"],
  [".gpkg", ".gdb"],
] as const) {
  ADVICE[extension] = ADVICE[advice]!;
}

/**
 * Reads a site-boundary file by its name and bytes: GeoJSON, KML/KMZ, zipped Shapefile, CSV, 界址点坐标 TXT (or plain
 * coordinate lines in a .txt) and 南方 CASS .dat. Parsers for KML/KMZ and Shapefile load on first use.
 */
export async function importFile(givenName: string, data: ArrayBuffer | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const fileName = clip(String(givenName), MAX_FILE_NAME_LENGTH);
  try {
    return await importByExtension(fileName, extensionOf(String(givenName)), data, options);
  } catch (error) {
    return failure(unexpectedError(error, { zh: `「${fileName}」`, en: `"${fileName}"` }));
  }
}

/** Longest file name quoted in messages and used for parcel names (the usual file-system maximum). */
const MAX_FILE_NAME_LENGTH = 255;

async function importByExtension(fileName: string, extension: string, data: ArrayBuffer | Uint8Array, options: ImportOptions): Promise<ImportResult> {
  if (data.byteLength === 0) {
    return failure({ code: "empty-file", zh: `文件「${fileName}」是空的（0 字节）。`, en: `The file "${fileName}" is empty (0 bytes).`, detail: { fileName } });
  }
  if (data.byteLength > MAX_FILE_BYTES) return failure(fileTooLargeError(fileName, data.byteLength));
  options.onProgress?.({ stage: "parsing" });
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const format = formatOf(extension, bytes.subarray(0, 512));
  const text = !format || format.binary ? "" : decodeText(data).text;
  if (format && !format.binary && text.trim() === "") {
    return failure({
      code: "empty-file",
      zh: `文件「${fileName}」只有空白，没有内容。`,
      en: `The file "${fileName}" contains only whitespace.`,
      detail: { fileName },
    });
  }
  if (format) {
    const read = await format.load();
    return read({ data, text, fileName, options });
  }
  const advice = ADVICE[extension];
  return failure({
    code: "unsupported-format",
    zh: `不支持「${clip(extension, 20) || "无扩展名"}」文件（${fileName}）。${advice ? advice.zh : ""}支持：GeoJSON、KML/KMZ、Shapefile（zip）、CSV、界址点坐标 TXT、南方 CASS .dat。`,
    en: `"${clip(extension, 20) || "no extension"}" files are not supported (${fileName}). ${advice ? `${advice.en} ` : ""}Supported: GeoJSON, KML/KMZ, zipped Shapefile, CSV, boundary-point TXT, 南方 CASS .dat.`,
    detail: { fileName, extension, supported: [...SUPPORTED_EXTENSIONS] },
  });
}
