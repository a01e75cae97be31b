import { BUILDING_USE_LABELS } from "../../check/fee";
import { describeCrs } from "../../geo/crsDetect";
import type { MessageKey } from "../../i18n/messages";
import { localized, translate, type MessageParams } from "../../i18n/translate";
import type { DataPackage } from "../../layers/layerData";
import type { LegendEntry } from "../../layers/manifestTypes";
import { PARCEL_COLOR } from "../../map/sketch/sketchStyle";
import type { MapSnapshot } from "../../map/sketch/sketchTypes";
import { areaTexts, distanceText, formatNumber, percentText, yuanText } from "../../parcel/format";
import { findingCitations, labelledVertices, REFERENCE_ONLY, SCHEMATIC_CAVEAT, sortFindings, STATUS_LABELS, type ReportInput } from "../../parcel/reportRecord";
import type { AppStore } from "../../state/store";
import { h, setChildren, type Child } from "../dom";
import type { MiningPolicy } from "../../parcel/miningPolicy";
import { miningRulesBlock } from "./miningView";
import { quoteBlock } from "./quote";
import { originText } from "./reportView";

/** Vertices listed on paper; a longer boundary is in the exports. */
const PRINTED_VERTICES = 120;
/** The map picture on A4 portrait inside 12 mm margins: at most this wide and tall (mm). */
const MAP_WIDTH_MM = 180;
const MAP_HEIGHT_MM = 125;
const SVG = "http://www.w3.org/2000/svg";

function svg<Tag extends keyof SVGElementTagNameMap>(tag: Tag, attributes: Record<string, string | number>, ...children: SVGElement[]): SVGElementTagNameMap[Tag] {
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
  return h("span", { class: outline ? "print-swatch print-swatch--outline" : "print-swatch", style: outline ? `border-color: ${color}` : `background: ${color}` });
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
  snapshot: MapSnapshot | null,
  miningPolicy: MiningPolicy | null,
  /** Draws the QR code of the re-open link; loaded on demand, so absent until the first print. */
  qrCodeSvg: QrCodeRenderer | null,
): void {
  const state = store.getState();
  const { language } = state;
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const { parcel, report } = input;
  const checkedAt = new Date(input.checkedAt).toLocaleString(language === "zh" ? "zh-CN" : "en-GB");

  const mapFigure = (): Child => {
    if (!snapshot || snapshot.width === 0 || snapshot.height === 0) return h("p", { class: "site-error" }, t("site.print.noMap"));
    const aspect = snapshot.width / snapshot.height;
    const widthMm = Math.min(MAP_WIDTH_MM, MAP_HEIGHT_MM * aspect);
    const heightMm = widthMm / aspect;
    const metresAcross = snapshot.width * snapshot.metresPerPixel;
    const barMetres = scaleBarLength(metresAcross);
    const scale = roundedScale(metresAcross / (widthMm / 1000));
    const north = svg(
      "svg",
      { viewBox: "-12 -16 24 32", width: "9mm", height: "12mm", "aria-hidden": "true" },
      svg("g", { transform: `rotate(${-snapshot.bearing})` }, svg("path", { d: "M0 -14 L7 8 L0 3 L-7 8 Z", fill: "#1f2933", stroke: "#fff", "stroke-width": 1 })),
    );
    const legendEntries: Array<[HTMLElement, string]> = [[swatch(PARCEL_COLOR, true), t("site.print.parcel")]];
    for (const layer of dataPackage.manifest.layers) {
      const view = state.layers[layer.id];
      const load = dataPackage.layers.get(layer.id);
      if (!view?.visible || load?.type !== "loaded" || load.data.features.length === 0) continue;
      const entries: LegendEntry[] = layer.legend.filter((entry) => entry.drawn !== false);
      for (const entry of entries) legendEntries.push([swatch(entry.color), `${localized(layer.title, language)}：${localized(entry.label, language)}`]);
    }
    return h(
      "figure",
      { class: "print-map" },
      h(
        "div",
        { class: "print-map-frame", style: `width: ${widthMm.toFixed(1)}mm; height: ${heightMm.toFixed(1)}mm` },
        h("img", { src: snapshot.dataUrl, alt: t("site.print.mapAlt", { name: parcel.name }), "data-print-map": "" }),
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
        h("ul", { class: "print-legend" }, legendEntries.map(([mark, label]) => h("li", {}, mark, label))),
        h("p", { class: "print-note" }, t("site.print.mapNote")),
      ),
    );
  };

  const areas = (): Child => {
    const gk = areaTexts(report.parcel.gaussKrugerSquareMetres, language);
    const ellipsoid = areaTexts(report.parcel.ellipsoidalSquareMetres, language);
    const polygonal = parcel.geometry.type === "Polygon" || parcel.geometry.type === "MultiPolygon";
    return h(
      "table",
      { class: "print-table" },
      h("tbody", {}, [
        h("tr", {}, h("th", { scope: "row" }, t("site.print.parcelName")), h("td", { colspan: "3", dir: "auto" }, parcel.name)),
        h("tr", {}, h("th", { scope: "row" }, t("site.print.source")), h("td", { colspan: "3" }, originText(parcel, t))),
        h("tr", {}, h("th", { scope: "row" }, t("site.parcel.inputCrs")), h("td", { colspan: "3" }, parcel.crs ? `${describeCrs(parcel.crs.code)[language]}${parcel.crs.swappedAxes ? ` · ${t("site.import.swapped")}` : ""}` : describeCrs("EPSG:4326")[language])),
        polygonal ? h("tr", {}, h("th", { scope: "row" }, t("site.parcel.areaGk")), h("td", {}, gk.squareMetres), h("td", {}, gk.hectares), h("td", {}, gk.mu)) : null,
        polygonal ? h("tr", {}, h("th", { scope: "row" }, t("site.parcel.areaEllipsoid")), h("td", {}, ellipsoid.squareMetres), h("td", {}, ellipsoid.hectares), h("td", {}, ellipsoid.mu)) : null,
        parcel.geometry.type !== "Point"
          ? h("tr", {}, h("th", { scope: "row" }, t(polygonal ? "site.parcel.perimeter" : "site.parcel.length")), h("td", { colspan: "3" }, distanceText(report.parcel.lengthMetres, language)))
          : null,
        h("tr", {}, h("th", { scope: "row" }, t("site.parcel.vertices")), h("td", { colspan: "3" }, String(labelledVertices(parcel).length))),
      ]),
    );
  };

  const findings = (): Child => {
    const sorted = sortFindings(report.findings);
    const rows = sorted.map((finding) => {
      const override = input.overrides[finding.layerId];
      const numbers = finding.overlaps.length
        ? finding.overlaps.map((overlap) => `${overlap.name} ${areaTexts(overlap.overlapSquareMetres, language).squareMetres} / ${areaTexts(overlap.overlapSquareMetres, language).hectares} / ${areaTexts(overlap.overlapSquareMetres, language).mu}，${percentText(overlap.shareOfParcel, language)}，${t(`site.tolerance.${overlap.tolerance}`, { metres: finding.positionalAccuracyM })}`).join("；")
        : finding.nearest && finding.status === "info"
          ? t(dataPackage.manifest.layers.find((layer) => layer.id === finding.layerId)?.geometryType === "point" ? "site.finding.nearest" : "site.finding.nearBoundary", { name: finding.nearest.name, distance: distanceText(finding.nearest.distanceMetres, language), uncertainty: distanceText(finding.nearest.uncertaintyMetres, language) })
          : "";
      return h(
        "tr",
        { class: `print-finding--${finding.status}` },
        h("td", { class: "print-status" }, `${STATUS_LABELS[finding.status].icon} ${STATUS_LABELS[finding.status][language]}`, override ? h("div", { class: "print-override" }, t("site.override.badge")) : null),
        h("td", {}, localized(finding.title, language)),
        h("td", {}, localized(finding.reason, language), numbers ? h("div", { class: "print-numbers" }, numbers) : null, override ? h("div", { class: "print-override" }, t("site.override.reason", { reason: override.reason })) : null),
        h(
          "td",
          {},
          `${t(`quality.${finding.geometryQuality}`)} ±${formatNumber(finding.positionalAccuracyM, 0, language)} m`,
          // Imported official data is only as good as its stated source: the filed sheet names it.
          finding.geometryQuality === "official" ? h("div", { class: "print-numbers", "data-print-provenance": finding.layerId }, localized(finding.qualityNote, language)) : null,
        ),
      );
    });
    const citations = [...new Set(sorted.filter((finding) => finding.status !== "clear").flatMap((finding) => findingCitations(finding, input.layerDocuments(finding.layerId))))];
    return [
      h(
        "table",
        { class: "print-table print-findings" },
        h("thead", {}, h("tr", {}, h("th", {}, t("site.print.status")), h("th", {}, t("site.print.layer")), h("th", {}, t("site.print.finding")), h("th", {}, t("site.print.quality")))),
        h("tbody", {}, rows),
      ),
      input.notChecked.length > 0 ? h("p", {}, t("site.findings.notChecked", { layers: input.notChecked.map((layer) => localized(layer.title, language)).join("、") })) : null,
      citations.length > 0 ? [h("h3", {}, t("site.finding.sources")), citations.map((citation) => quoteBlock(citation, input.quotes.get(citation), language, { link: false }))] : null,
    ];
  };

  const fee = (): Child => {
    if (!input.fee) return null;
    const estimate = input.fee;
    return [
      h("h2", {}, t("site.fee.heading")),
      h("p", {}, t("site.fee.towns"), " ", input.feeTowns.map((town) => `${town.name} ${percentText(town.share, language)}`).join("；")),
      h(
        "table",
        { class: "print-table" },
        h("thead", {}, h("tr", {}, h("th", {}, t("site.fee.use")), h("th", {}, t("site.fee.floorArea")), h("th", {}, t("site.fee.unitRate")), h("th", {}, t("site.fee.amount")))),
        h(
          "tbody",
          {},
          estimate.lines.map((line) =>
            h(
              "tr",
              {},
              h("td", {}, localized(BUILDING_USE_LABELS[line.use], language)),
              h("td", {}, `${formatNumber(line.squareMetres, 2, language)} m²`),
              h("td", {}, line.rate === null ? t("site.fee.open") : t("site.fee.rate", { rate: line.rate })),
              h("td", {}, line.exemptPendingConfirmation ? t("site.fee.exempt") : line.amount === null ? t("site.fee.open") : yuanText(line.amount, language)),
            ),
          ),
        ),
        h("tfoot", {}, h("tr", {}, h("th", { colspan: "3" }, t("site.fee.total")), h("td", {}, estimate.total === null ? t("site.fee.pending") : yuanText(estimate.total, language)))),
      ),
      [...new Set(estimate.lines.map((line) => line.citation))].map((citation) => quoteBlock(citation, input.quotes.get(citation), language, { link: false })),
    ];
  };

  const mining = (): Child => {
    const policy = miningPolicy;
    if (!input.mining || !policy) return null;
    return [h("h2", {}, t("site.mining.heading")), h("p", {}, t("site.print.mineral", { mineral: input.mining.mineral })), miningRulesBlock(input.mining, policy, input.quotes, language, { link: false })];
  };

  const coordinates = (): Child => {
    const vertices = labelledVertices(parcel);
    const shown = vertices.slice(0, PRINTED_VERTICES);
    const inputCrs = parcel.crs ? describeCrs(parcel.crs.code)[language] : null;
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

  const receipt = (): Child =>
    h(
      "section",
      { class: "print-receipt", "data-print-receipt": "" },
      h("h2", {}, t("site.print.receipt")),
      h("p", { class: "print-reference" }, REFERENCE_ONLY[language]),
      h(
        "table",
        { class: "print-table" },
        h(
          "tbody",
          {},
          h("tr", {}, h("th", { scope: "row" }, t("site.print.checkedAt")), h("td", {}, checkedAt)),
          h("tr", {}, h("th", { scope: "row" }, t("site.print.dataVersion")), h("td", {}, input.dataPackageVersion)),
          h("tr", {}, h("th", { scope: "row" }, t("site.print.parcelName")), h("td", {}, `${parcel.name}（${t("site.print.vertexSummary", { count: labelledVertices(parcel).length, area: areaTexts(report.parcel.gaussKrugerSquareMetres, language).squareMetres })}）`)),
        ),
      ),
      h("h3", {}, t("site.print.fileHashes")),
      input.layerFileHashes.length > 0
        ? h(
            "table",
            { class: "print-table print-hashes" },
            h("tbody", {}, input.layerFileHashes.map((entry) => h("tr", {}, h("td", {}, entry.file), h("td", { class: "print-hash", "data-file-hash": entry.file }, entry.sha256 || t("site.print.hashRanged"))))),
          )
        : h("p", {}, t("site.print.hashesPending")),
      h("h3", {}, t("site.print.coordinatesShort")),
      h("p", { class: "print-wrap" }, labelledVertices(parcel).slice(0, PRINTED_VERTICES).map((vertex) => `${vertex.label} ${vertex.lngLat[0].toFixed(6)},${vertex.lngLat[1].toFixed(6)}`).join("；")),
      h("h3", {}, t("site.print.link")),
      input.link ? h("p", { class: "print-wrap print-link", "data-print-link": "" }, input.link) : h("p", {}, t("site.print.linkTooLong")),
      input.link && qrCodeSvg ? h("div", { class: "print-qr", "data-print-qr": "" }, qrCodeSvg(input.link, t("site.print.link"))) : null,
    );

  setChildren(
    target,
    h(
      "header",
      { class: "print-head" },
      h("h1", {}, t("site.print.title")),
      h("p", {}, `${t("app.title")} · ${t("site.print.checkedAt")} ${checkedAt} · ${t("site.print.dataVersion")} ${input.dataPackageVersion}`),
      h("p", { class: "print-reference" }, REFERENCE_ONLY[language]),
    ),
    report.reliesOnSchematic ? h("p", { class: "site-caveat" }, `⚠ ${SCHEMATIC_CAVEAT[language]}`) : null,
    mapFigure(),
    h("h2", {}, t("site.print.parcelHeading")),
    areas(),
    h("h2", {}, t("site.findings.heading")),
    findings(),
    fee(),
    mining(),
    coordinates(),
    receipt(),
  );
}
