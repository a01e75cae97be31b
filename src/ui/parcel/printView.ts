import { parcelName } from "../../i18n/defaultParcelName";
import { CRS_NAME_TEXT } from "../../i18n/messages.crs";
import type { MessageKey } from "../../i18n/messages";
import { localized, translate, type MessageParams } from "../../i18n/translate";
import type { DataPackage } from "../../layers/layerData";
import type { LegendEntry } from "../../layers/manifestTypes";
import { PARCEL_COLOR } from "../../map/sketch/sketchStyle";
import type { MapSnapshot } from "../../map/sketch/sketchTypes";
import { distanceText, formatNumber } from "../../parcel/format";
import { labelledVertices, type ReportInput } from "../../parcel/reportInput";
import { sectionOf, type ReportModel } from "../../siteCheck/report/reportModel";
import { renderBlock, renderSection, textNodes, type RenderOptions } from "./reportBlocks";
import type { AppStore } from "../../state/store";
import { h, setChildren, type Child } from "../dom";

/** Vertices listed on paper; a longer boundary is in the exports. */
const PRINTED_VERTICES = 120;
/** The map picture on A4 portrait inside 12 mm margins: at most this wide and tall (mm). */
const MAP_WIDTH_MM = 180;
const MAP_HEIGHT_MM = 125;
const SVG = "http://www.w3.org/2000/svg";
/** Paper: no inputs, no links, only what is printed. */
const PRINT: RenderOptions = { media: "print", quoteLinks: false };

function svg<Tag extends keyof SVGElementTagNameMap>(
  tag: Tag,
  attributes: Record<string, string | number>,
  ...children: SVGElement[]
): SVGElementTagNameMap[Tag] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** A round length (1, 2 or 5 × 10ⁿ m) close to a quarter of the picture's width. */
export function scaleBarLength(metresAcross: number): number {
  const target = metresAcross / 4;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [5, 2, 1].find((factor) => factor * power <= target) ?? 1;
  return step * power;
}

/** "1:25 000"-style denominator, two significant digits. */
export function roundedScale(denominator: number): number {
  const power = 10 ** Math.max(0, Math.floor(Math.log10(denominator)) - 1);
  return Math.round(denominator / power) * power;
}

/**
 * The picture cut to a printable shape around its centre (where the parcel was fitted): a phone's portrait canvas
 * to a square, a very wide one to 2:1. The scale stays as it was.
 */
export async function cropForPrint(snapshot: MapSnapshot | null): Promise<MapSnapshot | null> {
  if (!snapshot || snapshot.width === 0 || snapshot.height === 0) return snapshot;
  const aspect = snapshot.width / snapshot.height;
  const width = aspect > 2 ? snapshot.height * 2 : snapshot.width;
  const height = aspect < 1 ? snapshot.width : snapshot.height;
  if (width === snapshot.width && height === snapshot.height) return snapshot;
  const image = new Image();
  image.src = snapshot.dataUrl;
  try {
    await image.decode();
  } catch {
    return snapshot;
  }
  const ratio = image.naturalWidth / snapshot.width;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d");
  if (!context) return snapshot;
  const left = ((snapshot.width - width) / 2) * ratio;
  const top = ((snapshot.height - height) / 2) * ratio;
  context.drawImage(image, left, top, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
  return { ...snapshot, dataUrl: canvas.toDataURL("image/png"), width, height };
}

function swatch(color: string, outline = false): HTMLElement {
  return h("span", {
    class: outline ? "print-swatch print-swatch--outline" : "print-swatch",
    style: outline ? `border-color: ${color}` : `background: ${color}`,
  });
}

export type QrCodeRenderer = (text: string, label: string) => SVGSVGElement;

/**
 * The A4 report as printed (or saved as PDF): map picture with the parcel, scale bar, north arrow and legend drawn
 * here; the parcel's coordinates in the input CRS and WGS-84; areas; findings with their clauses; and the 查询告知单
 * — reference only, the SHA-256 of every data file used, and a link that reopens exactly this query.
 */
export function renderPrintView(
  target: HTMLElement,
  store: AppStore,
  dataPackage: DataPackage,
  input: ReportInput,
  /** The report as built once for every renderer (src/siteCheck/report/buildReport). */
  model: ReportModel,
  snapshot: MapSnapshot | null,
  /** Draws the QR code of the re-open link; loaded on demand, so absent until the first print. */
  qrCodeSvg: QrCodeRenderer | null,
): void {
  const state = store.getState();
  const { language } = state;
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const { parcel, report } = input;
  const checkedAt = new Date(input.checkedAt).toLocaleString(language === "zh" ? "zh-CN" : "en-GB");

  const mapFigure = (): Child => {
    if (!snapshot || snapshot.width === 0 || snapshot.height === 0) return h("p", { class: "site-error", "data-print-no-map": "" }, t("site.print.noMap"));
    const aspect = snapshot.width / snapshot.height;
    const widthMm = Math.min(MAP_WIDTH_MM, MAP_HEIGHT_MM * aspect);
    const heightMm = widthMm / aspect;
    const metresAcross = snapshot.width * snapshot.metresPerPixel;
    const barMetres = scaleBarLength(metresAcross);
    const scale = roundedScale(metresAcross / (widthMm / 1000));
    const north = svg(
      "svg",
      { viewBox: "-12 -16 24 32", width: "9mm", height: "12mm", "aria-hidden": "true" },
      svg(
        "g",
        { transform: `rotate(${-snapshot.bearing})` },
        svg("path", { d: "M0 -14 L7 8 L0 3 L-7 8 Z", fill: "#1f2933", stroke: "#fff", "stroke-width": 1 }),
      ),
    );
    const legendEntries: Array<[HTMLElement, Child]> = [[swatch(PARCEL_COLOR, true), t("site.print.parcel")]];
    for (const layer of dataPackage.manifest.layers) {
      const view = state.layers[layer.id];
      const load = dataPackage.layers.get(layer.id);
      if (!view?.visible || load?.type !== "loaded" || load.data.features.length === 0) continue;
      const entries: LegendEntry[] = layer.legend.filter((entry) => entry.drawn !== false);
      for (const entry of entries)
        legendEntries.push([
          swatch(entry.color),
          [textNodes({ localized: layer.title }, language), language === "zh" ? "：" : ": ", textNodes({ localized: entry.label }, language)],
        ]);
    }
    return h(
      "figure",
      { class: "print-map" },
      h(
        "div",
        { class: "print-map-frame", style: `width: ${widthMm.toFixed(1)}mm; height: ${heightMm.toFixed(1)}mm` },
        h("img", { src: snapshot.dataUrl, alt: t("site.print.mapAlt", { name: parcelName(parcel.name, language) }), "data-print-map": "" }),
        h("div", { class: "print-north" }, north, h("span", {}, t("site.print.north"))),
        h(
          "div",
          { class: "print-scale" },
          h("div", { class: "print-scale-bar", style: `width: ${((widthMm * barMetres) / metresAcross).toFixed(1)}mm` }),
          h("span", {}, `0 — ${distanceText(barMetres, language)}`),
        ),
      ),
      h(
        "figcaption",
        {},
        h("p", {}, t("site.print.scale", { scale: formatNumber(scale, 0, language) })),
        h(
          "ul",
          { class: "print-legend" },
          legendEntries.map(([mark, label]) => h("li", {}, mark, label)),
        ),
        h("p", { class: "print-note" }, t("site.print.mapNote")),
      ),
    );
  };

  const coordinates = (): Child => {
    const vertices = labelledVertices(parcel);
    const shown = vertices.slice(0, PRINTED_VERTICES);
    const inputCrs = parcel.crs ? CRS_NAME_TEXT[parcel.crs.code][language] : null;
    return [
      h("h2", {}, t("site.print.coordinates")),
      h(
        "table",
        { class: "print-table print-coordinates" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, t("site.print.pointLabel")),
            inputCrs ? h("th", {}, t("site.print.inputCoordinates", { crs: inputCrs })) : null,
            h("th", {}, t("site.print.longitude")),
            h("th", {}, t("site.print.latitude")),
            h("th", {}, t("site.print.gkX")),
            h("th", {}, t("site.print.gkY")),
          ),
        ),
        h(
          "tbody",
          {},
          shown.map((vertex) =>
            h(
              "tr",
              {},
              h("td", {}, vertex.label),
              inputCrs ? h("td", {}, vertex.source ? `${vertex.source[0]}, ${vertex.source[1]}` : "—") : null,
              h("td", {}, vertex.lngLat[0].toFixed(7)),
              h("td", {}, vertex.lngLat[1].toFixed(7)),
              h("td", {}, vertex.gaussKruger.x.toFixed(3)),
              h("td", {}, vertex.gaussKruger.y.toFixed(3)),
            ),
          ),
        ),
      ),
      vertices.length > shown.length ? h("p", {}, t("site.print.moreVertices", { count: vertices.length - shown.length })) : null,
    ];
  };

  const section = (id: string): Child => {
    const found = sectionOf(model, id);
    return found ? renderSection(found, language, { ...PRINT, level: 2 }) : null;
  };

  const receipt = (): Child => {
    const found = sectionOf(model, "receipt");
    return h(
      "section",
      { class: "print-receipt", "data-print-receipt": "" },
      h("h2", {}, t("site.print.receipt")),
      (found?.blocks ?? []).filter((block) => !(block.type === "note" && block.id === "link")).map((block) => renderBlock(block, language, PRINT)),
      h("h3", {}, t("site.print.coordinatesShort")),
      h(
        "p",
        { class: "print-wrap" },
        labelledVertices(parcel)
          .slice(0, PRINTED_VERTICES)
          .map((vertex) => `${vertex.label} ${vertex.lngLat[0].toFixed(6)},${vertex.lngLat[1].toFixed(6)}`)
          .join("；"),
      ),
      h("h3", {}, t("site.print.link")),
      input.link ? h("p", { class: "print-wrap print-link", "data-print-link": "" }, input.link) : h("p", {}, t("site.print.linkTooLong")),
      input.link && qrCodeSvg ? h("div", { class: "print-qr", "data-print-qr": "" }, qrCodeSvg(input.link, t("site.print.link"))) : null,
    );
  };

  const head = sectionOf(model, "head");
  setChildren(
    target,
    h(
      "header",
      { class: "print-head" },
      h("h1", {}, t("site.print.title")),
      h("p", {}, `${t("app.title")} · ${t("site.print.checkedAt")} ${checkedAt} · ${t("site.print.dataVersion")} ${input.dataPackageVersion}`),
      (head?.blocks ?? []).map((block) => renderBlock(block, language, PRINT)),
    ),
    section("district"),
    mapFigure(),
    section("parcel"),
    section("findings"),
    section("fee"),
    section("mining"),
    coordinates(),
    receipt(),
  );
}
