import type { CheckedParcel } from "../../siteCheck/batch/checkParcels";
import { h } from "../dom";
import { renderBatchPrint, type BatchPrintContext } from "./renderBatchPrint";

const READY_CLASS = "batch-print-ready";

/** The page's one batch print section (beside the single parcel's), made on first use. */
function printSection(): HTMLElement {
  const existing = document.querySelector<HTMLElement>("body > .batch-print");
  if (existing) return existing;
  const section = h("section", { class: "site-print batch-print", "data-batch-print": "" });
  document.body.append(section);
  return section;
}

/**
 * Renders the combined print of a batch and opens the browser's print dialog (or save as PDF); the pages are
 * cleared after printing, since a thousand reports are a large DOM to keep. The QR encoder loads on first use.
 */
export async function printBatch(parcels: readonly CheckedParcel[], context: Omit<BatchPrintContext, "qrCodeSvg">): Promise<void> {
  const qrCodeSvg = await import("../parcel/qrCode").then(
    (module) => module.qrCodeSvg,
    () => null,
  );
  const section = printSection();
  renderBatchPrint(section, parcels, { ...context, qrCodeSvg });
  document.body.classList.add(READY_CLASS);
  window.addEventListener(
    "afterprint",
    () => {
      document.body.classList.remove(READY_CLASS);
      section.replaceChildren();
    },
    { once: true },
  );
  window.print();
}
