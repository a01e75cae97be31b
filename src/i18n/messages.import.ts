import type { BilingualText, CrsProblem, CrsWarning, LikelyMistakeParams, RenderedMessage } from "../geo/crsTypes";
import { crsProblemText, crsWarningText, likelyMistakesText, outsideDistrictText, unreadableDeclarationText, type OutsideDistrictParams } from "./messages.crs";
import type { Language } from "./language";
import { IMPORT_FILES_TEXT, type ImportFilesParams } from "./messages.importFiles";
import { IMPORTED_LAYER_TEXT, type ImportedLayerParams } from "./messages.importedLayer";
import { IMPORT_GENERAL_TEXT, type ImportGeneralParams } from "./messages.importGeneral";
import { IMPORT_PARCEL_TEXT, type ImportParcelParams } from "./messages.importParcel";
import { IMPORT_TEXT_TEXT, type ImportTextParams } from "./messages.importText";
import { parcelName } from "./defaultParcelName";

/** The messages that quote other messages (a skipped parcel and why, an error and its likely cause). */
export interface ImportNestingParams {
  "parcel-skipped": { parcel: string; reason: ImportMessage };
  "no-valid-parcels": { parcels: number; errors: ImportMessage[] };
  /** A reading error followed by the other readings of the numbers that would fit (worded by messages.crs). */
  "likely-cause": { error: ImportMessage; mistakes: LikelyMistakeParams[] };
  /** The coordinate-system messages: their words are in messages.crs, their codes chosen in src/import/crsMessages.ts. */
  "crs-problem": { problem: CrsProblem };
  "declared-crs-unreadable": { problem: CrsProblem };
  "crs-warning": { warning: CrsWarning };
  "outside-dazu": OutsideDistrictParams;
  /** An error in one layer of a zip holding several. */
  "in-layer": { layer: string; error: ImportMessage };
}

/**
 * The parameters of every import message, by text key. A key is the public code (IMPORT_ERROR_CODES, or a warning's
 * code), or the code and a variant after a dot ("invalid-shapefile.no-shp") where one code has several texts.
 */
export interface ImportMessageParams
  extends ImportGeneralParams,
    ImportParcelParams,
    ImportTextParams,
    ImportFilesParams,
    ImportedLayerParams,
    ImportNestingParams {}

export type ImportTextKey = keyof ImportMessageParams;

/** An import error or warning as data: the stable `code`, the `key` and `params` of its text, machine-readable `detail`. */
export type CodedImportMessage = {
  [Key in ImportTextKey]: { code: string; key: Key; params: ImportMessageParams[Key]; detail?: Record<string, unknown> };
}[ImportTextKey];

/** What an import returns: an error or warning as a code, its text key and parameters; no text. */
export type ImportMessage = CodedImportMessage;

/** What stored batches and workspace files hold: a coded message, or one an earlier version stored as rendered text. */
export type StoredImportMessage = ImportMessage | RenderedMessage;

type TextTable<Params> = { [Key in keyof Params]: (params: Params[Key]) => BilingualText };

const IMPORT_NESTING_TEXT: TextTable<ImportNestingParams> = {
  "parcel-skipped": ({ parcel, reason }) => {
    const text = importMessageBilingual(reason);
    return {
      zh: `地块「${parcelName(parcel, "zh")}」未导入：${text.zh}`,
      en: `Parcel "${parcelName(parcel, "en")}" was not imported: ${text.en}`,
    };
  },
  "no-valid-parcels": ({ parcels, errors }) => {
    const texts = errors.map(importMessageBilingual);
    return {
      zh: `${parcels} 个地块都未通过检查：${texts.map((text) => text.zh).join(" ")}`,
      en: `None of the ${parcels} parcels passed the checks: ${texts.map((text) => text.en).join(" ")}`,
    };
  },
  "likely-cause": ({ error, mistakes }) => {
    const text = importMessageBilingual(error);
    const causes = likelyMistakesText(mistakes.map((mistake) => ({ mistake })));
    return { zh: `${text.zh}可能的原因：${causes.zh}。`, en: `${text.en} Likely cause: ${causes.en}.` };
  },
  "in-layer": ({ layer, error }) => {
    const text = importMessageBilingual(error);
    return { zh: `「${layer}」：${text.zh}`, en: `"${layer}": ${text.en}` };
  },
  "crs-problem": ({ problem }) => crsProblemText(problem),
  "declared-crs-unreadable": ({ problem }) => unreadableDeclarationText(problem),
  "crs-warning": ({ warning }) => crsWarningText(warning),
  "outside-dazu": outsideDistrictText,
};

/** Text of the import messages, zh-CN first and full English: the key and parameters in, both texts out. */
export const IMPORT_MESSAGE_TEXT: TextTable<ImportMessageParams> = {
  ...IMPORT_GENERAL_TEXT,
  ...IMPORT_PARCEL_TEXT,
  ...IMPORT_TEXT_TEXT,
  ...IMPORT_FILES_TEXT,
  ...IMPORTED_LAYER_TEXT,
  ...IMPORT_NESTING_TEXT,
};

function textOf<Key extends ImportTextKey>(key: Key, params: ImportMessageParams[Key]): BilingualText {
  return IMPORT_MESSAGE_TEXT[key](params);
}

function isRendered(message: StoredImportMessage): message is RenderedMessage {
  return !("key" in message);
}

/** Both texts of a message: a coded one from the table, a rendered one (as stored by earlier versions) as it is. */
export function importMessageBilingual(message: StoredImportMessage): BilingualText {
  if (isRendered(message)) return { zh: message.zh, en: message.en };
  // A key this version does not know (a result stored by a later one) still shows its code rather than nothing.
  if (!Object.hasOwn(IMPORT_MESSAGE_TEXT, message.key)) return { zh: message.code, en: message.code };
  try {
    return textOf(message.key, message.params);
  } catch {
    // Parameters of the wrong shape (a damaged stored record) leave the code to show, not a broken view.
    return { zh: message.code, en: message.code };
  }
}

/** The text of an import message in the reader's language: what the UI and the exports show. */
export function importMessageText(message: StoredImportMessage, language: Language): string {
  return importMessageBilingual(message)[language];
}
