import { importMessageText, type ImportMessageCode, type ImportMessageParams } from "../i18n/messages.import";
import type { ImportMessage } from "./types";

/**
 * An import message from its code and parameters; the text comes from the message table in src/i18n. The rendered
 * zh/en stay on the message so that stored results and callers reading them keep working.
 */
export function importMessage<Code extends ImportMessageCode>(code: Code, params: ImportMessageParams[Code]): ImportMessage {
  return { code, ...importMessageText(code, params), detail: { ...params } };
}
