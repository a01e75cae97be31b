import { localizedProse } from "./chineseTerms";
import type { Language } from "../i18n/messages";
import { localized, translate } from "../i18n/translate";
import type { LayerLoad } from "../layers/layerData";
import type { LayerDefinition } from "../layers/manifestTypes";
import type { LayerViewState } from "../state/layersSlice";
import type { AppStore } from "../state/store";
import { h } from "./dom";
import { createLegend, createSummary } from "./legend";
import { createQualityBadge } from "./qualityBadge";

export interface LayerRow {
  element: HTMLElement;
  /** Brings the controls in line with the store without rebuilding them (a slider being dragged keeps its grip). */
  update(view: LayerViewState): void;
}

function percent(opacity: number): string {
  return `${Math.round(opacity * 100)}%`;
}

function featureCountText(load: LayerLoad | undefined, language: Language): string | null {
  if (!load || load.type === "failed") return null;
  const count = load.type === "tiled" ? load.featureCount : load.data.features.length;
  if (count === 0) return translate(language, "layer.noGeometry");
  return count === 1 ? translate(language, "layer.featureCountOne") : translate(language, "layer.featureCount", { count });
}

/** One layer in the panel: visibility checkbox with the title as its label, quality badge, opacity, legend. */
export function createLayerRow(
  store: AppStore,
  layer: LayerDefinition,
  load: LayerLoad | undefined,
  view: LayerViewState,
  language: Language,
  /** Opens the official-data import for this layer, offered where the layer ships without geometry. */
  onImportOfficial?: (layerId: string) => void,
): LayerRow {
  const title = localized(layer.title, language);
  const failed = !load || load.type === "failed";
  const toggleId = `layer-toggle-${layer.id}`;
  const opacityId = `layer-opacity-${layer.id}`;

  const checkbox = h("input", {
    type: "checkbox",
    id: toggleId,
    class: "layer-checkbox",
    "data-layer-toggle": layer.id,
    disabled: failed,
    "aria-describedby": failed ? `layer-error-${layer.id}` : undefined,
  });
  checkbox.addEventListener("change", () => store.getState().setLayerVisible(layer.id, checkbox.checked));

  const slider = h("input", {
    type: "range",
    id: opacityId,
    class: "opacity-slider",
    min: 0,
    max: 100,
    step: 5,
    disabled: failed,
    "aria-label": translate(language, "layer.opacityLabel", { title }),
    "data-layer-opacity": layer.id,
  });
  const output = h("output", { class: "opacity-value", for: opacityId });
  slider.addEventListener("input", () => store.getState().setLayerOpacity(layer.id, Number(slider.value) / 100));

  const update = (next: LayerViewState) => {
    // A disabled layer shows unchecked whatever the store says: nothing of it is on the map.
    checkbox.checked = next.visible && !failed;
    slider.value = String(Math.round(next.opacity * 100));
    slider.setAttribute("aria-valuetext", percent(next.opacity));
    output.textContent = percent(next.opacity);
    element.classList.toggle("layer-row--hidden", !next.visible);
  };

  const count = featureCountText(load, language);
  const element = h(
    "li",
    { class: failed ? "layer-row layer-row--failed" : "layer-row", "data-layer-row": layer.id },
    h(
      "div",
      { class: "layer-head" },
      // A label, so the whole 44 px square around the box toggles it on a phone.
      h("label", { class: "checkbox-target" }, checkbox),
      h("label", { for: toggleId, class: "layer-title", "data-layer-title": layer.id }, title),
      createQualityBadge(layer, language),
    ),
    layer.description ? localizedProse("p", { class: "layer-description" }, layer.description, language) : null,
    load?.type === "failed"
      ? h(
          "div",
          { class: "layer-error", id: `layer-error-${layer.id}`, "data-layer-error": layer.id },
          h("p", {}, translate(language, "layer.failed")),
          h(
            "details",
            {},
            h("summary", {}, translate(language, "layer.failedDetails")),
            h(
              "ul",
              {},
              load.errors.map((error) => h("li", {}, error)),
            ),
          ),
        )
      : null,
    failed
      ? null
      : h(
          "div",
          { class: "layer-details" },
          count ? h("p", { class: "feature-count", "data-feature-count": layer.id }, count) : null,
          h(
            "div",
            { class: "opacity-control" },
            h("span", { class: "opacity-caption", "aria-hidden": "true" }, translate(language, "layer.opacity")),
            slider,
            output,
          ),
        ),
    createLegend(layer, language),
    createSummary(layer, language, onImportOfficial),
  );
  update(view);
  return { element, update };
}
