import type { Language } from "../i18n/messages";
import { translate } from "../i18n/translate";
import type { MapAdapter, PointerPosition } from "../map/mapAdapter";
import type { AppStore } from "../state/store";
import { h } from "./dom";
import { onDemand } from "./onDemand";

/**
 * Coordinates under the cursor in WGS-84 degrees and CGCS2000 GK CM105°E metres; without a cursor (touch, or the
 * pointer off the map) those of the map centre. The formatter, and proj4 with it, load on first use.
 */
export function mountCoordinateReadout(store: AppStore, adapter: MapAdapter, container: HTMLElement, started: Promise<void> = Promise.resolve()): () => void {
  const caption = h("span", { class: "coordinate-caption" });
  const wgs84Label = h("span", { class: "coordinate-system" });
  const wgs84Value = h("span", { class: "coordinate-value", "data-coordinate": "wgs84" });
  const gkLabel = h("span", { class: "coordinate-system" });
  const gkValue = h("span", { class: "coordinate-value", "data-coordinate": "gauss-kruger" });
  container.replaceChildren(
    caption,
    h("span", { class: "coordinate-line" }, wgs84Label, wgs84Value),
    h("span", { class: "coordinate-line" }, gkLabel, gkValue),
  );

  // proj4 comes with the formatter: fetched after the map's first idle (or at the first pointer move), off the start-up path.
  const formatters = onDemand(
    () => import("./formatCoordinates"),
    () => render(),
  );
  let pointer: PointerPosition | null = null;
  const render = () => {
    const language: Language = store.getState().language;
    caption.textContent = translate(language, pointer ? "coordinates.heading" : "coordinates.centre");
    wgs84Label.textContent = translate(language, "coordinates.wgs84");
    gkLabel.textContent = translate(language, "coordinates.gaussKruger");
    const loaded = formatters.loaded();
    if (!loaded) return;
    const lngLat = pointer?.lngLat ?? adapter.getCenter();
    wgs84Value.textContent = loaded.formatWgs84(lngLat);
    gkValue.textContent = loaded.formatGaussKruger(lngLat) ?? translate(language, "coordinates.outsideZone");
  };

  let frame = 0;
  const scheduleRender = () => {
    if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), render()));
  };
  const loadFormatters = () => void formatters.load();
  void started.then(loadFormatters, loadFormatters);
  render();
  const stopPointer = adapter.onPointerMove((position) => {
    pointer = position;
    loadFormatters();
    scheduleRender();
  });
  const stopCamera = adapter.onCameraMove(() => scheduleRender());
  const stopStore = store.subscribe((state, previous) => {
    if (state.language !== previous.language) render();
  });
  return () => {
    stopPointer();
    stopCamera();
    stopStore();
  };
}
