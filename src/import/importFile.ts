import { failure, unexpectedError } from "./assemble";
import type { FormatAdvice } from "../i18n/messages.importGeneral";
import { formatOf, SUPPORTED_EXTENSIONS } from "./formatRegistry";
import { importMessage } from "./messages";
import { fileTooLargeError } from "./sizeLimits";
import { clip, decodeText } from "./text";
import { MAX_FILE_BYTES, type ImportOptions, type ImportResult } from "./types";

export { SUPPORTED_EXTENSIONS };

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  return dot >= 0 ? base.slice(dot).toLowerCase() : "";
}

/** Files people try that cannot be read, and the advice their refusal gives. */
const ADVICE: Readonly<Record<string, FormatAdvice>> = {
  ".shp": "shapefile-part",
  ".shx": "shapefile-part",
  ".dbf": "shapefile-part",
  ".prj": "shapefile-part",
  ".cpg": "shapefile-part",
  ".dwg": "cad",
  ".dxf": "cad",
  ".xlsx": "excel",
  ".xls": "excel",
  ".gdb": "geodatabase",
  ".mdb": "geodatabase",
  ".gpkg": "geodatabase",
};

/**
 * Reads a site-boundary file by its name and bytes: GeoJSON, KML/KMZ, zipped Shapefile, CSV, 界址点坐标 TXT (or plain
 * coordinate lines in a .txt) and 南方 CASS .dat. Parsers for KML/KMZ and Shapefile load on first use.
 */
export async function importFile(givenName: string, data: ArrayBuffer | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const fileName = clip(String(givenName), MAX_FILE_NAME_LENGTH);
  try {
    return await importByExtension(fileName, extensionOf(String(givenName)), data, options);
  } catch (error) {
    return failure(unexpectedError(error, { type: "file", name: fileName }));
  }
}

/** Longest file name quoted in messages and used for parcel names (the usual file-system maximum). */
const MAX_FILE_NAME_LENGTH = 255;

async function importByExtension(fileName: string, extension: string, data: ArrayBuffer | Uint8Array, options: ImportOptions): Promise<ImportResult> {
  if (data.byteLength === 0) {
    return failure(importMessage("empty-file.zero-bytes", { fileName }, { fileName }));
  }
  if (data.byteLength > MAX_FILE_BYTES) return failure(fileTooLargeError(fileName, data.byteLength));
  options.onProgress?.({ stage: "parsing" });
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const format = formatOf(extension, bytes.subarray(0, 512));
  const text = !format || format.binary ? "" : decodeText(data).text;
  if (format && !format.binary && text.trim() === "") {
    return failure(importMessage("empty-file.whitespace", { fileName }, { fileName }));
  }
  if (format) {
    const read = await format.load();
    return read({ data, text, fileName, options });
  }
  const advice = Object.hasOwn(ADVICE, extension) ? ADVICE[extension] : undefined;
  const params = { fileName, extension: clip(extension, 20), ...(advice ? { advice } : {}) };
  return failure(importMessage("unsupported-format", params, { fileName, extension, supported: [...SUPPORTED_EXTENSIONS] }));
}
