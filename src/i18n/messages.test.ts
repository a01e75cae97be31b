import { describe, expect, it } from "vitest";
import { LANGUAGES, MESSAGES } from "./messages";
import { localized, translate } from "./translate";
// The tables that load on demand, so every key is checked.
import "./messages.batchPrint";
import "./messages.inspector";
import "./messages.memorialFinder";

describe("UI dictionary", () => {
  it("has every key in every language, none blank", () => {
    const keys = Object.keys(MESSAGES.zh).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(MESSAGES[language]).sort()).toEqual(keys);
      for (const key of keys) {
        const text = MESSAGES[language][key as keyof typeof MESSAGES.zh];
        expect(text.trim(), `${language}: ${key}`).not.toBe("");
      }
    }
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(MESSAGES.zh) as Array<keyof typeof MESSAGES.zh>) {
      expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.zh[key]));
    }
  });

  it("fills placeholders", () => {
    expect(translate("zh", "layer.featureCount", { count: 12 })).toBe("12 个要素");
    expect(translate("en", "layer.featureCount", { count: 12 })).toBe("12 features");
  });

  it("falls back to Chinese for blank English manifest text", () => {
    expect(localized({ zh: "镇街", en: "" }, "en")).toBe("镇街");
    expect(localized({ zh: "镇街", en: "Towns" }, "en")).toBe("Towns");
    expect(localized({ zh: "镇街", en: "Towns" }, "zh")).toBe("镇街");
  });
});
