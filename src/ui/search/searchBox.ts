import type { FeatureCollection } from "geojson";
import type { Language, MessageKey } from "../../i18n/messages";
import { localized, translate } from "../../i18n/translate";
import type { DataPackage } from "../../layers/layerData";
import { clauseLabel } from "../../policy/clauseLabel";
import type { PolicyLibrary } from "../../policy/policyLibrary";
import type { PolicyDocument } from "../../policy/policyTypes";
import type { SearchHit, SearchIndex, SearchKind, SearchSnippet } from "../../policy/search";
import type { AppStore } from "../../state/store";
import { h, setChildren, type Child } from "../dom";
import { onDemand } from "../onDemand";
import type { PolicyNavigator } from "../policyNavigator";

export interface SearchBoxParts {
  store: AppStore;
  dataPackage: DataPackage;
  library: PolicyLibrary;
  navigator: PolicyNavigator;
  /** The header slot the box renders into. */
  container: HTMLElement;
}

const RESULT_LIMIT = 40;
const INPUT_DELAY_MS = 60;
const LISTBOX_ID = "search-results";

const GROUP_LABELS: Record<SearchKind, MessageKey> = {
  place: "search.group.place",
  memorial: "search.group.memorial",
  zone: "search.group.zone",
  layer: "search.group.layer",
  clause: "search.group.clause",
};

function snippetChildren(snippet: SearchSnippet): Child[] {
  return [snippet.before, h("mark", {}, snippet.match), snippet.after];
}

/** True when the snippet is the whole title, i.e. the query matched the name rather than an address or a clause. */
function matchedTitle(hit: SearchHit): boolean {
  const text = `${hit.snippet.before}${hit.snippet.match}${hit.snippet.after}`;
  return text === hit.entry.title.zh || text === hit.entry.title.en;
}

/**
 * The header's search box, an ARIA combobox: places, memorials, zones, layers and the documents' full text, in
 * groups, with the matched words in context. Arrow keys move through the results, Enter opens one, Escape closes
 * the list (then clears the box). The search code and the corpus load on first use.
 */
export function mountSearchBox(parts: SearchBoxParts): () => void {
  const { store, dataPackage, library, navigator, container } = parts;
  const layerData = new Map<string, FeatureCollection>();
  for (const [layerId, load] of dataPackage.layers) if (load.type === "loaded") layerData.set(layerId, load.data);

  const label = h("label", { for: "search-input", class: "visually-hidden" });
  const input = h("input", {
    id: "search-input",
    class: "search-input",
    type: "search",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    enterkeyhint: "search",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": LISTBOX_ID,
    "data-search-input": "",
  });
  const listbox = h("div", { id: LISTBOX_ID, class: "search-results", role: "listbox", hidden: true, "data-search-results": "" });
  const status = h("span", { class: "visually-hidden", "aria-live": "polite" });
  const note = h("p", { class: "search-note", hidden: true });
  const openButton = h("button", { type: "button", class: "header-button search-open", "data-action": "open-search", "aria-expanded": "false" });
  const cancelButton = h("button", { type: "button", class: "search-cancel", "data-action": "close-search" });
  const field = h("div", { class: "search-field" }, label, input, cancelButton);
  const popup = h("div", { class: "search-popup", hidden: true }, note, listbox);
  const root = h("div", { class: "search", role: "search" }, openButton, field, popup, status);
  container.replaceChildren(root);

  const searchModule = onDemand(
    () => import("../../policy/search"),
    () => {
      rebuild();
      run();
    },
  );
  let documents: PolicyDocument[] = [];
  let documentsState: "idle" | "loading" | "loaded" | "failed" = "idle";
  let index: SearchIndex | null = null;
  let results: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const language = (): Language => store.getState().language;
  const rebuild = () => {
    const module = searchModule.loaded();
    if (!module) return;
    index = module.buildSearchIndex({ layers: dataPackage.manifest.layers, layerData, documents });
  };

  const load = () => {
    if (documentsState !== "idle") return;
    documentsState = "loading";
    void searchModule.load();
    void library.allDocuments().then((loaded) => {
      documents = loaded.documents;
      documentsState = loaded.documents.length === 0 && loaded.errors.length > 0 ? "failed" : "loaded";
      rebuild();
      run();
    });
  };

  const optionId = (position: number) => `search-option-${position}`;

  const setActive = (position: number) => {
    active = position;
    listbox.querySelectorAll<HTMLElement>("[role=option]").forEach((option, optionPosition) => {
      option.setAttribute("aria-selected", String(optionPosition === active));
    });
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", optionId(active));
      const option = listbox.querySelector<HTMLElement>(`#${optionId(active)}`);
      if (option) {
        // Keep the active option visible inside the scrolling list without scrolling the page.
        const top = option.offsetTop;
        const bottom = top + option.offsetHeight;
        if (top < listbox.scrollTop) listbox.scrollTop = top - 28;
        else if (bottom > listbox.scrollTop + listbox.clientHeight) listbox.scrollTop = bottom - listbox.clientHeight;
      }
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const setOpen = (open: boolean) => {
    popup.hidden = !open;
    listbox.hidden = !open || results.length === 0;
    input.setAttribute("aria-expanded", String(open && results.length > 0));
    if (!open) setActive(-1);
  };

  const describe = (hit: SearchHit, lang: Language): { title: Child[]; detail: Child[] } => {
    const { entry } = hit;
    if (entry.target.type === "clause") {
      const { documentId, clauseId } = entry.target;
      const document = library.loadedDocument(documentId);
      const where = [localized(entry.context, lang), localized(entry.title, lang), document ? clauseLabel(document, clauseId, lang) : clauseId];
      return { title: snippetChildren(hit.snippet), detail: [where.join(" · ")] };
    }
    const title = localized(entry.title, lang);
    const context = localized(entry.context, lang);
    if (matchedTitle(hit)) return { title: snippetChildren(hit.snippet), detail: [context] };
    return { title: [title], detail: [context, " · ", ...snippetChildren(hit.snippet)] };
  };

  const render = () => {
    const lang = language();
    const query = input.value.trim();
    const notes: string[] = [];
    if (documentsState === "loading") notes.push(translate(lang, "search.loadingDocuments"));
    if (documentsState === "failed") notes.push(translate(lang, "search.documentsFailed"));
    if (query !== "" && results.length === 0 && index) notes.push(translate(lang, "search.none", { query }));
    note.textContent = notes.join(" ");
    note.hidden = notes.length === 0;
    const module = searchModule.loaded();
    if (!module || !index) {
      setChildren(listbox);
      return;
    }
    let position = 0;
    const groups = module.groupHits(results);
    setChildren(
      listbox,
      groups.map((group) =>
        h(
          "div",
          { role: "group", class: "search-group", "aria-labelledby": `search-group-${group.kind}`, "data-search-group": group.kind },
          h("div", { id: `search-group-${group.kind}`, class: "search-group-heading", role: "presentation" }, translate(lang, GROUP_LABELS[group.kind])),
          group.hits.map((hit) => {
            const here = position++;
            const { title, detail } = describe(hit, lang);
            const option = h(
              "div",
              {
                id: optionId(here),
                role: "option",
                class: `search-option search-option--${hit.entry.kind}`,
                "aria-selected": String(here === active),
                "data-result-key": hit.entry.key,
              },
              h("span", { class: "search-option-title", lang: hit.entry.kind === "clause" ? "zh-CN" : undefined }, title),
              h("span", { class: "search-option-detail" }, detail),
            );
            // Keep focus in the box: a press on an option must not blur the input first.
            option.addEventListener("mousedown", (event) => event.preventDefault());
            option.addEventListener("click", () => choose(here));
            return option;
          }),
        ),
      ),
    );
  };

  const run = () => {
    const module = searchModule.loaded();
    if (!module || !index) {
      render();
      return;
    }
    const query = input.value;
    results = query.trim() === "" ? [] : module.search(index, query, RESULT_LIMIT);
    // Display order (grouped) decides what "first" and the arrow keys mean.
    results = module.groupHits(results).flatMap((group) => group.hits);
    active = results.length > 0 ? 0 : -1;
    render();
    setOpen(query.trim() !== "" && document.activeElement === input);
    setActive(active);
    const lang = language();
    status.textContent =
      query.trim() === ""
        ? ""
        : results.length > 0
          ? translate(lang, "search.count", { count: results.length })
          : translate(lang, "search.none", { query: query.trim() });
  };

  const choose = (position: number) => {
    const hit = results[position];
    if (!hit) return;
    const target = hit.entry.target;
    setOpen(false);
    root.classList.remove("search--open");
    openButton.setAttribute("aria-expanded", "false");
    switch (target.type) {
      case "feature":
        navigator.openFeature(target.layerId, target.featureId, { fly: true });
        break;
      case "clause":
        // A text hit is about the document, not about whatever feature was selected before: its link goes.
        store.getState().clearSelection();
        navigator.openClause(target.documentId, target.clauseId);
        break;
      case "layer":
        navigator.revealLayer(target.layerId);
        break;
    }
  };

  input.addEventListener("focus", () => {
    load();
    if (input.value.trim() !== "" && results.length > 0) setOpen(true);
  });
  input.addEventListener("input", () => {
    load();
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, INPUT_DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    const open = !popup.hidden && results.length > 0;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (!open) {
          if (results.length > 0) setOpen(true);
          return;
        }
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((active + step + results.length) % results.length);
        return;
      }
      case "Enter":
        if (timer !== undefined) {
          // Typed faster than the delay: search now, so Enter acts on what is in the box.
          clearTimeout(timer);
          timer = undefined;
          run();
        }
        if (active >= 0 && results[active]) {
          event.preventDefault();
          choose(active);
        }
        return;
      case "Escape":
        event.preventDefault();
        if (!popup.hidden) setOpen(false);
        else if (input.value !== "") {
          input.value = "";
          run();
        } else if (root.classList.contains("search--open")) {
          root.classList.remove("search--open");
          openButton.setAttribute("aria-expanded", "false");
          openButton.focus();
        }
        return;
      case "Tab":
        setOpen(false);
        return;
    }
  });
  input.addEventListener("blur", () => setOpen(false));
  openButton.addEventListener("click", () => {
    root.classList.add("search--open");
    openButton.setAttribute("aria-expanded", "true");
    input.focus();
  });
  cancelButton.addEventListener("click", () => {
    input.value = "";
    run();
    setOpen(false);
    root.classList.remove("search--open");
    openButton.setAttribute("aria-expanded", "false");
  });

  const renderLabels = () => {
    const lang = language();
    label.textContent = translate(lang, "search.label");
    listbox.setAttribute("aria-label", translate(lang, "search.label"));
    input.placeholder = translate(lang, "search.placeholder");
    openButton.textContent = translate(lang, "search.open");
    cancelButton.textContent = translate(lang, "search.cancel");
    cancelButton.setAttribute("aria-label", translate(lang, "search.cancel"));
  };
  renderLabels();
  return store.subscribe((state, previous) => {
    if (state.language === previous.language) return;
    renderLabels();
    render();
  });
}
