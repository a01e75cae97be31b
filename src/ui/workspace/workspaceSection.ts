import type { MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import type { StorageFailure } from "../../state/database";
import type { AppStore } from "../../state/store";
import { openWorkspaceStorage, type WorkspaceStorage, type WorkspaceSummary } from "../../workspace/workspaceStorage";
import { workspaceMessageText } from "../../i18n/workspaceMessageText";
import type { WorkspaceMessage, WorkspaceReadResult } from "../../workspace/workspaceFile";
import { exportWorkspace, importWorkspace, readWorkspaceUpload } from "./workspaceTransfer";
import { h, setChildren } from "../dom";
import "./workspace.css";

const STORAGE_NOTICE_ID = "workspace-storage";
/** A damaged file can list thousands of skipped records; the count says how many, the first few say which. */
const MAX_SKIPPED_SHOWN = 20;

type Phase =
  | { type: "idle" }
  | { type: "busy"; fileName: string | null }
  | { type: "failed"; error: WorkspaceMessage }
  | { type: "confirm"; fileName: string; read: Extract<WorkspaceReadResult, { ok: true }> };

export interface WorkspaceSection {
  element: HTMLElement;
  /** Reads the counts again (after a site was saved or deleted). */
  refresh(): void;
}

/**
 * The workspace block of the saved-sites view: what this browser keeps, an export of all of it as one file, and an
 * import that checks the whole file and asks before it replaces anything.
 */
export function createWorkspaceSection(store: AppStore, storage: WorkspaceStorage = openWorkspaceStorage()): WorkspaceSection {
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  const element = h("div", { class: "workspace-section", "data-workspace": "" });
  let summary: WorkspaceSummary | null | "failed" = null;
  let phase: Phase = { type: "idle" };

  const storageFailed = (failure: StorageFailure) => {
    const message =
      failure.reason === "quota"
        ? "notice.workspaceStorageQuota"
        : failure.reason === "unavailable"
          ? "notice.workspaceStorageUnavailable"
          : "notice.workspaceStorageFailed";
    store.getState().dismissNotice(STORAGE_NOTICE_ID);
    store.getState().showNotice({ id: STORAGE_NOTICE_ID, message, params: { message: failure.message }, tone: "warning" });
  };

  const summaryLine = h("p", { class: "workspace-summary", "data-workspace-summary": "" });
  const renderSummary = () => {
    summaryLine.textContent =
      summary === null
        ? ""
        : summary === "failed"
          ? t("workspace.contentsUnknown")
          : t("workspace.contents", { queries: summary.savedQueries, layers: summary.importedLayers, drafts: summary.drafts });
  };

  /** Only the counts change: the buttons, and the focus on them, stay. */
  const refresh = () => {
    void storage.summary().then((result) => {
      summary = result.ok ? result.value : "failed";
      renderSummary();
    });
  };

  const setPhase = (next: Phase) => {
    phase = next;
    render();
    // The question is read out and answered from the keyboard without hunting for it.
    if (next.type === "confirm") element.querySelector<HTMLElement>("[data-workspace-confirm]")?.focus();
  };

  const exportNow = async () => {
    setPhase({ type: "busy", fileName: null });
    const result = await exportWorkspace(store, storage);
    setPhase({ type: "idle" });
    if (!result.ok) {
      storageFailed(result);
      return;
    }
    store.getState().dismissNotice("workspace-exported");
    store.getState().showNotice({ id: "workspace-exported", message: "notice.workspaceExported", params: { name: result.value }, tone: "info" });
  };

  const readChosen = async (file: File) => {
    setPhase({ type: "busy", fileName: file.name });
    const read = await readWorkspaceUpload(file);
    setPhase(read.ok ? { type: "confirm", fileName: file.name, read } : { type: "failed", error: read.error });
  };

  const importNow = async (read: Extract<WorkspaceReadResult, { ok: true }>) => {
    setPhase({ type: "busy", fileName: null });
    const result = await importWorkspace(read, storage);
    if (!result.ok) {
      setPhase({ type: "idle" });
      storageFailed(result);
    }
    // On success the page reloads into the imported workspace.
  };

  const fileInput = h("input", { type: "file", accept: ".json,application/json", class: "visually-hidden", "data-workspace-file": "" });
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file) void readChosen(file);
  });

  const exportedAtText = (exportedAt: string) => {
    const date = new Date(exportedAt);
    if (Number.isNaN(date.getTime())) return exportedAt.slice(0, 40);
    return new Intl.DateTimeFormat(store.getState().language === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(date);
  };

  const confirmation = (fileName: string, read: Extract<WorkspaceReadResult, { ok: true }>) => {
    const { workspace, skipped } = read;
    const { language } = store.getState();
    const skippedCodes = new Set(skipped.map((message) => message.code));
    const items = [
      t("workspace.confirm.queries", { count: workspace.savedQueries.length }),
      t("workspace.confirm.layers", { count: workspace.importedLayers.length }),
      skippedCodes.has("workspace-skipped-settings") ? null : t(workspace.settings ? "workspace.confirm.settings" : "workspace.confirm.noSettings"),
      skippedCodes.has("workspace-skipped-draft") ? null : t(workspace.draft ? "workspace.confirm.draft" : "workspace.confirm.noDraft"),
    ];
    return h(
      "div",
      { class: "workspace-confirm", role: "alertdialog", tabindex: "-1", "aria-labelledby": "workspace-confirm-heading", "data-workspace-confirm": "" },
      h("p", { class: "workspace-confirm-heading", id: "workspace-confirm-heading" }, t("workspace.confirm.heading", { name: fileName })),
      h(
        "p",
        { class: "site-muted" },
        t("workspace.confirm.exportedAt", { date: exportedAtText(workspace.exportedAt), version: workspace.dataPackageVersion ?? "—" }),
      ),
      h(
        "ul",
        { class: "workspace-confirm-list" },
        items.map((item) => (item ? h("li", {}, item) : null)),
      ),
      skipped.length > 0
        ? h(
            "div",
            { class: "site-warnings", "data-workspace-skipped": "" },
            h("p", {}, t("workspace.confirm.skipped", { count: skipped.length })),
            h(
              "ul",
              {},
              skipped.slice(0, MAX_SKIPPED_SHOWN).map((message) => h("li", { dir: "auto" }, workspaceMessageText(message, language))),
            ),
            skipped.length > MAX_SKIPPED_SHOWN ? h("p", {}, "…") : null,
          )
        : null,
      h("p", {}, t("workspace.confirm.reload")),
      h(
        "div",
        { class: "form-buttons" },
        h(
          "button",
          { type: "button", class: "primary-button", "data-workspace-action": "confirm", onclick: () => void importNow(read) },
          t("workspace.confirm.ok"),
        ),
        h(
          "button",
          { type: "button", class: "secondary-button", "data-workspace-action": "cancel", onclick: () => setPhase({ type: "idle" }) },
          t("workspace.confirm.cancel"),
        ),
      ),
    );
  };

  const render = () => {
    const { language } = store.getState();
    const busy = phase.type === "busy";
    const confirmBox = phase.type === "confirm" ? confirmation(phase.fileName, phase.read) : null;
    renderSummary();
    setChildren(
      element,
      h("h3", { class: "site-heading" }, t("workspace.heading")),
      summaryLine,
      h(
        "div",
        { class: "site-actions" },
        h(
          "button",
          { type: "button", class: "secondary-button", disabled: busy, "data-workspace-action": "export", onclick: () => void exportNow() },
          t("workspace.export"),
        ),
        h("label", { class: `secondary-button workspace-import${busy ? " workspace-import--disabled" : ""}` }, t("workspace.import"), fileInput),
      ),
      phase.type === "busy" && phase.fileName ? h("p", { class: "site-muted", role: "status" }, t("workspace.reading", { name: phase.fileName })) : null,
      phase.type === "failed"
        ? h(
            "div",
            { class: "site-error", role: "alert", "data-workspace-error": phase.error.code },
            h("strong", {}, t("workspace.importFailed")),
            h("p", {}, workspaceMessageText(phase.error, language)),
          )
        : null,
      confirmBox,
      h("p", { class: "panel-hint" }, t("workspace.hint")),
    );
    fileInput.disabled = busy;
    fileInput.setAttribute("aria-label", t("workspace.importLabel"));
  };

  render();
  refresh();
  // Counted again whenever the block comes into view: layers imported elsewhere in the app change the count too.
  if (typeof IntersectionObserver !== "undefined") {
    new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) refresh();
    }).observe(element);
  }
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) render();
  });
  return { element, refresh };
}
