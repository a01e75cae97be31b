import type { ImportedParcel } from "../../import/types";
import type { DataPackage } from "../../layers/layerData";
import { fetchJson } from "../../layers/loadDataPackage";
import { encodeParcelLink } from "../../parcel/parcelHash";
import { PARCEL_PARAMETER } from "../../parcel/parcelLink";
import { shortFileHash } from "../../parcel/sha256";
import type { Batch } from "../../siteCheck/batch/batchService";
import type { CheckedParcel } from "../../siteCheck/batch/checkParcels";
import type { AppStore } from "../../state/store";
import { withHashParameter } from "../../state/urlHash";

/** The combined print holds one report per parcel: beyond this many the page would be too large to lay out. */
export const MAX_PRINTED_PARCELS = 200;
/** Parcels whose full report is built per task, so the page stays responsive while the print is prepared. */
const PARCELS_PER_TASK = 4;

/**
 * Prints the chosen parcels of a batch: the summary, then each parcel's report and 查询告知单. The page keeps only a
 * lean outcome per parcel, so each printed parcel's full report is built again here, a few per task.
 */
export async function printBatchParcels(
  store: AppStore,
  dataPackage: DataPackage,
  dataBase: string,
  batch: Batch,
  indices: readonly number[],
  filters: readonly string[],
): Promise<void> {
  const [{ checkParcels }, { printBatch }] = await Promise.all([import("../../siteCheck/batch/checkParcels"), import("../batchPrint/printBatch")]);
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (file: string) => {
    let pending = hashes.get(file);
    if (!pending) {
      pending = fetch(`${dataBase}${file}`)
        .then(async (response) => (response.ok ? shortFileHash(new Uint8Array(await response.arrayBuffer())) : "—"))
        .catch(() => "—");
      hashes.set(file, pending);
    }
    return pending;
  };
  const checked: CheckedParcel[] = [];
  const parcels: ImportedParcel[] = indices.slice(0, MAX_PRINTED_PARCELS).map((index) => batch.parcels[index]!);
  for (let start = 0; start < parcels.length; start += PARCELS_PER_TASK) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    checked.push(
      ...(await checkParcels({
        dataPackage,
        dataBase,
        readJson: fetchJson,
        fileName: batch.fileName,
        parcels: parcels.slice(start, start + PARCELS_PER_TASK),
        crs: batch.crs,
        warnings: batch.warnings,
        checkedAt: batch.checkedAt,
        linkOf: (parcel) => `${location.origin}${location.pathname}${withHashParameter("", PARCEL_PARAMETER, encodeParcelLink({ geometry: parcel.geometry }))}`,
        fileHashes: async (plan) =>
          Promise.all(
            ["manifest.json", ...plan.staticLayers.flatMap((layer) => (layer.definition.file ? [layer.definition.file] : []))].map(async (file) => ({
              file,
              sha256: await hashOf(file),
            })),
          ),
      })),
    );
  }
  await printBatch(checked, { store, dataPackage, importWarnings: batch.warnings, selection: { total: batch.parcels.length, filters } });
}
