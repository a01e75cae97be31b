import { describe, expect, it } from "vitest";
import { LANGUAGES, MESSAGES } from "./messages";
import { BATCH_PRINT_MESSAGES, translateBatchPrint } from "./messages.batchPrint";
import { INSPECTOR_MESSAGES } from "./messages.inspector";
import { MEMORIAL_FINDER_MESSAGES, translateMemorialFinder } from "./messages.memorialFinder";
import type { MessageTable } from "./messageTable";
import { localized, translate } from "./translate";

/** The first screen's table and each table that loads on demand, so every key is checked. */
const TABLES: Record<string, MessageTable<string>> = {
  "first screen": MESSAGES,
  inspector: INSPECTOR_MESSAGES,
  "memorial finder": MEMORIAL_FINDER_MESSAGES,
  "batch print": BATCH_PRINT_MESSAGES,
};

describe("UI dictionary", () => {
  it.each(Object.entries(TABLES))("%s: has every key in every language, none blank", (_, table) => {
    const keys = Object.keys(table.zh).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(table[language]).sort()).toEqual(keys);
      for (const key of keys) expect(table[language][key]!.trim(), `${language}: ${key}`).not.toBe("");
    }
  });

  it.each(Object.entries(TABLES))("%s: uses the same placeholders in both languages", (_, table) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(table.zh)) expect(placeholders(table.en[key]!), key).toEqual(placeholders(table.zh[key]!));
  });

  it("no key is in two tables, so each is read through one translator", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, table] of Object.entries(TABLES)) {
      for (const key of Object.keys(table.zh)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });

  it("fills placeholders, through the first screen's translator and a table's own", () => {
    expect(translate("zh", "layer.featureCount", { count: 12 })).toBe("12 个要素");
    expect(translate("en", "layer.featureCount", { count: 12 })).toBe("12 features");
    expect(translateBatchPrint("zh", "batchPrint.parcelOf", { index: 2, count: 5 })).toBe("第 2 宗，共 5 宗");
    expect(translateBatchPrint("en", "batchPrint.parcelOf", { index: 2, count: 5 })).toBe("Parcel 2 of 5");
    // An unknown placeholder stays visible.
    expect(translateMemorialFinder("en", "memorials.noMatch")).toContain("{query}");
  });

  it("falls back to Chinese for blank English manifest text", () => {
    expect(localized({ zh: "镇街", en: "" }, "en")).toBe("镇街");
    expect(localized({ zh: "镇街", en: "Towns" }, "en")).toBe("Towns");
    expect(localized({ zh: "镇街", en: "Towns" }, "zh")).toBe("镇街");
  });
});
