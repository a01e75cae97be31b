import { describe, expect, it } from "vitest";
import type { LayerFeatureCollection } from "../layers/layerData";
import { legalBasisTitles, loadMemorialNotice, memorialNoticeFrom, protectionQuote, splitAround, type MemorialNotice } from "./memorialNotice";
import { memorialsFromLayer } from "./memorials";
import { fetchGeodata, readGeodata } from "../../tests/support/testGeodata";

const DOCUMENT = "dzfb-2023-47";

async function notice(): Promise<MemorialNotice> {
  const loaded = await loadMemorialNotice("", DOCUMENT, fetchGeodata);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  return loaded.value;
}

describe("the memorial notice", () => {
  it("quotes the rules, the date in force and the opening paragraph verbatim", async () => {
    const value = await notice();
    expect(value.docNumber).toBe("大足府办发〔2023〕47号");
    expect(value.rules.citation).toBe("dzfb-2023-47#rules");
    expect(value.rules.text).toMatch(/^烈士纪念设施保护范围内的土地和设施受法律保护，任何组织和个人不得在烈士纪念设施保护范围内从事/);
    expect(value.effective.text).toBe("本通知自2023年5月17日起施行。");
    expect(value.effective.date).toBe("2023-05-17");
    expect(value.intro.clauseId).toBe("intro.para1");
  });

  it("lists the legal basis documents as the notice names them", async () => {
    expect((await notice()).legalBasis).toEqual([
      "《烈士褒扬条例》",
      "《烈士纪念设施保护管理办法》",
      "《重庆市退役军人事务局开展全市县级及以下烈士纪念设施管理保护专项行动实施方案》（渝退役军人局〔2021〕28号）",
      "《重庆市人民政府办公厅关于印发〈重庆市烈士纪念设施分级保护管理办法〉的通知》（渝府办发〔2022〕76号）",
    ]);
    expect(legalBasisTitles("根据《甲》（说明）和《乙》")).toEqual(["《甲》", "《乙》"]);
  });

  it("finds each memorial's own protection clause among its citations", async () => {
    const value = await notice();
    const read = memorialsFromLayer(readGeodata("layers/memorials.geojson") as LayerFeatureCollection);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const quotes = read.value.map((memorial) => protectionQuote(value, memorial));
    expect(quotes.map((quote) => quote?.clauseId)).toEqual(["s1", "s2", "s3", "s4", "s5", "s6"]);
    expect(quotes[0]?.text).toBe("一、划定大足区龙岗街道办事处龙岗村1组12号（北山公园内）饶国梁烈士纪念碑主体及所在广场为烈士纪念设施保护范围。");
    expect(quotes[0]?.number).toBe("一、");
    // Every memorial's published range is in its own clause, so the card can emphasise it there.
    read.value.forEach((memorial, index) => expect(quotes[index]?.text).toContain(memorial.protectionRange));
  });

  it("says what is wrong with a broken document", () => {
    expect(memorialNoticeFrom([], DOCUMENT)).toEqual({ ok: false, errors: ["policies/dzfb-2023-47.json: not a JSON object"] });
    const result = memorialNoticeFrom({ id: DOCUMENT, clauses: [{ id: "s1", text: "一、…" }, { text: 3 }] }, DOCUMENT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'policies/dzfb-2023-47.json: clause 2 needs an "id" and a "text"',
      'policies/dzfb-2023-47.json: "docNumber" is missing',
      'policies/dzfb-2023-47.json: "title" is missing',
      'policies/dzfb-2023-47.json: has no clause "intro.para1"',
      'policies/dzfb-2023-47.json: has no clause "rules"',
      'policies/dzfb-2023-47.json: has no clause "effective"',
    ]);
  });

  it("reports a missing file instead of an empty notice", async () => {
    const loaded = await loadMemorialNotice("", "no-such-document", fetchGeodata);
    expect(loaded).toEqual({ ok: false, errors: ["could not fetch policies/no-such-document.json (HTTP 404)"] });
  });
});

describe("splitAround", () => {
  it("splits a quote around the phrase to emphasise", () => {
    expect(splitAround("划定…纪念碑主体及所在广场为保护范围。", "主体及所在广场")).toEqual(["划定…纪念碑", "主体及所在广场", "为保护范围。"]);
    expect(splitAround("abc", "x")).toBeNull();
    expect(splitAround("abc", "")).toBeNull();
  });
});
