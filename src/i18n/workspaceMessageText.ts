import type { Language, MessageKey } from "./messages";
import { translate } from "./translate";

/** The parts of a workspace file whose records or sections can be skipped; each has a name in the workspace table. */
export type WorkspacePart = "query" | "layer" | "draft" | "settings" | "batch";

/** What the workspace-file reader says: a text of the workspace table (`workspace.read.<key>`) and its parameters. */
export interface WorkspaceMessageText {
  key:
    | "tooLarge"
    | "empty"
    | "tooDeep"
    | "invalidJson"
    | "geojson"
    | "notWorkspace"
    | "futureVersion"
    | "badVersion"
    | "damaged"
    | "recordUnreadable"
    | "recordUnreadableNamed"
    | "recordDuplicate"
    | "recordDuplicateNamed"
    | "partUnreadable"
    | "unreadable";
  params: { what?: WorkspacePart; number?: number; name?: string; megabytes?: number; depth?: number; version?: number; supported?: number };
}

/** A workspace-file message in the reader's language; the part it names is worded by the same table. */
export function workspaceMessageText(message: WorkspaceMessageText, language: Language): string {
  const { what, ...rest } = message.params;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) params[name] = value;
  if (what) params.what = translate(language, `workspace.what.${what}` as MessageKey);
  return translate(language, `workspace.read.${message.key}` as MessageKey, params);
}
