import { localizedProse } from "./chineseTerms";
import type { Language } from "../i18n/messages";
import { localized, translate } from "../i18n/translate";
import type { LayerDefinition, LegendEntry } from "../layers/manifestTypes";
import { h } from "./dom";

function swatch(entry: LegendEntry, layer: LayerDefinition): HTMLElement {
  const classes = ["swatch", `swatch--${layer.geometryType}`];
  // Schematic points are drawn as rings on the map; the legend shows them the same way.
  if (layer.geometryType === "point" && layer.geometryQuality === "schematic") classes.push("swatch--ring");
  if (entry.hatched) classes.push("swatch--hatched");
  if (entry.drawn === false) classes.push("swatch--not-drawn");
  const element = h("span", { class: classes.join(" "), "aria-hidden": "true" });
  // The manifest validator only lets colours through; a CSS custom property takes no markup either way.
  element.style.setProperty("--swatch-color", entry.color);
  return element;
}

/** The layer's legend: swatch, label, value and note per entry; rows with `drawn: false` have nothing on the map. */
export function createLegend(layer: LayerDefinition, language: Language): HTMLElement | null {
  if (layer.legend.length === 0) return null;
  return h(
    "ul",
    { class: "legend", "aria-label": `${localized(layer.title, language)} ${translate(language, "layer.legend")}` },
    layer.legend.map((entry) =>
      h(
        "li",
        { class: entry.note ? "legend-entry legend-entry--note" : "legend-entry", "data-drawn": String(entry.drawn !== false) },
        swatch(entry, layer),
        h(
          "span",
          { class: "legend-text" },
          localizedProse("span", { class: "legend-label" }, entry.label, language),
          entry.value ? localizedProse("span", { class: "legend-value" }, entry.value, language) : null,
          entry.note ? localizedProse("span", { class: "legend-note" }, entry.note, language) : null,
        ),
      ),
    ),
  );
}

/** Published counts for a layer shipped without geometry, with the hint that official data can be imported. */
export function createSummary(layer: LayerDefinition, language: Language, onImport?: (layerId: string) => void): HTMLElement | null {
  if (!layer.summary || layer.summary.length === 0) return null;
  // Rows usually cite the same clause; list each citation once under the table.
  const sources = [...new Set(layer.summary.map((row) => row.source))];
  return h(
    "div",
    { class: "layer-summary" },
    h("p", { class: "summary-heading" }, translate(language, "layer.summaryHeading")),
    h(
      "dl",
      { class: "summary-rows" },
      layer.summary.map((row) => [
        localizedProse("dt", {}, row.label, language),
        h("dd", { class: "summary-count" }, translate(language, "layer.summaryCount", { count: row.count })),
      ]),
    ),
    h("p", { class: "summary-source" }, translate(language, "layer.sources", { sources: sources.join("、") })),
    onImport && !layer.imported
      ? h(
          "button",
          { type: "button", class: "link-button import-hint", "data-official-import-for": layer.id, onclick: () => onImport(layer.id) },
          translate(language, "official.importFor"),
        )
      : h("p", { class: "import-hint" }, translate(language, "layer.importHint")),
  );
}
