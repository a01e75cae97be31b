import type { IControl } from "maplibre-gl";

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/** A "whole district" icon: a frame with corner ticks around a dot. */
function extentIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NAMESPACE, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "20");
  svg.setAttribute("height", "20");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(SVG_NAMESPACE, "path");
  path.setAttribute("d", "M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5");
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "2");
  path.setAttribute("stroke-linecap", "round");
  const dot = document.createElementNS(SVG_NAMESPACE, "circle");
  dot.setAttribute("cx", "12");
  dot.setAttribute("cy", "12");
  dot.setAttribute("r", "2.5");
  dot.setAttribute("fill", "currentColor");
  svg.append(path, dot);
  return svg;
}

/** The "reset view to the district" button, styled like MapLibre's own control buttons. */
export class ResetViewControl implements IControl {
  private container: HTMLDivElement | undefined;

  constructor(
    private readonly label: string,
    private readonly onReset: () => void,
  ) {}

  onAdd(): HTMLElement {
    const container = document.createElement("div");
    container.className = "maplibregl-ctrl maplibregl-ctrl-group";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "reset-view-button";
    button.dataset.action = "reset-view";
    button.setAttribute("aria-label", this.label);
    button.title = this.label;
    button.append(extentIcon());
    button.addEventListener("click", () => this.onReset());
    container.append(button);
    this.container = container;
    return container;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = undefined;
  }
}
