import type { Page } from "./driver";

/**
 * Elements allowed to hold Chinese in English mode, each marked lang="zh-CN": quotations of the documents (clause
 * text, its printed number and 文号, the basis list, a published address or range) and the Chinese terms an English
 * data note names. Anything else Chinese — a value, a label, a note shown untranslated — is a finding.
 */
const QUOTATION =
  'blockquote, cite, q, ul[data-memorial-quote], [data-chinese-term], .citation-number, .citation-clause, dd[data-attribute="address"], [data-memorial-address], .memorial-item-address, .memorial-facts dd, .memorial-card-name-zh, .memorial-source span';

export interface HanFindings {
  /** Visible text with Han characters outside any lang="zh-CN" element. */
  unmarked: string[];
  /** Elements marked Chinese that are not quotations (e.g. a whole note left untranslated). */
  markedNotQuotation: string[];
  /** Marked Chinese terms outside an English data note. */
  strayTerms: string[];
}

export async function hanFindings(page: Page, rootSelector: string): Promise<HanFindings> {
  return page.locator(rootSelector).evaluate((root, quotation) => {
    const han = /\p{Script=Han}/u;
    const visible = (element: Element) => (element as HTMLElement).offsetParent !== null || element.closest("details:not([open])") !== null;
    const unmarked: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      // Marks inside the walked part only: in Chinese mode the page itself is lang="zh-CN".
      const marked = parent?.closest('[lang|="zh"]');
      if (!parent || !han.test(text) || (marked && root.contains(marked)) || !visible(parent)) continue;
      unmarked.push(`${parent.tagName.toLowerCase()}.${parent.className}: ${text.trim()}`);
    }
    const markedNotQuotation = [...root.querySelectorAll('[lang|="zh"]')]
      .filter((element) => {
        const outer = element.parentElement?.closest('[lang|="zh"]');
        return han.test(element.textContent ?? "") && !element.matches(quotation) && !(outer && root.contains(outer));
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? "").trim().slice(0, 60)}`);
    const strayTerms = [...root.querySelectorAll("[data-chinese-term]")]
      .filter((element) => !element.closest("[data-prose]"))
      .map((element) => element.textContent ?? "");
    return { unmarked, markedNotQuotation, strayTerms };
  }, QUOTATION);
}

export const NONE: HanFindings = { unmarked: [], markedNotQuotation: [], strayTerms: [] };
