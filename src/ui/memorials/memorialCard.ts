import type { DistanceAndDirection } from "../../check/fieldPosition";
import { LANGUAGE_TAGS, type Language } from "../../i18n/messages";
import { linksTo, type NavigationTarget } from "../../geo/navigationLinks";
import { navigationTarget } from "../../memorials/memorialNavigation";
import { formatDirectionDistance, formatDistance } from "../../memorials/formatDistance";
import { protectionQuote, splitAround, type MemorialNotice, type Quote } from "../../memorials/memorialNotice";
import { memorialGeometryNote, memorialName, memorialTown, positionCertainty, type Memorial } from "../../memorials/memorials";
import { h, type Child } from "../dom";
import { markChineseTerms } from "../chineseTerms";
import { formatIsoDate, kindLabel, positionHeadline, sharedPositionText } from "./memorialText";
// Its strings load with it.
import { translateMemorialFinder } from "../../i18n/messages.memorialFinder";

/** The notice behind the card: still loading, loaded, or why it could not be. */
export type NoticeLoad = { type: "loading" } | { type: "loaded"; notice: MemorialNotice } | { type: "failed"; errors: string[] };

export interface MemorialCardInput {
  memorial: Memorial;
  notice: NoticeLoad;
  language: Language;
  /** Distance and direction from the user, when located. */
  distance: DistanceAndDirection | null;
  onBack(): void;
  onShare(): void;
}

const ZH = LANGUAGE_TAGS.zh;
export const CARD_TITLE_ID = "memorial-card-title";

function quoteBlock(quote: Quote, notice: MemorialNotice, language: Language, emphasise: string | null, attributes: Record<string, string> = {}) {
  const parts = emphasise ? splitAround(quote.text, emphasise) : null;
  const text: Child = parts ? [parts[0], h("strong", { class: "memorial-emphasis" }, parts[1]), parts[2]] : quote.text;
  return h(
    "figure",
    { class: "memorial-quote", ...attributes },
    h("blockquote", { lang: ZH, "data-citation": quote.citation }, h("p", {}, text)),
    h(
      "figcaption",
      { class: "memorial-quote-source" },
      "— ",
      // In English the quotation is introduced by its document's English title; the printed reference stays Chinese.
      language === "en" && notice.titleEn ? `${notice.titleEn}, ` : null,
      h("cite", { lang: ZH }, translateMemorialFinder("zh", "memorials.quoteSource", { docNumber: notice.docNumber, number: printedNumber(quote) }).trim()),
    ),
  );
}

/** "一、" → "一": the clause's number as a reference, not as the start of a sentence. */
function printedNumber(quote: Quote): string {
  return (quote.number ?? "").replace(/[、．.]$/, "");
}

function section(heading: string, ...children: Child[]) {
  return h("section", { class: "memorial-section" }, h("h3", { class: "memorial-section-heading" }, heading), children);
}

function noticeSections(input: MemorialCardInput): Child[] {
  const { memorial, notice: load, language } = input;
  if (load.type === "loading") {
    return [h("p", { class: "memorial-notice-status", role: "status" }, translateMemorialFinder(language, "memorials.noticeLoading"))];
  }
  if (load.type === "failed") {
    // Without the notice, the layer's own summary still answers the question, and the card says why it is short.
    return [
      h(
        "p",
        { class: "memorial-notice-status memorial-notice-status--error", role: "alert" },
        translateMemorialFinder(language, "memorials.noticeFailed", { detail: load.errors.join("; ") }),
      ),
      h("p", {}, translateMemorialFinder(language, "memorials.rangeSummary", { range: memorial.protectionRange })),
      h("p", {}, translateMemorialFinder(language, "memorials.effectiveSummary", { date: formatIsoDate(memorial.effective, language) })),
    ];
  }
  const notice = load.notice;
  const protection = protectionQuote(notice, memorial);
  return [
    section(
      translateMemorialFinder(language, "memorials.protectionHeading"),
      protection
        ? quoteBlock(protection, notice, language, memorial.protectionRange, { "data-memorial-quote": "protection" })
        : h("p", {}, translateMemorialFinder(language, "memorials.rangeSummary", { range: memorial.protectionRange })),
    ),
    section(translateMemorialFinder(language, "memorials.rulesHeading"), quoteBlock(notice.rules, notice, language, null, { "data-memorial-quote": "rules" })),
    section(
      translateMemorialFinder(language, "memorials.effectiveHeading"),
      h(
        "p",
        { class: "memorial-date" },
        h("time", { datetime: notice.effective.date ?? memorial.effective }, formatIsoDate(notice.effective.date ?? memorial.effective, language)),
      ),
      quoteBlock(notice.effective, notice, language, null, { "data-memorial-quote": "effective" }),
    ),
    section(
      translateMemorialFinder(language, "memorials.basisHeading"),
      h("p", {}, translateMemorialFinder(language, "memorials.basisIntro")),
      h(
        "ul",
        { class: "memorial-basis", lang: ZH, "data-memorial-quote": "basis" },
        notice.legalBasis.map((title) => h("li", {}, title)),
      ),
      h(
        "details",
        { class: "memorial-details" },
        h("summary", {}, translateMemorialFinder(language, "memorials.basisFull")),
        quoteBlock(notice.intro, notice, language, null),
      ),
    ),
  ];
}

/** What the buttons do, in words: go to the official point, near the approximate one, or search the address. */
function navigationNote(memorial: Memorial, target: NavigationTarget, language: Language): HTMLElement {
  if (target.type === "address") {
    return h(
      "p",
      { class: "memorial-nav-note", "data-navigation-target": "address" },
      translateMemorialFinder(language, "memorials.navigationSearch"),
      " ",
      h("q", { lang: ZH, "data-navigation-keyword": "" }, target.keyword),
    );
  }
  const exact = positionCertainty(memorial).type === "exact";
  return h(
    "p",
    { class: "memorial-nav-note", "data-navigation-target": "position" },
    translateMemorialFinder(language, exact ? "memorials.navigationExact" : "memorials.navigationNote"),
  );
}

function navigationSection(input: MemorialCardInput): HTMLElement {
  const { memorial, language } = input;
  const target = navigationTarget(memorial);
  const links = linksTo(target);
  const newWindow = translateMemorialFinder(language, "memorials.newWindow");
  const link = (href: string, key: "memorials.amap" | "memorials.baidu" | "memorials.geo", app: string, external: boolean) =>
    h(
      "a",
      {
        class: "memorial-nav-link",
        href,
        "data-navigation": app,
        ...(external ? { target: "_blank", rel: "noopener" } : {}),
      },
      translateMemorialFinder(language, key),
      external ? h("span", { class: "visually-hidden" }, newWindow) : null,
    );
  return section(
    translateMemorialFinder(language, "memorials.getThere"),
    h(
      "div",
      { class: "memorial-nav" },
      link(links.amap, "memorials.amap", "amap", true),
      link(links.baidu, "memorials.baidu", "baidu", true),
      // geo: hands over to an installed map app; a new window would stay blank.
      link(links.geo, "memorials.geo", "geo", false),
    ),
    navigationNote(memorial, target, language),
  );
}

/**
 * The memorial card: what it is and where (honest about the position), how to get there and share it, then the
 * notice's own words on the protection range, what is prohibited in it, the date in force and the legal basis.
 */
export function renderMemorialCard(input: MemorialCardInput): {
  element: HTMLElement;
  title: HTMLElement;
  shareStatus: HTMLElement;
  shareFallback: HTMLElement;
} {
  const { memorial, language, distance } = input;
  const name = memorialName(memorial, language);
  const title = h("h2", { id: CARD_TITLE_ID, class: "memorial-card-title", tabindex: "-1" }, name);
  const certainty = positionCertainty(memorial);
  const shared = sharedPositionText(memorial, language);
  const shareStatus = h("p", { class: "copy-status memorial-share-status", role: "status", "aria-live": "polite" });
  const shareFallback = h("div", { class: "memorial-share-fallback", hidden: true });
  const notice = input.notice.type === "loaded" ? input.notice.notice : null;

  const element = h(
    "section",
    {
      class: "memorial-card",
      role: "region",
      "aria-labelledby": CARD_TITLE_ID,
      "data-memorial-card": memorial.id,
    },
    h(
      "button",
      { type: "button", class: "memorial-back", "data-action": "memorial-back", onclick: () => input.onBack() },
      h("span", { "aria-hidden": "true" }, "‹ "),
      translateMemorialFinder(language, "memorials.back"),
    ),
    h("p", { class: "memorial-card-kind" }, `${kindLabel(memorial.kind, language)} · ${memorialTown(memorial, language)}`),
    title,
    language === "en" ? h("p", { class: "memorial-card-name-zh", lang: ZH }, memorial.name) : null,
    h(
      "dl",
      { class: "memorial-facts" },
      h("dt", {}, translateMemorialFinder(language, "memorials.address")),
      h("dd", { lang: ZH, "data-memorial-address": "" }, memorial.address),
      h("dt", {}, translateMemorialFinder(language, "memorials.protectionHeading")),
      // In English, the notice's words follow their English, as a quotation.
      language === "en" && memorial.protectionRangeEn
        ? h("dd", { "data-memorial-range": "" }, `${memorial.protectionRangeEn} `, h("q", { lang: ZH }, memorial.protectionRange))
        : h("dd", { lang: ZH, "data-memorial-range": "" }, memorial.protectionRange),
    ),
    h(
      "div",
      { class: `memorial-position memorial-position--${certainty.type}`, "data-position": certainty.type },
      h("p", { class: "memorial-position-headline" }, positionHeadline(memorial, language)),
      certainty.type === "approximate" ? h("p", {}, translateMemorialFinder(language, "memorials.circleNote")) : null,
      shared ? h("p", { "data-memorial-shared": "" }, shared) : null,
    ),
    distance
      ? h(
          "p",
          { class: "memorial-distance", "data-memorial-distance": "" },
          translateMemorialFinder(language, "memorials.distanceFromYou", { distance: formatDirectionDistance(distance, language) }),
          certainty.type === "approximate"
            ? translateMemorialFinder(language, "memorials.distanceCaveat", { radius: formatDistance(certainty.radiusMetres) })
            : null,
        )
      : null,
    navigationSection(input),
    h(
      "div",
      { class: "memorial-share" },
      h(
        "button",
        { type: "button", class: "secondary-button memorial-share-button", "data-action": "memorial-share", onclick: () => input.onShare() },
        translateMemorialFinder(language, "memorials.share"),
      ),
      shareStatus,
      shareFallback,
    ),
    noticeSections(input),
    section(
      translateMemorialFinder(language, "memorials.geometryHeading"),
      language === "en" && memorial.geometryNoteEn
        ? h("p", { class: "memorial-geometry-note", "data-prose": "" }, markChineseTerms(memorial.geometryNoteEn))
        : h("p", { class: "memorial-geometry-note", lang: ZH }, memorialGeometryNote(memorial, "zh")),
    ),
    notice
      ? language === "en" && notice.titleEn
        ? h(
            "p",
            { class: "memorial-source" },
            translateMemorialFinder(language, "memorials.noticeSource", { title: notice.titleEn }),
            " (",
            h("span", { lang: ZH }, notice.docNumber),
            ")",
          )
        : h("p", { class: "memorial-source" }, translateMemorialFinder("zh", "memorials.noticeSource", { title: `${notice.title}（${notice.docNumber}）` }))
      : null,
  );
  return { element, title, shareStatus, shareFallback };
}
