import { localizedProse } from "./chineseTerms";
import type { Language } from "../i18n/messages";
import { localized, translate } from "../i18n/translate";
import type { LayerDefinition } from "../layers/manifestTypes";
import { h } from "./dom";

/**
 * The geometry-quality badge (官方/派生/示意) as a toggletip: a real button that explains itself on hover, on focus
 * and on tap, with `aria-expanded` and the explanation in a live region so it is read out when it opens.
 */
export function createQualityBadge(layer: LayerDefinition, language: Language): HTMLElement {
  const quality = layer.geometryQuality;
  const qualityName = translate(language, `quality.${quality}`);
  const tipId = `quality-tip-${layer.id}`;
  const button = h(
    "button",
    {
      type: "button",
      class: `quality-badge quality-badge--${quality}`,
      "aria-expanded": "false",
      "aria-controls": tipId,
      "aria-label": translate(language, "quality.toggleLabel", { quality: qualityName }),
      "data-quality-badge": layer.id,
    },
    h("span", { class: "quality-pill" }, qualityName),
  );
  const accuracy = layer.positionalAccuracyM > 0 ? translate(language, "quality.accuracy", { metres: layer.positionalAccuracyM }) : "";
  const bubble = h(
    "div",
    { id: tipId, class: "toggletip", role: "status", hidden: true },
    h("strong", {}, translate(language, "quality.heading", { quality: qualityName })),
    h("span", {}, translate(language, `quality.explain.${quality}`)),
    localizedProse("span", {}, layer.qualityNote, language),
    accuracy ? h("span", {}, accuracy) : null,
  );

  let pinned = false;
  let hovered = false;
  let focused = false;
  const render = () => {
    const open = pinned || hovered || focused;
    bubble.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => {
    pinned = !pinned;
    // A tap also focuses the button; closing by tap must win over "open while focused".
    if (!pinned) focused = hovered = false;
    render();
  });
  button.addEventListener("mouseenter", () => ((hovered = true), render()));
  button.addEventListener("mouseleave", () => ((hovered = false), render()));
  button.addEventListener("focus", () => ((focused = true), render()));
  button.addEventListener("blur", () => ((focused = false), (pinned = false), render()));
  button.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !bubble.hidden) {
      event.stopPropagation();
      pinned = hovered = focused = false;
      render();
    }
  });
  return h("span", { class: "quality" }, button, bubble);
}
