import { BUILDING_USES, FEE_CITATIONS, type FeeAnswers, type FeeQuestion } from "../../check/fee";
import type { MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import { formatNumber, percentText, yuanText } from "../../parcel/format";
import type { AppStore } from "../../state/store";
import { h, setChildren, type Child } from "../dom";
import { quoteBlock } from "./quote";
import type { SiteCheckController } from "./siteCheckController";

const QUESTION_ORDER: ReadonlyArray<FeeQuestion["id"]> = ["town", "park", "urban-construction-land"];

/** Re-renders without losing the keyboard focus of an element that is drawn again under the same key. */
function keepFocus(container: HTMLElement, render: () => void): void {
  const focused =
    document.activeElement instanceof HTMLElement && container.contains(document.activeElement) ? document.activeElement.dataset.focusKey : undefined;
  render();
  if (focused) container.querySelector<HTMLElement>(`[data-focus-key="${focused}"]`)?.focus();
}

/**
 * 城市基础设施配套费 under 13号: the towns the site lies in with their shares, floor area by use, and the questions
 * the data cannot answer (which town, 智凤's 城市建设用地范围, a park's 四至) as choices; then the lines, the total and
 * the rule quoted. Exempt lines say 经确认后免缴.
 */
export function mountFeeView(container: HTMLElement, store: AppStore, controller: SiteCheckController): void {
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);
  const inputs = h("div", { class: "site-fee-inputs" });
  const results = h("div", { class: "site-fee-results", "aria-live": "polite" });
  const heading = h("h3", { class: "site-heading" });
  const towns = h("p", { class: "site-fee-towns", "data-site-fee-towns": "" });
  let inputsFor: unknown = null;

  const answer = (change: Partial<FeeAnswers>) => controller.answerFee(change);

  const radios = (name: string, legend: string, options: Array<{ value: string; label: string; checked: boolean; pick: () => void }>): HTMLElement =>
    h(
      "fieldset",
      { class: "site-question", "data-site-question": name },
      h("legend", {}, legend),
      options.map((option, index) => {
        const id = `site-${name}-${index}`;
        return h(
          "label",
          { class: "site-check-row", for: id },
          h("input", { type: "radio", id, name: `site-${name}`, value: option.value, checked: option.checked, "data-focus-key": id, onchange: option.pick }),
          option.label,
        );
      }),
    );

  const questionBlock = (question: FeeQuestion): HTMLElement => {
    const { answers } = store.getState().feeInputs;
    switch (question.id) {
      case "town":
        return radios(
          "town",
          t("site.fee.questionTown"),
          question.options.map((option) => ({
            value: option.townId,
            label: option.name,
            checked: answers.townId === option.townId,
            pick: () => answer({ townId: option.townId, park: undefined, insideUrbanConstructionLand: undefined }),
          })),
        );
      case "urban-construction-land":
        return radios("urban", t("site.fee.questionUrban"), [
          {
            value: "inside",
            label: t("site.fee.inside"),
            checked: answers.insideUrbanConstructionLand === true,
            pick: () => answer({ insideUrbanConstructionLand: true }),
          },
          {
            value: "outside",
            label: t("site.fee.outside"),
            checked: answers.insideUrbanConstructionLand === false,
            pick: () => answer({ insideUrbanConstructionLand: false }),
          },
          {
            value: "unknown",
            label: t("site.fee.unknown"),
            checked: answers.insideUrbanConstructionLand === undefined,
            pick: () => answer({ insideUrbanConstructionLand: undefined }),
          },
        ]);
      case "park": {
        const block = radios("park", t("site.fee.questionPark"), [
          ...question.options.map((park) => ({
            value: park,
            label: t("site.fee.parkInside", { park }),
            checked: answers.park === park,
            pick: () => answer({ park }),
          })),
          { value: "none", label: t("site.fee.parkNone"), checked: answers.park === "none", pick: () => answer({ park: "none" }) },
          { value: "unknown", label: t("site.fee.unknown"), checked: answers.park === undefined, pick: () => answer({ park: undefined }) },
        ]);
        block.append(officialParkEvidence());
        return block;
      }
    }
  };

  /** What imported official park boundaries say about the site; the officer's answer still decides. */
  const officialParkEvidence = (): HTMLElement => {
    const overlaps = controller.officialParkOverlaps();
    const language = store.getState().language;
    const text =
      overlaps.length === 0
        ? controller.hasOfficialParks()
          ? t("site.fee.officialParksNone")
          : ""
        : t("site.fee.officialParks", {
            parks: overlaps.map((overlap) => `${overlap.name} ${percentText(overlap.shareOfParcel, language)}`).join(language === "zh" ? "、" : ", "),
            file: [...new Set(overlaps.map((overlap) => overlap.fileName))].join(language === "zh" ? "、" : ", "),
          });
    return h("p", { class: "site-muted site-fee-evidence", "data-site-park-evidence": String(overlaps.length), hidden: text === "" }, text);
  };

  /** Answered questions stay on screen so the officer can change them (the estimate only lists open ones). */
  const answeredQuestions = (open: FeeQuestion[]): FeeQuestion[] => {
    const view = controller.fee();
    if (!view) return [];
    const { answers } = store.getState().feeInputs;
    const shown = new Set(open.map((question) => question.id));
    const extra: FeeQuestion[] = [];
    const present = view.towns.filter((town) => town.share > 0);
    if (!shown.has("town") && present.length > 1) extra.push({ id: "town", options: present.map(({ townId, name }) => ({ townId, name })) });
    const town = view.estimate.town;
    if (town && !shown.has("park") && town.parks.length > 0 && answers.park !== undefined) extra.push({ id: "park", options: town.parks });
    if (town?.split && !shown.has("urban-construction-land") && answers.insideUrbanConstructionLand !== undefined)
      extra.push({ id: "urban-construction-land" });
    return extra;
  };

  const renderInputs = () => {
    const { floorAreas } = store.getState().feeInputs;
    setChildren(
      inputs,
      h(
        "fieldset",
        { class: "site-floor-areas" },
        h("legend", {}, t("site.fee.floorAreas")),
        BUILDING_USES.map((use) => {
          const id = `site-floor-${use}`;
          const input = h("input", {
            type: "number",
            id,
            min: "0",
            step: "any",
            inputmode: "decimal",
            class: "site-number",
            "data-floor-area": use,
            "data-focus-key": id,
          });
          if (floorAreas[use]) input.value = String(floorAreas[use]);
          input.addEventListener("input", () => controller.setFloorArea(use, Number(input.value)));
          return h("label", { class: "site-floor-row", for: id }, h("span", {}, t(`site.fee.use.${use}`)), input);
        }),
      ),
    );
  };

  const renderResults = () => {
    const view = controller.fee();
    const { language } = store.getState();
    if (!view) return;
    if (view.towns.length === 0) {
      setChildren(towns, t("site.fee.noTown"));
      setChildren(results);
      return;
    }
    setChildren(
      towns,
      h("span", { class: "site-subheading" }, t("site.fee.towns")),
      " ",
      view.towns.map((town, index) => [
        index > 0 ? "；" : "",
        h(
          "span",
          { "data-town": town.townId },
          t("site.fee.townShare", {
            name: town.name,
            share: percentText(town.share, language),
            rate: town.rate === null ? t("site.fee.rateSplit") : t("site.fee.rate", { rate: town.rate }),
          }),
        ),
      ]),
    );
    const { estimate } = view;
    // One order whether answered or open, so a question does not jump away as the officer answers it.
    const questions = [...estimate.questions, ...answeredQuestions(estimate.questions)].sort(
      (a, b) => QUESTION_ORDER.indexOf(a.id) - QUESTION_ORDER.indexOf(b.id),
    );
    const lines: Child =
      estimate.lines.length === 0
        ? h("p", { class: "site-muted" }, t("site.fee.noAreas"))
        : h(
            "table",
            { class: "site-fee-lines", "data-site-fee-lines": "" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, t("site.fee.use")),
                h("th", { scope: "col" }, t("site.fee.floorArea")),
                h("th", { scope: "col" }, t("site.fee.unitRate")),
                h("th", { scope: "col" }, t("site.fee.amount")),
              ),
            ),
            h(
              "tbody",
              {},
              estimate.lines.map((line) =>
                h(
                  "tr",
                  { "data-fee-line": line.use },
                  h("th", { scope: "row" }, t(`site.fee.use.${line.use}`)),
                  h("td", {}, `${formatNumber(line.squareMetres, 2, language)} m²`),
                  h("td", {}, line.rate === null ? t("site.fee.open") : t("site.fee.rate", { rate: line.rate })),
                  h(
                    "td",
                    {},
                    line.exemptPendingConfirmation
                      ? h("strong", { class: "site-exempt" }, t("site.fee.exempt"))
                      : line.amount === null
                        ? t("site.fee.open")
                        : yuanText(line.amount, language),
                  ),
                ),
              ),
            ),
            h(
              "tfoot",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "row", colspan: "3" }, t("site.fee.total")),
                h("td", { "data-site-fee-total": "" }, estimate.total === null ? t("site.fee.pending") : h("strong", {}, yuanText(estimate.total, language))),
              ),
            ),
          );
    const rules = [...new Set(estimate.lines.filter((line) => line.rate !== null).map((line) => line.citation))];
    const shownRules = rules.length > 0 ? rules : [FEE_CITATIONS.tier210];
    keepFocus(container, () =>
      setChildren(
        results,
        questions.map(questionBlock),
        lines,
        h(
          "div",
          { class: "site-citations" },
          h("p", { class: "site-subheading" }, t("site.fee.rule")),
          shownRules.map((citation) => quoteBlock(citation, controller.state().quotes.get(citation), language)),
        ),
        h("p", { class: "site-muted" }, t("site.fee.notice")),
      ),
    );
  };

  const render = () => {
    const check = store.getState().siteCheck;
    container.hidden = check.type !== "done";
    if (check.type !== "done") return;
    heading.textContent = t("site.fee.heading");
    if (inputsFor !== store.getState().language) {
      inputsFor = store.getState().language;
      renderInputs();
    }
    renderResults();
  };

  container.append(heading, towns, inputs, results);
  render();
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) inputsFor = null;
    if (state.siteCheck !== previous.siteCheck || state.feeInputs !== previous.feeInputs || state.language !== previous.language) render();
    // A restored query brings its own floor areas.
    if (state.siteParcel !== previous.siteParcel && state.feeInputs.floorAreas !== previous.feeInputs.floorAreas) renderInputs();
  });
  controller.subscribe(() => {
    if (store.getState().siteCheck.type === "done") renderResults();
  });
}
