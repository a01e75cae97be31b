import { CRS_NAME_TEXT, crsReasonText } from "../../i18n/messages.crs";
import type { MessageKey } from "../../i18n/messages";
import { localized, translate, type MessageParams } from "../../i18n/translate";
import type { CrsOverride, ImportMessage, ImportResult } from "../../import/types";
import type { Language } from "../../i18n/language";
import { importTargets } from "../../layers/importedLayers";
import type { DataPackage } from "../../layers/layerData";
import type { LayerDefinition, LayerGeometryType } from "../../layers/manifestTypes";
import type { ImportedLayerStorage } from "../../state/layerStorage";
import type { AppStore } from "../../state/store";
import { buildImportedLayer, kindOf } from "../../workspace/buildImportedLayer";
import { h, setChildren } from "../dom";
import { crsOverrideControls } from "../fileImport/crsOverrideControls";
import { fileDropZone } from "../fileImport/fileDropZone";
import { createImportRunner } from "../fileImport/importRunner";
import { storageFailureText } from "./storageFailureText";
import { importMessageText } from "../../i18n/messages.import";

export interface OfficialImportFormOptions {
  store: AppStore;
  dataPackage: DataPackage;
  storage: ImportedLayerStorage;
  /** The layer to replace, when the form is opened for one (e.g. from its published counts). */
  initialTarget?: string;
  onSaved(): void;
  onCancel(): void;
}

export interface OfficialImportForm {
  /** Points the form at another layer (ignored when it is not one official data can replace). */
  setTarget(layerId: string | undefined): void;
  dispose(): void;
}

/** The layer a form opens on: one shipped without geometry (the extraction blocks) needs data most. */
function defaultTarget(targets: readonly LayerDefinition[], dataPackage: DataPackage): LayerDefinition | undefined {
  const empty = targets.find((layer) => {
    const load = dataPackage.layers.get(layer.id);
    return load?.type === "loaded" && load.data.features.length === 0;
  });
  return empty ?? targets[0];
}

function propertyNames(result: ImportResult): string[] {
  if (!result.ok) return [];
  const names = new Set<string>();
  for (const parcel of result.parcels) for (const key of Object.keys(parcel.properties)) names.add(key);
  return [...names].slice(0, 200);
}

/**
 * Import of one official dataset to stand in for a schematic layer: choose the layer, read the file (its coordinate
 * system detected, with the reason, and correctable), state the source, then save. Nothing is stored until the
 * dataset is read and the source is given; a failure says why and leaves everything as it was.
 */
export function mountOfficialImportForm(container: HTMLElement, options: OfficialImportFormOptions): OfficialImportForm {
  const { store, dataPackage, storage } = options;
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  const targets = importTargets(dataPackage);
  let target = targets.find((layer) => layer.id === options.initialTarget) ?? defaultTarget(targets, dataPackage);
  let file: File | null = null;
  let result: ImportResult | null = null;
  let override: CrsOverride | null = null;
  /** Why the last read or save failed, in the reader's language. */
  let failure: ((language: Language) => string) | null = null;
  let warnings: ImportMessage[] = [];
  let saving = false;
  let titlesEdited = false;

  const form = h("form", { class: "official-form", "data-official-form": "", novalidate: true });
  const targetSelect = h("select", { id: "official-target", class: "basemap-select", "data-official-target": "" });
  const fileZone = fileDropZone({ name: "official", onFile: (chosen) => choose(chosen) });
  const runner = createImportRunner({ name: "official", translate: (key) => t(key), onStart: () => renderPreview() });
  const nameSelect = h("select", { id: "official-name", class: "basemap-select", "data-official-name": "" });
  const titleZh = h("input", { id: "official-title", type: "text", maxlength: 60, "data-official-title": "" });
  const titleEn = h("input", { id: "official-title-en", type: "text", maxlength: 80, "data-official-title-en": "" });
  const provenance = h("input", { id: "official-provenance", type: "text", maxlength: 300, required: true, "data-official-provenance": "" });
  const accuracy = h("input", { id: "official-accuracy", type: "number", min: 0, max: 10000, step: "any", value: "1", "data-official-accuracy": "" });
  const preview = h("div", { class: "official-preview", "aria-live": "polite", "data-official-preview": "" });
  const saveButton = h("button", { type: "submit", class: "primary-button", "data-official-save": "" });
  /** A file with fewer features than the document publishes is saved only once the officer says it is partial. */
  const partialConfirm = h("input", { type: "checkbox", id: "official-partial", "data-official-partial-confirm": "" });
  partialConfirm.addEventListener("change", () => renderPreview());
  /** How many features of the target's kind the file holds, and how many the document publishes (when it says). */
  const coverage = (): { read: number; published: number } | null => {
    if (!result?.ok || !target?.publishedCount) return null;
    const read = result.parcels.filter((parcel) => kindOf(parcel.geometry) === target!.geometryType).length;
    return { read, published: target.publishedCount };
  };
  const partial = () => {
    const counted = coverage();
    // A file with none of the kind is refused on saving, with its own message.
    return counted !== null && counted.read > 0 && counted.read < counted.published;
  };
  const cancelButton = h("button", { type: "button", class: "secondary-button", "data-official-cancel": "", onclick: () => options.onCancel() });

  const setDefaultTitles = () => {
    if (titlesEdited || !target) return;
    titleZh.value = `${target.title.zh}（正式数据）`;
    titleEn.value = `${target.title.en} (official)`;
  };
  for (const input of [titleZh, titleEn]) input.addEventListener("input", () => (titlesEdited = true));

  targetSelect.addEventListener("change", () => {
    target = targets.find((layer) => layer.id === targetSelect.value) ?? target;
    setDefaultTitles();
    renderPreview();
  });

  /** Reads the chosen file in the import worker (parsing a large dataset must not freeze the page); a newer read replaces one running. */
  const read = async () => {
    const reading = file;
    if (!reading) return;
    fileZone.setText(reading.name);
    failure = null;
    const { importFileInWorker } = await import("../../import/importClient");
    const outcome = await runner.run(
      () => t(override ? "fileImport.rereading" : "official.reading", { name: reading.name }),
      (runOptions) =>
        importFileInWorker(reading, {
          ...runOptions,
          districtAreaKm2: dataPackage.manifest.district.publishedAreaKm2,
          ...(override ? { crsOverride: override } : {}),
        }),
    );
    if (outcome.type === "replaced") return;
    // A cancelled read leaves the previous reading, if any, as it was.
    if (outcome.type === "read") result = outcome.result;
    renderPreview();
  };

  /** A new file: read afresh, in the detected coordinate system. */
  function choose(chosen: File) {
    file = chosen;
    override = null;
    result = null;
    void read();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (runner.busy() || saving || !target || !file || !result?.ok || (partial() && !partialConfirm.checked)) return;
    const built = buildImportedLayer(result, {
      target,
      targetLoad: dataPackage.layers.get(target.id),
      title: { zh: titleZh.value, en: titleEn.value },
      provenance: provenance.value,
      positionalAccuracyM: accuracy.value.trim() === "" ? Number.NaN : Number(accuracy.value),
      nameProperty: nameSelect.value === "" ? null : nameSelect.value,
      fileName: file.name,
      importedAt: new Date().toISOString(),
      idSuffix: Date.now().toString(36),
    });
    if (!built.ok) {
      const error = built.error;
      failure = (language) => importMessageText(error, language);
      renderPreview();
      return;
    }
    warnings = built.warnings;
    saving = true;
    renderPreview();
    const saved = await storage.saveLayer(built.record);
    saving = false;
    if (saved.ok) {
      options.onSaved();
      return;
    }
    failure = (language) => storageFailureText(language, saved);
    renderPreview();
  });

  function renderPreview() {
    const language = store.getState().language;
    saveButton.textContent = t(saving ? "official.saving" : "official.save");
    saveButton.disabled = runner.busy() || saving || !result?.ok || (partial() && !partialConfirm.checked);
    const parts: Array<HTMLElement | null> = [];
    const running = runner.view();
    if (running) {
      parts.push(running);
    } else if (result && !result.ok) {
      parts.push(
        h(
          "div",
          { class: "site-error", role: "alert", "data-official-error": result.error.code },
          h("strong", {}, t("official.failed")),
          h("p", {}, importMessageText(result.error, language)),
        ),
      );
    } else if (result?.ok) {
      const counts = new Map<LayerGeometryType, number>();
      for (const parcel of result.parcels) {
        const kind = kindOf(parcel.geometry);
        if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
      const kinds = [...counts].map(([kind, count]) => `${t(`official.kind.${kind}`)} ${count}`).join(language === "zh" ? "、" : ", ");
      parts.push(
        h(
          "p",
          { "data-official-read": String(result.parcels.length) },
          result.parcels.length === 1
            ? t("official.readOne", { kinds, crs: CRS_NAME_TEXT[result.crs.code][language] })
            : t("official.read", { count: result.parcels.length, kinds, crs: CRS_NAME_TEXT[result.crs.code][language] }),
        ),
        h("p", { class: "site-crs-reason" }, t("official.crsReason", { reason: crsReasonText(result.crs.reason, language) })),
      );
      const counted = coverage();
      if (counted) {
        parts.push(
          h(
            "p",
            { "data-official-published": `${counted.read}/${counted.published}` },
            t("official.publishedCount", { read: counted.read, published: counted.published }),
          ),
        );
        if (partial()) {
          parts.push(
            h(
              "label",
              { class: "site-check-row", for: "official-partial" },
              partialConfirm,
              t("official.partialConfirm", { read: counted.read, published: counted.published, missing: counted.published - counted.read }),
            ),
          );
        }
      }
      const shown = [...result.warnings, ...warnings];
      if (shown.length > 0)
        parts.push(
          h(
            "ul",
            { class: "site-warnings" },
            shown.slice(0, 10).map((warning) => h("li", {}, `⚠ ${importMessageText(warning, language)}`)),
          ),
        );
    }
    if (result && !running) {
      const current = result;
      parts.push(
        crsOverrideControls({
          name: "official",
          language,
          translate: (key) => t(key),
          result: current,
          override,
          reread: (chosen) => {
            override = chosen;
            void read();
          },
        }),
      );
    }
    if (failure)
      parts.push(
        h("div", { class: "site-error", role: "alert", "data-official-failure": "" }, h("strong", {}, t("official.failed")), h("p", {}, failure(language))),
      );
    setChildren(preview, parts);

    const names = result ? propertyNames(result) : [];
    const chosenName = nameSelect.value;
    setChildren(
      nameSelect,
      h("option", { value: "" }, t("official.nameAuto")),
      names.map((name) => h("option", { value: name, selected: name === chosenName }, name)),
    );
  }

  function render() {
    const language = store.getState().language;
    setChildren(
      targetSelect,
      targets.map((layer) => h("option", { value: layer.id, selected: layer.id === target?.id }, localized(layer.title, language))),
    );
    provenance.placeholder = t("official.provenancePlaceholder");
    fileZone.setText(file ? file.name : t("fileImport.drop"));
    cancelButton.textContent = t("official.cancel");
    const field = (id: string, label: MessageKey, input: HTMLElement) =>
      h("div", { class: "official-field" }, h("label", { class: "field-label", for: id }, t(label)), input);
    setChildren(
      form,
      field("official-target", "official.target", targetSelect),
      field("official-file", "official.file", fileZone.element),
      preview,
      field("official-name", "official.nameProperty", nameSelect),
      field("official-title", "official.title", titleZh),
      field("official-title-en", "official.titleEn", titleEn),
      field("official-provenance", "official.provenance", provenance),
      field("official-accuracy", "official.accuracy", accuracy),
      h("p", { class: "panel-hint" }, t("official.reloadNote")),
      h("div", { class: "form-buttons" }, saveButton, cancelButton),
    );
    renderPreview();
  }

  setDefaultTitles();
  render();
  container.replaceChildren(form);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.language !== previous.language) render();
  });
  return {
    setTarget: (layerId) => {
      const next = targets.find((layer) => layer.id === layerId);
      if (!next) return;
      target = next;
      targetSelect.value = next.id;
      setDefaultTitles();
      renderPreview();
    },
    dispose: () => {
      unsubscribe();
      runner.cancel();
      form.remove();
    },
  };
}
