import type { MessageKey } from "../../i18n/messages";
import { translate } from "../../i18n/translate";
import type { AppStore } from "../../state/store";
import { h } from "../dom";
import {
  clampSheetHeight,
  nextSnap,
  releaseVelocity,
  sheetHeights,
  sheetKeyAction,
  snapAfterDrag,
  type SheetAction,
  type SheetHeights,
  type SheetSnap,
} from "./sheetState";
import "../../styles/sheet.css";

/** Screens up to this width get the bottom sheet; wider ones the side panel (the same breakpoint as app.css). */
export const PHONE_QUERY = "(max-width: 720px)";

/** A finger has to move this far (px) before a press on the handle or tabs becomes a drag. */
const DRAG_THRESHOLD = 8;

export interface SheetTabOptions {
  /** ASCII id; the pane gets `id="sheet-pane-<id>"` and `data-sheet-pane="<id>"`. */
  id: string;
  /** Dictionary key of the tab's label; it follows the language. */
  label: MessageKey;
  /** Tabs sort by this, then by when they were added; the layer panel is 10, memorials 20. */
  order?: number;
  /**
   * The pane starts with its own level-2 heading. Otherwise the sheet gives it one (visually hidden, the tab's label),
   * so the panes' level-3 section headings follow a level 2 and headings never skip a level.
   */
  ownHeading?: boolean;
}

export interface SheetChange {
  tabId: string;
  snap: SheetSnap;
  /** True on phones, where the panel is a bottom sheet. */
  isSheet: boolean;
}

/**
 * The side panel as tabs — on phones (≤ 720 px) a bottom sheet dragged between peek (only the tabs), half and full.
 * Panels mount into it instead of owning a panel of their own:
 *
 *   const pane = shell.sheet.addTab({ id: "inspector", label: "inspector.tab", order: 30 });
 *   pane.append(content);                    // the tab's scrolling content area (role="tabpanel")
 *   shell.sheet.show("inspector");           // selects the tab; on a phone also opens the sheet to at least half
 *   shell.sheet.show("inspector", { snap: "full", focusTab: true });
 *   shell.sheet.setSnap("peek");             // phones only; ignored on wide screens
 *   shell.sheet.onChange(({ tabId, snap, isSheet }) => …);
 *   shell.sheet.coveredHeight("half");       // px of the map a sheet at that snap hides: camera padding
 *
 * The layer panel is the tab "layers" (`shell.panelBody`).
 */
export interface PanelSheet {
  addTab(options: SheetTabOptions): HTMLElement;
  show(tabId: string, options?: { snap?: SheetSnap; focusTab?: boolean }): void;
  setSnap(snap: SheetSnap): void;
  state(): SheetChange;
  onChange(listener: (change: SheetChange) => void): () => void;
  /** Height in px the sheet covers at the bottom of the map area at a snap (the current one by default); 0 on wide screens. */
  coveredHeight(snap?: SheetSnap): number;
}

interface Tab {
  id: string;
  label: MessageKey;
  order: number;
  ownHeading: boolean;
  added: number;
  button: HTMLButtonElement;
  pane: HTMLElement;
}

export interface PanelSheetParts {
  root: HTMLElement;
  panel: HTMLElement;
  panelBody: HTMLElement;
  mapArea: HTMLElement;
}

const HANDLE_LABELS: Record<SheetSnap, MessageKey> = {
  peek: "sheet.handlePeek",
  half: "sheet.handleHalf",
  full: "sheet.handleFull",
};

/** Turns the shell's side panel into the tabbed panel / bottom sheet; called once by the app shell. */
export function createPanelSheet(store: AppStore, { root, panel, panelBody, mapArea }: PanelSheetParts): PanelSheet {
  const phone = window.matchMedia(PHONE_QUERY);
  const hintId = "sheet-handle-hint";
  const handle = h(
    "button",
    {
      type: "button",
      class: "sheet-handle",
      "data-action": "sheet-handle",
      "aria-controls": panel.id,
      "aria-describedby": hintId,
    },
    h("span", { class: "sheet-handle-bar", "aria-hidden": "true" }),
  );
  const hint = h("span", { id: hintId, class: "visually-hidden" });
  const tabList = h("div", { class: "sheet-tabs", role: "tablist" });
  const paneHeading = h("h2", { id: "sheet-pane-heading", class: "visually-hidden" });
  const grip = h("div", { class: "sheet-grip" }, handle, hint, tabList, paneHeading);
  const panes = h("div", { class: "sheet-panes" });

  const tabs: Tab[] = [];
  let activeTabId = "layers";
  let snap: SheetSnap = "peek";
  let heights: SheetHeights = { peek: 0, half: 0, full: 0 };
  const listeners = new Set<(change: SheetChange) => void>();

  const isSheet = () => phone.matches;
  const state = (): SheetChange => ({ tabId: activeTabId, snap, isSheet: isSheet() });
  const notify = () => {
    const change = state();
    for (const listener of listeners) listener(change);
  };

  const measure = () => {
    const styles = getComputedStyle(panel);
    const peekHeight = Math.ceil(grip.offsetHeight + parseFloat(styles.paddingBottom || "0") + parseFloat(styles.borderTopWidth || "0"));
    heights = sheetHeights({
      viewportHeight: window.innerHeight,
      topInset: Math.max(0, mapArea.getBoundingClientRect().top),
      peekHeight,
    });
    root.style.setProperty("--sheet-peek-height", `${heights.peek}px`);
  };

  const applyLayout = () => {
    panel.dataset.snap = snap;
    if (!isSheet()) {
      panel.style.removeProperty("height");
      panes.inert = false;
      handle.setAttribute("aria-expanded", "true");
      return;
    }
    measure();
    panel.style.height = `${heights[snap]}px`;
    // A peeking sheet shows only its tabs: what is below them is off screen, so keep focus out of it.
    panes.inert = snap === "peek";
    handle.setAttribute("aria-expanded", String(snap !== "peek"));
  };

  const renderPaneHeading = () => {
    const active = tabs.find((tab) => tab.id === activeTabId);
    paneHeading.hidden = !active || active.ownHeading;
    paneHeading.textContent = active ? translate(store.getState().language, active.label) : "";
  };

  const renderLabels = () => {
    const { language } = store.getState();
    panel.setAttribute("aria-label", translate(language, "sheet.label"));
    tabList.setAttribute("aria-label", translate(language, "sheet.tabsLabel"));
    handle.setAttribute("aria-label", translate(language, HANDLE_LABELS[snap]));
    hint.textContent = translate(language, "sheet.handleHint");
    for (const tab of tabs) tab.button.textContent = translate(language, tab.label);
    renderPaneHeading();
  };

  const setSnapInternal = (next: SheetSnap) => {
    if (!isSheet()) return;
    const changed = next !== snap;
    snap = next;
    applyLayout();
    handle.setAttribute("aria-label", translate(store.getState().language, HANDLE_LABELS[snap]));
    if (changed) notify();
  };

  const act = (action: SheetAction) => setSnapInternal(nextSnap(snap, action));

  const selectTab = (tabId: string) => {
    if (!tabs.some((tab) => tab.id === tabId)) return false;
    const changed = tabId !== activeTabId;
    activeTabId = tabId;
    for (const tab of tabs) {
      const selected = tab.id === tabId;
      tab.button.setAttribute("aria-selected", String(selected));
      tab.button.tabIndex = selected ? 0 : -1;
      tab.button.classList.toggle("sheet-tab--active", selected);
      tab.pane.hidden = !selected;
    }
    renderPaneHeading();
    return changed;
  };

  const show: PanelSheet["show"] = (tabId, options = {}) => {
    const changed = selectTab(tabId);
    if (options.focusTab) tabs.find((tab) => tab.id === tabId)?.button.focus();
    const before = snap;
    if (isSheet()) setSnapInternal(options.snap ?? nextSnap(snap, { type: "reveal" }));
    if (changed && before === snap) notify();
  };

  /** Adds a tab; `pane` adopts an existing element as its content (the layer panel's body). */
  const addTab = ({ id, label, order = 100, ownHeading = false }: SheetTabOptions, pane?: HTMLElement): HTMLElement => {
    const paneElement = pane ?? h("div", {});
    paneElement.id = `sheet-pane-${id}`;
    paneElement.classList.add("sheet-pane");
    paneElement.setAttribute("role", "tabpanel");
    paneElement.setAttribute("aria-labelledby", `sheet-tab-${id}`);
    paneElement.dataset.sheetPane = id;
    const button = h("button", {
      type: "button",
      role: "tab",
      id: `sheet-tab-${id}`,
      class: "sheet-tab",
      "aria-controls": paneElement.id,
      "data-sheet-tab": id,
    });
    button.addEventListener("click", () => show(id));
    const tab: Tab = { id, label, order, ownHeading, added: tabs.length, button, pane: paneElement };
    tabs.push(tab);
    tabs.sort((a, b) => a.order - b.order || a.added - b.added);
    tabList.replaceChildren(...tabs.map((candidate) => candidate.button));
    panes.replaceChildren(...tabs.map((candidate) => candidate.pane));
    selectTab(tabs.some((candidate) => candidate.id === activeTabId) ? activeTabId : tabs[0]!.id);
    renderLabels();
    return paneElement;
  };

  // Arrow keys move between tabs (and select them), as the ARIA tabs pattern has it.
  tabList.addEventListener("keydown", (event) => {
    const index = tabs.findIndex((tab) => tab.id === activeTabId);
    const target =
      event.key === "ArrowRight"
        ? (index + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : -1;
    if (target < 0 || !tabs[target]) return;
    event.preventDefault();
    show(tabs[target].id, { focusTab: true, snap });
  });

  handle.addEventListener("click", () => act({ type: "cycle" }));
  handle.addEventListener("keydown", (event) => {
    const action = sheetKeyAction(event.key);
    if (!action || !isSheet()) return;
    event.preventDefault();
    act(action);
  });
  // Escape leaves the content for the map: the sheet goes back to peeking, focus to its handle.
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented || !isSheet() || snap === "peek") return;
    event.preventDefault();
    setSnapInternal("peek");
    handle.focus();
  });

  // Dragging: the handle and the tab row follow the finger (touch, pen or mouse) and settle on a snap on release.
  let drag: { pointerId: number; startY: number; startHeight: number; moved: boolean; samples: Array<{ time: number; y: number }> } | null = null;
  let swallowClick = false;
  grip.addEventListener("pointerdown", (event) => {
    if (!isSheet() || !event.isPrimary || event.button !== 0) return;
    swallowClick = false;
    measure();
    drag = {
      pointerId: event.pointerId,
      startY: event.clientY,
      startHeight: panel.getBoundingClientRect().height,
      moved: false,
      samples: [{ time: event.timeStamp, y: event.clientY }],
    };
  });
  grip.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const rise = drag.startY - event.clientY;
    if (!drag.moved) {
      if (Math.abs(rise) < DRAG_THRESHOLD) return;
      drag.moved = true;
      grip.setPointerCapture(event.pointerId);
      panel.classList.add("sheet--dragging");
    }
    drag.samples.push({ time: event.timeStamp, y: event.clientY });
    if (drag.samples.length > 12) drag.samples.shift();
    panel.style.height = `${clampSheetHeight(heights, drag.startHeight + rise)}px`;
  });
  const endDrag = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const finished = drag;
    drag = null;
    if (!finished.moved) return;
    finished.samples.push({ time: event.timeStamp, y: event.clientY });
    panel.classList.remove("sheet--dragging");
    swallowClick = true;
    const height = panel.getBoundingClientRect().height;
    const target = snapAfterDrag(heights, height, releaseVelocity(finished.samples));
    if (target === snap) applyLayout();
    else setSnapInternal(target);
  };
  grip.addEventListener("pointerup", endDrag);
  grip.addEventListener("pointercancel", endDrag);
  // The click that ends a drag is not a tap on the tab or handle under the finger.
  grip.addEventListener(
    "click",
    (event) => {
      if (!swallowClick) return;
      swallowClick = false;
      event.stopPropagation();
      event.preventDefault();
    },
    true,
  );

  panel.classList.add("side-panel--sheet");
  panel.removeAttribute("aria-labelledby");
  panel.prepend(grip);
  panelBody.replaceWith(panes);
  addTab({ id: "layers", label: "panel.heading", order: 10 }, panelBody);

  const relayout = () => {
    if (!isSheet()) panel.style.removeProperty("height");
    applyLayout();
  };
  phone.addEventListener("change", () => {
    relayout();
    notify();
  });
  window.addEventListener("resize", relayout);
  store.subscribe((current, previous) => {
    if (current.language !== previous.language) {
      renderLabels();
      // Labels change the tab row's height when they wrap.
      if (isSheet()) applyLayout();
    }
  });
  renderLabels();
  applyLayout();
  // Fonts and the first layout settle after mounting; measure once more then.
  requestAnimationFrame(() => applyLayout());

  return {
    addTab: (options) => addTab(options),
    show,
    setSnap: (next) => setSnapInternal(next),
    state,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    coveredHeight: (at = snap) => (isSheet() ? Math.max(0, heights[at] - heights.peek) : 0),
  };
}
