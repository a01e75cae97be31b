import { LANGUAGE_TAGS, type Language } from "../../i18n/messages";
import { localized, translate } from "../../i18n/translate";
import type { ClauseQuote } from "../../parcel/reportInput";
import { withHashParameter } from "../../state/urlHash";
import { h } from "../dom";

/** The reader's link for a clause: `doc=` and `clause=` added to the hash, the rest of the state kept. */
export function readerHash(hash: string, documentId: string, clauseId: string): string {
  return withHashParameter(withHashParameter(hash, "doc", documentId), "clause", clauseId);
}

/**
 * A cited clause quoted in full, in Chinese (marked so), introduced by its document's title in the reader's language,
 * its 文号 and its place in the document's numbering, with a link that opens it in the reader. Before the document
 * has loaded the quote says so; if it cannot load, the citation stays without text.
 */
export function quoteBlock(citation: string, quote: ClauseQuote | undefined, language: Language, options: { link: boolean } = { link: true }): HTMLElement {
  const [documentId = "", clauseId = ""] = citation.split("#");
  const pending = quote === undefined || quote.text === null;
  const text = quote === undefined ? translate(language, "site.quote.loading") : (quote.text ?? translate(language, "site.quote.missing"));
  const link = options.link
    ? h(
        "a",
        {
          class: "site-quote-link",
          // A click opens the reader through the store (src/ui/policyRoutes.ts followReaderLinks), keeping the state.
          href: readerHash("", documentId, clauseId),
          "data-reader-link": citation,
        },
        translate(language, "site.quote.open"),
      )
    : null;
  const zh = LANGUAGE_TAGS.zh;
  const label = quote?.label ? localized(quote.label, language) : "";
  return h(
    "figure",
    { class: "site-quote", "data-citation": citation },
    h("blockquote", { class: pending ? "site-quote-text site-quote-text--pending" : "site-quote-text", lang: pending ? undefined : zh }, text),
    // Cited as the document numbers it (一、（一）); before the document has loaded, by its id alone.
    h(
      "figcaption",
      {},
      quote?.shortTitle ? [h("span", { class: "citation-document" }, localized(quote.shortTitle, language)), " "] : null,
      h("span", { class: "citation-number", lang: quote?.docNumber ? zh : undefined }, quote?.docNumber ?? documentId),
      label ? [" ", h("span", { class: "citation-clause", lang: zh }, label)] : null,
      link ? " · " : null,
      link,
    ),
  );
}
