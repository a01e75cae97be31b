import { drawnParcelName, linkedParcelName, parcelName } from "../../i18n/defaultParcelName";
import type { MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import type { DataPackage } from "../../layers/layerData";
import type { MapAdapter } from "../../map/mapAdapter";
import type { MapSnapshot } from "../../map/sketch/sketchTypes";
import { boundaryText } from "../../parcel/boundaryText";
import { buildReport } from "../../siteCheck/report/buildReport";
import { reportCsv } from "../../siteCheck/report/reportCsv";
import { openParcelStorage } from "../../state/parcelStorage";
import type { AppStore } from "../../state/store";
import "../../styles/parcel.css";
import type { AppShell } from "../appShell";
import { h, setChildren } from "../dom";
import { downloadText, safeFileName } from "./download";
import { mountCaseDetailsView } from "./caseDetailsView";
import { mountInputSection } from "./inputSection";
import { cropForPrint, renderPrintView, type QrCodeRenderer } from "./printView";
import { mountReportView } from "./reportView";
import { mountSavedView } from "./savedView";
import { createSiteCheckController } from "./siteCheckController";
import { SITE_CHECK_TAB } from "./siteCheckEntry";
import { mountSketchToolbar } from "./sketchToolbar";
import { createBatchWorker } from "../../siteCheck/batch/batchCheckers";
import { batchPoolSize, staticVertexCount } from "../../siteCheck/batch/batchRunner";
import { createBatchService } from "../../siteCheck/batch/batchService";
import { openBatchStorage } from "../../workspace/batchStorage";
import { mountBatchSection } from "../batch/batchSection";
import "../batch/batch.css";
import { importMessageText } from "../../i18n/messages.import";

export { SITE_CHECK_TAB };
const PRINT_READY_CLASS = "site-print-ready";

export interface SiteCheckMountOptions {
  store: AppStore;
  shell: AppShell;
  dataPackage: DataPackage;
  adapter: MapAdapter;
  /** The data package folder, ending in "/". */
  dataBaseUrl: string;
  /** The tab's pane, when it was added already (see siteCheckEntry.ts). */
  pane?: HTMLElement;
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API outside secure contexts: fall back to a selected field.
    const field = h("textarea", { class: "visually-hidden", readonly: true });
    field.value = text;
    document.body.append(field);
    field.select();
    const copied = document.execCommand("copy");
    field.remove();
    return copied;
  }
}

/**
 * The site check ("地块核查"): a tab of the side panel (a sheet on phones) with the inputs and the report, a drawing
 * toolbar on the map, and an A4 print layout. Opens itself when the page was opened with a `#parcel=` link.
 */
export async function mountSiteCheck(options: SiteCheckMountOptions): Promise<void> {
  const { store, shell, dataPackage, adapter, dataBaseUrl } = options;
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  const pane = options.pane ?? shell.sheet.addTab({ id: SITE_CHECK_TAB, label: "site.tab", order: 30 });
  const isPhone = () => shell.sheet.state().isSheet;
  const showPanel = (snap: "half" | "full" = "full") => shell.sheet.show(SITE_CHECK_TAB, { snap });

  const storage = openParcelStorage();
  const controller = createSiteCheckController({
    store,
    adapter,
    dataPackage,
    dataBaseUrl,
    createChecker: async () => (await import("../../check/checkClient")).createParcelChecker(),
    storage,
    fitPadding: () => (isPhone() ? { top: 56, left: 40, right: 72, bottom: shell.sheet.coveredHeight("half") + 32 } : undefined),
    // Made-up names are markers, shown in the reader's language wherever the name is drawn (src/i18n/defaultParcelName).
    drawnParcelName: () => drawnParcelName(new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false })),
    linkedParcelName,
  });

  const intro = h("p", { class: "site-intro" });
  const inputs = h("section", { class: "site-section site-inputs", "data-site-inputs": "" });
  const linkProblem = h("div", { class: "site-link-problem", hidden: true });
  const report = h("section", { class: "site-section site-report", "data-site-report": "", "aria-live": "polite" });
  const caseDetails = h("section", { class: "site-section site-case", "data-site-case-section": "" });
  const saved = h("section", { class: "site-section site-saved", "data-site-saved-section": "" });
  const batchSection = h("section", { class: "site-section site-batch", "data-site-batch": "", "aria-labelledby": "site-batch-heading" });
  pane.append(h("div", { class: "site-check" }, intro, inputs, batchSection, linkProblem, caseDetails, report, saved));

  const printSection = h("section", { class: "site-print", "data-site-print": "" });
  document.body.append(printSection);
  window.addEventListener("afterprint", () => document.body.classList.remove(PRINT_READY_CLASS));

  let printSnapshot: MapSnapshot | null = null;
  let qrCodeSvg: QrCodeRenderer | null = null;
  const loadQrCode = async () => {
    qrCodeSvg ??= (await import("./qrCode")).qrCodeSvg;
  };
  const renderPrint = () => {
    const input = controller.reportInput();
    if (input) renderPrintView(printSection, store, dataPackage, input, buildReport(input, controller.isPointLayer), printSnapshot, qrCodeSvg);
  };
  controller.subscribe(() => {
    // Fetch the QR encoder once there is a report, so a print started from the browser menu has it too.
    if (controller.reportInput() && !qrCodeSvg) void loadQrCode().catch(() => undefined);
    if (document.body.classList.contains(PRINT_READY_CLASS)) renderPrint();
  });

  const renderStatic = () => {
    intro.textContent = t("site.intro");
    const problem = controller.state().problem;
    linkProblem.hidden = problem?.source !== "link";
    if (problem?.source === "link") {
      const { language } = store.getState();
      setChildren(
        linkProblem,
        h(
          "div",
          { class: "site-error", role: "alert" },
          h("strong", {}, t("site.link.invalid")),
          problem.messages.map((message) => h("p", {}, importMessageText(message, language))),
        ),
      );
    }
  };
  renderStatic();
  controller.subscribe(renderStatic);
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) renderStatic();
  });

  const batch = createBatchService({
    dataPackage,
    createChecker: () => createBatchWorker(dataPackage, location.href),
    poolSize: batchPoolSize(navigator.hardwareConcurrency, staticVertexCount(dataPackage)),
    storage: openBatchStorage(),
  });
  mountBatchSection(batchSection, {
    store,
    adapter,
    dataPackage,
    service: batch,
    dataBaseUrl,
    openParcel: (index) => {
      const site = batch.siteParcel(index);
      if (!site) return;
      void controller.setParcel(site, { fit: true }).then(() => {
        if (isPhone()) report.scrollIntoView({ block: "start" });
      });
    },
  });
  void batch.restore();

  mountInputSection(inputs, {
    districtAreaKm2: dataPackage.manifest.district.publishedAreaKm2,
    store,
    adapter,
    controller,
    checkAll: (input) => void batch.checkAll(input),
    batchBusy: () => batch.state().run.type === "running",
    onDrawStart: () => {
      if (isPhone()) shell.sheet.setSnap("peek");
    },
    onChecked: () => {
      // Focus moves from the read button or the file field to the new report, unless it went elsewhere meanwhile.
      const active = document.activeElement;
      if (active && active !== document.body && !inputs.contains(active)) return;
      report.tabIndex = -1;
      report.focus();
    },
  });
  mountSketchToolbar(store, adapter, controller, shell.mapArea, () => {
    if (isPhone()) showPanel("half");
  });

  const currentRecord = () => {
    const input = controller.reportInput();
    return input ? buildReport(input, controller.isPointLayer) : null;
  };
  const shownName = (name: string) => parcelName(name, store.getState().language);
  const baseName = () => `${t("site.file.prefix")}-${safeFileName(shownName(store.getState().siteParcel?.name ?? ""))}-${today()}`;

  const print = () => {
    void (async () => {
      printSnapshot = await cropForPrint(await controller.refreshSnapshot());
      await loadQrCode().catch(() => undefined);
      renderPrint();
      document.body.classList.add(PRINT_READY_CLASS);
      window.print();
    })();
  };
  // With a report open, the browser's own print prints the report layout, not the screen: Ctrl+P (⌘P) goes through
  // the print button's way (fresh map picture), and the print menu, which gives no time to draw one, gets the layout
  // with the picture of the last print, if any.
  const reportOpen = () => shell.sheet.state().tabId === SITE_CHECK_TAB && controller.reportInput() !== null;
  document.addEventListener("keydown", (event) => {
    if (event.key.toLowerCase() !== "p" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || !reportOpen()) return;
    event.preventDefault();
    print();
  });
  window.addEventListener("beforeprint", () => {
    // A print the page prepared itself (this report's, a batch's) is left as it is.
    if ([...document.body.classList].some((name) => name.endsWith("-print-ready")) || !reportOpen()) return;
    renderPrint();
    document.body.classList.add(PRINT_READY_CLASS);
  });

  mountReportView(report, store, controller, {
    print,
    exportJson: () => {
      const record = currentRecord();
      if (record) downloadText(`${baseName()}.json`, `${JSON.stringify(record, null, 2)}\n`, "application/json");
    },
    exportCsv: () => {
      const record = currentRecord();
      if (record) downloadText(`${baseName()}.csv`, reportCsv(record, store.getState().language), "text/csv;charset=utf-8");
    },
    exportGeoJson: () => {
      const parcel = store.getState().siteParcel;
      if (!parcel) return;
      const feature = {
        type: "Feature",
        properties: { name: shownName(parcel.name), origin: parcel.origin, ...(parcel.fileName ? { fileName: parcel.fileName } : {}) },
        geometry: parcel.geometry,
      };
      downloadText(`${baseName()}.geojson`, `${JSON.stringify({ type: "FeatureCollection", features: [feature] }, null, 2)}\n`, "application/geo+json");
    },
    exportBoundaryText: () => {
      const parcel = store.getState().siteParcel;
      if (parcel) downloadText(`${baseName()}.txt`, boundaryText(parcel.geometry, { name: shownName(parcel.name), date: today() }), "text/plain;charset=utf-8");
    },
    copyLink: async () => {
      const link = controller.link();
      return link ? copyText(link) : false;
    },
    clear: () => controller.clear(),
  });
  mountCaseDetailsView(caseDetails, store, controller);
  mountSavedView(saved, store, storage, controller, () => showPanel(isPhone() ? "half" : "full"));

  // On a phone the inputs fill the sheet: once a site is checked, bring its report up.
  store.subscribe((state, previous) => {
    const parcel = state.siteParcel;
    if (state.siteCheck !== previous.siteCheck && state.siteCheck.type === "done" && isPhone() && parcel !== null && parcel.origin !== "link") {
      report.scrollIntoView({ block: "start" });
    }
  });

  const fit = store.getState().view.type === "district";
  if (await controller.start({ fit })) showPanel("half");
}
