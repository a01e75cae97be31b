/** geodata/mining-policy.json: mineral policy classes and minimum mining scales from 32号, quoted verbatim (checked against the gazette text). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { SOURCES_DIR } from "./paths";

const DOC = "dzfb-2023-32";

export const POLICY_CLASSES = [
  {
    id: "key-exploration",
    name: "重点勘查",
    name_en: "Priority exploration",
    minerals: ["地热", "膨润土"],
    also: ["锶矿（设置锶矿重点勘查区）"],
    clause: `${DOC}#s3.p1.para1`,
    text: "重点勘查地热、膨润土等矿种。设置锶矿重点勘查区，鼓励勘查具有找矿潜力的矿产、经济社会发展所需的矿产和极缺矿产以及综合开发利用、后续加工工艺成熟的矿产。大力支持天然气、页岩气勘探开发力度，支持在已设油气矿业权区域增列煤层气进行综合勘查、综合开发，依法依规解决油气勘探、开采、输送等合理用地需求。",
  },
  {
    id: "key-extraction",
    name: "重点开采",
    name_en: "Priority extraction",
    minerals: ["锶矿", "地热", "石灰岩", "砂岩"],
    also: [],
    clause: `${DOC}#s3.p1.para2`,
    text: "重点开采锶矿、地热、石灰岩和砂岩等优势矿种。鼓励规模化开发利用地热。",
  },
  {
    id: "restricted-extraction",
    name: "限制开采",
    name_en: "Restricted extraction",
    minerals: ["煤", "硫铁矿"],
    also: [],
    clause: `${DOC}#s3.p1.para3`,
    text: "限制开采煤、硫铁矿等对环境可能产生严重影响、资源禀赋条件差、经济效益不好以及后续深加工利用不成熟的矿产。",
  },
  {
    id: "prohibited-extraction",
    name: "禁止开采",
    name_en: "Prohibited extraction",
    minerals: ["砖瓦用粘土"],
    also: [],
    clause: `${DOC}#s3.p1.para4`,
    text: "禁止开采砖瓦用粘土等对环境可能产生严重破坏且不可恢复的矿产。",
  },
] as const;

/** 专栏2 矿山最低开采规模标准, rows in printed order. */
export const MINIMUM_SCALES = [
  { mineral: "建筑石料用灰岩", sub_kind: "新建矿山", unit: "万吨/年", minimum: 100, remark: "可开采储量＞5年" },
  { mineral: "建筑石料用灰岩", sub_kind: "整合及采矿证到期后新增划资源的矿山", unit: "万吨/年", minimum: 51, remark: null },
  { mineral: "砂岩", sub_kind: "建筑用砂岩", unit: "万吨/年", minimum: 10, remark: null },
  { mineral: "砂岩", sub_kind: "玻璃用砂岩", unit: "万吨/年", minimum: 10, remark: null },
  { mineral: "地热", sub_kind: null, unit: "万立方米/年", minimum: 30, remark: null },
  { mineral: "砖瓦用页岩", sub_kind: "新建矿山", unit: "万吨/年", minimum: 8, remark: "可开采储量＞5年" },
  { mineral: "砖瓦用页岩", sub_kind: "整合及采矿证到期后新增划资源的矿山", unit: "万吨/年", minimum: 6, remark: null },
] as const;

/**
 * English names of the minerals the plan names, for English pages: the standard terms of mineral nomenclature. The
 * Chinese name stays beside them, as the document's own words.
 */
const MINERAL_NAMES_EN: Record<string, string> = {
  地热: "Geothermal energy",
  膨润土: "Bentonite",
  锶矿: "Strontium ore",
  石灰岩: "Limestone",
  砂岩: "Sandstone",
  煤: "Coal",
  硫铁矿: "Pyrite",
  建筑石料用灰岩: "Limestone for building stone",
  砖瓦用粘土: "Clay for bricks and tiles",
  砖瓦用页岩: "Shale for bricks and tiles",
};

export function buildMiningPolicy(gazettePath = resolve(SOURCES_DIR, "gazette-2023.txt")): Record<string, unknown> {
  const gazette = readFileSync(gazettePath, "utf8");
  for (const policyClass of POLICY_CLASSES)
    if (!gazette.includes(policyClass.text)) throw new Error(`mining policy: clause text of ${policyClass.clause} not found verbatim in the gazette`);
  // Every 专栏2 row's values must appear in the table's printed order.
  const boxStart = gazette.indexOf("专栏2  矿山最低开采规模标准");
  if (boxStart < 0) throw new Error("专栏2 not found in the gazette");
  const box = gazette.slice(boxStart, gazette.indexOf("1．资源利用规模化集约化", boxStart));
  const cells = box
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  let cursor = 0;
  for (const row of MINIMUM_SCALES) {
    for (const value of [row.sub_kind, row.unit, String(row.minimum), row.remark]) {
      if (value === null) continue;
      const found = cells.indexOf(value, cursor);
      if (found < 0) throw new Error(`专栏2: ${value} (${row.mineral}) not found in order`);
      cursor = found + 1;
    }
  }
  const minerals = new Set([...POLICY_CLASSES.flatMap((policyClass) => policyClass.minerals), ...MINIMUM_SCALES.map((row) => row.mineral)]);
  for (const mineral of minerals) if (!(mineral in MINERAL_NAMES_EN)) throw new Error(`mining policy: no English name for ${mineral}`);
  return {
    document: DOC,
    title: "重庆市大足区矿产资源总体规划（2021—2025年）矿种调控方向与矿山最低开采规模",
    title_en: "Dazu mineral resources master plan (2021–2025): mineral policy classes and minimum mining scales",
    mineral_names_en: Object.fromEntries([...minerals].map((mineral) => [mineral, MINERAL_NAMES_EN[mineral]])),
    policy_classes: POLICY_CLASSES.map((policyClass) => ({ ...policyClass, minerals: [...policyClass.minerals], also: [...policyClass.also] })),
    minimum_scales: {
      source: `${DOC}#box2`,
      title: "专栏2 矿山最低开采规模标准",
      note: "Rows in printed order (box2.r1–r7). 51 万吨/年 for merged/renewed limestone mines is as printed.",
      rows: MINIMUM_SCALES.map((row, index) => ({ ...row, source: `${DOC}#box2.r${index + 1}` })),
    },
  };
}
