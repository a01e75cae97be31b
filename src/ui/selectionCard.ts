import { localized, translate } from "../i18n/translate";
import type { DataPackage } from "../layers/layerData";
import type { MapAdapter } from "../map/mapAdapter";
import type { AppStore } from "../state/store";
import { h, setChildren } from "./dom";

/** A small card naming the selected feature, its layer, how good its geometry is and what it cites. */
export function mountSelectionCard(store: AppStore, dataPackage: DataPackage, adapter: MapAdapter, card: HTMLElement): () => void {
  const render = () => {
    const { selection, language } = store.getState();
    if (selection.type === "none") {
      card.hidden = true;
      card.replaceChildren();
      return;
    }
    const layer = dataPackage.manifest.layers.find((candidate) => candidate.id === selection.layerId);
    const load = dataPackage.layers.get(selection.layerId);
    const feature =
      load?.type === "loaded" ? load.data.features.find((candidate) => candidate.properties.id === selection.featureId) : undefined;
    if (!layer || !feature) {
      card.hidden = true;
      return;
    }
    const properties = feature.properties;
    const name = language === "en" && properties.name_en ? properties.name_en : properties.name;
    const note = language === "en" && properties.geometry_note_en ? properties.geometry_note_en : properties.geometry_note;
    card.hidden = false;
    card.setAttribute("aria-label", translate(language, "selection.heading"));
    setChildren(
      card,
      h(
        "div",
        { class: "selection-head" },
        h("h2", { class: "selection-name", "data-selection-name": "" }, name),
        h(
          "button",
          {
            type: "button",
            class: "icon-button",
            "aria-label": translate(language, "selection.clear"),
            "data-action": "clear-selection",
            onclick: () => store.getState().clearSelection(),
          },
          "×",
        ),
      ),
      h(
        "p",
        { class: "selection-layer" },
        translate(language, "selection.layer", { title: localized(layer.title, language) }),
        " · ",
        translate(language, `quality.${properties.geometry_quality}`),
      ),
      h(
        "details",
        { class: "selection-details" },
        h("summary", {}, translate(language, "selection.details")),
        note ? h("p", { class: "selection-note" }, note) : null,
        properties.source.length > 0
          ? h("p", { class: "selection-sources" }, translate(language, "layer.sources", { sources: properties.source.join("、") }))
          : null,
      ),
      h(
        "button",
        { type: "button", class: "link-button", onclick: () => adapter.fitFeature(layer.id, feature.properties.id) },
        translate(language, "selection.zoomTo"),
      ),
    );
  };
  render();
  return store.subscribe((state, previous) => {
    if (state.selection !== previous.selection || state.language !== previous.language) render();
  });
}
