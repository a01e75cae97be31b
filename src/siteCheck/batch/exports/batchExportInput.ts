import type { Language } from "../../../i18n/messages";
import type { StoredImportMessage } from "../../../import/types";
import type { DataPackage } from "../../../layers/layerData";
import type { BatchEntry } from "../batchEntry";
import type { CheckedParcel } from "../checkParcels";

/** What every batch export is made from: the checked parcels, the package they were checked against, the import's warnings. */
export interface BatchExportInput<Entry extends BatchEntry = CheckedParcel> {
  /** The command line's full results, or a page batch's lean entries (no report models: the summary exports need none). */
  checked: readonly Entry[];
  dataPackage: DataPackage;
  importWarnings: readonly StoredImportMessage[];
  language: Language;
}
