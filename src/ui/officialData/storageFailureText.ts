import type { Language } from "../../i18n/messages";
import { translate } from "../../i18n/translate";
import type { StorageFailure } from "../../state/database";

/** A storage failure as one sentence: why (quota, unavailable, other) and the browser's own message. */
export function storageFailureText(language: Language, failure: StorageFailure): string {
  return translate(language, "official.storageFailed", { reason: translate(language, `official.reason.${failure.reason}`), message: failure.message });
}
