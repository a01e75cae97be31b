/**
 * The attributes each manifest layer declares for the inspector (see `AttributeDefinition`): the property vocabulary
 * of the data package — labels, formats, value words in both languages and the documents they cite — as data.
 */
import type { AttributeDefinition, LocalizedText } from "../../src/layers/manifestTypes";

type Attribute = AttributeDefinition;

const CONFIDENCE: Record<string, LocalizedText> = {
  high: { zh: "高", en: "High" },
  medium: { zh: "中", en: "Medium" },
  low: { zh: "低", en: "Low" },
};

const KINDS: Record<string, LocalizedText> = {
  镇: { zh: "镇", en: "Town" },
  街道: { zh: "街道", en: "Subdistrict" },
  纪念碑: { zh: "纪念碑", en: "Monument" },
  烈士墓: { zh: "烈士墓", en: "Martyr's tomb" },
  中心区: { zh: "中心区", en: "Central area" },
  组团: { zh: "组团", en: "Cluster" },
};

/** Parks 13号 names; only 双桥经开区 has a drawn shape (the parks layer), the other two are words only. */
const PARKS: Record<string, LocalizedText> = {
  双桥经开区: { zh: "双桥经开区", en: "Shuangqiao ETDZ" },
  大足高新区: { zh: "大足高新区", en: "Dazu High-tech Zone" },
  大足工业园区: { zh: "大足工业园区", en: "Dazu Industrial Park" },
};

const attribute = {
  fullName: {
    key: "full_name",
    label: { zh: "全称", en: "Full name" },
    format: "text",
    values: {
      "双桥经开区（重庆市双桥经济技术开发区）": {
        zh: "双桥经开区（重庆市双桥经济技术开发区）",
        en: "Shuangqiao ETDZ (Chongqing Shuangqiao Economic and Technological Development Zone)",
      },
    },
  },
  kind: { key: "kind", label: { zh: "类型", en: "Type" }, format: "text", values: KINDS },
  townClass: { key: "class", label: { zh: "城镇等级", en: "Town class" }, format: "text", document: "dzf-2023-7" },
  level: {
    key: "level",
    label: { zh: "级别", en: "Level" },
    format: "text",
    values: { 市级经济技术开发区: { zh: "市级经济技术开发区", en: "Municipal economic and technological development zone" } },
  },
  code: { key: "code", label: { zh: "行政区划代码", en: "Administrative code" }, format: "text" },
  address: { key: "address", label: { zh: "地址（按公布原文）", en: "Address (as published)" }, format: "quote", document: "dzfb-2023-47" },
  town: { key: "town", label: { zh: "所在镇街", en: "Town" }, format: "text", namesFrom: "towns" },
  towns: { key: "towns", label: { zh: "涉及镇街", en: "Towns" }, format: "list", namesFrom: "towns" },
  administeredTowns: { key: "administered_towns", label: { zh: "管辖镇街", en: "Administered towns" }, format: "list", namesFrom: "towns" },
  memberTowns: { key: "member_towns", label: { zh: "组成镇街", en: "Member towns" }, format: "list", namesFrom: "towns" },
  memorials: { key: "memorials", label: { zh: "对应纪念设施", en: "Memorials" }, format: "list", namesFrom: "memorials" },
  protectionRange: {
    key: "protection_range",
    label: { zh: "保护范围", en: "Protected area" },
    format: "text",
    document: "dzfb-2023-47",
    values: {
      主体及所在广场: { zh: "主体及所在广场", en: "The monument and the square it stands on" },
      主体及墓前纪念场地: { zh: "主体及墓前纪念场地", en: "The tomb and the memorial ground in front of it" },
    },
  },
  effective: { key: "effective", label: { zh: "施行日期", en: "In force from" }, format: "date", document: "dzfb-2023-47" },
  uncertainty: { key: "uncertainty_m", label: { zh: "位置误差", en: "Position uncertainty" }, format: "uncertainty" },
  radius: { key: "radius_m", label: { zh: "半径", en: "Radius" }, format: "metres" },
  positionVerified: { key: "position_verified", label: { zh: "位置已核实", en: "Position verified" }, format: "boolean" },
  sharedPositionWith: {
    key: "shared_position_with",
    label: { zh: "同一公布地址的设施", en: "Shares its published address with" },
    format: "list",
    namesFrom: "memorials",
  },
  feeTier: { key: "fee_tier", label: { zh: "城市基础设施配套费", en: "Urban infrastructure charge" }, format: "feeRate", document: "dzf-2023-13" },
  feeTierBasis: {
    key: "fee_tier_basis",
    label: { zh: "收费档次依据", en: "Basis of the charge tier" },
    format: "text",
    document: "dzf-2023-13",
    values: {
      listed: { zh: "13号按名列出", en: "Named in Notice No. 13" },
      inferred: { zh: "推定（13号未列名）", en: "Inferred (not named in Notice No. 13)" },
    },
  },
  feeTierNote: { key: "fee_tier_note", label: { zh: "收费说明", en: "Charge note" }, format: "text", document: "dzf-2023-13" },
  feeSplit: {
    key: "fee_split",
    label: { zh: "分档", en: "Split tier" },
    format: "flag",
    document: "dzf-2023-13",
    values: {
      true: {
        zh: "按城市建设用地范围内外分两档（界线未公布）",
        en: "Two tiers, inside and outside the urban construction land (its line is unpublished)",
      },
    },
  },
  feeTierOutsideUrbanLand: {
    key: "fee_tier_outside_urban_land",
    label: { zh: "城市建设用地范围外", en: "Outside the urban construction land" },
    format: "feeRate",
    document: "dzf-2023-13",
  },
  park: { key: "park", label: { zh: "所属园区", en: "Park" }, format: "text", document: "dzf-2023-13", values: PARKS },
  parkCandidates: {
    key: "park_candidates",
    label: { zh: "可能涉及的园区", en: "Parks a site may belong to" },
    format: "list",
    document: "dzf-2023-13",
    values: PARKS,
  },
  parkNote: { key: "park_note", label: { zh: "园区说明", en: "Park note" }, format: "text", document: "dzf-2023-13" },
  boundsPublished: { key: "bounds_published", label: { zh: "四至已公布", en: "Bounds published" }, format: "boolean" },
  disabilityTier: {
    key: "disability_tier",
    label: { zh: "残疾人服务业创业补助", en: "Disability start-up subsidy" },
    format: "text",
    document: "dzfb-2023-50",
    values: {
      urban: { zh: "第（1）档：街道城区", en: "Tier (1): urban streets" },
      tier2: { zh: "第（2）档：8个镇的场镇", en: "Tier (2): seats of 8 towns" },
      tier3: { zh: "第（3）档：13个镇的场镇", en: "Tier (3): seats of 13 towns" },
    },
  },
  disabilityTierNote: { key: "disability_tier_note", label: { zh: "补助说明", en: "Subsidy note" }, format: "text", document: "dzfb-2023-50" },
  urbanRole: {
    key: "urban_role",
    label: { zh: "城镇格局定位", en: "Role in the urban layout" },
    format: "text",
    document: "dzf-2023-7",
    values: {
      centre: { zh: "城镇发展中心区", en: "Central development area" },
      cluster: { zh: "功能组团", en: "Functional cluster" },
      "key-node": { zh: "重点镇（节点）", en: "Key town (node)" },
      "general-node": { zh: "一般镇（节点）", en: "General town (node)" },
    },
  },
  urbanGroup: { key: "urban_group", label: { zh: "所属中心区／组团", en: "Urban layout group" }, format: "text", document: "dzf-2023-7" },
  direction: {
    key: "direction",
    label: { zh: "走向", en: "Direction" },
    format: "text",
    values: { 东西向: { zh: "东西向", en: "East–west" }, 南北向: { zh: "南北向", en: "North–south" } },
  },
  road: { key: "road", label: { zh: "依托道路", en: "Road" }, format: "text" },
  mineral: { key: "mineral", label: { zh: "矿种", en: "Mineral" }, format: "text", document: "dzfb-2023-32" },
  stage: { key: "stage", label: { zh: "勘查阶段", en: "Exploration stage" }, format: "text", document: "dzfb-2023-32" },
  miningRightsTotal: { key: "mining_rights_total", label: { zh: "矿业权数", en: "Mining rights" }, format: "number", document: "dzfb-2023-32" },
  strontium: { key: "strontium", label: { zh: "其中锶矿", en: "of which strontium" }, format: "number", document: "dzfb-2023-32" },
  limestone: { key: "limestone", label: { zh: "其中灰岩", en: "of which limestone" }, format: "number", document: "dzfb-2023-32" },
  sandstone: { key: "sandstone", label: { zh: "其中砂岩", en: "of which sandstone" }, format: "number", document: "dzfb-2023-32" },
  publishedArea: { key: "published_area_km2", label: { zh: "公布面积", en: "Published area" }, format: "squareKilometres" },
  publishedAreaConfidence: {
    key: "published_area_confidence",
    label: { zh: "公布面积可信度", en: "Published area confidence" },
    format: "text",
    values: CONFIDENCE,
  },
  area: { key: "area_km2", label: { zh: "示意图形面积", en: "Area of the drawn shape" }, format: "squareKilometres" },
  areaByTown: { key: "area_by_town_km2", label: { zh: "各镇面积（示意）", en: "Area by town (schematic)" }, format: "areaByName", namesFrom: "towns" },
  bandWidth: { key: "band_width_m", label: { zh: "示意带宽", en: "Band width (schematic)" }, format: "metres" },
  areaFitted: { key: "area_fitted", label: { zh: "面积按公布值拟合", en: "Fitted to the published area" }, format: "boolean" },
  areaTargetBasis: {
    key: "area_target_basis",
    label: { zh: "示意面积依据", en: "Basis of the drawn area" },
    format: "text",
    values: {
      published: { zh: "按公布面积拟合", en: "Fitted to the published area" },
      "equal-share": { zh: "无公布面积：平均分配剩余面积", en: "No published area: an equal share of the remainder" },
      "park-remainder": { zh: "由双桥经开区面积推算", en: "Inferred from the Shuangqiao ETDZ area" },
    },
  },
  publishedExtent: {
    key: "published_extent",
    label: { zh: "公布范围", en: "Published extent" },
    format: "text",
    values: { "东经105°28′—106°02′，北纬29°23′—29°52′": { zh: "东经105°28′—106°02′，北纬29°23′—29°52′", en: "E105°28′–106°02′, N29°23′–29°52′" } },
  },
  extent: { key: "extent", label: { zh: "图形范围", en: "Extent of the drawn shape" }, format: "text" },
  note: { key: "note", label: { zh: "说明", en: "Note" }, format: "text" },
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
