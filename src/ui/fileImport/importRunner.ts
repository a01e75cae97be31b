import type { MessageKey } from "../../i18n/messages";
import type { ImportProgress, ImportRunOptions } from "../../import/importClient";
import type { ImportMessage, ImportResult } from "../../import/types";
import { h, setChildren } from "../dom";
import "./fileImport.css";

/** How a run ended: read (well or not), cancelled by the user, or replaced by a newer run (nothing to show). */
export type ImportRunOutcome = { type: "read"; result: ImportResult } | { type: "cancelled"; message: ImportMessage } | { type: "replaced" };

export interface ImportRunnerOptions {
  /** Names the controls (`data-<name>-busy`, `data-<name>-progress`, `data-<name>-action="cancel-import"`). */
  name: string;
  translate(key: MessageKey): string;
  /** Called when a run starts, so the host shows the busy view; when it ends, the host renders what it made of the outcome. */
  onStart(): void;
}

export interface ImportRunner {
  /** True while a run is under way. */
  busy(): boolean;
  /** Runs one import off the main thread; a newer run replaces (aborts) one still running. */
  run(title: () => string, start: (options: ImportRunOptions) => Promise<ImportResult>): Promise<ImportRunOutcome>;
  /** The view of the run under way: its title, a progress bar, a status line and a cancel button; null when idle. */
  view(): HTMLElement | null;
  cancel(): void;
}

const STAGE_MESSAGES: Record<ImportProgress["stage"], MessageKey> = {
  reading: "fileImport.progress.reading",
  parsing: "fileImport.progress.parsing",
  converting: "fileImport.progress.converting",
  validating: "fileImport.progress.validating",
};

interface RunningImport {
  controller: AbortController;
  title(): string;
  progress: ImportProgress | null;
  /** The status line and bar of the busy view, updated in place so the cancel button stays put. */
  parts: { line: HTMLElement; bar: HTMLProgressElement } | null;
}

/** One import at a time with progress and cancel, shared by the site check and the official-data form. */
export function createImportRunner({ name, translate: t, onStart }: ImportRunnerOptions): ImportRunner {
  let running: RunningImport | null = null;

  const progressText = (run: RunningImport, percent: number | null): string => {
    if (!run.progress) return t("fileImport.progress.starting");
    const stage = t(STAGE_MESSAGES[run.progress.stage]);
    return percent === null ? `${stage}…` : `${stage} ${percent}%`;
  };

  const showProgress = (run: RunningImport) => {
    if (!run.parts) return;
    const fraction = run.progress?.fraction;
    const percent = fraction === undefined ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    if (percent === null) run.parts.bar.removeAttribute("value");
    else run.parts.bar.value = percent;
    // The worker reports whole percents only, so the live region changes at most a few hundred times per import.
    const text = progressText(run, percent);
    if (run.parts.line.textContent !== text) run.parts.line.textContent = text;
    if (run.progress) run.parts.line.setAttribute(`data-${name}-progress`, run.progress.stage);
  };

  const view = (): HTMLElement | null => {
    const run = running;
    if (!run) return null;
    const line = h("p", { class: "file-import-progress", role: "status", "aria-live": "polite", "aria-atomic": "true", [`data-${name}-progress`]: "" });
    const bar = h("progress", { class: "file-import-progress-bar", max: 100, "aria-hidden": "true" });
    run.parts = { line, bar };
    const element = h("div", { class: "file-import-busy", [`data-${name}-busy`]: "" });
    setChildren(
      element,
      h("p", {}, run.title()),
      bar,
      line,
      h(
        "div",
        { class: "form-buttons" },
        h(
          "button",
          { type: "button", class: "secondary-button", [`data-${name}-action`]: "cancel-import", onclick: () => run.controller.abort() },
          t("fileImport.cancel"),
        ),
      ),
    );
    showProgress(run);
    return element;
  };

  const run: ImportRunner["run"] = async (title, start) => {
    running?.controller.abort();
    const current: RunningImport = { controller: new AbortController(), title, progress: null, parts: null };
    running = current;
    onStart();
    const result = await start({
      signal: current.controller.signal,
      onProgress: (progress) => {
        if (running !== current) return;
        current.progress = progress;
        showProgress(current);
      },
    });
    if (running !== current) return { type: "replaced" };
    running = null;
    return !result.ok && result.error.code === "import-cancelled" ? { type: "cancelled", message: result.error } : { type: "read", result };
  };

  return {
    busy: () => running !== null,
    run,
    view,
    cancel: () => running?.controller.abort(),
  };
}
