import { describe, expect, it } from "vitest";
import { clauseAncestors, clauseChildren, findClause, formatCitation, resolveCitation, rootClauses, tableOfContents } from "./corpus";
import type { PolicyDocument } from "./policyTypes";

const fees: PolicyDocument = {
  id: "dzf-2023-13",
  kind: "structured",
  docNumber: "大足府发〔2023〕13号",
  title: "重庆市大足区人民政府关于进一步规范大足区城市基础设施配套费征收标准的通知",
  shortTitle: { zh: "城市基础设施配套费征收标准", en: "Urban Infrastructure Charge Rates" },
  issuer: "重庆市大足区人民政府",
  signed: "2023-04-24",
  sourceLines: [1673, 1701],
  clauses: [
    { id: "intro.para1", text: "为促进我区城市基础设施建设……通知如下：" },
    { id: "s1", number: "一、", heading: true, text: "一、征收标准" },
    { id: "s1.p1", parent: "s1", number: "（一）", text: "（一）……按建筑面积210元/平方米计征；……105元/平方米计征。" },
    { id: "s1.p2", parent: "s1", number: "（二）", text: "（二）……150元/平方米计征。" },
    { id: "s3", number: "三、", heading: true, text: "三、执行时间" },
    { id: "s3.para1", parent: "s3", text: "本通知自发布之日起执行。" },
  ],
};

const plan: PolicyDocument = {
  id: "dzf-2023-6",
  kind: "fulltext",
  title: "通知",
  shortTitle: { zh: "规划", en: "Plans" },
  issuer: "重庆市大足区人民政府",
  signed: "2023-03-24",
  sourceLines: [1, 1227],
  clauses: [
    { id: "notice.para1", text: "现将……印发给你们，请认真贯彻执行。" },
    { id: "women", heading: true, text: "重庆市大足区妇女发展规划\n（2021-2030年）" },
    { id: "women.s2", parent: "women", number: "二、", heading: true, text: "二、总体思路" },
    { id: "women.s2.p3", parent: "women.s2", number: "（三）", heading: true, text: "（三）主要目标。" },
    { id: "women.s2.p3.para1", parent: "women.s2.p3", text: "深入贯彻落实男女平等基本国策……" },
    {
      id: "women.box1",
      parent: "women.s2.p3",
      number: "专栏一",
      heading: true,
      text: "专栏一  主要指标",
      table: { caption: "专栏一  主要指标", columns: ["序号", "指标"], rows: [["1", "婚前医学检查率"]], rowClauseIds: ["women.box1.r1"] },
    },
    { id: "women.box1.r1", parent: "women.box1", text: "1 婚前医学检查率" },
    { id: "women.s3", parent: "women", number: "三、", heading: true, text: "三、重点任务" },
  ],
};

describe("findClause / clauseChildren", () => {
  it("finds a clause by id", () => {
    expect(findClause(fees, "s1.p2")?.text).toContain("150元/平方米");
    expect(findClause(fees, "s9")).toBeUndefined();
  });

  it("lists direct children in document order", () => {
    expect(clauseChildren(fees, "s1").map((clause) => clause.id)).toEqual(["s1.p1", "s1.p2"]);
    expect(clauseChildren(plan, "women.s2.p3").map((clause) => clause.id)).toEqual(["women.s2.p3.para1", "women.box1"]);
    expect(clauseChildren(plan, "women.box1").map((clause) => clause.id)).toEqual(["women.box1.r1"]);
    expect(clauseChildren(fees, "s1.p1")).toEqual([]);
    expect(clauseChildren(fees, "nope")).toEqual([]);
  });

  it("lists roots and ancestors", () => {
    expect(rootClauses(fees).map((clause) => clause.id)).toEqual(["intro.para1", "s1", "s3"]);
    expect(clauseAncestors(plan, "women.box1.r1").map((clause) => clause.id)).toEqual(["women", "women.s2", "women.s2.p3", "women.box1"]);
    expect(clauseAncestors(fees, "s1")).toEqual([]);
  });
});

describe("tableOfContents", () => {
  it("lists heading clauses with their depth", () => {
    expect(tableOfContents(fees)).toEqual([
      { id: "s1", depth: 0, number: "一、", text: "一、征收标准", box: false },
      { id: "s3", depth: 0, number: "三、", text: "三、执行时间", box: false },
    ]);
  });

  it("nests parts, sections and boxes, and removes line breaks", () => {
    expect(tableOfContents(plan).map(({ id, depth, box, text }) => [id, depth, box, text])).toEqual([
      ["women", 0, false, "重庆市大足区妇女发展规划（2021-2030年）"],
      ["women.s2", 1, false, "二、总体思路"],
      ["women.s2.p3", 2, false, "（三）主要目标。"],
      ["women.box1", 3, true, "专栏一  主要指标"],
      ["women.s3", 1, false, "三、重点任务"],
    ]);
  });

  it("does not loop on a malformed parent cycle", () => {
    const cyclic: PolicyDocument = {
      ...fees,
      clauses: [
        { id: "a", parent: "b", heading: true, text: "a" },
        { id: "b", parent: "a", heading: true, text: "b" },
      ],
    };
    expect(tableOfContents(cyclic).map((entry) => entry.depth)).toEqual([1, 1]);
    expect(clauseAncestors(cyclic, "a").map((clause) => clause.id)).toEqual(["b"]);
  });
});

describe("resolveCitation", () => {
  const byMap = new Map([fees, plan].map((document) => [document.id, document]));
  const byRecord: Record<string, PolicyDocument> = { [fees.id]: fees, [plan.id]: plan };

  it("resolves a citation from a Map or a plain record", () => {
    for (const documents of [byMap, byRecord]) {
      const result = resolveCitation(documents, "dzf-2023-13#s3.para1");
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.document.id).toBe("dzf-2023-13");
      expect(result.clause.text).toBe("本通知自发布之日起执行。");
      expect(result.ref).toEqual({ documentId: "dzf-2023-13", clauseId: "s3.para1" });
    }
    expect(resolveCitation(byMap, formatCitation("dzf-2023-6", "women.box1.r1")).ok).toBe(true);
  });

  it("reports malformed citations, unknown documents and unknown clauses", () => {
    const cases: [string, string][] = [
      ["dzf-2023-13", "malformed"],
      ["#s1", "malformed"],
      ["dzf-2023-13#", "malformed"],
      ["dzf-2099-1#s1", "unknown-document"],
      ["toString#s1", "unknown-document"],
      ["dzf-2023-13#s1.p9", "unknown-clause"],
    ];
    for (const [citation, error] of cases) {
      const result = resolveCitation(byRecord, citation);
      expect(result.ok, citation).toBe(false);
      if (result.ok) continue;
      expect(result.error, citation).toBe(error);
      expect(result.citation).toBe(citation);
      expect(result.message.length).toBeGreaterThan(0);
    }
    const missing = resolveCitation(byMap, "dzf-2023-13#s1.p9");
    expect(!missing.ok && missing.message).toContain("大足府发〔2023〕13号");
  });
});
