import type { Language } from "../../i18n/messages";
import { translateInspector } from "../../i18n/messages.inspector";
import { localized } from "../../i18n/translate";
import type { FeatureLookup } from "../../layers/featureLookup";
import type { CitationIndex } from "../../policy/citationIndex";
import type { PolicyLibrary } from "../../policy/policyLibrary";
import type { ReaderState } from "../../state/policySlice";
import type { AppStore } from "../../state/store";
import { h, setChildren } from "../dom";
import type { PolicyNavigator } from "../policyNavigator";
import type { RenderedDocument } from "./documentReader";

export interface ReaderPanelParts {
  store: AppStore;
  library: PolicyLibrary;
  citationIndex: CitationIndex;
  lookup: FeatureLookup;
  navigator: PolicyNavigator;
  /** Where the panel element is appended (the app root; it positions itself). */
  host: HTMLElement;
}

const READER_NOTICE_ID = "reader-link";

function sameDocument(a: ReaderState, b: ReaderState): boolean {
  return a.type === "open" && b.type === "open" && a.documentId === b.documentId;
}

/**
 * The document reader's panel: beside the map on wide screens, the whole screen on phones. It follows the store's
 * `reader` state; the renderer and the document itself load when the panel first opens on them.
 */
export function mountReaderPanel(parts: ReaderPanelParts): { element: HTMLElement; dispose(): void } {
  const { store, library, citationIndex, lookup, navigator } = parts;
  const kicker = h("p", { class: "reader-kicker" });
  const heading = h("h2", { id: "reader-heading", class: "reader-heading", tabindex: -1 });
  const close = h("button", {
    type: "button",
    class: "reader-close",
    "data-action": "close-reader",
    onclick: () => store.getState().closeReader(),
  });
  const scroll = h("div", { class: "reader-scroll" });
  const element = h(
    "aside",
    { class: "reader", "data-reader": "", "aria-labelledby": "reader-heading", hidden: true },
    h("div", { class: "reader-top" }, h("div", { class: "reader-heading-block" }, kicker, heading), close),
    scroll,
  );
  parts.host.append(element);

  let rendered: { documentId: string; language: Language; document: RenderedDocument } | null = null;
  let request = 0;
  let returnFocus: HTMLElement | null = null;

  const renderLabels = (language: Language) => {
    kicker.textContent = translateInspector(language, "reader.label");
    close.textContent = translateInspector(language, "reader.close");
    close.setAttribute("aria-label", translateInspector(language, "reader.closeLabel"));
  };

  const showStatus = (text: string, retry?: () => void) => {
    rendered = null;
    element.removeAttribute("data-document-id");
    setChildren(
      scroll,
      h(
        "div",
        { class: "reader-status", "data-reader-status": "" },
        h("p", {}, text),
        retry
          ? h("button", { type: "button", class: "secondary-button", onclick: retry }, translateInspector(store.getState().language, "reader.retry"))
          : null,
      ),
    );
  };

  const notice = (message: "notice.linkDocumentUnknown" | "notice.linkClauseUnknown", params: Record<string, string>) => {
    const state = store.getState();
    state.dismissNotice(READER_NOTICE_ID);
    state.showNotice({ id: READER_NOTICE_ID, message, params, tone: "warning" });
  };

  const show = async (reader: Extract<ReaderState, { type: "open" }>) => {
    const { language } = store.getState();
    if (rendered && rendered.documentId === reader.documentId && rendered.language === language) {
      if (!rendered.document.showClause(reader.clauseId, scroll)) missingClause(reader);
      return;
    }
    const ticket = ++request;
    heading.textContent = reader.documentId;
    kicker.textContent = translateInspector(language, "reader.label");
    showStatus(translateInspector(language, "reader.loading"));
    const [module, load] = await Promise.all([import("./documentReader"), library.document(reader.documentId)]);
    if (ticket !== request) return;
    if (load.type === "unknown") {
      notice("notice.linkDocumentUnknown", { id: reader.documentId });
      store.getState().closeReader();
      return;
    }
    if (load.type === "failed") {
      const error = load.errors[0] ?? reader.documentId;
      showStatus(translateInspector(language, "reader.failed", { error }), () => void show(reader));
      return;
    }
    const { document } = load;
    heading.textContent = localized(document.shortTitle, language);
    kicker.textContent = document.docNumber
      ? `${translateInspector(language, "reader.label")} · ${document.docNumber}`
      : translateInspector(language, "reader.label");
    const renderedDocument = module.renderDocument(document, {
      language,
      citationIndex,
      layerTitle: (layerId) => lookup.layer(layerId)?.title,
      onOpenFeature: (layerId, featureId) => navigator.openFeature(layerId, featureId, { fly: true }),
      onChooseClause: (clauseId) => navigator.openClause(document.id, clauseId),
    });
    setChildren(scroll, renderedDocument.element);
    element.dataset.documentId = document.id;
    rendered = { documentId: document.id, language, document: renderedDocument };
    const current = store.getState().reader;
    if (current.type === "open" && current.documentId === document.id && !renderedDocument.showClause(current.clauseId, scroll)) {
      missingClause(current);
    }
  };

  const missingClause = (reader: Extract<ReaderState, { type: "open" }>) => {
    notice("notice.linkClauseUnknown", { document: heading.textContent || reader.documentId, clause: reader.clauseId ?? "" });
    store.getState().openReader(reader.documentId, null);
  };

  const update = (reader: ReaderState, previous: ReaderState | null) => {
    if (reader.type === "closed") {
      element.hidden = true;
      request++;
      if (returnFocus && element.contains(document.activeElement)) returnFocus.focus({ preventScroll: true });
      returnFocus = null;
      return;
    }
    const opening = element.hidden;
    element.hidden = false;
    if (opening) {
      returnFocus = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      heading.focus({ preventScroll: true });
    }
    if (previous && sameDocument(reader, previous) && rendered === null && !opening) return;
    void show(reader);
  };

  element.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      store.getState().closeReader();
    }
  });

  renderLabels(store.getState().language);
  update(store.getState().reader, null);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.language !== previous.language) {
      renderLabels(state.language);
      if (state.reader.type === "open") void show(state.reader);
    }
    if (state.reader !== previous.reader) update(state.reader, previous.reader);
  });
  return {
    element,
    dispose: () => {
      unsubscribe();
      element.remove();
    },
  };
}
