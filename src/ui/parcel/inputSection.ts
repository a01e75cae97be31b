import { CRS_NAME_TEXT, crsReasonText } from "../../i18n/messages.crs";
import type { MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import { importFileInWorker, importPastedInWorker, type ImportRunOptions } from "../../import/importClient";
import type { CrsOverride, ImportedParcel, ImportMessage, ImportResult } from "../../import/types";
import type { MapAdapter } from "../../map/mapAdapter";
import type { SketchKind } from "../../map/sketch/sketchState";
import type { ParcelOrigin, SiteParcel } from "../../parcel/types";
import type { AppStore } from "../../state/store";
import { h, setChildren } from "../dom";
import { crsOverrideControls } from "../fileImport/crsOverrideControls";
import { fileDropZone } from "../fileImport/fileDropZone";
import { createImportRunner } from "../fileImport/importRunner";
import type { BatchInput } from "../../siteCheck/batch/batchService";
import { parcelChoiceList } from "../batch/parcelChoiceList";
import type { SiteCheckController } from "./siteCheckController";
import { importMessageText } from "../../i18n/messages.import";

type InputMode = "draw" | "paste" | "upload";

/** What the last paste or upload gave, with what is needed to read it again under another CRS. */
interface ImportAttempt {
  origin: Extract<ParcelOrigin, "pasted" | "file">;
  fileName?: string;
  result: ImportResult;
  override: CrsOverride | null;
  reread(override: CrsOverride | null, options: ImportRunOptions): Promise<ImportResult>;
  /** Index of the parcel sent to the check, when one was. */
  submitted: number | null;
}

export interface InputSectionOptions {
  store: AppStore;
  adapter: MapAdapter;
  controller: SiteCheckController;
  /** Called when drawing starts, so a phone can uncover the map. */
  onDrawStart(): void;
  /** Called when a pasted or uploaded parcel has been checked, so focus can move to the report. */
  onChecked?(): void;
  /** Checks every parcel of a file with several (the batch check). */
  checkAll?(input: BatchInput): void;
  /** True while a batch check runs. */
  batchBusy?(): boolean;
  /** The district's published area (manifest `district`), beyond which an imported parcel was read wrongly. */
  districtAreaKm2: number;
}

/**
 * The three ways to give a site: draw it on the map, paste its boundary points, or upload a surveyor's file. Paste
 * and upload show how the coordinates were read (CRS, axis order, why) with a way to correct it; a file with several
 * parcels lists them to choose from. A failed read shows why and leaves the current parcel and report alone.
 */
export function mountInputSection(container: HTMLElement, options: InputSectionOptions): void {
  const { store, adapter, controller, districtAreaKm2 } = options;
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  const message = (text: ImportMessage) => importMessageText(text, store.getState().language);

  let mode: InputMode = "draw";
  let attempt: ImportAttempt | null = null;
  /** Said once after a cancelled import, above the attempt that is still shown. */
  let notice: ImportMessage | null = null;

  const modeButtons = h("div", { class: "site-modes", role: "group" });
  const body = h("div", { class: "site-input-body" });
  const pasteArea = h("textarea", { class: "mono-field site-paste", rows: 7, spellcheck: "false", "data-site-paste": "" });
  const dropZone = fileDropZone({ name: "site", onFile: (file) => void readFile(file) });
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
    await controller.setParcel(site, { fit: true });
    options.onChecked?.();
  };

  const accept = async (next: ImportAttempt) => {
    attempt = next;
    notice = null;
    renderResult();
    if (!next.result.ok || next.result.parcels.length !== 1) return;
    // Showing how the file was read and starting the check (map, report) are separate tasks, so neither holds the page long.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (attempt === next) await submit(next.result.parcels[0]!, 0);
  };

  const runner = createImportRunner({ name: "site", translate: (key) => t(key), onStart: () => renderResult() });

  /**
   * Runs one import off the main thread with progress and a cancel button. A newer import replaces one still running.
   * Resolves with null when the import was cancelled or replaced: the attempt shown, the parcel and the report stay.
   */
  const runImport = async (title: () => string, start: (options: ImportRunOptions) => Promise<ImportResult>): Promise<ImportResult | null> => {
    notice = null;
    const outcome = await runner.run(title, start);
    if (outcome.type === "replaced") return null;
    if (outcome.type === "cancelled") {
      notice = outcome.message;
      renderResult();
      return null;
    }
    return outcome.result;
  };

  const withOverride = (options: ImportRunOptions, override: CrsOverride | null): ImportRunOptions => ({
    ...options,
    districtAreaKm2,
    ...(override ? { crsOverride: override } : {}),
  });

  const readPaste = async () => {
    const text = pasteArea.value;
    const reread = (override: CrsOverride | null, options: ImportRunOptions) => importPastedInWorker(text, withOverride(options, override));
    const first = await runImport(
      () => t("site.paste.reading"),
      (options) => reread(null, options),
    );
    if (first) await accept({ origin: "pasted", result: first, override: null, reread, submitted: null });
  };

  const readFile = async (file: File) => {
    // The file is read again for another CRS rather than kept in memory: it may be tens of megabytes.
    const reread = (override: CrsOverride | null, options: ImportRunOptions) => importFileInWorker(file, withOverride(options, override));
    const first = await runImport(
      () => t("site.upload.reading", { name: file.name }),
      (options) => reread(null, options),
    );
    if (first) await accept({ origin: "file", fileName: file.name, result: first, override: null, reread, submitted: null });
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
              // The pressed button is drawn again: focus goes on to the first control of the chosen mode.
              body.querySelector<HTMLElement>("button, textarea, input")?.focus();
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
          kinds.map(([kind, label]) =>
            h("button", { type: "button", class: "secondary-button", "data-site-draw": kind, onclick: () => startDrawing(kind) }, t(label)),
          ),
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
        h(
          "div",
          { class: "form-buttons" },
          h("button", { type: "button", class: "primary-button", "data-site-action": "read-paste", onclick: () => void readPaste() }, t("site.paste.read")),
        ),
        h("p", { class: "panel-hint" }, t("site.paste.hint")),
      );
      pasteArea.id = "site-paste";
      return;
    }
    dropZone.setText(t("fileImport.drop"));
    setChildren(body, dropZone.element, h("p", { class: "panel-hint" }, t("site.upload.formats")));
  };

  const overrideControls = (current: ImportAttempt) =>
    crsOverrideControls({
      name: "site",
      language: store.getState().language,
      translate: (key) => t(key),
      result: current.result,
      override: current.override,
      reread: async (override) => {
        const reread = await runImport(
          () => t("fileImport.rereading"),
          (options) => current.reread(override, options),
        );
        if (reread) await accept({ ...current, result: reread, override, submitted: null });
      },
    });

  const renderResult = () => {
    const busy = runner.view();
    if (busy) {
      setChildren(result, busy);
      return;
    }
    const hasParcel = store.getState().siteParcel !== null;
    const cancelled = notice
      ? h(
          "div",
          { class: "site-cancelled", role: "status", "data-site-cancelled": "" },
          h("p", {}, message(notice), hasParcel ? ` ${t("site.import.keepCurrent")}` : ""),
        )
      : null;
    if (!attempt) {
      setChildren(result, cancelled);
      return;
    }
    const current = attempt;
    const { language } = store.getState();
    const source = current.fileName ? h("p", { class: "site-import-source" }, current.fileName) : null;
    if (!current.result.ok) {
      setChildren(
        result,
        cancelled,
        source,
        h(
          "div",
          { class: "site-error", role: "alert", "data-site-error": current.result.error.code },
          h("strong", {}, t("site.import.failed")),
          h("p", {}, message(current.result.error)),
          hasParcel ? h("p", { class: "site-error-keep" }, t("site.import.keepCurrent")) : null,
        ),
        overrideControls(current),
      );
      return;
    }
    const { crs, warnings, parcels } = current.result;
    const crsName = CRS_NAME_TEXT[crs.code][language];
    setChildren(
      result,
      cancelled,
      source,
      h(
        "div",
        { class: "site-crs", "data-site-crs-code": crs.code },
        h("p", {}, h("strong", {}, t("site.import.reading")), " ", crsName, crs.swappedAxes ? ` · ${t("site.import.swapped")}` : ""),
        h(
          "p",
          { class: "site-crs-reason" },
          h("span", { class: "site-crs-confidence" }, t(crs.confidence === "declared" ? "site.import.declared" : "site.import.inferred")),
          " ",
          crsReasonText(crs.reason, language),
        ),
      ),
      warnings.length > 0
        ? h(
            "ul",
            { class: "site-warnings", "data-site-warnings": "" },
            warnings.map((warning) => h("li", { "data-warning": warning.code }, `⚠ ${message(warning)}`)),
          )
        : null,
      parcels.length > 1
        ? parcelChoiceList({
            parcels,
            submitted: current.submitted,
            language,
            t,
            choose: (index) => void submit(parcels[index]!, index),
            checkAllBusy: options.batchBusy?.() ?? false,
            ...(options.checkAll
              ? { checkAll: () => options.checkAll?.({ fileName: current.fileName ?? t("site.input.paste"), crs, warnings, parcels }) }
              : {}),
          })
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
