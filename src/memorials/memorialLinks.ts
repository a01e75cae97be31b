import type { Language } from "../i18n/messages";
import { parseHash, withHashParameter } from "../state/urlHash";

/** `#memorial=<id>` opens that memorial's card; other hash parameters are left as they are. */
export const MEMORIAL_PARAMETER = "memorial";

export function memorialIdFromHash(hash: string): string | null {
  const found = parseHash(hash).otherParameters.find(([key]) => key === MEMORIAL_PARAMETER);
  return found && found[1] !== "" ? found[1] : null;
}

export function hashWithMemorial(hash: string, memorialId: string | null): string {
  return withHashParameter(hash, MEMORIAL_PARAMETER, memorialId);
}

/**
 * The link to share for a memorial: this page without its current state, opening the card (and English, when the
 * sharer reads English). A fresh link rather than the sharer's whole hash, so it opens on the memorial.
 */
export function memorialShareUrl(pageUrl: string, memorialId: string, language: Language): string {
  const url = new URL(pageUrl);
  let hash = hashWithMemorial("", memorialId);
  if (language === "en") hash = withHashParameter(hash, "lang", "en");
  url.hash = hash;
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
