import type { DistanceAndDirection } from "../../check/fieldPosition";
import { LANGUAGE_TAGS, type Language } from "../../i18n/messages";
import { localized, translate } from "../../i18n/translate";
import type { NameVocabulary } from "../../layers/attributeValues";
import type { FieldReport } from "../../memorials/fieldReport";
import { formatDirectionDistance, formatFieldAnswer } from "../../memorials/formatDistance";
import { matchesFilter, memorialName, memorialTown, type Memorial } from "../../memorials/memorials";
import { h } from "../dom";
import { approximateBadge, kindLabel } from "./memorialText";
// Its strings load with it.
import { translateMemorialFinder } from "../../i18n/messages.memorialFinder";

const ZH = LANGUAGE_TAGS.zh;

/** Memorials passing the filter: nearest first when the user is located, otherwise in published order. */
export function visibleMemorials(memorials: readonly Memorial[], query: string, language: Language, report: FieldReport | null): Memorial[] {
  const shown = memorials.filter((memorial) => matchesFilter(memorial, query, [kindLabel(memorial.kind, language)]));
  if (!report) return shown;
  const rank = new Map(report.distances.map((distance, index) => [distance.featureId, index]));
  return [...shown].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

export function distanceTo(report: FieldReport | null, memorialId: string): DistanceAndDirection | null {
  return report?.distances.find((distance) => distance.featureId === memorialId) ?? null;
}

/** One list entry: a button naming the memorial, its kind and town, the published address and how exact it is. */
export function renderMemorialItem(
  memorial: Memorial,
  language: Language,
  distance: DistanceAndDirection | null,
  onOpen: (memorial: Memorial) => void,
): HTMLLIElement {
  const badge = approximateBadge(memorial, language);
  const sharedCount = memorial.sharedPositionWith.length + 1;
  return h(
    "li",
    { class: "memorial-list-entry" },
    h(
      "button",
      { type: "button", class: "memorial-item", "data-memorial-id": memorial.id, onclick: () => onOpen(memorial) },
      h(
        "span",
        { class: "memorial-item-top" },
        h("span", { class: "memorial-item-name" }, memorialName(memorial, language)),
        distance ? h("span", { class: "memorial-item-distance", "data-memorial-distance": "" }, formatDirectionDistance(distance, language)) : null,
      ),
      h("span", { class: "memorial-item-meta" }, `${kindLabel(memorial.kind, language)} · ${memorialTown(memorial, language)}`),
      h("span", { class: "memorial-item-address", lang: ZH }, memorial.address),
      badge || sharedCount > 1
        ? h(
            "span",
            { class: "memorial-item-badges" },
            badge ? h("span", { class: "memorial-badge memorial-badge--approximate" }, badge) : null,
            sharedCount > 1 ? h("span", { class: "memorial-badge" }, translateMemorialFinder(language, "memorials.sharedBadge", { count: sharedCount })) : null,
          )
        : null,
    ),
  );
}

/** For each restricting layer: inside, outside, or uncertain within GPS + layer error, in words and not only colour. */
export function renderFieldAnswers(report: FieldReport, accuracy: string, language: Language, names: NameVocabulary): HTMLElement {
  return h(
    "section",
    { class: "field-answers", "aria-labelledby": "field-answers-heading", "data-field-answers": "" },
    h("h3", { id: "field-answers-heading", class: "memorial-section-heading" }, translate(language, "field.heading")),
    h("p", { class: "field-intro" }, translate(language, "field.intro", { accuracy })),
    h(
      "ul",
      { class: "field-list" },
      report.restricted.map(({ layer, answer }) =>
        h(
          "li",
          {
            class: `field-answer field-answer--${answer?.standing ?? "unknown"}`,
            "data-field-layer": layer.id,
            "data-standing": answer?.standing ?? "unknown",
          },
          h("span", { class: "field-layer" }, localized(layer.title, language)),
          h(
            "span",
            { class: "field-standing" },
            answer
              ? formatFieldAnswer(answer, layer.geometryType, language, (name) => (language === "en" ? (names.get(layer.id)?.get(name) ?? name) : name))
              : translate(language, "field.noGeometry"),
          ),
        ),
      ),
    ),
  );
}
