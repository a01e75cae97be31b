import { describe, expect, it } from "vitest";
import type { PolicyClause } from "../../src/policy/policyTypes";
import { effectiveOf, isTitleLike, layoutTable, parseGazette } from "./parse";
import { readTable, startsTable } from "./table";
import { addDays, chineseNumeral, collapseWhitespace, findChineseDate, splitLines } from "./text";

describe("text helpers", () => {
  it("parses Chinese section numerals", () => {
    expect(["一", "五", "九", "十", "十一", "十九", "二十", "二十三"].map(chineseNumeral)).toEqual([1, 5, 9, 10, 11, 19, 20, 23]);
    expect(chineseNumeral("12")).toBe(12);
    expect(() => chineseNumeral("甲")).toThrow();
  });

  it("reads dates and adds days across months", () => {
    expect(findChineseDate("（此件公开发布）      2023年4月17日")).toBe("2023-04-17");
    expect(findChineseDate("无日期")).toBeNull();
    expect(() => findChineseDate("2023年2月30日")).toThrow();
    expect(addDays("2023-04-23", 30)).toBe("2023-05-23");
    expect(addDays("2023-12-20", 15)).toBe("2024-01-04");
  });

  it("collapses whitespace runs", () => {
    expect(collapseWhitespace(" a\t\n\n b  c \n")).toBe("a b c");
  });
});

describe("tables", () => {
  const source = [
    "专栏1  示例表",
    "",
    "\t类别",
    "\t2030年",
    "",
    "目标值",
    "\t责任单位",
    "",
    "\t妇女与",
    "",
    "健康",
    "\t≥70",
    "\t区卫生健康委",
    "",
    "区总工会",
    "",
    "\t",
    "\t提高",
    "\t区教委",
    "",
    "",
    "三、重点任务",
  ].join("\n");
  const lines = splitLines(source);

  it("reads rows, cells and cells broken over lines", () => {
    expect(startsTable(lines, 2)).toBe(true);
    expect(startsTable(lines, 0)).toBe(false);
    const table = readTable(lines, 2, (line) => line.text.startsWith("三、"));
    expect(table.rows).toEqual([
      ["类别", "2030年\n目标值", "责任单位"],
      ["妇女与\n健康", "≥70", "区卫生健康委\n区总工会"],
      ["", "提高", "区教委"],
    ]);
    expect(table.rowLines).toEqual([3, 9, 17]);
    expect(lines[table.end]?.text).toBe("三、重点任务");
  });

  it("stops at a boundary line even after a single blank line", () => {
    const boundary = splitLines(["\ta", "\tb", "", "1．标题"].join("\n"));
    const table = readTable(boundary, 0, (line) => line.text.startsWith("1．"));
    expect(table.rows).toEqual([["a", "b"]]);
    expect(table.end).toBe(3);
  });

  it("repeats merged cells and spanned cells, and rejects rows of the wrong width", () => {
    const printed = [
      ["矿种", "单位", "规模"],
      ["灰岩", "新建", "万吨/年", "100"],
      ["", "整合", "万吨/年", "51"],
      ["地热", "万立方米/年", "30"],
    ];
    const layout = { columns: ["矿种", "矿种", "单位", "规模"], span: { cellCount: 3, repeatCell: 0 }, fillDown: [0] };
    expect(layoutTable("t", printed, layout).rows).toEqual([
      ["灰岩", "新建", "万吨/年", "100"],
      ["灰岩", "整合", "万吨/年", "51"],
      ["地热", "地热", "万立方米/年", "30"],
    ]);
    expect(() => layoutTable("t", printed, {})).toThrow(/has 4 cells, expected 3/);
    expect(() => layoutTable("t", [["a"], [""]], { fillDown: [0] })).toThrow(/nothing above/);
    expect(layoutTable("t", [["a", ""]], { form: true })).toEqual({ columns: [], rows: [["a", ""]] });
  });
});

describe("numbering", () => {
  it("tells titles from numbered body paragraphs", () => {
    expect(isTitleLike("（一）扶持对象。")).toBe(true);
    expect(isTitleLike("5．勘查规划区块")).toBe(true);
    expect(isTitleLike("3.服务业创业扶持（范围：加工业、超市、餐饮、服装、电器、美容美发、保健按摩等）。")).toBe(true);
    expect(isTitleLike("（一）实施国际文旅名城建设行动，争做巴蜀文化旅游走廊的桥头堡")).toBe(true);
    expect(isTitleLike("（一）申报。符合条件的城乡残疾人，向所在的镇（街）提出申请。")).toBe(false);
    expect(isTitleLike("（4）水产养殖面积达5亩，投入资金3万元及以上，补助1万元；")).toBe(false);
  });
});

describe("effective dates", () => {
  const at = (text: string): PolicyClause[] => [{ id: "x", text }];
  it("computes the date from the document's own words", () => {
    expect(effectiveOf(at("本通知自发布之日起执行。"), "2023-04-24")).toEqual({
      date: "2023-04-24",
      rule: "本通知自发布之日起执行。",
      clause: "x",
    });
    expect(effectiveOf(at("本通知自2023年5月17日起施行。"), "2023-04-17")?.date).toBe("2023-05-17");
    expect(effectiveOf(at("本实施意见自印发之日起30日后施行。"), "2023-04-23")?.date).toBe("2023-05-23");
    expect(effectiveOf(at("本办法自上级批准后施行。"), "2023-04-23")).toEqual({ rule: "本办法自上级批准后施行。", clause: "x" });
    expect(effectiveOf(at("请认真贯彻执行。"), "2023-04-23")).toBeUndefined();
  });
});

describe("gazette parsing", () => {
  const notice = (number: number, body: string[]): string[] => [
    "重庆市大足区人民政府",
    "",
    "关于测试的",
    "",
    "通知",
    "",
    `大足府发〔2023〕${number}号`,
    "",
    "各镇街人民政府（办事处），有关单位：",
    "",
    ...body,
    "",
    "重庆市大足区人民政府",
    "",
    "2023年4月1日",
    "",
    "（此件公开发布）",
    "",
  ];

  it("splits documents, reads metadata and numbers clauses", () => {
    const source = [
      ...notice(99, ["为测试，通知如下：", "", "一、总则", "", "说明一。", "", "（一）细则。", "", "说明二。", "", "本通知自发布之日起执行。"]),
      " 区第三届人民政府召开第60次常务会议 ",
      "",
      "7月3日上午，会议召开。",
      "",
      "会议还研究了其他工作。",
    ].join("\n");
    const [document, minutes] = parseGazette(source).filter((candidate) => ["dzf-2023-99", "exec-meeting-60"].includes(candidate.id));
    expect(document?.title).toBe("重庆市大足区人民政府关于测试的通知");
    expect(document?.addressees).toBe("各镇街人民政府（办事处），有关单位");
    expect(document?.signed).toBe("2023-04-01");
    expect(document?.kind).toBe("fulltext");
    expect(document?.clauses.map((candidate) => candidate.id)).toEqual(["intro.para1", "s1", "s1.para1", "s1.p1", "s1.p1.para1", "s1.p1.para2"]);
    expect(document?.effective).toEqual({ date: "2023-04-01", rule: "本通知自发布之日起执行。", clause: "s1.p1.para2" });
    expect(minutes?.signed).toBe("2023-07-03");
    expect(minutes?.clauses.map((candidate) => candidate.id)).toEqual(["para1", "para2"]);
  });
});
