import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PolicyClause, PolicyDocument, PolicyIndex } from "../../src/policy/policyTypes";
import { buildPolicyCorpus, collapseWhitespace, GAZETTE_PATH, POLICIES_DIR } from "./index";
import { findChineseDate, stableJson } from "./text";

function dateOf(text: string): string {
  return /^(?:（此件公开发布）\s*)?\d{4}年\d{1,2}月\d{1,2}日$/.test(text) ? (findChineseDate(text) ?? "") : "";
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const gazette = readFileSync(join(root, GAZETTE_PATH), "utf8");
const gazetteLines = gazette.split("\n");
const collapsedGazette = collapseWhitespace(gazette);
const files = buildPolicyCorpus(gazette);
const index = JSON.parse(files.get(`${POLICIES_DIR}/index.json`)!) as PolicyIndex;
const documents = new Map<string, PolicyDocument>(
  index.documents.map((entry) => [entry.id, JSON.parse(files.get(`${POLICIES_DIR}/${entry.file}`)!) as PolicyDocument]),
);

function doc(id: string): PolicyDocument {
  const document = documents.get(id);
  if (!document) throw new Error(`no document ${id}`);
  return document;
}

function clause(documentId: string, clauseId: string): PolicyClause {
  const found = doc(documentId).clauses.find((candidate) => candidate.id === clauseId);
  if (!found) throw new Error(`no clause ${documentId}#${clauseId}`);
  return found;
}

/** The gazette from a 1-based line on, whitespace collapsed. */
function collapsedFrom(line: number, lineCount = 40): string {
  return collapseWhitespace(gazetteLines.slice(line - 1, line - 1 + lineCount).join("\n"));
}

const SEGMENT = String.raw`(?:s\d+(?:\.p\d+)?(?:\.n\d+)?(?:\.i\d+)?(?:\.para\d+)?|intro\.para\d+|box\d+(?:\.r\d+|\.para\d+)?|annex\d+(?:\.r\d+)?|annexes\.n\d+|rules|effective)`;
const STRUCTURED_ID = new RegExp(String.raw`^(?:notice\.para\d+|${SEGMENT})$`);
const PART_ID = /^(women|children)(?:\.(.+))?$/;
const MINUTES_ID = /^para\d+$/;

function idMatchesGrammar(document: PolicyDocument, id: string): boolean {
  if (document.kind === "minutes") return MINUTES_ID.test(id);
  const part = PART_ID.exec(id);
  if (part && document.parts?.some((candidate) => candidate.id === part[1])) {
    return part[2] === undefined || new RegExp(`^${SEGMENT}$`).test(part[2]);
  }
  return STRUCTURED_ID.test(id);
}

/** Citations listed in the "Clauses the layers cite" table of docs/data-model.md, "…" ranges expanded. */
function dataModelCitations(): string[] {
  const markdown = readFileSync(join(root, "docs/data-model.md"), "utf8");
  const start = markdown.indexOf("Clauses the layers cite");
  // The table ends at the next section heading (later sections have tables of their own).
  const end = markdown.indexOf("\n## ", start);
  const section = markdown.slice(start, end === -1 ? undefined : end);
  const citations: string[] = [];
  for (const row of section.split("\n").filter((line) => line.startsWith("| `"))) {
    const firstCell = row.split("|")[1] ?? "";
    const tokens = [...firstCell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    let documentId = "";
    let previous = "";
    for (const token of tokens) {
      let clauseId: string;
      if (token.includes("#") && !token.startsWith("#")) {
        [documentId, clauseId] = token.split("#") as [string, string];
      } else if (token.startsWith("#")) {
        clauseId = token.slice(1);
      } else {
        clauseId = token;
      }
      const rangeEnd = /^([a-z]+)(\d+)$/.exec(clauseId);
      const previousLast = /^(.*?)([a-z]+)(\d+)$/.exec(previous);
      if (firstCell.includes("…") && rangeEnd && previousLast && previousLast[2] === rangeEnd[1] && previous !== "") {
        // `s1` … `#s6`, `para1` … `para4`: every id in between.
        for (let value = Number(previousLast[3]) + 1; value <= Number(rangeEnd[2]); value += 1) {
          citations.push(`${documentId}#${previousLast[1]}${rangeEnd[1]}${value}`);
        }
      } else {
        citations.push(`${documentId}#${clauseId}`);
      }
      previous = clauseId;
    }
  }
  return citations;
}

describe("generated files", () => {
  it("equal a fresh build byte for byte, with no stray JSON files", () => {
    for (const [path, content] of files) {
      const target = join(root, path);
      expect(existsSync(target), `${path} is missing; run npx tsx scripts/build-policies.ts`).toBe(true);
      expect(readFileSync(target, "utf8"), `${path} is stale; run npx tsx scripts/build-policies.ts`).toBe(content);
    }
    const onDisk = readdirSync(join(root, POLICIES_DIR)).filter((name) => name.endsWith(".json"));
    expect(onDisk.map((name) => `${POLICIES_DIR}/${name}`).sort()).toEqual([...files.keys()].sort());
  });

  it("are deterministic: sorted keys, 2-space indent, trailing newline", () => {
    expect(buildPolicyCorpus(gazette)).toEqual(files);
    for (const [path, content] of files) {
      expect(content.endsWith("}\n"), path).toBe(true);
      expect(stableJson(JSON.parse(content)), path).toBe(content);
    }
    expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      2,\n      1\n    ]\n  },\n  "b": 1\n}\n');
  });

  it("index every document of the gazette, in printed order", () => {
    expect(index.source).toBe(GAZETTE_PATH);
    expect(index.documents.map((entry) => entry.id)).toEqual([
      "dzf-2023-6",
      "dzf-2023-7",
      "dzf-2023-8",
      "dzf-2023-13",
      "dzfb-2023-32",
      "dzfb-2023-47",
      "dzfb-2023-50",
      ...Array.from({ length: 10 }, (_, offset) => `exec-meeting-${44 + offset}`),
    ]);
    for (const entry of index.documents) {
      const document = doc(entry.id);
      expect(entry.clauseCount).toBe(document.clauses.length);
      expect(entry.title).toBe(document.title);
      expect(entry.signed).toBe(document.signed);
      expect(entry.file).toBe(`${entry.id}.json`);
    }
    const starts = index.documents.map((entry) => doc(entry.id).sourceLines);
    for (let position = 1; position < starts.length; position += 1) {
      expect(starts[position]![0]).toBeGreaterThan(starts[position - 1]![1]);
    }
  });
});

describe("clause text", () => {
  const all = [...documents.values()].flatMap((document) => document.clauses.map((candidate) => ({ document, clause: candidate })));

  it("occurs verbatim in the gazette (whitespace runs collapsed)", () => {
    for (const { document, clause: current } of all) {
      expect(current.text, `${document.id}#${current.id}`).toBe(current.text.trim());
      expect(current.text.length, `${document.id}#${current.id}`).toBeGreaterThan(0);
      expect(collapsedGazette.includes(collapseWhitespace(current.text)), `${document.id}#${current.id}`).toBe(true);
    }
  });

  it("starts at the clause's own line, inside the document's line range", () => {
    for (const { document, clause: current } of all) {
      const label = `${document.id}#${current.id}`;
      expect(current.line, label).toBeDefined();
      const line = current.line!;
      expect(line, label).toBeGreaterThanOrEqual(document.sourceLines[0]);
      expect(line, label).toBeLessThanOrEqual(document.sourceLines[1]);
      expect(collapsedFrom(line).startsWith(collapseWhitespace(current.text)), label).toBe(true);
    }
  });

  it("keeps table cells and columns verbatim, one row clause per row", () => {
    let tables = 0;
    for (const { document, clause: current } of all) {
      if (!current.table) continue;
      tables += 1;
      const label = `${document.id}#${current.id}`;
      const { table } = current;
      expect(current.text, label).toBe(table.caption);
      expect(table.rowClauseIds.length, label).toBe(table.rows.length);
      for (const cell of [...table.columns, ...table.rows.flat()]) {
        expect(collapsedGazette.includes(collapseWhitespace(cell)), `${label}: ${cell}`).toBe(true);
      }
      table.rowClauseIds.forEach((rowId, rowIndex) => {
        const row = clause(document.id, rowId);
        expect(row.parent, rowId).toBe(current.id);
        expect(rowId, label).toBe(`${current.id}.r${rowIndex + 1}`);
        if (table.columns.length > 0) expect(table.rows[rowIndex]!.length, rowId).toBe(table.columns.length);
        // The row clause joins only printed cells, each of which is in the self-contained row.
        const printed = row.text.split(" ");
        expect(
          printed.every((piece) => table.rows[rowIndex]!.some((cell) => cell.includes(piece))),
          rowId,
        ).toBe(true);
      });
    }
    expect(tables).toBe(6);
  });

  it("accounts for every printed line of the gazette (clause, table cell or metadata)", () => {
    const pieces: string[] = [];
    for (const document of documents.values()) {
      pieces.push(document.title, document.docNumber ?? "", `${document.addressees ?? ""}：`, document.issuer);
      pieces.push(document.attachmentTitle ?? "");
      for (const current of document.clauses) {
        pieces.push(current.text, current.number ?? "");
        if (current.table) pieces.push(...current.table.columns, ...current.table.rows.flat());
      }
    }
    const signedDates = new Set([...documents.values()].map((document) => document.signed));
    const unaccounted = gazetteLines
      .map((raw, position) => ({ text: raw.trim(), line: position + 1 }))
      .filter(({ text }) => text !== "")
      .filter(({ text }) => !pieces.some((piece) => piece.includes(text)))
      .filter(({ text }) => !(text.replace(/（此件公开发布）|\s/g, "") === "" || signedDates.has(dateOf(text))));
    expect(unaccounted).toEqual([]);
  });

  it("leaves out signatures, dates and （此件公开发布）", () => {
    for (const { document, clause: current } of all) {
      const label = `${document.id}#${current.id}`;
      expect(current.text.includes("此件公开发布"), label).toBe(false);
      expect(/^\d{4}年\d{1,2}月\d{1,2}日$/.test(current.text), label).toBe(false);
      expect(current.text === document.issuer, label).toBe(false);
      if (document.addressees) expect(current.text.startsWith(document.addressees), label).toBe(false);
    }
  });
});

describe("clause ids", () => {
  it("are unique per document and follow docs/data-model.md", () => {
    for (const document of documents.values()) {
      const ids = document.clauses.map((candidate) => candidate.id);
      expect(new Set(ids).size, document.id).toBe(ids.length);
      for (const id of ids) expect(idMatchesGrammar(document, id), `${document.id}#${id}`).toBe(true);
    }
  });

  it("nest: a parent precedes its children; numbered ids extend their parent's id", () => {
    for (const document of documents.values()) {
      const seen = new Set<string>();
      for (const current of document.clauses) {
        const label = `${document.id}#${current.id}`;
        if (current.parent !== undefined) {
          expect(seen.has(current.parent), label).toBe(true);
          if (!/^(?:.*\.)?(?:box|annex)\d+$/.test(current.id)) {
            expect(current.id.startsWith(`${current.parent}.`), label).toBe(true);
          }
        }
        if (/\.(?:s|p|n|i)\d+$|^s\d+$/.test(current.id)) expect(current.number, label).toBeDefined();
        seen.add(current.id);
      }
    }
  });

  it("include every citation of the data-model table", () => {
    const citations = dataModelCitations();
    expect(citations.length).toBeGreaterThanOrEqual(30);
    for (const citation of citations) {
      const [documentId, clauseId] = citation.split("#") as [string, string];
      expect(documents.has(documentId), citation).toBe(true);
      expect(
        doc(documentId).clauses.some((candidate) => candidate.id === clauseId),
        citation,
      ).toBe(true);
    }
    expect(citations).toEqual(
      expect.arrayContaining([
        "dzfb-2023-32#s3.p1.para2",
        "dzfb-2023-32#s3.p1.para3",
        "dzfb-2023-47#s4",
        "dzfb-2023-50#s1.p3.n3.i2",
        "dzfb-2023-32#box1.r2",
        "dzfb-2023-47#effective",
      ]),
    );
  });

  it("follow the printed numbering where the layout is irregular", () => {
    // "—、发展基础" (a dash printed for 一) is the children's plan's first section.
    expect(clause("dzf-2023-6", "children.s1").number).toBe("—、");
    // 8号 numbers its items 1–49 across sections.
    expect(clause("dzf-2023-8", "s2.p2.n6").text.startsWith("6．高起点规划建设大足石刻文化城")).toBe(true);
    expect(clause("dzf-2023-8", "s3.n49").text.startsWith("49．强化宣传展示")).toBe(true);
    // 32号: items directly under 四、 and then under its （一）.
    expect(clause("dzfb-2023-32", "s4.n2").text).toBe("2．矿山结构规模");
    expect(clause("dzfb-2023-32", "s4.p1.n1").text).toBe("1．勘查准入");
    // A box paragraph broken by a page continues on a tab-indented line.
    expect(clause("dzf-2023-6", "children.box3.para2").text).toMatch(/社区儿童\n游乐设施和健身器材/);
  });
});

describe("metadata", () => {
  it("reads 文号, issuer, signed date and addressees from the gazette", () => {
    const expected: [string, string, string, string][] = [
      ["dzf-2023-6", "大足府发〔2023〕6号", "重庆市大足区人民政府", "2023-03-24"],
      ["dzf-2023-7", "大足府发〔2023〕7号", "重庆市大足区人民政府", "2023-03-31"],
      ["dzf-2023-8", "大足府发〔2023〕8号", "重庆市大足区人民政府", "2023-03-31"],
      ["dzf-2023-13", "大足府发〔2023〕13号", "重庆市大足区人民政府", "2023-04-24"],
      ["dzfb-2023-32", "大足府办发〔2023〕32号", "重庆市大足区人民政府办公室", "2023-03-26"],
      ["dzfb-2023-47", "大足府办发〔2023〕47号", "重庆市大足区人民政府办公室", "2023-04-17"],
      ["dzfb-2023-50", "大足府办发〔2023〕50号", "重庆市大足区人民政府办公室", "2023-04-23"],
    ];
    for (const [id, docNumber, issuer, signed] of expected) {
      const document = doc(id);
      expect(document.docNumber, id).toBe(docNumber);
      expect(document.issuer, id).toBe(issuer);
      expect(document.signed, id).toBe(signed);
      expect(document.title.startsWith(issuer), id).toBe(true);
      expect(document.title.endsWith("的通知"), id).toBe(true);
      expect(document.addressees, id).toMatch(/有关单位$/);
      expect(document.shortTitle.zh.length, id).toBeGreaterThan(0);
      expect(document.shortTitle.en, id).toMatch(/^[\x20-\x7e–—’]+$/);
      const docNumberLine = gazetteLines.findIndex((line) => line.trim() === docNumber) + 1;
      expect(docNumberLine, id).toBeGreaterThan(document.sourceLines[0]);
      expect(docNumberLine, id).toBeLessThan(document.sourceLines[1]);
    }
  });

  it("joins broken title lines", () => {
    expect(doc("dzf-2023-6").title).toBe("重庆市大足区人民政府关于印发重庆市大足区妇女发展规划（2021—2030年）和重庆市大足区儿童发展规划（2021—2030年）的通知");
    expect(doc("dzfb-2023-50").title).toBe("重庆市大足区人民政府办公室关于印发《大足区残疾人创业就业扶持工作实施意见》的通知");
    expect(doc("dzf-2023-8").attachmentTitle).toBe("大足区贯彻落实《重庆市推动成渝地区双城经济圈建设行动方案（2023—2027年）》实施计划");
    expect(doc("dzfb-2023-32").attachmentTitle).toBe("重庆市大足区矿产资源总体规划（2021—2025年）");
    expect(doc("dzf-2023-7").attachmentTitle).toBe("重庆市大足区人口发展规划（2021—2035年）");
    expect(doc("dzfb-2023-50").attachmentTitle).toBe("大足区残疾人创业就业扶持工作实施意见");
    expect(doc("dzf-2023-13").attachmentTitle).toBeUndefined();
    expect(doc("dzfb-2023-47").attachmentTitle).toBeUndefined();
    expect(doc("dzf-2023-6").parts?.map((part) => part.title)).toEqual(["重庆市大足区妇女发展规划（2021-2030年）", "重庆市大足区儿童发展规划（2021-2030年）"]);
  });

  it("states when documents take effect, in their own words", () => {
    expect(doc("dzf-2023-13").effective).toEqual({
      date: "2023-04-24",
      rule: "本通知自发布之日起执行。",
      clause: "s3.para1",
    });
    expect(doc("dzfb-2023-47").effective).toEqual({
      date: "2023-05-17",
      rule: "本通知自2023年5月17日起施行。",
      clause: "effective",
    });
    expect(doc("dzfb-2023-50").effective).toEqual({
      date: "2023-05-23",
      rule: "本实施意见自印发之日起30日后施行。",
      clause: "s4.para1",
    });
    for (const id of ["dzf-2023-6", "dzf-2023-7", "dzf-2023-8", "dzfb-2023-32"]) {
      expect(doc(id).effective, id).toBeUndefined();
    }
    for (const document of documents.values()) {
      if (document.effective?.clause) {
        expect(clause(document.id, document.effective.clause).text).toBe(document.effective.rule);
      }
    }
  });

  it("dates the minutes by the meeting day", () => {
    expect(doc("exec-meeting-44").signed).toBe("2023-03-28");
    expect(doc("exec-meeting-53").signed).toBe("2023-06-26");
    expect(doc("exec-meeting-46").clauses).toHaveLength(14);
    for (let meeting = 44; meeting <= 53; meeting += 1) {
      const document = doc(`exec-meeting-${meeting}`);
      expect(document.kind).toBe("minutes");
      expect(document.title).toBe(`区第三届人民政府召开第${meeting}次常务会议`);
      expect(document.docNumber).toBeUndefined();
      expect(document.clauses[0]!.text).toContain(`第${meeting}次常务`);
    }
  });

  it("kinds: 6号 full text, the other notices structured", () => {
    expect(doc("dzf-2023-6").kind).toBe("fulltext");
    for (const id of ["dzf-2023-7", "dzf-2023-8", "dzf-2023-13", "dzfb-2023-32", "dzfb-2023-47", "dzfb-2023-50"]) {
      expect(doc(id).kind, id).toBe("structured");
    }
  });
});

describe("clause contents", () => {
  it("13号: the three fee tiers", () => {
    const p1 = clause("dzf-2023-13", "s1.p1").text;
    expect(p1).toContain("210元/平方米");
    expect(p1).toContain("105元/平方米");
    expect(p1).toContain("免缴");
    expect(clause("dzf-2023-13", "s1.p2").text).toContain("150元/平方米");
    const p3 = clause("dzf-2023-13", "s1.p3").text;
    expect(p3).toContain("120元/平方米");
    const towns = p3.slice(p3.indexOf("）") + 1, p3.indexOf("，")).split("、");
    expect(towns).toEqual(["宝兴镇", "拾万镇", "铁山镇", "回龙镇", "国梁镇", "金山镇", "高升镇", "季家镇", "龙石镇", "高坪镇", "古龙镇"]);
    expect(clause("dzf-2023-13", "intro.para1").text).toMatch(/^为促进我区城市基础设施建设/);
  });

  it("32号: extent, zones, blocks and minimum mining scales", () => {
    expect(clause("dzfb-2023-32", "s1.para1").text).toContain("东经105°28′—106°02′，北纬29°23′—29°52′");
    expect(clause("dzfb-2023-32", "s1.para1").text).toContain("1436 km2");
    expect(clause("dzfb-2023-32", "s3.p1.para1").text).toMatch(/^重点勘查/);
    expect(clause("dzfb-2023-32", "s3.p1.para2").text).toMatch(/^重点开采/);
    expect(clause("dzfb-2023-32", "s3.p1.para3").text).toMatch(/^限制开采/);
    expect(clause("dzfb-2023-32", "s3.p1.para4").text).toMatch(/^禁止开采/);
    expect(clause("dzfb-2023-32", "s3.p2.para2").text).toContain("西山背斜渝蓉高速以北重点开采区");
    expect(clause("dzfb-2023-32", "s3.p3.n5.para1").text).toContain("新设勘查区块2个");
    expect(clause("dzfb-2023-32", "s3.p3.n6.para1").text).toContain("划定规划开采区块28个");
    const zone = clause("dzfb-2023-32", "s4.n1.para2").text;
    expect(zone).toContain("16.55平方千米");
    expect(zone).toContain("雍溪镇、古龙镇和万古镇");
    expect(zone).toContain("有效采矿权13个");

    const box1 = clause("dzfb-2023-32", "box1");
    expect(box1.text).toBe("专栏1  矿产资源勘查规划区块表");
    expect(box1.parent).toBe("s3.p3.n5");
    expect(box1.table?.columns).toEqual(["序号", "名称", "矿种", "面积（km2）", "规划勘查阶段"]);
    expect(box1.table?.rows).toEqual([
      ["1", "大足区拾万镇地热水详查", "地热", "3.5", "详查"],
      ["2", "大足区三驱镇膨润土普查", "膨润土", "4.3", "普查"],
    ]);
    expect(clause("dzfb-2023-32", "box1.r1").text).toBe("1 大足区拾万镇地热水详查 地热 3.5 详查");
    expect(clause("dzfb-2023-32", "box1.r2").text).toBe("2 大足区三驱镇膨润土普查 膨润土 4.3 普查");

    const box2 = clause("dzfb-2023-32", "box2");
    expect(box2.text).toBe("专栏2  矿山最低开采规模标准");
    expect(box2.table?.rows).toEqual([
      ["建筑石料用灰岩", "新建矿山", "万吨/年", "100", "可开采储量＞5年"],
      ["建筑石料用灰岩", "整合及采矿证到期后新增划资源的矿山", "万吨/年", "51", ""],
      ["砂岩", "建筑用砂岩", "万吨/年", "10", ""],
      ["砂岩", "玻璃用砂岩", "万吨/年", "10", ""],
      ["地热", "地热", "万立方米/年", "30", ""],
      ["砖瓦用页岩", "新建矿山", "万吨/年", "8", "可开采储量＞5年"],
      ["砖瓦用页岩", "整合及采矿证到期后新增划资源的矿山", "万吨/年", "6", ""],
    ]);
    expect(clause("dzfb-2023-32", "box2.r2").text).toBe("整合及采矿证到期后新增划资源的矿山 万吨/年 51");
    expect(clause("dzfb-2023-32", "box2.r5").text).toBe("地热 万立方米/年 30");
    expect(clause("dzfb-2023-32", "box2.r7").parent).toBe("box2");
  });

  it("47号: six memorial facilities, the protection rules and the date in force", () => {
    const martyrs = ["饶国梁", "胡在国", "陈现文", "杨盛金", "苏朝淼", "彭宗全"];
    martyrs.forEach((name, position) => {
      const text = clause("dzfb-2023-47", `s${position + 1}`).text;
      expect(text).toContain(name);
      expect(text).toContain("为烈士纪念设施保护范围");
    });
    expect(doc("dzfb-2023-47").clauses.filter((candidate) => /^s\d+$/.test(candidate.id))).toHaveLength(6);
    expect(clause("dzfb-2023-47", "rules").text).toMatch(/^烈士纪念设施保护范围内的土地和设施受法律保护/);
    expect(clause("dzfb-2023-47", "effective").text).toBe("本通知自2023年5月17日起施行。");
  });

  it("7号 and 8号: the spatial structure", () => {
    expect(clause("dzf-2023-7", "s5.p1.para1").text).toContain("一中心三组团");
    expect(clause("dzf-2023-7", "s5.p1.para2").text).toContain("两轴线多节点");
    expect(clause("dzf-2023-8", "s2.p2.para1").text).toContain("一中心四组团");
    const targets = clause("dzf-2023-7", "box1");
    expect(targets.number).toBe("表2—1");
    expect(targets.table?.columns).toEqual(["领域", "主要指标", "单位", "2020年", "2025年", "2035年"]);
    expect(targets.table?.rows[1]).toEqual(["人口总量", "常住人口", "万人", "83.46", "87.00左右", "96.00左右"]);
  });

  it("50号: subsidy tiers, annex list and form", () => {
    const tiers = [1, 2, 3, 4].map((item) => clause("dzfb-2023-50", `s1.p3.n3.i${item}`).text);
    expect(tiers[0]).toContain("棠香街道");
    expect(tiers[1]).toContain("龙水镇");
    expect(tiers[2]).toContain("宝顶镇");
    expect(tiers[3]).toContain("按40%进行补助");
    expect(clause("dzfb-2023-50", "s1.p3.n3").heading).toBe(true);
    expect(clause("dzfb-2023-50", "annexes.n1").text).toBe("附件：1．《大足区残疾人创业就业扶持申请表》");
    expect(clause("dzfb-2023-50", "annexes.n4").text).toBe("4．《大足区残疾人创业就业扶持情况汇总表》");
    const form = clause("dzfb-2023-50", "annex1");
    expect(form.text).toBe("大足区残疾人创业就业扶持申请表");
    expect(form.table?.rows[0]).toEqual(["姓名", "", "性别", "", "年龄", "", "职务", "", ""]);
    expect(clause("dzfb-2023-50", "annex1.r1").text).toBe("姓名 性别 年龄 职务");
  });

  it("6号: two plans as parts, target tables with merged cells repeated", () => {
    const six = doc("dzf-2023-6");
    expect(six.clauses.filter((candidate) => candidate.parent === undefined).map((candidate) => candidate.id)).toEqual(["notice.para1", "women", "children"]);
    for (const part of ["women", "children"]) {
      expect(clause("dzf-2023-6", `${part}.s5`).heading).toBe(true);
      expect(clause("dzf-2023-6", `${part}.box1`).table?.columns).toHaveLength(6);
    }
    const women = clause("dzf-2023-6", "women.box1").table!;
    expect(women.rows).toHaveLength(50);
    expect(women.rows[5]).toEqual(["妇女与\n健康", "5", "适龄妇女乳腺癌人群筛查率（%）", "逐步提高", "预期性", "区卫生健康委"]);
    const children = clause("dzf-2023-6", "children.box1").table!;
    const myopia = children.rows.find((row) => row[2] === "初中生近视率（％）");
    expect(myopia).toEqual(["儿童与\n健康", "10", "初中生近视率（％）", "<55", "预期性", "区教委"]);
    expect(clause("dzf-2023-6", "women.box2").text).toBe("专栏二 妇女健康提升重点工程");
    expect(clause("dzf-2023-6", "women.box2").parent).toBe("women.s3.p1");
    expect(clause("dzf-2023-6", "women.box2.para1").text).toMatch(/^妇女心理健康服务促进项目/);
  });

  it("headings are titles with children, not numbered paragraphs with body text", () => {
    expect(clause("dzf-2023-13", "s1").heading).toBe(true);
    expect(clause("dzf-2023-13", "s1.p1").heading).toBeUndefined();
    expect(clause("dzf-2023-8", "s2.p1").heading).toBe(true);
    expect(clause("dzf-2023-6", "women.s5.p4").heading).toBeUndefined();
    expect(clause("dzfb-2023-50", "s1.p3.n2.i4").heading).toBeUndefined();
    expect(clause("dzfb-2023-47", "s1").heading).toBeUndefined();
  });
});
