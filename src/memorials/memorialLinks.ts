import type { Language } from "../i18n/language";
import { formatHashParameters, type HashParameter } from "../routing/hashParameters";
import type { HashCodec } from "../routing/router";

/** `#memorial=<id>` opens that memorial's card; an empty value is no link. Whether the id exists is the finder's to say. */
export const MEMORIAL_PARAMETER = "memorial";

export const memorialCodec: HashCodec<string | null> = {
  keys: [MEMORIAL_PARAMETER],
  parse: (parameters) => {
    const value = parameters.get(MEMORIAL_PARAMETER);
    return value !== undefined && value !== "" ? value : null;
  },
  format: (memorialId) => (memorialId === null ? [] : [[MEMORIAL_PARAMETER, memorialId]]),
};

/**
 * The link to share for a memorial: this page without its current state, opening the card (and English, when the
 * sharer reads English). A fresh link rather than the sharer's whole hash, so it opens on the memorial.
 */
export function memorialShareUrl(pageUrl: string, memorialId: string, language: Language): string {
  const url = new URL(pageUrl);
  const parameters: HashParameter[] = [...memorialCodec.format(memorialId)];
  if (language === "en") parameters.push(["lang", "en"]);
  url.hash = formatHashParameters(parameters);
  return url.toString();
}

/** The parts of `navigator` sharing uses, so tests can hand in fakes. */
export interface ShareEnvironment {
  share?: (data: { title: string; text: string; url: string }) => Promise<void>;
  writeClipboard?: (text: string) => Promise<void>;
}

/** What happened: the system share sheet took it, the link was copied, the user cancelled, or it must be copied by hand. */
export type ShareOutcome = "shared" | "copied" | "cancelled" | "manual";

export function browserShareEnvironment(target: Navigator = navigator): ShareEnvironment {
  const environment: ShareEnvironment = {};
  if (typeof target.share === "function") environment.share = (data) => target.share(data);
  if (target.clipboard && typeof target.clipboard.writeText === "function") {
    environment.writeClipboard = (text) => target.clipboard.writeText(text);
  }
  return environment;
}

/**
 * The system share sheet where there is one, otherwise the clipboard, otherwise "manual" (the caller shows the link
 * in a field to copy). Cancelling the share sheet is not an error.
 */
export async function shareLink(data: { title: string; text: string; url: string }, environment: ShareEnvironment): Promise<ShareOutcome> {
  if (environment.share) {
    try {
      await environment.share(data);
      return "shared";
    } catch (error) {
      if (error instanceof Error && error.name === "AbortError") return "cancelled";
    }
  }
  if (environment.writeClipboard) {
    try {
      await environment.writeClipboard(data.url);
      return "copied";
    } catch {
      return "manual";
    }
  }
  return "manual";
}
