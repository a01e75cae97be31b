import { describeCrs } from "../../geo/crsDetect";
import { areaFigures } from "../../geo/measure";
import type { MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import { SUPPORTED_EXTENSIONS } from "../../import/supportedExtensions";
import type { CrsOverride, ImportCrsCode, ImportedParcel, ImportMessage, ImportResult } from "../../import/types";
import type { MapAdapter } from "../../map/mapAdapter";
import type { SketchKind } from "../../map/sketch/sketchState";
import { areaText } from "../../parcel/format";
import type { ParcelOrigin, SiteParcel } from "../../parcel/types";
import type { AppStore } from "../../state/store";
import { h, setChildren } from "../dom";
import type { SiteCheckController } from "./siteCheckController";

type InputMode = "draw" | "paste" | "upload";

const CRS_CHOICES: ImportCrsCode[] = ["EPSG:4326", "EPSG:4490", "EPSG:4544", "EPSG:4523", "GCJ-02"];

/** What the last paste or upload gave, with what is needed to read it again under another CRS. */
interface ImportAttempt {
  origin: Extract<ParcelOrigin, "pasted" | "file">;
  fileName?: string;
  result: ImportResult;
  override: CrsOverride | null;
  reread(override: CrsOverride | null): Promise<ImportResult>;
  /** Index of the parcel sent to the check, when one was. */
  submitted: number | null;
}

export interface InputSectionOptions {
  store: AppStore;
  adapter: MapAdapter;
  controller: SiteCheckController;
  /** Called when drawing starts, so a phone can uncover the map. */
  onDrawStart(): void;
}

function parcelArea(parcel: ImportedParcel): number {
  return areaFigures(parcel.geometry).gaussKrugerSquareMetres;
}

/**
 * The three ways to give a site: draw it on the map, paste its boundary points, or upload a surveyor's file. Paste
 * and upload show how the coordinates were read (CRS, axis order, why) with a way to correct it; a file with several
 * parcels lists them to choose from. A failed read shows why and leaves the current parcel and report alone.
 */
export function mountInputSection(container: HTMLElement, options: InputSectionOptions): void {
  const { store, adapter, controller } = options;
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  const message = (text: ImportMessage) => text[store.getState().language];

  let mode: InputMode = "draw";
  let attempt: ImportAttempt | null = null;
  let busy = false;

  const modeButtons = h("div", { class: "site-modes", role: "group" });
  const body = h("div", { class: "site-input-body" });
  const pasteArea = h("textarea", { class: "site-paste", rows: 7, spellcheck: "false", "data-site-paste": "" });
  const fileInput = h("input", { type: "file", class: "site-file", accept: SUPPORTED_EXTENSIONS.join(","), "data-site-file": "" });
  const dropZone = h("label", { class: "site-drop", "data-site-drop": "" });
  const result = h("div", { class: "site-import-result", "data-site-import": "" });
  container.append(modeButtons, body, result);

  const submit = async (parcel: ImportedParcel, index: number) => {
    if (!attempt || !attempt.result.ok) return;
    attempt.submitted = index;
    const site: SiteParcel = {
      name: parcel.name,
      geometry: parcel.geometry,
      origin: attempt.origin,
      crs: attempt.result.crs,
      sourceCoordinates: parcel.sourceCoordinates,
    };
    if (attempt.fileName) site.fileName = attempt.fileName;
    if (parcel.vertexLabels) site.vertexLabels = parcel.vertexLabels;
    if (parcel.statedAreaHectares !== undefined) site.statedAreaHectares = parcel.statedAreaHectares;
    adapter.stopSketch();
    renderResult();
    await controller.submit(site, { fit: true });
  };

  const accept = async (next: ImportAttempt) => {
    attempt = next;
    renderResult();
    if (next.result.ok && next.result.parcels.length === 1) await submit(next.result.parcels[0]!, 0);
  };

  const readPaste = async () => {
    const text = pasteArea.value;
    // The importers load on first use: most visitors never import anything.
    const { importPastedCoordinates } = await import("../../import/pasteCoordinates");
    const reread = async (override: CrsOverride | null) => importPastedCoordinates(text, override ? { crsOverride: override } : {});
    await accept({ origin: "pasted", result: await reread(null), override: null, reread, submitted: null });
  };

  const readFile = async (file: File) => {
    busy = true;
    attempt = null;
    setChildren(result, h("p", { class: "site-busy" }, t("site.upload.reading", { name: file.name })));
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      busy = false;
      const text = error instanceof Error ? error.message : String(error);
      await accept({
        origin: "file",
        fileName: file.name,
        result: { ok: false, error: { code: "unreadable-file", zh: `无法读取文件「${file.name}」：${text}`, en: `The file "${file.name}" could not be read: ${text}` } },
        override: null,
        reread: async () => ({ ok: false, error: { code: "unreadable-file", zh: "", en: "" } }),
        submitted: null,
      });
      return;
    }
    const { importFile } = await import("../../import/importFile");
    const reread = (override: CrsOverride | null) => importFile(file.name, bytes, override ? { crsOverride: override } : {});
    const first = await reread(null);
    busy = false;
    await accept({ origin: "file", fileName: file.name, result: first, override: null, reread, submitted: null });
  };

  const renderModes = () => {
    const modes: Array<[InputMode, MessageKey]> = [
      ["draw", "site.input.draw"],
      ["paste", "site.input.paste"],
      ["upload", "site.input.upload"],
    ];
    modeButtons.setAttribute("aria-label", t("site.input.label"));
    setChildren(
      modeButtons,
      modes.map(([id, label]) =>
        h(
          "button",
          {
            type: "button",
            class: "site-mode",
            "aria-pressed": String(id === mode),
            "data-site-mode": id,
            onclick: () => {
              mode = id;
              renderModes();
              renderBody();
            },
          },
          t(label),
        ),
      ),
    );
  };

  const startDrawing = (kind: SketchKind) => {
    adapter.startSketch(kind);
    options.onDrawStart();
  };

  const renderBody = () => {
    if (mode === "draw") {
      const kinds: Array<[SketchKind, MessageKey]> = [
        ["polygon", "site.draw.polygon"],
        ["line", "site.draw.line"],
        ["point", "site.draw.point"],
      ];
      setChildren(
        body,
        h(
          "div",
          { class: "site-draw-buttons" },
          kinds.map(([kind, label]) => h("button", { type: "button", class: "secondary-button", "data-site-draw": kind, onclick: () => startDrawing(kind) }, t(label))),
        ),
        h("p", { class: "panel-hint" }, t("site.draw.hint")),
      );
      return;
    }
    if (mode === "paste") {
      pasteArea.placeholder = t("site.paste.placeholder");
      pasteArea.setAttribute("aria-label", t("site.paste.label"));
      setChildren(
        body,
        h("label", { class: "field-label", for: "site-paste" }, t("site.paste.label")),
        pasteArea,
        h("div", { class: "form-buttons" }, h("button", { type: "button", class: "primary-button", "data-site-action": "read-paste", onclick: () => void readPaste() }, t("site.paste.read"))),
        h("p", { class: "panel-hint" }, t("site.paste.hint")),
      );
      pasteArea.id = "site-paste";
      return;
    }
    setChildren(dropZone, fileInput, h("span", { class: "site-drop-text" }, t("site.upload.drop")));
    setChildren(body, dropZone, h("p", { class: "panel-hint" }, t("site.upload.formats")));
  };

  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) void readFile(file);
    fileInput.value = "";
  });
  for (const type of ["dragenter", "dragover"]) {
    dropZone.addEventListener(type, (event) => {
      event.preventDefault();
      dropZone.classList.add("site-drop--over");
    });
  }
  dropZone.addEventListener("dragleave", () => dropZone.classList.remove("site-drop--over"));
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("site-drop--over");
    const file = event.dataTransfer?.files[0];
    if (file) void readFile(file);
  });

  const overrideControls = (current: ImportAttempt) => {
    const select = h("select", { class: "basemap-select", id: "site-crs-override", "data-site-crs": "" });
    select.append(h("option", { value: "" }, t("site.import.auto")));
    const language = store.getState().language;
    for (const code of CRS_CHOICES) select.append(h("option", { value: code, selected: current.override?.code === code }, describeCrs(code)[language]));
    const swap = h("input", { type: "checkbox", id: "site-crs-swap", "data-site-swap": "", checked: current.override?.swappedAxes === true });
    const apply = async () => {
      const code = select.value as ImportCrsCode | "";
      const override = code === "" ? null : { code, swappedAxes: swap.checked };
      const reread = await current.reread(override);
      await accept({ ...current, result: reread, override, submitted: null });
    };
    return h(
      "details",
      { class: "site-crs-override", open: current.override !== null || (current.result.ok && current.result.warnings.some((warning) => warning.code === "outside-dazu")) },
      h("summary", {}, t("site.import.override")),
      h("label", { class: "field-label", for: "site-crs-override" }, t("site.import.crsLabel")),
      select,
      h("label", { class: "site-check-row", for: "site-crs-swap" }, swap, t("site.import.swap")),
      h("div", { class: "form-buttons" }, h("button", { type: "button", class: "secondary-button", "data-site-action": "reread", onclick: () => void apply() }, t("site.import.reread"))),
    );
  };

  const renderResult = () => {
    if (busy) return;
    if (!attempt) {
      setChildren(result);
      return;
    }
    const current = attempt;
    const { language } = store.getState();
    const source = current.fileName ? h("p", { class: "site-import-source" }, current.fileName) : null;
    if (!current.result.ok) {
      const hasParcel = store.getState().siteParcel !== null;
      setChildren(
        result,
        source,
        h(
          "div",
          { class: "site-error", role: "alert", "data-site-error": current.result.error.code },
          h("strong", {}, t("site.import.failed")),
          h("p", {}, message(current.result.error)),
          hasParcel ? h("p", { class: "site-error-keep" }, t("site.import.keepCurrent")) : null,
        ),
        current.override ? overrideControls(current) : null,
      );
      return;
    }
    const { crs, warnings, parcels } = current.result;
    const crsName = describeCrs(crs.code)[language];
    setChildren(
      result,
      source,
      h(
        "div",
        { class: "site-crs", "data-site-crs-code": crs.code },
        h("p", {}, h("strong", {}, t("site.import.reading")), " ", crsName, crs.swappedAxes ? ` · ${t("site.import.swapped")}` : ""),
        h("p", { class: "site-crs-reason" }, h("span", { class: "site-crs-confidence" }, t(crs.confidence === "declared" ? "site.import.declared" : "site.import.inferred")), " ", crs.reason[language]),
      ),
      warnings.length > 0
        ? h(
            "ul",
            { class: "site-warnings", "data-site-warnings": "" },
            warnings.map((warning) => h("li", { "data-warning": warning.code }, `⚠ ${message(warning)}`)),
          )
        : null,
      parcels.length > 1
        ? h(
            "div",
            { class: "site-parcel-choice" },
            h("p", {}, t("site.import.choose", { count: parcels.length })),
            h(
              "ul",
              { class: "site-parcel-list" },
              parcels.map((parcel, index) =>
                h(
                  "li",
                  { class: index === current.submitted ? "site-parcel-item site-parcel-item--current" : "site-parcel-item" },
                  h("span", { class: "site-parcel-name", dir: "auto" }, parcel.name),
                  h("span", { class: "site-parcel-area" }, parcel.geometry.type === "Polygon" || parcel.geometry.type === "MultiPolygon" ? areaText(parcelArea(parcel), language) : ""),
                  h(
                    "button",
                    { type: "button", class: "secondary-button", "data-site-choose": String(index), "aria-pressed": String(index === current.submitted), onclick: () => void submit(parcel, index) },
                    t(index === current.submitted ? "site.import.checked" : "site.import.checkThis"),
                  ),
                ),
              ),
            ),
          )
        : null,
      overrideControls(current),
    );
  };

  renderModes();
  renderBody();
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) {
      renderModes();
      renderBody();
      renderResult();
    }
  });
}
