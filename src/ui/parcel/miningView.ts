import type { Language, MessageKey } from "../../i18n/messages";
import { translate, type MessageParams } from "../../i18n/translate";
import { mineralsOf, type MineralRules, type MiningPolicy } from "../../parcel/miningPolicy";
import type { ClauseQuote } from "../../parcel/reportInput";
import type { AppStore } from "../../state/store";
import { h, setChildren, type Child } from "../dom";
import { quoteBlock, readerHash } from "./quote";
import type { SiteCheckController } from "./siteCheckController";

/** A mineral's policy classes, each with its clause quoted, and its 专栏2 rows as a small table with their citations. */
export function miningRulesBlock(
  rules: MineralRules,
  policy: MiningPolicy,
  quotes: ReadonlyMap<string, ClauseQuote>,
  language: Language,
  options: { link: boolean },
): Child {
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const classes =
    rules.classes.length > 0
      ? rules.classes.map((policyClass) =>
          h(
            "div",
            { class: "site-mining-class", "data-mining-class": policyClass.id },
            h(
              "p",
              {},
              h(
                "strong",
                { class: `site-mining-badge site-mining-badge--${policyClass.id}` },
                t("site.mining.class", { name: language === "zh" ? policyClass.name : `${policyClass.name_en} (${policyClass.name})` }),
              ),
            ),
            // The class text is verbatim in mining-policy.json; the corpus adds the document number once loaded.
            quoteBlock(
              policyClass.clause,
              {
                ...(quotes.get(policyClass.clause) ?? {
                  citation: policyClass.clause,
                  documentId: policy.document,
                  clauseId: policyClass.clause.split("#")[1] ?? "",
                  docNumber: null,
                  shortTitle: null,
                }),
                text: policyClass.text,
              },
              language,
              options,
            ),
          ),
        )
      : h("p", { class: "site-muted" }, t("site.mining.noClass", { mineral: rules.mineral }));
  const scales =
    rules.minimumScales.length > 0
      ? h(
          "div",
          { class: "site-mining-scales", "data-mining-scales": "" },
          h("p", { class: "site-subheading" }, t("site.mining.minimum", { title: policy.minimum_scales.title })),
          h(
            "table",
            { class: "site-fee-lines print-table" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", {}, t("site.mining.columnMineral")),
                h("th", {}, t("site.mining.columnKind")),
                h("th", {}, t("site.mining.columnMinimum")),
                h("th", {}, t("site.mining.columnRemark")),
              ),
            ),
            h(
              "tbody",
              {},
              rules.minimumScales.map((row) => {
                const [documentId = "", clauseId = ""] = row.source.split("#");
                const docNumber = quotes.get(row.source)?.docNumber ?? documentId;
                return h(
                  "tr",
                  { "data-mining-scale": row.source },
                  h("td", {}, row.mineral),
                  h("td", {}, row.sub_kind ?? "—"),
                  h("td", {}, h("strong", {}, `${row.minimum} ${row.unit}`)),
                  h(
                    "td",
                    {},
                    row.remark ?? "",
                    h(
                      "div",
                      { class: "site-muted" },
                      `${docNumber} · ${clauseId}`,
                      options.link
                        ? [
                            " · ",
                            h(
                              "a",
                              { class: "site-quote-link", href: readerHash("", documentId, clauseId), "data-reader-link": row.source },
                              t("site.quote.open"),
                            ),
                          ]
                        : null,
                    ),
                  ),
                );
              }),
            ),
          ),
        )
      : h("p", { class: "site-muted" }, t("site.mining.noMinimum", { mineral: rules.mineral }));
  return [classes, scales];
}

/**
 * The intended mineral (from geodata/mining-policy.json) → its policy class under 32号 (重点勘查 / 重点开采 / 限制开采 /
 * 禁止开采) and its minimum mining scale from 专栏2, each quoted with its clause.
 */
export function mountMiningView(container: HTMLElement, store: AppStore, controller: SiteCheckController): void {
  const t = (key: MessageKey, params?: MessageParams) => translate(store.getState().language, key, params);

  const render = () => {
    const state = store.getState();
    container.hidden = state.siteCheck.type !== "done";
    if (state.siteCheck.type !== "done") return;
    const { language } = state;
    const policy = controller.state().miningPolicy;
    const heading = h("h3", { class: "site-heading" }, t("site.mining.heading"));
    if (policy === "failed") {
      setChildren(container, heading, h("p", { class: "site-error" }, t("site.mining.failed")));
      return;
    }
    if (policy === null) {
      setChildren(container, heading, h("p", { class: "site-muted" }, t("site.quote.loading")));
      return;
    }
    const select = h("select", { id: "site-mineral", class: "basemap-select", "data-site-mineral": "" });
    select.append(h("option", { value: "" }, t("site.mining.none")));
    for (const mineral of mineralsOf(policy)) select.append(h("option", { value: mineral, selected: mineral === state.intendedMineral }, mineral));
    select.addEventListener("change", () => {
      controller.setIntendedMineral(select.value === "" ? null : select.value);
      container.querySelector<HTMLSelectElement>("#site-mineral")?.focus();
    });
    const rules = controller.mining();
    setChildren(
      container,
      heading,
      h("label", { class: "field-label", for: "site-mineral" }, t("site.mining.mineral")),
      select,
      rules ? miningRulesBlock(rules, policy, controller.state().quotes, language, { link: true }) : null,
    );
  };

  render();
  store.subscribe((state, previous) => {
    if (state.siteCheck !== previous.siteCheck || state.intendedMineral !== previous.intendedMineral || state.language !== previous.language) render();
  });
  controller.subscribe(render);
}
