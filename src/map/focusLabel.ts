import { Marker, type Map as MaplibreMap } from "maplibre-gl";
import { northOf, type FocusMark } from "./mapMarks";
import "../styles/mapMarks.css";

/**
 * The focus circle's label ("位置待核实 ±5 km") as HTML on its northern edge, so it needs no glyph server and
 * stays readable above the circle. Hidden from screen readers: the card beside the map says the same.
 */
export class FocusLabel {
  private marker: Marker | null = null;
  private readonly element: HTMLDivElement;

  constructor(private readonly map: MaplibreMap) {
    this.element = document.createElement("div");
    this.element.className = "map-focus-label";
    this.element.setAttribute("aria-hidden", "true");
    this.element.dataset.focusLabel = "";
  }

  set(mark: FocusMark | null): void {
    if (!mark || mark.label === "") {
      this.marker?.remove();
      this.marker = null;
      return;
    }
    this.element.textContent = mark.label;
    const at = mark.radiusMetres === null ? mark.lngLat : northOf(mark.lngLat, mark.radiusMetres);
    if (!this.marker) this.marker = new Marker({ element: this.element, anchor: "bottom" });
    this.marker.setLngLat(at).addTo(this.map);
  }
}
