import type { CodedImportMessage, ImportMessageParams, ImportTextKey } from "../i18n/messages.import";

/** The public code of a text key: the key up to its first dot ("invalid-shapefile.no-shp" → "invalid-shapefile"). */
type CodeOf<Key extends string> = Key extends `${infer Code}.${string}` ? Code : Key;

/**
 * An import message from its text key and parameters; the text is rendered at the edge from the table in src/i18n.
 * `detail` is the machine-readable part callers may branch on, as documented in README.md.
 */
export function importMessage<Key extends ImportTextKey>(key: Key, params: ImportMessageParams[Key], detail?: Record<string, unknown>): CodedImportMessage {
  const code = key.split(".")[0] as CodeOf<Key>;
  const message = { code, key, params } as CodedImportMessage;
  if (detail) message.detail = detail;
  return message;
}
