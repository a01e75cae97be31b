import { translate } from "../i18n/translate";
import { browserShareEnvironment, shareLink, type ShareEnvironment } from "../memorials/memorialLinks";
import type { AppRouter } from "../state/appRouter";
import type { AppStore } from "../state/store";
import { h, setChildren } from "./dom";

const STATUS_MS = 6000;

export interface ShareViewOptions {
  store: AppStore;
  router: AppRouter;
  /** The header's button row; the share button goes first in it. */
  container: HTMLElement;
  share?: ShareEnvironment;
}

/**
 * The header's "分享" button: a link to the current view — camera, layers, basemap, language, the selected feature,
 * the open clause, memorial card and parcel — as the router writes it, taken at the moment of the click (not the
 * debounced address). The system share sheet where there is one, else the clipboard, else a field to copy from.
 */
export function mountShareView({ store, router, container, share = browserShareEnvironment() }: ShareViewOptions): () => void {
  const button = h("button", { type: "button", class: "header-button share-button", "data-action": "share-view", "aria-haspopup": "dialog" });
  const status = h("p", { class: "copy-status", role: "status", "aria-live": "polite", "data-share-view-status": "" });
  const fallback = h("div", { class: "share-view-fallback", hidden: true });
  const popover = h("div", { class: "share-view-popover" }, status, fallback);
  const root = h("div", { class: "share-view" }, button, popover);
  container.prepend(root);

  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const language = () => store.getState().language;
  const clear = () => {
    if (statusTimer !== undefined) clearTimeout(statusTimer);
    statusTimer = undefined;
    status.textContent = "";
    fallback.hidden = true;
    fallback.replaceChildren();
  };
  const render = () => {
    button.textContent = translate(language(), "share.button");
    button.title = translate(language(), "share.buttonLabel");
    clear();
  };

  button.addEventListener("click", async () => {
    clear();
    const url = router.url();
    const current = language();
    const outcome = await shareLink({ title: translate(current, "app.title"), text: translate(current, "share.text"), url }, share);
    if (outcome === "copied") {
      status.textContent = translate(current, "share.copied");
      statusTimer = setTimeout(clear, STATUS_MS);
    } else if (outcome === "manual") {
      const field = h("input", {
        type: "text",
        class: "mono-field share-view-field",
        readonly: true,
        value: url,
        "aria-label": translate(current, "share.linkLabel"),
        "data-share-view-link": "",
      });
      setChildren(fallback, h("p", {}, translate(current, "share.copyManually")), field);
      fallback.hidden = false;
      field.focus();
      field.select();
    }
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || fallback.hidden) return;
    event.preventDefault();
    clear();
    button.focus();
  });
  const stopStore = store.subscribe((state, previous) => {
    if (state.language !== previous.language) render();
  });
  render();
  return () => {
    clear();
    stopStore();
    root.remove();
  };
}
