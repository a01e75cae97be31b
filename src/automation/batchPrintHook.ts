import type { DataPackage } from "../layers/layerData";
import type { AppStore } from "../state/store";
import { importMessageText } from "../i18n/messages.import";

declare module "./appHooks" {
  interface DazuTestHooks {
    /**
     * Imports a parcel file with the page's importers, checks every parcel through the batch check (checkParcels), and
     * prints them with the batch UI's printBatch; `window.print` is the browser's own unless the test replaced it.
     * Resolves with the number of parcels printed.
     */
    printBatchOfFile?(fileName: string, text: string): Promise<number>;
  }
}

/** Adds `printBatchOfFile` to `window.__dazuTest`; the importers, the check and the print load on its first call. */
export function installBatchPrintTestHook(store: AppStore, dataPackage: DataPackage, dataBase: string): void {
  const hooks = window.__dazuTest;
  if (!hooks) return;
  hooks.printBatchOfFile = async (fileName, text) => {
    const [
      { importFile },
      { checkParcels },
      { printBatch },
      { fetchJson },
      { shortFileHash },
      { encodeParcelLink },
      { PARCEL_PARAMETER },
      { withHashParameter },
    ] = await Promise.all([
      import("../import/importFile"),
      import("../siteCheck/batch/checkParcels"),
      import("../ui/batchPrint/printBatch"),
      import("../layers/loadDataPackage"),
      import("../parcel/sha256"),
      import("../parcel/parcelHash"),
      import("../parcel/parcelLink"),
      import("../state/urlHash"),
    ]);
    const imported = await importFile(fileName, new TextEncoder().encode(text), {});
    if (!imported.ok) throw new Error(importMessageText(imported.error, "en"));
    const checked = await checkParcels({
      dataPackage,
      dataBase,
      readJson: fetchJson,
      fileName,
      parcels: imported.parcels,
      crs: imported.crs,
      warnings: imported.warnings,
      checkedAt: new Date().toISOString(),
      // The link that reopens each parcel's query, as the single-parcel receipt carries it.
      linkOf: (parcel) => `${location.origin}${location.pathname}${withHashParameter("", PARCEL_PARAMETER, encodeParcelLink({ geometry: parcel.geometry }))}`,
      fileHashes: async (plan) =>
        Promise.all(
          ["manifest.json", ...plan.staticLayers.flatMap((layer) => (layer.definition.file ? [layer.definition.file] : []))].map(async (file) => {
            const response = await fetch(`${dataBase}${file}`);
            return { file, sha256: response.ok ? await shortFileHash(new Uint8Array(await response.arrayBuffer())) : "—" };
          }),
        ),
    });
    await printBatch(checked, { store, dataPackage, importWarnings: imported.warnings });
    return checked.length;
  };
}
