/** geodata/fee-policy.json: the 城市基础设施配套费 rules of 13号, each quoted verbatim from its clause in geodata/policies. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { GEODATA_DIR } from "./paths";

const DOC = "dzf-2023-13";

/** A rule: the clause it comes from and the words of that clause that state it. */
interface Quoted {
  clause: string;
  text: string;
}

const TIERS = [
  { rate: 210, clause: `${DOC}#s1.p1`, text: "城市基础设施配套费按建筑面积210元/平方米计征" },
  { rate: 150, clause: `${DOC}#s1.p2`, text: "城市基础设施配套费按建筑面积150元/平方米计征" },
  { rate: 120, clause: `${DOC}#s1.p3`, text: "城市基础设施配套费按建筑面积120元/平方米计征" },
] as const;

const SPLIT = {
  town: "智凤街道",
  town_en: "Zhifeng Subdistrict",
  inside: { rate: 210, clause: `${DOC}#s1.p1`, text: "智凤街道（城市建设用地范围内）" },
  outside: { rate: 150, clause: `${DOC}#s1.p2`, text: "智凤街道（城市建设用地范围外）" },
} as const;

/** The parks 13号 lists at 210, with the English the towns layer uses for them. */
const PARKS = [
  { name: "双桥经开区", name_en: "Shuangqiao ETDZ" },
  { name: "大足工业园区", name_en: "Dazu Industrial Park" },
  { name: "大足高新区", name_en: "Dazu High-tech Zone" },
] as const;

const PARK_RULES = {
  clause: `${DOC}#s1.p1`,
  rate: 210,
  exempt: {
    uses: ["production", "storage", "testing", "own-garage"],
    text: "国家和市政府认可的园区四至范围内生产性用房及仓储、检验检测、自用车库等配套用房城市基础设施配套费经确认后免缴",
  },
  reduced: {
    uses: ["office", "dormitory"],
    rate: 105,
    text: "办公楼、职工宿舍等办公用房及生活用房城市基础设施配套费按建筑面积105元/平方米计征",
  },
} as const;

const MANAGEMENT: Quoted = {
  clause: `${DOC}#s2.para1`,
  text: "城市基础设施配套费征收管理模式、征收程序、减免政策按照《重庆市城市建设配套费征收管理办法》（渝府令〔2011〕253号）规定执行",
};

interface PolicyDocument {
  id: string;
  title: string;
  shortTitle: { zh: string; en: string };
  clauses: Array<{ id: string; text?: string }>;
}

/** Throws unless `text` is in the clause word for word, and each figure given is in `text`. */
function checkQuoted(document: PolicyDocument, quoted: Quoted, figures: readonly number[] = []): void {
  const clauseId = quoted.clause.split("#")[1];
  const clause = document.clauses.find((candidate) => candidate.id === clauseId);
  if (!clause?.text?.includes(quoted.text)) throw new Error(`fee policy: "${quoted.text}" not found verbatim in ${quoted.clause}`);
  for (const figure of figures)
    if (!quoted.text.includes(String(figure))) throw new Error(`fee policy: ${figure} is not in the quoted text of ${quoted.clause}`);
}

export function buildFeePolicy(policyPath = resolve(GEODATA_DIR, "policies", `${DOC}.json`)): Record<string, unknown> {
  const document = JSON.parse(readFileSync(policyPath, "utf8")) as PolicyDocument;
  for (const tier of TIERS) checkQuoted(document, tier, [tier.rate]);
  checkQuoted(document, SPLIT.inside);
  checkQuoted(document, SPLIT.outside);
  for (const park of PARKS) checkQuoted(document, { clause: PARK_RULES.clause, text: park.name });
  checkQuoted(document, { clause: PARK_RULES.clause, text: PARK_RULES.exempt.text });
  checkQuoted(document, { clause: PARK_RULES.clause, text: PARK_RULES.reduced.text }, [PARK_RULES.reduced.rate]);
  checkQuoted(document, MANAGEMENT);
  if (!TIERS.some((tier) => tier.rate === PARK_RULES.rate && tier.clause === PARK_RULES.clause))
    throw new Error("fee policy: the parks' rate is not their clause's tier");
  // The split town's two rates are the tiers whose clauses name it.
  for (const side of [SPLIT.inside, SPLIT.outside]) {
    if (!TIERS.some((tier) => tier.rate === side.rate && tier.clause === side.clause)) throw new Error(`fee policy: ${side.text} is not a tier's clause`);
  }
  return {
    document: DOC,
    title: document.title,
    title_en: document.shortTitle.en,
    unit: "元/平方米",
    tiers: TIERS.map((tier) => ({ ...tier })),
    split: { town: SPLIT.town, town_en: SPLIT.town_en, inside: { ...SPLIT.inside }, outside: { ...SPLIT.outside } },
    parks: {
      clause: PARK_RULES.clause,
      rate: PARK_RULES.rate,
      names: PARKS.map((park) => ({ ...park })),
      exempt: { uses: [...PARK_RULES.exempt.uses], text: PARK_RULES.exempt.text },
      reduced: { uses: [...PARK_RULES.reduced.uses], rate: PARK_RULES.reduced.rate, text: PARK_RULES.reduced.text },
    },
    management: { ...MANAGEMENT },
  };
}
