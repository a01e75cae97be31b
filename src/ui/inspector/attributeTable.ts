import type { Language } from "../../i18n/messages";
import type { LayerDefinition, LocalizedText } from "../../layers/manifestTypes";

/** One row of the inspector's attribute list: a label in the UI language and the value as text. */
export interface AttributeRow {
  key: string;
  label: string;
  value: string;
}

type Properties = Readonly<Record<string, unknown>>;

interface AttributeDefinition {
  label: LocalizedText;
  /** The document whose figures the attribute carries; a layer drawn from that document alone lists it first. */
  document?: string;
  /** The value as text, or null to leave the row out (an empty list, a "no", a null). Absent: the generic format. */
  format?: (value: unknown, language: Language, properties: Properties) => string | null;
}

/**
 * Keys that are never listed: the name and provenance (shown as the heading, the quality badge and 政策依据),
 * label anchors and ids for the map, free-text confidence notes the geometry note already explains, and
 * `conflict_note`, which the inspector shows as a notice of its own.
 */
export const HIDDEN_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set([
  "id",
  "name",
  "source",
  "geometry_quality",
  "geometry_note",
  "seat",
  "seat_confidence",
  "town_code",
  "label",
  "memorial_ids",
  "location_confidence",
  "confidence",
  "conflict_note",
  "role",
]);

/** Values the data writes in Chinese (or as codes) and their English. */
const VALUE_EN: Readonly<Record<string, string>> = {
  镇: "Town",
  街道: "Subdistrict",
  纪念碑: "Monument",
  烈士墓: "Martyr's tomb",
  中心区: "Central area",
  组团: "Cluster",
  东西向: "East–west",
  南北向: "North–south",
  主体及所在广场: "The monument and the square it stands on",
  主体及墓前纪念场地: "The tomb and the memorial ground in front of it",
  市级经济技术开发区: "Municipal economic and technological development zone",
  双桥经开区: "Shuangqiao ETDZ",
  大足高新区: "Dazu High-tech Zone",
  大足工业园区: "Dazu Industrial Park",
};

function word(zh: string, en: string, language: Language): string {
  return language === "zh" ? zh : en;
}

function plainValue(value: string, language: Language): string {
  return language === "en" ? (VALUE_EN[value] ?? value) : value;
}

function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return value.toLocaleString(language === "zh" ? "zh-CN" : "en", { maximumFractionDigits });
}

function listSeparator(language: Language): string {
  return language === "zh" ? "、" : ", ";
}

/** Text, numbers, yes/no and lists of those; anything else (objects) is left out rather than printed as JSON. */
function genericFormat(value: unknown, language: Language): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : plainValue(value, language);
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(value, language) : null;
  if (typeof value === "boolean") return word(value ? "是" : "否", value ? "Yes" : "No", language);
  if (Array.isArray(value)) {
    const items = value.map((item) => genericFormat(item, language)).filter((item): item is string => item !== null);
    return items.length > 0 ? items.join(listSeparator(language)) : null;
  }
  return null;
}

const squareKilometres = (value: unknown, language: Language) =>
  typeof value === "number" ? `${formatNumber(value, language)} km²` : null;

const metres = (value: unknown, language: Language) => {
  if (typeof value !== "number") return null;
  return value >= 1000 ? `${formatNumber(value / 1000, language)} km` : `${formatNumber(value, language, 0)} m`;
};

const feeRate = (value: unknown, language: Language) =>
  typeof value === "number" ? word(`${value} 元/m²（按建筑面积）`, `${value} 元/m² (yuan per m² of floor area)`, language) : null;

const onlyWhenTrue = (text: LocalizedText) => (value: unknown, language: Language) =>
  value === true ? (language === "zh" ? text.zh : text.en) : null;

const oneOf = (choices: Readonly<Record<string, LocalizedText>>) => (value: unknown, language: Language) => {
  if (typeof value !== "string") return null;
  const choice = choices[value];
  return choice ? (language === "zh" ? choice.zh : choice.en) : value;
};

const CONFIDENCE: Readonly<Record<string, LocalizedText>> = {
  high: { zh: "高", en: "High" },
  medium: { zh: "中", en: "Medium" },
  low: { zh: "低", en: "Low" },
};

/**
 * Every property key the data package uses (see geodata/README.md), in display order: what the feature is and
 * where, then fees and parks (13号), the disability subsidy (50号), the urban layout (7号), mining (32号), areas.
 */
const ATTRIBUTES: ReadonlyArray<[key: string, definition: AttributeDefinition]> = [
  ["full_name", { label: { zh: "全称", en: "Full name" } }],
  ["kind", { label: { zh: "类型", en: "Type" } }],
  ["class", { label: { zh: "城镇等级", en: "Town class" }, document: "dzf-2023-7" }],
  ["level", { label: { zh: "级别", en: "Level" } }],
  ["code", { label: { zh: "行政区划代码", en: "Administrative code" } }],
  ["address", { label: { zh: "地址（按公布原文）", en: "Address (as published)" }, document: "dzfb-2023-47" }],
  ["town", { label: { zh: "所在镇街", en: "Town" } }],
  ["towns", { label: { zh: "涉及镇街", en: "Towns" } }],
  ["administered_towns", { label: { zh: "管辖镇街", en: "Administered towns" } }],
  ["member_towns", { label: { zh: "组成镇街", en: "Member towns" } }],
  ["memorials", { label: { zh: "对应纪念设施", en: "Memorials" } }],
  ["protection_range", { label: { zh: "保护范围", en: "Protected area" }, document: "dzfb-2023-47" }],
  [
    "effective",
    { label: { zh: "施行日期", en: "In force from" }, document: "dzfb-2023-47", format: (value) => (typeof value === "string" ? value : null) },
  ],
  [
    "uncertainty_m",
    {
      label: { zh: "位置误差", en: "Position uncertainty" },
      format: (value, language) => {
        const distance = metres(value, language);
        return distance ? word(`约 ±${distance}`, `about ±${distance}`, language) : null;
      },
    },
  ],
  ["radius_m", { label: { zh: "半径", en: "Radius" }, format: metres }],
  ["position_verified", { label: { zh: "位置已核实", en: "Position verified" } }],
  [
    "shared_position_with",
    { label: { zh: "同一公布地址的设施", en: "Shares its published address with" } },
  ],
  ["fee_tier", { label: { zh: "城市基础设施配套费", en: "Urban infrastructure charge" }, document: "dzf-2023-13", format: feeRate }],
  [
    "fee_tier_basis",
    {
      label: { zh: "收费档次依据", en: "Basis of the charge tier" },
      document: "dzf-2023-13",
      format: oneOf({
        listed: { zh: "13号按名列出", en: "Named in 13号" },
        inferred: { zh: "推定（13号未列名）", en: "Inferred (not named in 13号)" },
      }),
    },
  ],
  ["fee_tier_note", { label: { zh: "收费说明", en: "Charge note" }, document: "dzf-2023-13" }],
  [
    "fee_split",
    {
      label: { zh: "分档", en: "Split tier" },
      document: "dzf-2023-13",
      format: onlyWhenTrue({
        zh: "按城市建设用地范围内外分两档（界线未公布）",
        en: "Two tiers, inside and outside the 城市建设用地范围 (line unpublished)",
      }),
    },
  ],
  [
    "fee_tier_outside_urban_land",
    { label: { zh: "城市建设用地范围外", en: "Outside the urban construction land" }, document: "dzf-2023-13", format: feeRate },
  ],
  ["park", { label: { zh: "所属园区", en: "Park" }, document: "dzf-2023-13" }],
  ["park_candidates", { label: { zh: "可能涉及的园区", en: "Parks a site may belong to" }, document: "dzf-2023-13" }],
  ["park_note", { label: { zh: "园区说明", en: "Park note" }, document: "dzf-2023-13" }],
  ["bounds_published", { label: { zh: "四至已公布", en: "Bounds published" } }],
  [
    "disability_tier",
    {
      label: { zh: "残疾人服务业创业补助", en: "Disability start-up subsidy" },
      document: "dzfb-2023-50",
      format: oneOf({
        urban: { zh: "第（1）档：街道城区", en: "Tier (1): urban streets" },
        tier2: { zh: "第（2）档：8个镇的场镇", en: "Tier (2): seats of 8 towns" },
        tier3: { zh: "第（3）档：13个镇的场镇", en: "Tier (3): seats of 13 towns" },
      }),
    },
  ],
  ["disability_tier_note", { label: { zh: "补助说明", en: "Subsidy note" }, document: "dzfb-2023-50" }],
  [
    "urban_role",
    {
      label: { zh: "城镇格局定位", en: "Role in the urban layout" },
      document: "dzf-2023-7",
      format: oneOf({
        centre: { zh: "城镇发展中心区", en: "Central development area" },
        cluster: { zh: "功能组团", en: "Functional cluster" },
        "key-node": { zh: "重点镇（节点）", en: "Key town (node)" },
        "general-node": { zh: "一般镇（节点）", en: "General town (node)" },
      }),
    },
  ],
  ["urban_group", { label: { zh: "所属中心区／组团", en: "Urban layout group" }, document: "dzf-2023-7" }],
  ["direction", { label: { zh: "走向", en: "Direction" } }],
  ["road", { label: { zh: "依托道路", en: "Road" } }],
  ["mineral", { label: { zh: "矿种", en: "Mineral" }, document: "dzfb-2023-32" }],
  ["stage", { label: { zh: "勘查阶段", en: "Exploration stage" }, document: "dzfb-2023-32" }],
  ["mining_rights_total", { label: { zh: "矿业权数", en: "Mining rights" }, document: "dzfb-2023-32" }],
  ["strontium", { label: { zh: "其中锶矿", en: "of which strontium" }, document: "dzfb-2023-32" }],
  ["limestone", { label: { zh: "其中灰岩", en: "of which limestone" }, document: "dzfb-2023-32" }],
  ["sandstone", { label: { zh: "其中砂岩", en: "of which sandstone" }, document: "dzfb-2023-32" }],
  ["published_area_km2", { label: { zh: "公布面积", en: "Published area" }, format: squareKilometres }],
  [
    "published_area_confidence",
    { label: { zh: "公布面积可信度", en: "Published area confidence" }, format: oneOf(CONFIDENCE) },
  ],
  ["area_km2", { label: { zh: "示意图形面积", en: "Area of the drawn shape" }, format: squareKilometres }],
  [
    "area_by_town_km2",
    {
      label: { zh: "各镇面积（示意）", en: "Area by town (schematic)" },
      format: (value, language) => {
        if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
        const entries = Object.entries(value as Record<string, unknown>)
          .filter((entry): entry is [string, number] => typeof entry[1] === "number")
          .sort((a, b) => b[1] - a[1]);
        return entries.length > 0 ? entries.map(([town, area]) => `${town} ${formatNumber(area, language)} km²`).join(listSeparator(language)) : null;
      },
    },
  ],
  ["band_width_m", { label: { zh: "示意带宽", en: "Band width (schematic)" }, format: metres }],
  ["area_fitted", { label: { zh: "面积按公布值拟合", en: "Fitted to the published area" } }],
  [
    "area_target_basis",
    {
      label: { zh: "示意面积依据", en: "Basis of the drawn area" },
      format: oneOf({
        published: { zh: "按公布面积拟合", en: "Fitted to the published area" },
        "equal-share": { zh: "无公布面积：平均分配剩余面积", en: "No published area: an equal share of the remainder" },
        "park-remainder": { zh: "由双桥经开区面积推算", en: "Inferred from the Shuangqiao ETDZ area" },
      }),
    },
  ],
  ["published_extent", { label: { zh: "公布范围", en: "Published extent" } }],
  ["extent", { label: { zh: "图形范围", en: "Extent of the drawn shape" } }],
  ["note", { label: { zh: "说明", en: "Note" } }],
];

const DEFINITIONS = new Map(ATTRIBUTES);

function isEnglishVariant(key: string, properties: Properties): boolean {
  return key.endsWith("_en") && key.slice(0, -3) in properties;
}

/** Property keys that are neither listed nor deliberately hidden: a data change the label table has not caught up with. */
export function unlabelledKeys(properties: Properties): string[] {
  return Object.keys(properties).filter(
    (key) => !DEFINITIONS.has(key) && !HIDDEN_ATTRIBUTE_KEYS.has(key) && !isEnglishVariant(key, properties),
  );
}

/**
 * The feature's attributes as labelled rows in the UI language. An English variant (`fee_tier_note_en`) replaces
 * its Chinese value in English. When the layer is drawn from one document, that document's attributes come first
 * (the fee-tier layer leads with the fee); otherwise the table's order holds.
 */
export function featureAttributes(properties: Properties, layer: Pick<LayerDefinition, "sourceDocuments">, language: Language): AttributeRow[] {
  const leading = layer.sourceDocuments.length === 1 ? layer.sourceDocuments[0] : undefined;
  const rows: Array<AttributeRow & { rank: number }> = [];
  ATTRIBUTES.forEach(([key, definition], position) => {
    if (!(key in properties)) return;
    const english = properties[`${key}_en`];
    const value =
      language === "en" && typeof english === "string" && english.trim() !== ""
        ? english
        : definition.format
          ? definition.format(properties[key], language, properties)
          : genericFormat(properties[key], language);
    if (value === null || value.trim() === "") return;
    const rank = (leading !== undefined && definition.document === leading ? 0 : 1000) + position;
    rows.push({ key, label: language === "zh" ? definition.label.zh : definition.label.en, value, rank });
  });
  return rows.sort((a, b) => a.rank - b.rank).map(({ key, label, value }) => ({ key, label, value }));
}
