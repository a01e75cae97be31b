import type { Position } from "geojson";
import { lngLatToGaussKruger } from "../../geo/crs";
import { areaFigures } from "../../geo/measure";
import type { MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import type { MapAdapter } from "../../map/mapAdapter";
import { sketchGeometry } from "../../map/sketch/sketchState";
import type { SketchChange } from "../../map/sketch/sketchTypes";
import { areaText, distanceText } from "../../parcel/format";
import type { AppStore } from "../../state/store";
import { h, setChildren } from "../dom";
import type { SiteCheckController } from "./siteCheckController";
import { importMessageText } from "../../i18n/messages.import";

/** GK planar length of a path, metres. */
function planarLength(positions: readonly Position[]): number {
  let total = 0;
  for (let index = 1; index < positions.length; index++) {
    const [x0, y0] = lngLatToGaussKruger([positions[index - 1]![0]!, positions[index - 1]![1]!]);
    const [x1, y1] = lngLatToGaussKruger([positions[index]![0]!, positions[index]![1]!]);
    total += Math.hypot(x1 - x0, y1 - y0);
  }
  return total;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The drawing toolbar floating over the map while a sketch exists: what to do next, the live area (GK m², 公顷, 亩)
 * or length, and undo / redo / finish / cancel — also as keys (Ctrl+Z, Ctrl+Y, Enter, Esc, Backspace).
 */
export function mountSketchToolbar(store: AppStore, adapter: MapAdapter, controller: SiteCheckController, mapArea: HTMLElement, onFinished: () => void): void {
  const bar = h("div", { class: "sketch-toolbar", role: "toolbar", hidden: true, "data-sketch-toolbar": "" });
  mapArea.append(bar);
  let change: SketchChange = { shape: null, canUndo: false, canRedo: false, canFinish: false, dragging: false };

  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);

  const button = (action: string, label: MessageKey, title: MessageKey | null, enabled: boolean, onClick: () => void, primary = false) =>
    h(
      "button",
      {
        type: "button",
        class: primary ? "sketch-button sketch-button--primary" : "sketch-button",
        "data-sketch-action": action,
        disabled: !enabled,
        title: title ? t(title) : null,
        onclick: onClick,
      },
      t(label),
    );

  const render = () => {
    const shape = change.shape;
    bar.hidden = shape === null;
    // Hover cards about features would cover the points being placed.
    mapArea.classList.toggle("site-sketching", shape !== null);
    if (!shape) {
      setChildren(bar);
      return;
    }
    const { language } = store.getState();
    const count = shape.vertices.length;
    const geometry = sketchGeometry(shape);
    let measure = "";
    if (shape.kind === "polygon" && geometry) measure = `${t("site.measure.area")} ${areaText(areaFigures(geometry).gaussKrugerSquareMetres, language)}`;
    else if (shape.kind === "line" && count >= 2) measure = `${t("site.measure.length")} ${distanceText(planarLength(shape.vertices), language)}`;
    const current = controller.state().problem;
    const problem =
      current?.source === "sketch" ? `${t("site.sketch.invalid")} ${current.messages.map((message) => importMessageText(message, language)).join(" ")}` : "";
    const hint = shape.finished
      ? t("site.sketch.editHint")
      : shape.kind === "point"
        ? t("site.sketch.hintPoint")
        : t(shape.kind === "polygon" ? "site.sketch.hintPolygon" : "site.sketch.hintLine", { count });
    setChildren(
      bar,
      h("p", { class: "sketch-hint", "aria-live": "polite" }, hint),
      measure ? h("p", { class: "sketch-measure", "data-sketch-measure": "" }, measure) : null,
      problem ? h("p", { class: "sketch-problem", role: "alert" }, problem) : null,
      h(
        "div",
        { class: "sketch-buttons" },
        button("undo", "site.sketch.undo", "site.sketch.undoKeys", change.canUndo, () => adapter.sketchCommand("undo")),
        button("redo", "site.sketch.redo", "site.sketch.redoKeys", change.canRedo, () => adapter.sketchCommand("redo")),
        shape.finished
          ? button("done", "site.sketch.doneEditing", null, true, () => adapter.stopSketch(), true)
          : button("finish", "site.sketch.finish", "site.sketch.finishKeys", change.canFinish, () => adapter.sketchCommand("finish"), true),
        shape.finished ? null : button("cancel", "site.sketch.cancel", "site.sketch.cancelKeys", true, () => adapter.stopSketch()),
      ),
    );
  };

  adapter.onSketchChange((next) => {
    const justFinished = next.shape?.finished === true && change.shape?.finished === false;
    change = next;
    render();
    if (justFinished) onFinished();
  });
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) render();
  });
  controller.subscribe(render);

  document.addEventListener("keydown", (event) => {
    const shape = change.shape;
    if (!shape || isTyping(event.target)) return;
    const command = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (command && key === "z" && !event.shiftKey) adapter.sketchCommand("undo");
    else if (command && (key === "y" || (key === "z" && event.shiftKey))) adapter.sketchCommand("redo");
    else if (!shape.finished && event.key === "Enter") adapter.sketchCommand("finish");
    else if (!shape.finished && event.key === "Escape") adapter.stopSketch();
    else if (!shape.finished && (event.key === "Backspace" || event.key === "Delete")) adapter.sketchCommand("remove-last");
    else return;
    event.preventDefault();
  });
}
