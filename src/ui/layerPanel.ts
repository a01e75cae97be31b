import type { Language } from "../i18n/messages";
import { localized } from "../i18n/translate";
import type { DataPackage } from "../layers/layerData";
import type { AppStore } from "../state/store";
import { createBasemapSwitcher } from "./basemapSwitcher";
import { h } from "./dom";
import { createLayerRow, type LayerRow } from "./layerRow";

/**
 * The panel's content: the basemap switcher, the manifest's groups in order with their layers, then `footer` (kept
 * as it is across rebuilds: it follows the language itself). Rebuilt when
 * the language changes; otherwise rows are updated in place.
 */
export function mountLayerPanel(
  store: AppStore,
  dataPackage: DataPackage,
  container: HTMLElement,
  footer?: { element: HTMLElement; openImport(layerId: string): void },
): () => void {
  const { manifest } = dataPackage;
  // Layers official data already stands in for are not offered for import again.
  const replaced = new Set(manifest.layers.flatMap((layer) => (layer.imported?.replaces ? [layer.imported.replaces] : [])));
  let rows = new Map<string, LayerRow>();
  let disposeSwitcher = () => {};

  const build = (language: Language) => {
    disposeSwitcher();
    const switcher = createBasemapSwitcher(store, language);
    disposeSwitcher = switcher.dispose;
    rows = new Map();
    const layersState = store.getState().layers;
    const groups = manifest.groups
      .map((group) => ({ group, layers: manifest.layers.filter((layer) => layer.group === group.id) }))
      .filter(({ layers }) => layers.length > 0)
      .map(({ group, layers }) =>
        h(
          "section",
          { class: "panel-section layer-group", "aria-labelledby": `group-${group.id}`, "data-layer-group": group.id },
          h("h3", { id: `group-${group.id}`, class: "section-heading" }, localized(group.title, language)),
          h(
            "ul",
            { class: "layer-list" },
            layers.map((layer) => {
              const view = layersState[layer.id] ?? { visible: layer.visible, opacity: layer.style.opacity };
              const row = createLayerRow(
                store,
                layer,
                dataPackage.layers.get(layer.id),
                view,
                language,
                replaced.has(layer.id) ? undefined : footer?.openImport,
              );
              rows.set(layer.id, row);
              return row.element;
            }),
          ),
        ),
      );
    container.replaceChildren(switcher.element, ...groups, ...(footer ? [footer.element] : []));
  };

  build(store.getState().language);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.language !== previous.language) {
      const scrollTop = container.scrollTop;
      build(state.language);
      container.scrollTop = scrollTop;
      return;
    }
    if (state.layers === previous.layers) return;
    for (const [layerId, row] of rows) {
      const view = state.layers[layerId];
      if (view && view !== previous.layers[layerId]) row.update(view);
    }
  });
  return () => {
    unsubscribe();
    disposeSwitcher();
  };
}
