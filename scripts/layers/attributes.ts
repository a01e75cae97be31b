/**
 * The attributes each manifest layer declares for the inspector (see `AttributeDefinition`): the property vocabulary
 * of the data package — labels, formats, value words in both languages and the documents they cite — as data.
 */
import type { AttributeDefinition, LocalizedText } from "../../src/layers/manifestTypes";

type Attribute = AttributeDefinition;

/** An attribute with its property key, label in both languages and format; `more` adds document, values or names. */
function field(key: string, zh: string, en: string, format: Attribute["format"], more: Pick<Attribute, "document" | "values" | "namesFrom"> = {}): Attribute {
  return { key, label: { zh, en }, format, ...more };
}

/** Value words the data writes in Chinese: each is its own Chinese text, with its English. */
function asWritten(english: Record<string, string>): Record<string, LocalizedText> {
  return Object.fromEntries(Object.entries(english).map(([word, en]) => [word, { zh: word, en }]));
}

const CONFIDENCE: Record<string, LocalizedText> = {
  high: { zh: "高", en: "High" },
  medium: { zh: "中", en: "Medium" },
  low: { zh: "低", en: "Low" },
};

const KINDS: Record<string, LocalizedText> = asWritten({
  镇: "Town",
  街道: "Subdistrict",
  纪念碑: "Monument",
  烈士墓: "Martyr's tomb",
  中心区: "Central area",
  组团: "Cluster",
});

/** Parks 13号 names; only 双桥经开区 has a drawn shape (the parks layer), the other two are words only. */
const PARKS: Record<string, LocalizedText> = asWritten({
  双桥经开区: "Shuangqiao ETDZ",
  大足高新区: "Dazu High-tech Zone",
  大足工业园区: "Dazu Industrial Park",
});

const attribute = {
  fullName: field("full_name", "全称", "Full name", "text", {
    values: asWritten({ "双桥经开区（重庆市双桥经济技术开发区）": "Shuangqiao ETDZ (Chongqing Shuangqiao Economic and Technological Development Zone)" }),
  }),
  kind: field("kind", "类型", "Type", "text", { values: KINDS }),
  townClass: field("class", "城镇等级", "Town class", "text", { document: "dzf-2023-7" }),
  level: field("level", "级别", "Level", "text", {
    values: asWritten({ 市级经济技术开发区: "Municipal economic and technological development zone" }),
  }),
  code: field("code", "行政区划代码", "Administrative code", "text"),
  address: field("address", "地址（按公布原文）", "Address (as published)", "quote", { document: "dzfb-2023-47" }),
  town: field("town", "所在镇街", "Town", "text", { namesFrom: "towns" }),
  towns: field("towns", "涉及镇街", "Towns", "list", { namesFrom: "towns" }),
  administeredTowns: field("administered_towns", "管辖镇街", "Administered towns", "list", { namesFrom: "towns" }),
  memberTowns: field("member_towns", "组成镇街", "Member towns", "list", { namesFrom: "towns" }),
  memorials: field("memorials", "对应纪念设施", "Memorials", "list", { namesFrom: "memorials" }),
  protectionRange: field("protection_range", "保护范围", "Protected area", "text", {
    document: "dzfb-2023-47",
    values: asWritten({ 主体及所在广场: "The monument and the square it stands on", 主体及墓前纪念场地: "The tomb and the memorial ground in front of it" }),
  }),
  effective: field("effective", "施行日期", "In force from", "date", { document: "dzfb-2023-47" }),
  uncertainty: field("uncertainty_m", "位置误差", "Position uncertainty", "uncertainty"),
  radius: field("radius_m", "半径", "Radius", "metres"),
  positionVerified: field("position_verified", "位置已核实", "Position verified", "boolean"),
  sharedPositionWith: field("shared_position_with", "同一公布地址的设施", "Shares its published address with", "list", {
    namesFrom: "memorials",
  }),
  feeTier: field("fee_tier", "城市基础设施配套费", "Urban infrastructure charge", "feeRate", { document: "dzf-2023-13" }),
  feeTierBasis: field("fee_tier_basis", "收费档次依据", "Basis of the charge tier", "text", {
    document: "dzf-2023-13",
    values: {
      listed: { zh: "13号按名列出", en: "Named in Notice No. 13" },
      inferred: { zh: "推定（13号未列名）", en: "Inferred (not named in Notice No. 13)" },
    },
  }),
  feeTierNote: field("fee_tier_note", "收费说明", "Charge note", "text", { document: "dzf-2023-13" }),
  feeSplit: field("fee_split", "分档", "Split tier", "flag", {
    document: "dzf-2023-13",
    values: {
      true: {
        zh: "按城市建设用地范围内外分两档（界线未公布）",
        en: "Two tiers, inside and outside the urban construction land (its line is unpublished)",
      },
    },
  }),
  feeTierOutsideUrbanLand: field("fee_tier_outside_urban_land", "城市建设用地范围外", "Outside the urban construction land", "feeRate", {
    document: "dzf-2023-13",
  }),
  park: field("park", "所属园区", "Park", "text", { document: "dzf-2023-13", values: PARKS }),
  parkCandidates: field("park_candidates", "可能涉及的园区", "Parks a site may belong to", "list", {
    document: "dzf-2023-13",
    values: PARKS,
  }),
  parkNote: field("park_note", "园区说明", "Park note", "text", { document: "dzf-2023-13" }),
  boundsPublished: field("bounds_published", "四至已公布", "Bounds published", "boolean"),
  disabilityTier: field("disability_tier", "残疾人服务业创业补助", "Disability start-up subsidy", "text", {
    document: "dzfb-2023-50",
    values: {
      urban: { zh: "第（1）档：街道城区", en: "Tier (1): urban streets" },
      tier2: { zh: "第（2）档：8个镇的场镇", en: "Tier (2): seats of 8 towns" },
      tier3: { zh: "第（3）档：13个镇的场镇", en: "Tier (3): seats of 13 towns" },
    },
  }),
  disabilityTierNote: field("disability_tier_note", "补助说明", "Subsidy note", "text", { document: "dzfb-2023-50" }),
  urbanRole: field("urban_role", "城镇格局定位", "Role in the urban layout", "text", {
    document: "dzf-2023-7",
    values: {
      centre: { zh: "城镇发展中心区", en: "Central development area" },
      cluster: { zh: "功能组团", en: "Functional cluster" },
      "key-node": { zh: "重点镇（节点）", en: "Key town (node)" },
      "general-node": { zh: "一般镇（节点）", en: "General town (node)" },
    },
  }),
  urbanGroup: field("urban_group", "所属中心区／组团", "Urban layout group", "text", { document: "dzf-2023-7" }),
  direction: field("direction", "走向", "Direction", "text", {
    values: asWritten({ 东西向: "East–west", 南北向: "North–south" }),
  }),
  road: field("road", "依托道路", "Road", "text"),
  mineral: field("mineral", "矿种", "Mineral", "text", { document: "dzfb-2023-32" }),
  stage: field("stage", "勘查阶段", "Exploration stage", "text", { document: "dzfb-2023-32" }),
  miningRightsTotal: field("mining_rights_total", "矿业权数", "Mining rights", "number", { document: "dzfb-2023-32" }),
  strontium: field("strontium", "其中锶矿", "of which strontium", "number", { document: "dzfb-2023-32" }),
  limestone: field("limestone", "其中灰岩", "of which limestone", "number", { document: "dzfb-2023-32" }),
  sandstone: field("sandstone", "其中砂岩", "of which sandstone", "number", { document: "dzfb-2023-32" }),
  publishedArea: field("published_area_km2", "公布面积", "Published area", "squareKilometres"),
  publishedAreaConfidence: field("published_area_confidence", "公布面积可信度", "Published area confidence", "text", {
    values: CONFIDENCE,
  }),
  area: field("area_km2", "示意图形面积", "Area of the drawn shape", "squareKilometres"),
  areaByTown: field("area_by_town_km2", "各镇面积（示意）", "Area by town (schematic)", "areaByName", { namesFrom: "towns" }),
  bandWidth: field("band_width_m", "示意带宽", "Band width (schematic)", "metres"),
  areaFitted: field("area_fitted", "面积按公布值拟合", "Fitted to the published area", "boolean"),
  areaTargetBasis: field("area_target_basis", "示意面积依据", "Basis of the drawn area", "text", {
    values: {
      published: { zh: "按公布面积拟合", en: "Fitted to the published area" },
      "equal-share": { zh: "无公布面积：平均分配剩余面积", en: "No published area: an equal share of the remainder" },
      "park-remainder": { zh: "由双桥经开区面积推算", en: "Inferred from the Shuangqiao ETDZ area" },
    },
  }),
  publishedExtent: field("published_extent", "公布范围", "Published extent", "text", {
    values: asWritten({ "东经105°28′—106°02′，北纬29°23′—29°52′": "E105°28′–106°02′, N29°23′–29°52′" }),
  }),
  extent: field("extent", "图形范围", "Extent of the drawn shape", "text"),
  note: field("note", "说明", "Note", "text"),
} satisfies Record<string, Attribute>;

const a = attribute;

/** The town polygons' attributes in the order a layer of its own document does not reorder. */
const TOWN_FEES: Attribute[] = [a.feeTier, a.feeTierBasis, a.feeTierNote, a.feeSplit, a.feeTierOutsideUrbanLand, a.park, a.parkCandidates, a.parkNote];
const TOWN_SUBSIDY: Attribute[] = [a.disabilityTier, a.disabilityTierNote];
const TOWN_LAYOUT: Attribute[] = [a.urbanRole, a.urbanGroup];
const TOWN_AREAS: Attribute[] = [a.publishedArea, a.publishedAreaConfidence, a.area, a.areaFitted, a.areaTargetBasis];
const TOWN_INTERNAL = ["seat", "seat_confidence"];

/** Per layer: the attributes it lists (its own document's first) and the properties it carries but never lists. */
export const LAYER_ATTRIBUTES: Record<string, { attributes: Attribute[]; internalProperties?: string[] }> = {
  district: { attributes: [a.code, a.publishedArea, a.area, a.publishedExtent, a.extent] },
  towns: { attributes: [a.kind, a.code, ...TOWN_FEES, ...TOWN_SUBSIDY, ...TOWN_LAYOUT, ...TOWN_AREAS], internalProperties: TOWN_INTERNAL },
  "fee-tiers": { attributes: [...TOWN_FEES, a.kind, a.code, ...TOWN_SUBSIDY, ...TOWN_LAYOUT, ...TOWN_AREAS], internalProperties: TOWN_INTERNAL },
  "disability-subsidy": {
    attributes: [...TOWN_SUBSIDY, a.kind, a.code, ...TOWN_FEES, ...TOWN_LAYOUT, ...TOWN_AREAS],
    internalProperties: TOWN_INTERNAL,
  },
  parks: { attributes: [a.feeTier, a.fullName, a.level, a.administeredTowns, a.boundsPublished, a.publishedArea, a.area, a.note] },
  "mining-key-zone": {
    attributes: [a.miningRightsTotal, a.strontium, a.limestone, a.sandstone, a.towns, a.publishedArea, a.area, a.areaByTown, a.bandWidth],
  },
  "mining-exploration-blocks": { attributes: [a.mineral, a.stage, a.town, a.publishedArea, a.area] },
  "mining-extraction-blocks": { attributes: [a.mineral, a.town, a.publishedArea] },
  memorials: {
    attributes: [a.address, a.protectionRange, a.effective, a.kind, a.town, a.uncertainty, a.positionVerified, a.sharedPositionWith],
    internalProperties: ["town_code", "location_confidence"],
  },
  "memorial-uncertainty": { attributes: [a.town, a.memorials, a.radius], internalProperties: ["label", "memorial_ids"] },
  "urban-areas": { attributes: [a.kind, a.memberTowns, a.area], internalProperties: ["role", "conflict_note"] },
  "urban-axes": { attributes: [a.direction, a.road], internalProperties: ["confidence"] },
  "urban-nodes": { attributes: [a.townClass], internalProperties: ["town_code"] },
  "synthetic-parcels": { attributes: [] },
};
