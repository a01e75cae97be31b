import { localized, translate } from "../../i18n/translate";
import type { FeatureLookup } from "../../layers/featureLookup";
import type { Manifest } from "../../layers/manifestTypes";
import type { MapAdapter, PointerPosition } from "../../map/mapAdapter";
import { pickFeature } from "../../map/syncMapWithStore";
import type { AppStore } from "../../state/store";
import { h } from "../dom";

/** Only where a mouse or pen hovers: on touch screens a tooltip would stick after the tap. */
const HOVER_QUERY = "(hover: hover) and (pointer: fine)";
const OFFSET = 14;

/**
 * A light tooltip that follows the pointer over the map: the feature a click would open (name and layer) and how
 * many more lie under the pointer. The pointer becomes a hand over features.
 */
export function mountHoverTooltip(store: AppStore, adapter: MapAdapter, lookup: FeatureLookup, manifest: Manifest, mapArea: HTMLElement): () => void {
  const hover = window.matchMedia(HOVER_QUERY);
  const name = h("span", { class: "map-tooltip-name" });
  const detail = h("span", { class: "map-tooltip-layer" });
  const tooltip = h("div", { class: "map-tooltip", "aria-hidden": "true", "data-map-tooltip": "", hidden: true }, name, detail);
  mapArea.append(tooltip);

  let position: PointerPosition | null = null;
  let frame = 0;
  const hide = () => {
    tooltip.hidden = true;
    mapArea.classList.remove("map-area--over-feature");
  };
  const update = () => {
    frame = 0;
    if (!position || !hover.matches) return hide();
    const hits = adapter.featuresAt(position.point);
    const hit = pickFeature(hits, manifest);
    const feature = hit ? lookup.feature(hit.layerId, hit.featureId) : undefined;
    const layer = hit ? lookup.layer(hit.layerId) : undefined;
    if (!hit || !feature || !layer) return hide();
    const { language } = store.getState();
    name.textContent = language === "en" && feature.properties.name_en ? feature.properties.name_en : feature.properties.name;
    const more = hits.length > 1 ? ` · ${translate(language, "tooltip.more", { count: hits.length - 1 })}` : "";
    detail.textContent = `${localized(layer.title, language)}${more}`;
    tooltip.hidden = false;
    mapArea.classList.add("map-area--over-feature");
    // Keep the tooltip inside the map: flip to the pointer's left or top near the far edges.
    const { clientWidth: width, clientHeight: height } = mapArea;
    const { offsetWidth: tipWidth, offsetHeight: tipHeight } = tooltip;
    const x = position.point.x + OFFSET + tipWidth > width ? position.point.x - OFFSET - tipWidth : position.point.x + OFFSET;
    const y = position.point.y + OFFSET + tipHeight > height ? position.point.y - OFFSET - tipHeight : position.point.y + OFFSET;
    tooltip.style.transform = `translate(${Math.max(0, x)}px, ${Math.max(0, y)}px)`;
  };

  const stopPointer = adapter.onPointerMove((next) => {
    position = next;
    if (frame === 0) frame = requestAnimationFrame(update);
  });
  const stopCamera = adapter.onCameraMove(() => {
    if (frame === 0 && position) frame = requestAnimationFrame(update);
  });
  return () => {
    stopPointer();
    stopCamera();
    if (frame !== 0) cancelAnimationFrame(frame);
    tooltip.remove();
  };
}
