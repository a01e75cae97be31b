import { CRS_CHOICES } from "../../geo/crsTypes";
import { CRS_NAME_TEXT } from "../../i18n/messages.crs";
import type { Language, MessageKey } from "../../i18n/messages";
import type { CrsOverride, ImportCrsCode, ImportResult } from "../../import/types";
import { h } from "../dom";
import "./fileImport.css";

export interface CrsOverrideOptions {
  /** Names the controls (`#<name>-crs-override`, `data-<name>-crs`, `data-<name>-swap`, `data-<name>-action="reread"`). */
  name: string;
  language: Language;
  translate(key: MessageKey): string;
  /** The last read, and the coordinate system it was asked for (null: detected). */
  result: ImportResult;
  override: CrsOverride | null;
  /** Reads the same input again in the chosen coordinate system (null: detect it again). */
  reread(override: CrsOverride | null): void;
}

/**
 * The correction of a detected coordinate system: a choice of system and axis order, and a button to read again.
 * Offered after every successful read, and after a failed one only when the failure is on the coordinate system
 * (`chooseCrs`) or a choice was already made; open when the reading is doubtful. Null when not offered.
 */
export function crsOverrideControls(options: CrsOverrideOptions): HTMLElement | null {
  const { name, language, translate: t, result, override } = options;
  if (!result.ok && !result.chooseCrs && !override) return null;
  const selectId = `${name}-crs-override`;
  const swapId = `${name}-crs-swap`;
  const select = h("select", { class: "basemap-select", id: selectId, [`data-${name}-crs`]: "" });
  select.append(h("option", { value: "" }, t("fileImport.auto")));
  for (const code of CRS_CHOICES) select.append(h("option", { value: code, selected: override?.code === code }, CRS_NAME_TEXT[code][language]));
  const swap = h("input", { type: "checkbox", id: swapId, [`data-${name}-swap`]: "", checked: override?.swappedAxes === true });
  const apply = () => {
    const code = select.value as ImportCrsCode | "";
    options.reread(code === "" ? null : { code, swappedAxes: swap.checked });
  };
  const doubtful = override !== null || !result.ok || result.warnings.some((warning) => warning.code === "outside-dazu");
  return h(
    "details",
    { class: "file-import-crs-override", open: doubtful, [`data-${name}-crs-override`]: "" },
    h("summary", {}, t("fileImport.override")),
    h("label", { class: "field-label", for: selectId }, t("fileImport.crsLabel")),
    select,
    h("label", { class: "site-check-row", for: swapId }, swap, t("fileImport.swap")),
    h(
      "div",
      { class: "form-buttons" },
      h("button", { type: "button", class: "secondary-button", [`data-${name}-action`]: "reread", onclick: apply }, t("fileImport.reread")),
    ),
  );
}
