import { LANGUAGE_TAGS, type Language } from "../i18n/messages";
import { translate } from "../i18n/translate";
import type { AppStore } from "../state/store";
import { h } from "./dom";
import { rescueFocusFromBody } from "./focusRescue";
import { createPanelSheet, type PanelSheet } from "./sheet/panelSheet";

export interface AppShell {
  root: HTMLElement;
  /** The side panel (a bottom sheet on phones); its content goes into `panelBody`. */
  panel: HTMLElement;
  panelBody: HTMLElement;
  mapArea: HTMLElement;
  /** `#map`, empty, for MapLibre. */
  mapContainer: HTMLElement;
  notices: HTMLElement;
  readout: HTMLElement;
  selectionCard: HTMLElement;
  /** Empty slot in the header for the search box (src/ui/search/searchBox.ts). */
  search: HTMLElement;
  /** The header's buttons (panel toggle, language); the share button joins them (src/ui/shareView.ts). */
  headerActions: HTMLElement;
  /** The panel's tabs, a bottom sheet on phones; panels mount into it with `sheet.addTab` (see panelSheet.ts). */
  sheet: PanelSheet;
}

/**
 * The inspector card (the selection card) comes right after the map in the tab order, before the map's own
 * controls: MapLibre puts its canvas and its control container inside `#map`, so the card goes between them.
 * `#map` covers the map area exactly, so the card's position does not change.
 */
function keepInspectorAfterMap(mapContainer: HTMLElement, selectionCard: HTMLElement): void {
  const place = () => {
    const controls = mapContainer.querySelector(":scope > .maplibregl-control-container");
    if (controls && controls.previousElementSibling !== selectionCard) mapContainer.insertBefore(selectionCard, controls);
  };
  new MutationObserver(place).observe(mapContainer, { childList: true });
  place();
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = LANGUAGE_TAGS[language];
  document.title = translate(language, "app.title");
}

/** The language button names the other language, in that language. */
export function createLanguageButton(store: AppStore): HTMLButtonElement {
  const button = h("button", {
    type: "button",
    class: "header-button language-button",
    "data-action": "toggle-language",
    onclick: () => store.getState().toggleLanguage(),
  });
  const render = (language: Language) => {
    button.textContent = translate(language, "language.toggle");
    button.setAttribute("aria-label", translate(language, "language.toggleLabel"));
    button.lang = language === "zh" ? "en" : LANGUAGE_TAGS.zh;
  };
  render(store.getState().language);
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) render(state.language);
  });
  return button;
}

/**
 * Header with title and language toggle, side panel, and the map area with its overlays. Texts owned here follow
 * the language; the panel's content is rendered by the layer panel.
 */
export function createAppShell(store: AppStore, mountPoint: HTMLElement): AppShell {
  const title = h("h1", { class: "app-title" });
  const panelToggle = h("button", {
    type: "button",
    class: "header-button panel-toggle",
    "data-action": "toggle-panel",
    "aria-controls": "layer-panel",
    "aria-expanded": "false",
  });
  const panelHeading = h("h2", { id: "panel-heading", class: "panel-heading" });
  const panelClose = h("button", { type: "button", class: "panel-close", "data-action": "close-panel" });
  const panelBody = h("div", { class: "panel-body" });
  const panel = h(
    "aside",
    { id: "layer-panel", class: "side-panel", "aria-labelledby": "panel-heading" },
    h("div", { class: "panel-top" }, panelHeading, panelClose),
    panelBody,
  );
  const mapContainer = h("div", { id: "map", class: "map" });
  const notices = h("div", { class: "notices", role: "status", "aria-live": "polite" });
  const readout = h("div", { class: "coordinate-readout" });
  const selectionCard = h("div", { class: "selection-card", hidden: true });
  const mapArea = h("main", { class: "map-area" }, mapContainer, selectionCard, notices, readout);
  const search = h("div", { class: "header-search" });
  const skipToMap = h("a", { class: "skip-link", href: "#map", "data-skip": "map" });
  const skipToPanel = h("a", { class: "skip-link", href: "#layer-panel", "data-skip": "panel" });
  const headerActions = h("div", { class: "header-actions" }, panelToggle, createLanguageButton(store));
  const root = h(
    "div",
    { class: "app" },
    h("nav", { class: "skip-links", "aria-label": "skip" }, skipToMap, skipToPanel),
    h("header", { class: "app-header" }, title, search, headerActions),
    h("div", { class: "app-body" }, panel, mapArea),
  );

  const render = (language: Language) => {
    applyDocumentLanguage(language);
    title.textContent = translate(language, "app.title");
    panelToggle.textContent = translate(language, "panel.open");
    panelToggle.setAttribute("aria-label", translate(language, "panel.openLabel"));
    panelHeading.textContent = translate(language, "panel.heading");
    panelClose.textContent = translate(language, "panel.close");
    panelClose.setAttribute("aria-label", translate(language, "panel.closeLabel"));
    skipToMap.textContent = translate(language, "skip.map");
    skipToPanel.textContent = translate(language, "skip.panel");
    skipToMap.parentElement?.setAttribute("aria-label", `${skipToMap.textContent} · ${skipToPanel.textContent}`);
  };
  render(store.getState().language);
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) render(state.language);
  });

  const setPanelOpen = (open: boolean, returnFocus: boolean) => {
    root.classList.toggle("panel-open", open);
    panelToggle.setAttribute("aria-expanded", String(open));
    if (open) panelHeading.focus({ preventScroll: true });
    else if (returnFocus) panelToggle.focus();
  };
  panelHeading.tabIndex = -1;
  panelToggle.addEventListener("click", () => setPanelOpen(!root.classList.contains("panel-open"), false));
  panelClose.addEventListener("click", () => setPanelOpen(false, true));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && root.classList.contains("panel-open")) setPanelOpen(false, true);
  });
  // On a phone the open sheet covers most of the map; touching the map means "back to the map".
  mapContainer.addEventListener("pointerdown", (event) => {
    if (selectionCard.contains(event.target as Node)) return;
    if (root.classList.contains("panel-open")) setPanelOpen(false, false);
  });

  mountPoint.replaceChildren(root);
  const sheet = createPanelSheet(store, { root, panel, panelBody, mapArea });

  // Skip links move focus without touching the URL hash, which carries the app's state.
  const focusMap = () => (mapContainer.querySelector<HTMLElement>(".maplibregl-canvas") ?? mapContainer).focus();
  skipToMap.addEventListener("click", (event) => {
    event.preventDefault();
    if (!mapContainer.querySelector(".maplibregl-canvas")) mapContainer.tabIndex = -1;
    focusMap();
  });
  skipToPanel.addEventListener("click", (event) => {
    event.preventDefault();
    sheet.show(sheet.state().tabId, { focusTab: true });
  });
  keepInspectorAfterMap(mapContainer, selectionCard);
  // Escape on the map closes the inspector card, as it does inside the card.
  mapContainer.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented || selectionCard.contains(event.target as Node)) return;
    if (store.getState().selection.type === "none") return;
    event.preventDefault();
    store.getState().clearSelection();
  });
  rescueFocusFromBody(root);
  return { root, panel, panelBody, mapArea, mapContainer, notices, readout, selectionCard, sheet, search, headerActions };
}
