import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { diskFileHashes, nearbyReaderFromDisk } from "../../scripts/check/diskLayerReads";
import { loadDataPackageFromFolder, readJsonFile } from "../../scripts/check/diskDataPackage";
import type { Language } from "../../src/i18n/messages";
import { importFile } from "../../src/import/importFile";
import { checkParcels } from "../../src/siteCheck/batch/checkParcels";
import type { BatchExportInput } from "../../src/siteCheck/batch/exports/batchExportInput";
import { importMessageText } from "../../src/i18n/messages.import";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** A fixture file (under tests/fixtures) imported and checked against the committed data package, as `npm run check` does. */
export async function checkedFixture(fixture: string, language: Language): Promise<BatchExportInput> {
  const path = join(root, "tests/fixtures", fixture);
  const imported = await importFile(basename(path), new Uint8Array(readFileSync(path)), {});
  if (!imported.ok) throw new Error(importMessageText(imported.error, "en"));
  const dataBase = join(root, "geodata/");
  const loaded = await loadDataPackageFromFolder(dataBase);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  const checked = await checkParcels({
    dataPackage: loaded.value,
    dataBase,
    readJson: readJsonFile,
    fileName: basename(path),
    parcels: imported.parcels,
    crs: imported.crs,
    warnings: imported.warnings,
    checkedAt: "2026-12-03T08:00:00Z",
    readNearby: nearbyReaderFromDisk(),
    fileHashes: diskFileHashes(dataBase),
  });
  return { checked, dataPackage: loaded.value, importWarnings: imported.warnings, language };
}
