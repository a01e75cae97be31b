import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { crsReasonBilingual } from "../../src/i18n/messages.crs";
import { importFile } from "../../src/import/importFile";
import { checkParcels } from "../../src/siteCheck/batch/checkParcels";
import { batchCsv } from "../../src/siteCheck/batch/exports/batchCsv";
import type { BatchExportInput } from "../../src/siteCheck/batch/exports/batchExportInput";
import { batchGeoJson } from "../../src/siteCheck/batch/exports/batchGeoJson";
import { batchReportsJson } from "../../src/siteCheck/batch/exports/batchReportsJson";
import { batchXlsx } from "../../src/siteCheck/batch/exports/batchXlsx";
import { diskFileHashes, nearbyReaderFromDisk } from "./diskLayerReads";
import { loadDataPackageFromFolder, readJsonFile } from "./diskDataPackage";
import { parseCheckOptions, USAGE, type CheckCommandOptions } from "./options";
import { importMessageText } from "../../src/i18n/messages.import";

/** 0 checked; 1 the file could not be read (the importer's message); 2 wrong arguments; 3 the data package or the output failed. */
export const EXIT = { ok: 0, importFailed: 1, usage: 2, failed: 3 } as const;

export interface CommandIo {
  stdout(output: string | Uint8Array): void;
  stderr(text: string): void;
  /** The data package used when --data is not given. */
  defaultDataDir: string;
  now?(): Date;
}

/** Writes next to the target, then renames: a reader never sees half a file, and a failure leaves none. */
export async function writeAtomically(path: string, output: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, output);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** The output in the chosen format; GBK's lost characters are said on standard error. */
async function renderOutput(options: CheckCommandOptions, input: BatchExportInput, io: CommandIo): Promise<string | Uint8Array> {
  switch (options.format) {
    case "csv": {
      const { bytes, replacedCharacters } = batchCsv(input, options.encoding);
      if (replacedCharacters > 0)
        io.stderr(
          `${replacedCharacters} 个字符无法用 GBK 表示，已写为“?”；需要原字符请用 UTF-8。\n${replacedCharacters} characters have no GBK code and were written as "?"; use UTF-8 to keep them.\n`,
        );
      return bytes;
    }
    case "xlsx":
      return batchXlsx(input);
    case "json":
      return batchReportsJson(input);
    case "geojson":
      return batchGeoJson(input);
  }
}

/**
 * `npm run check -- <file> …`: reads a parcel file with the page's importers, checks every parcel against the data
 * package with the page's check engine, and prints (or writes) the summary CSV or workbook, the report models or GeoJSON.
 */
export async function runCheckCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseCheckOptions(argv);
  if (!parsed.ok) {
    io.stderr(`${parsed.error}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const options = parsed.options;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(options.file));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`无法读取文件「${options.file}」：${reason}\nCould not read the file "${options.file}": ${reason}\n`);
    return EXIT.importFailed;
  }
  const dataDir = options.dataDir ?? io.defaultDataDir;
  const dataBase = dataDir.endsWith("/") ? dataDir : `${dataDir}/`;
  const loaded = await loadDataPackageFromFolder(dataBase);
  if (!loaded.ok) {
    io.stderr(`数据包无法加载（${dataBase}）：\nThe data package could not be loaded (${dataBase}):\n${loaded.errors.join("\n")}\n`);
    return EXIT.failed;
  }
  // The importers refuse a parcel larger than the district, whose published area is in the data package.
  const districtAreaKm2 = loaded.value.manifest.district.publishedAreaKm2;
  const imported = await importFile(basename(options.file), bytes, { districtAreaKm2, ...(options.crsOverride ? { crsOverride: options.crsOverride } : {}) });
  if (!imported.ok) {
    io.stderr(`${importMessageText(imported.error, "zh")}\n${importMessageText(imported.error, "en")}\n`);
    return EXIT.importFailed;
  }
  const reason = crsReasonBilingual(imported.crs.reason);
  io.stderr(`${reason.zh}\n${reason.en}\n`);
  for (const warning of imported.warnings) io.stderr(`${importMessageText(warning, "zh")}\n${importMessageText(warning, "en")}\n`);
  const checked = await checkParcels({
    dataPackage: loaded.value,
    dataBase,
    readJson: readJsonFile,
    fileName: basename(options.file),
    parcels: imported.parcels,
    crs: imported.crs,
    warnings: imported.warnings,
    checkedAt: (io.now?.() ?? new Date()).toISOString(),
    readNearby: nearbyReaderFromDisk(),
    fileHashes: diskFileHashes(dataBase),
  });
  const output = await renderOutput(options, { checked, dataPackage: loaded.value, importWarnings: imported.warnings, language: options.language }, io);
  if (options.out === null) {
    io.stdout(output);
    return EXIT.ok;
  }
  try {
    await writeAtomically(options.out, output);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`无法写入「${options.out}」：${reason}\nCould not write "${options.out}": ${reason}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
