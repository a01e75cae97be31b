import type { Language } from "../../../i18n/messages";
import type { ImportMessage } from "../../../import/types";
import type { DataPackage } from "../../../layers/layerData";
import type { CheckedParcel } from "../checkParcels";

/** What every batch export is made from: the checked parcels, the package they were checked against, the import's warnings. */
export interface BatchExportInput {
  checked: readonly CheckedParcel[];
  dataPackage: DataPackage;
  importWarnings: readonly ImportMessage[];
  language: Language;
}
