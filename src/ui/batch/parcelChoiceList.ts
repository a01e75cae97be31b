import { areaFigures } from "../../geo/measure";
import { parcelName } from "../../i18n/defaultParcelName";
import type { Language, MessageKey } from "../../i18n/messages";
import type { MessageParams } from "../../i18n/translate";
import type { ImportedParcel } from "../../import/types";
import { areaText } from "../../parcel/format";
import { h, setChildren } from "../dom";
import { createVirtualWindow, spacerHeight } from "./virtualWindow";

/** The stylesheet's height of one choice (`.site-parcel-item`), CSS px. */
const ROW_HEIGHT = 52;

export interface ParcelChoiceOptions {
  parcels: readonly ImportedParcel[];
  /** The parcel last sent to the check, if any. */
  submitted: number | null;
  language: Language;
  t(key: MessageKey, params?: MessageParams): string;
  choose(index: number): void;
  /** Absent where there is no batch check (nothing offers it). */
  checkAll?(): void;
  /** True while a batch check runs. */
  checkAllBusy: boolean;
}

/**
 * The parcels of a file with several: "check all", or one chosen to check. The list is virtual (only the rows in
 * view exist), so a file of tens of thousands of parcels lists at once.
 */
export function parcelChoiceList(options: ParcelChoiceOptions): HTMLElement {
  const { parcels, t, language } = options;
  const list = h("ul", { class: "site-parcel-list", "aria-label": t("batch.list.label") });
  const scroller = h("div", { class: "site-parcel-scroll", "data-site-parcel-scroll": "" }, list);
  const row = (index: number) => {
    const parcel = parcels[index]!;
    const current = index === options.submitted;
    const polygonal = parcel.geometry.type === "Polygon" || parcel.geometry.type === "MultiPolygon";
    return h(
      "li",
      { class: current ? "site-parcel-item site-parcel-item--current" : "site-parcel-item", "aria-setsize": parcels.length, "aria-posinset": index + 1 },
      h("span", { class: "site-parcel-name", dir: "auto" }, parcelName(parcel.name, language)),
      h("span", { class: "site-parcel-area" }, polygonal ? areaText(areaFigures(parcel.geometry).gaussKrugerSquareMetres, language) : ""),
      h(
        "button",
        { type: "button", class: "secondary-button", "data-site-choose": String(index), "aria-pressed": String(current), onclick: () => options.choose(index) },
        t(current ? "site.import.checked" : "site.import.checkThis"),
      ),
    );
  };
  const rows = createVirtualWindow({
    scroller,
    rowHeight: ROW_HEIGHT,
    count: () => parcels.length,
    render: ({ first, end }) => {
      const items: HTMLElement[] = [];
      for (let index = first; index < end; index++) items.push(row(index));
      setChildren(
        list,
        first > 0 ? h("li", { class: "virtual-spacer", "aria-hidden": "true", style: `height:${spacerHeight(first, ROW_HEIGHT)}` }) : null,
        items,
        end < parcels.length
          ? h("li", { class: "virtual-spacer", "aria-hidden": "true", style: `height:${spacerHeight(parcels.length - end, ROW_HEIGHT)}` })
          : null,
      );
    },
  });
  rows.refresh();
  const checkAll = options.checkAll;
  return h(
    "div",
    { class: "site-parcel-choice" },
    h("p", {}, t("site.import.choose", { count: parcels.length })),
    checkAll
      ? h(
          "div",
          { class: "form-buttons" },
          h(
            "button",
            {
              type: "button",
              class: "primary-button",
              "data-site-action": "check-all",
              "aria-label": t("batch.checkAllLabel", { count: parcels.length }),
              disabled: options.checkAllBusy,
              onclick: () => checkAll(),
            },
            t("batch.checkAll"),
          ),
          h("span", { class: "panel-hint" }, t("batch.pickOne")),
        )
      : null,
    scroller,
  );
}
