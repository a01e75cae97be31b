import type { Language } from "../i18n/messages";
import { translate } from "../i18n/translate";
import { BASEMAP_IDS, isBasemapId, needsTiandituToken, type BasemapId } from "../state/basemapSlice";
import type { AppStore } from "../state/store";
import { h } from "./dom";

/**
 * The basemap select. Choosing 天地图 without a key opens a small form asking for the user's own key (kept in
 * this browser only) instead of switching to a basemap that cannot load.
 */
export function createBasemapSwitcher(store: AppStore, language: Language): { element: HTMLElement; dispose: () => void } {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const state = store.getState();
  const select = h(
    "select",
    { id: "basemap-select", class: "basemap-select", "data-control": "basemap" },
    BASEMAP_IDS.map((id) => h("option", { value: id }, t(`basemap.${id}`))),
  );
  const hint = h("p", { class: "panel-hint" });
  const tokenInput = h("input", {
    id: "tianditu-token",
    type: "text",
    class: "token-input",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
  });
  const tokenError = h("p", { class: "token-error", hidden: true }, t("basemap.tokenMissing"));
  const cancel = h("button", { type: "button", class: "secondary-button" }, t("basemap.tokenCancel"));
  const form = h(
    "form",
    { class: "token-form", hidden: true, novalidate: true },
    h("p", { class: "panel-hint" }, t("basemap.tokenPrompt")),
    h("label", { for: "tianditu-token", class: "field-label" }, t("basemap.tokenLabel")),
    tokenInput,
    tokenError,
    h("div", { class: "form-buttons" }, h("button", { type: "submit", class: "primary-button" }, t("basemap.tokenSave")), cancel),
  );
  const changeToken = h("button", { type: "button", class: "link-button", hidden: true }, t("basemap.tokenChange"));

  /** The 天地图 basemap waiting for a key, while the form is open. */
  let pending: BasemapId | null = null;

  const render = () => {
    const current = store.getState();
    const shown = pending ?? current.basemap;
    select.value = shown;
    hint.textContent = t(shown === "none" ? "basemap.offlineHint" : "basemap.onlineHint");
    form.hidden = pending === null;
    changeToken.hidden = pending !== null || !needsTiandituToken(current.basemap) || current.tiandituToken === "";
  };
  const askForToken = (basemap: BasemapId) => {
    pending = basemap;
    tokenInput.value = store.getState().tiandituToken;
    tokenError.hidden = true;
    render();
    tokenInput.focus();
  };

  select.addEventListener("change", () => {
    if (!isBasemapId(select.value)) return;
    if (needsTiandituToken(select.value) && store.getState().tiandituToken === "") {
      askForToken(select.value);
      return;
    }
    pending = null;
    store.getState().setBasemap(select.value);
    render();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = tokenInput.value.trim();
    if (token === "" || pending === null) {
      tokenError.hidden = false;
      tokenInput.focus();
      return;
    }
    const basemap = pending;
    pending = null;
    store.getState().setTiandituToken(token);
    store.getState().setBasemap(basemap);
    render();
    select.focus();
  });
  cancel.addEventListener("click", () => {
    pending = null;
    if (needsTiandituToken(store.getState().basemap) && store.getState().tiandituToken === "") {
      store.getState().setBasemap("none");
    }
    render();
    select.focus();
  });
  changeToken.addEventListener("click", () => askForToken(store.getState().basemap));

  // A shared link may ask for 天地图 on a browser that has no key yet.
  if (needsTiandituToken(state.basemap) && state.tiandituToken === "") pending = state.basemap;
  render();
  const dispose = store.subscribe((next, previous) => {
    if (next.basemap !== previous.basemap || next.tiandituToken !== previous.tiandituToken) {
      if (needsTiandituToken(next.basemap) && next.tiandituToken === "") pending = next.basemap;
      render();
    }
  });

  const element = h(
    "section",
    { class: "panel-section basemap-section", "aria-labelledby": "basemap-heading" },
    h("h3", { id: "basemap-heading", class: "section-heading" }, h("label", { for: "basemap-select" }, t("basemap.heading"))),
    select,
    hint,
    changeToken,
    form,
  );
  return { element, dispose };
}
