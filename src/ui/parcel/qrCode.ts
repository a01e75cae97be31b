import qrcode from "qrcode-generator";

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
const QUIET_ZONE_MODULES = 4;

/** Dark modules of a QR code for `text` (error correction M), as a square grid of booleans. */
export function qrModules(text: string): boolean[][] {
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => code.isDark(row, column)));
}

/** The QR code as an SVG element built node by node (no markup strings), so it prints crisply at any size. */
export function qrCodeSvg(text: string, label: string): SVGSVGElement {
  const modules = qrModules(text);
  const span = modules.length + 2 * QUIET_ZONE_MODULES;
  const svg = document.createElementNS(SVG_NAMESPACE, "svg");
  svg.setAttribute("viewBox", `0 0 ${span} ${span}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  const background = document.createElementNS(SVG_NAMESPACE, "rect");
  background.setAttribute("width", String(span));
  background.setAttribute("height", String(span));
  background.setAttribute("fill", "#fff");
  const path = document.createElementNS(SVG_NAMESPACE, "path");
  const commands: string[] = [];
  modules.forEach((row, rowIndex) =>
    row.forEach((dark, columnIndex) => {
      if (dark) commands.push(`M${columnIndex + QUIET_ZONE_MODULES} ${rowIndex + QUIET_ZONE_MODULES}h1v1h-1z`);
    }),
  );
  path.setAttribute("d", commands.join(""));
  path.setAttribute("fill", "#000");
  svg.append(background, path);
  return svg;
}
