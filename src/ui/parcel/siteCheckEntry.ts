import { translate } from "../../i18n/translate";
import { parcelLinkCodec, type ParcelLink } from "../../parcel/parcelLink";
import type { AppRouter } from "../../state/appRouter";
import { openParcelStorage } from "../../state/parcelStorage";
import { h } from "../dom";
import { onDemand } from "../onDemand";
import type { SiteCheckMountOptions } from "./mountSiteCheck";

export const SITE_CHECK_TAB = "site-check";

export interface SiteCheckEntryOptions extends Omit<SiteCheckMountOptions, "pane"> {
  /** Settles once the map first went idle: unsaved work of the last visit is looked for after that. */
  started: Promise<unknown>;
  router: AppRouter;
  onError(error: unknown): void;
}

/**
 * The always-loaded part of the site check ("地块核查"): adds its tab, and loads the rest (src/ui/parcel/mountSiteCheck.ts)
 * only when it is needed — the tab is first shown, the page was opened with (or moves to) a `#parcel=` link, or the
 * unsaved work of the last visit is waiting to be restored (looked for once the map is first idle). The `#parcel=`
 * route is registered here, so a linked parcel waits in the store (and in the address) until the site check opens it.
 */
export function mountSiteCheckEntry(options: SiteCheckEntryOptions): void {
  const { store, shell, started, onError, router, ...rest } = options;
  router.register<ParcelLink>({
    name: "parcel",
    codec: parcelLinkCodec,
    fromState: (state) => state.linkedParcel,
    apply: (link) => store.getState().setLinkedParcel(link),
  });
  const hasLinkedParcel = () => store.getState().linkedParcel.type !== "none";
  const pane = shell.sheet.addTab({ id: SITE_CHECK_TAB, label: "site.tab", order: 30 });
  const placeholder = h("p", { class: "site-intro", "data-site-loading": "" }, translate(store.getState().language, "app.loading"));
  pane.append(placeholder);

  const siteCheck = onDemand(() =>
    import("./mountSiteCheck")
      .then(({ mountSiteCheck }) => {
        placeholder.remove();
        return mountSiteCheck({ ...rest, store, shell, pane });
      })
      .catch(onError),
  );
  const load = siteCheck.load;

  // Each of these only starts the loading once; the site check then watches the tab and the address bar itself.
  if (hasLinkedParcel()) void load();
  shell.sheet.onChange(({ tabId }) => {
    if (tabId === SITE_CHECK_TAB) void load();
  });
  store.subscribe((state, previous) => {
    if (state.linkedParcel !== previous.linkedParcel && hasLinkedParcel()) void load();
  });
  const lookForDraft = () => {
    if (siteCheck.requested()) return;
    openParcelStorage()
      .loadDraft()
      // A failing storage is reported by the site check itself, so it loads then too.
      .then((result) => {
        if (!result.ok || result.value !== null) void load();
      })
      .catch(onError);
  };
  void started.then(lookForDraft, lookForDraft);
}
