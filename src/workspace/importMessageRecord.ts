import { IMPORT_MESSAGE_TEXT, type ImportMessage } from "../i18n/messages.import";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A stored import message: a coded one whose key this version's table knows, or one rendered in both languages, as
 * batches and workspace files written before messages became codes hold them.
 */
export function isStoredImportMessage(value: unknown): value is ImportMessage {
  if (!isRecord(value) || typeof value.code !== "string") return false;
  if (value.detail !== undefined && !isRecord(value.detail)) return false;
  if ("key" in value) return typeof value.key === "string" && Object.hasOwn(IMPORT_MESSAGE_TEXT, value.key) && isRecord(value.params);
  return typeof value.zh === "string" && typeof value.en === "string";
}
