import type { Language, MessageKey } from "../../i18n/messages";
import { localized, translate, type MessageParams } from "../../i18n/translate";
import type { DataPackage } from "../../layers/layerData";
import type { LayerDefinition } from "../../layers/manifestTypes";
import type { ImportedLayerStorage } from "../../state/layerStorage";
import type { AppStore } from "../../state/store";
import { h, setChildren } from "../dom";
import { memorialLayerOf } from "../../memorials/memorials";
import { memorialMatchSummary, type MemorialMatchSummary } from "../../memorials/officialPositions";
import { storageFailureText } from "./storageFailureText";

export interface OfficialDataSectionOptions {
  store: AppStore;
  dataPackage: DataPackage;
  storage: ImportedLayerStorage;
  /** Starts the app again on the changed data (a page reload in the app). */
  reload(): void;
}

/**
 * The layer panel's foot: the official datasets imported so far, each removable, and the way to import one. The
 * form itself loads on first use; most visitors never import anything.
 */
export function createOfficialDataSection(options: OfficialDataSectionOptions): { element: HTMLElement; openImport(layerId: string): void; dispose(): void } {
  const { store, dataPackage, storage } = options;
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  const element = h("section", { class: "panel-section official-data", "aria-labelledby": "official-data-heading", "data-official-data": "" });
  const formArea = h("div", { class: "official-form-area" });
  let formOpen = false;
  let confirming: string | null = null;
  let problem: string | null = null;
  let disposeForm = () => {};
  let formTarget: ((layerId: string | undefined) => void) | null = null;

  const imported = () => dataPackage.manifest.layers.filter((layer) => layer.imported);
  // Which memorials the imported points were matched to: a point that names no memorial is said, not dropped silently.
  const memorialMatch = memorialMatchSummary(dataPackage);
  const memorialLayerId = memorialLayerOf(dataPackage.manifest)?.id;
  const matchLine = (match: MemorialMatchSummary) => {
    const separator = store.getState().language === "zh" ? "、" : ", ";
    return h(
      "span",
      { class: "official-item-match", "data-official-match": `${match.matched}/${match.total}` },
      t("official.memorialsMatched", { matched: match.matched, total: match.total }),
      match.unmatched.length > 0 ? ` ${t("official.memorialsUnmatched", { names: match.unmatched.join(separator) })}` : "",
      match.ambiguous.length > 0 ? ` ${t("official.memorialsAmbiguous", { names: match.ambiguous.join(separator) })}` : "",
    );
  };
  const titleOf = (layerId: string | null, language: Language) => {
    const layer = dataPackage.manifest.layers.find((candidate) => candidate.id === layerId);
    return layer ? localized(layer.title, language) : String(layerId);
  };

  const remove = async (layer: LayerDefinition) => {
    const result = await storage.removeLayer(layer.id);
    if (result.ok) {
      options.reload();
      return;
    }
    problem = storageFailureText(store.getState().language, result);
    render();
  };

  const item = (layer: LayerDefinition, language: Language) => {
    const load = dataPackage.layers.get(layer.id);
    const count = load?.type === "loaded" ? load.data.features.length : 0;
    const origin = layer.imported!;
    const title = localized(layer.title, language);
    return h(
      "li",
      { class: "official-item", "data-official-layer": layer.id },
      h(
        "span",
        { class: "official-item-text", dir: "auto" },
        t("official.item", { title, count, target: titleOf(origin.replaces, language), date: origin.importedAt.slice(0, 10), file: origin.fileName }),
      ),
      memorialMatch && origin.replaces === memorialLayerId ? matchLine(memorialMatch) : null,
      confirming === layer.id
        ? h(
            "span",
            { class: "official-confirm", role: "group" },
            h("span", {}, t("official.removeConfirm", { title })),
            h(
              "button",
              { type: "button", class: "secondary-button", "data-official-remove-confirm": layer.id, onclick: () => void remove(layer) },
              t("official.remove"),
            ),
            h("button", { type: "button", class: "secondary-button", onclick: () => ((confirming = null), render()) }, t("official.cancel")),
          )
        : h(
            "button",
            { type: "button", class: "secondary-button", "data-official-remove": layer.id, onclick: () => ((confirming = layer.id), render()) },
            t("official.remove"),
          ),
    );
  };

  const openForm = async (initialTarget?: string) => {
    if (formOpen) {
      // Already open: a second request only changes the layer it is for.
      formTarget?.(initialTarget);
      formArea.scrollIntoView({ block: "nearest" });
      return;
    }
    formOpen = true;
    render();
    const { mountOfficialImportForm } = await import("./officialImportForm");
    if (!formOpen) return;
    const form = mountOfficialImportForm(formArea, {
      initialTarget,
      store,
      dataPackage,
      storage,
      onSaved: options.reload,
      onCancel: () => {
        formOpen = false;
        formTarget = null;
        disposeForm();
        disposeForm = () => {};
        render();
      },
    });
    disposeForm = form.dispose;
    formTarget = form.setTarget;
    formArea.scrollIntoView({ block: "nearest" });
  };

  function render() {
    const language = store.getState().language;
    const layers = imported();
    setChildren(
      element,
      h("h3", { id: "official-data-heading", class: "section-heading" }, t("official.heading")),
      h("p", { class: "panel-hint" }, t("official.intro")),
      layers.length > 0
        ? [
            h("p", { class: "official-list-heading" }, t("official.listHeading")),
            h(
              "ul",
              { class: "official-list" },
              layers.map((layer) => item(layer, language)),
            ),
          ]
        : h("p", { class: "panel-hint", "data-official-none": "" }, t("official.none")),
      problem ? h("p", { class: "site-error", role: "alert" }, problem) : null,
      formOpen
        ? null
        : h("button", { type: "button", class: "secondary-button", "data-official-open": "", onclick: () => void openForm() }, t("official.open")),
      formArea,
    );
  }

  render();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.language === previous.language) return;
    // The form keeps its own state and follows the language itself; only this frame is redrawn.
    render();
  });
  return {
    element,
    openImport: (layerId) => void openForm(layerId),
    dispose: () => {
      unsubscribe();
      disposeForm();
    },
  };
}
