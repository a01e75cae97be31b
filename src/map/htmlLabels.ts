import type { Map as MaplibreMap } from "maplibre-gl";
import type { Language } from "../i18n/messages";
import type { DataPackage } from "../layers/layerData";
import type { LayerDefinition } from "../layers/manifestTypes";
import type { LayerViewStates } from "../state/layersSlice";
import { labelAnchors, nonOverlapping, slideInside, type LabelAnchor, type LabelBox } from "./labelPlacement";

interface PlacedLabel {
  layer: LayerDefinition;
  anchor: LabelAnchor;
  element: HTMLSpanElement;
  size: { width: number; height: number } | null;
}

/** Gap in CSS pixels between a point symbol and its label. */
/** Space kept between a label slid inward and the map's edge, px. */
const EDGE_MARGIN = 4;
const BESIDE_GAP = 4;

/**
 * Feature labels as HTML over the canvas, so no glyph server is needed and Chinese uses the system's fonts.
 * Labels follow their layer's visibility and opacity, switch with the language, and hide where they would overlap.
 */
export class HtmlLabels {
  private readonly container: HTMLDivElement;
  private labels: PlacedLabel[] = [];
  private layerStates: LayerViewStates;
  private language: Language;
  /** Read on resize only: reading it on every move, right after moving the labels, would lay the page out each time. */
  private mapSize: { width: number; height: number };

  constructor(
    private readonly map: MaplibreMap,
    private readonly dataPackage: DataPackage,
    layerStates: LayerViewStates,
    language: Language,
  ) {
    this.layerStates = layerStates;
    this.language = language;
    this.container = document.createElement("div");
    this.container.className = "map-labels";
    this.container.setAttribute("aria-hidden", "true");
    map.getCanvasContainer().after(this.container);
    this.mapSize = this.readMapSize();
    this.rebuild(false);
    // Placed in the next frame, with the page's own layout: measuring now would lay out the page once more.
    requestAnimationFrame(() => this.reposition());
    map.on("move", this.reposition);
    map.on("resize", () => {
      this.mapSize = this.readMapSize();
      this.reposition();
    });
  }

  /** From the canvas MapLibre sized to the map, which needs no layout. */
  private readMapSize(): { width: number; height: number } {
    const canvas = this.map.getCanvas();
    const pixelRatio = this.map.getPixelRatio();
    return { width: canvas.width / pixelRatio, height: canvas.height / pixelRatio };
  }

  setLayerStates(layerStates: LayerViewStates): void {
    this.layerStates = layerStates;
    this.reposition();
  }

  setLanguage(language: Language): void {
    if (language === this.language) return;
    this.language = language;
    this.rebuild(true);
  }

  /**
   * Labels of feature layers win over the context (town) labels; among them a point's name (a memorial, a node)
   * wins over an area's, which can sit anywhere inside it; then manifest order.
   */
  private labelledLayers(): LayerDefinition[] {
    const layers = this.dataPackage.manifest.layers.filter((layer) => layer.style.labelProperty);
    const features = layers.filter((layer) => layer.role !== "context");
    return [
      ...features.filter((layer) => layer.geometryType === "point"),
      ...features.filter((layer) => layer.geometryType !== "point"),
      ...layers.filter((layer) => layer.role === "context"),
    ];
  }

  private rebuild(place: boolean): void {
    this.container.replaceChildren();
    this.labels = [];
    for (const layer of this.labelledLayers()) {
      const load = this.dataPackage.layers.get(layer.id);
      if (load?.type !== "loaded") continue;
      for (const anchor of labelAnchors(layer, load.data, this.language)) {
        const element = document.createElement("span");
        element.className = `map-label map-label--${layer.role === "context" ? "context" : "feature"}`;
        element.dataset.labelLayer = layer.id;
        element.textContent = anchor.text;
        element.hidden = true;
        this.container.append(element);
        this.labels.push({ layer, anchor, element, size: null });
      }
    }
    if (place) this.reposition();
  }

  private readonly reposition = (): void => {
    const shown = (label: PlacedLabel) => {
      const view = this.layerStates[label.layer.id];
      return view?.visible === true && view.opacity !== 0;
    };
    // Measured once per text, all in one layout: a hidden element would measure 0, and reading a size after each
    // unhiding would lay the page out once per label.
    const unmeasured = this.labels.filter((label) => !label.size && shown(label));
    for (const label of unmeasured) label.element.hidden = false;
    for (const label of unmeasured) label.size = { width: label.element.offsetWidth, height: label.element.offsetHeight };
    const { width, height } = this.mapSize;
    const boxes: Array<LabelBox | null> = this.labels.map((label) => {
      if (!label.size || !shown(label)) return null;
      const point = this.map.project(label.anchor.lngLat);
      const { width: labelWidth, height: labelHeight } = label.size;
      let x0 = label.anchor.placement === "beside" ? point.x + (label.layer.style.radius ?? 6) + BESIDE_GAP : point.x - labelWidth / 2;
      if (label.anchor.placement === "centre") x0 = slideInside(x0, labelWidth, width, EDGE_MARGIN);
      const y0 = point.y - labelHeight / 2;
      const box = { x0, y0, x1: x0 + labelWidth, y1: y0 + labelHeight };
      const onScreen = box.x1 > 0 && box.x0 < width && box.y1 > 0 && box.y0 < height;
      return onScreen ? box : null;
    });
    const kept = nonOverlapping(boxes);
    this.labels.forEach((label, index) => {
      const box = boxes[index];
      const visible = kept[index] === true && box;
      label.element.hidden = !visible;
      if (!visible || !box) return;
      const view = this.layerStates[label.layer.id];
      const reference = Math.max(label.layer.style.opacity, 0.01);
      label.element.style.opacity = String(Math.min(1, (view?.opacity ?? 1) / reference));
      label.element.style.transform = `translate(${Math.round(box.x0)}px, ${Math.round(box.y0)}px)`;
    });
  };
}
