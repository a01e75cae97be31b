/**
 * Facts read from the 2023 gazette (geodata/sources/gazette-2023.txt), keyed by town name, with the
 * clauses they come from. These are the policy inputs of the town-based layers.
 */

export type FeeTier = 210 | 150 | 120;

/** 大足府发〔2023〕13号 一、（一）–（三）. */
export const FEE_TIER_LISTS: ReadonlyArray<{ tier: FeeTier; clause: string; towns: readonly string[] }> = [
  { tier: 210, clause: "dzf-2023-13#s1.p1", towns: ["棠香街道", "龙岗街道", "智凤街道", "龙水镇", "万古镇", "邮亭镇", "宝顶镇", "玉龙镇"] },
  { tier: 150, clause: "dzf-2023-13#s1.p2", towns: ["智凤街道", "珠溪镇", "中敖镇", "三驱镇", "石马镇", "雍溪镇"] },
  {
    tier: 120,
    clause: "dzf-2023-13#s1.p3",
    towns: ["宝兴镇", "拾万镇", "铁山镇", "回龙镇", "国梁镇", "金山镇", "高升镇", "季家镇", "龙石镇", "高坪镇", "古龙镇"],
  },
];

/** Streets not named in 13号: administered by 双桥经开区, which (一) lists at 210. */
export const FEE_TIER_INFERRED: Readonly<Record<string, { tier: FeeTier; clause: string }>> = {
  龙滩子街道: { tier: 210, clause: "dzf-2023-13#s1.p1" },
  双路街道: { tier: 210, clause: "dzf-2023-13#s1.p1" },
  通桥街道: { tier: 210, clause: "dzf-2023-13#s1.p1" },
};

/** 智凤街道: 210 inside 城市建设用地范围 (（一）), 150 outside (（二）); the line between is not published. */
export const FEE_SPLIT_TOWN = "智凤街道";

/** 大足府办发〔2023〕50号 一、（三）3.(1)–(3): service-industry start-up subsidy tiers (by 场镇 / 城区). */
export type DisabilityTier = "urban" | "tier2" | "tier3";
export const DISABILITY_TIERS: ReadonlyArray<{ tier: DisabilityTier; clause: string; towns: readonly string[] }> = [
  { tier: "urban", clause: "dzfb-2023-50#s1.p3.n3.i1", towns: ["棠香街道", "龙岗街道", "双路街道", "龙滩子街道", "通桥街道", "智凤街道"] },
  { tier: "tier2", clause: "dzfb-2023-50#s1.p3.n3.i2", towns: ["龙水镇", "万古镇", "石马镇", "邮亭镇", "珠溪镇", "三驱镇", "铁山镇", "中敖镇"] },
  {
    tier: "tier3",
    clause: "dzfb-2023-50#s1.p3.n3.i3",
    towns: ["宝顶镇", "高升镇", "古龙镇", "宝兴镇", "拾万镇", "国梁镇", "回龙镇", "金山镇", "雍溪镇", "季家镇", "高坪镇", "龙石镇", "玉龙镇"],
  },
];
export const DISABILITY_OUTSIDE_CLAUSE = "dzfb-2023-50#s1.p3.n3.i4";

/** The published schedule (area of the business premises → minimum investment → subsidy), 万元. */
export const DISABILITY_SCHEDULE: Readonly<Record<DisabilityTier, ReadonlyArray<{ areaM2: number; investment: number; subsidy: number }>>> = {
  urban: [
    { areaM2: 30, investment: 4.5, subsidy: 2 },
    { areaM2: 40, investment: 6, subsidy: 3 },
    { areaM2: 50, investment: 7.5, subsidy: 4 },
    { areaM2: 60, investment: 9, subsidy: 5 },
  ],
  tier2: [
    { areaM2: 30, investment: 4, subsidy: 1.5 },
    { areaM2: 40, investment: 5, subsidy: 2.5 },
    { areaM2: 50, investment: 6.5, subsidy: 3.5 },
    { areaM2: 60, investment: 8, subsidy: 4.5 },
  ],
  tier3: [
    { areaM2: 30, investment: 2.5, subsidy: 1 },
    { areaM2: 40, investment: 4.5, subsidy: 2 },
    { areaM2: 50, investment: 6, subsidy: 3 },
    { areaM2: 60, investment: 7.5, subsidy: 4 },
  ],
};

/** 大足府发〔2023〕7号 五、（一）: 一中心三组团 (para1) and 两轴线多节点 (para2). */
export const URBAN_CENTRE = { name: "城镇发展中心区", nameEn: "Central development area", towns: ["棠香街道", "龙岗街道", "智凤街道"] } as const;
export const URBAN_CLUSTERS = [
  {
    id: "urban-cluster-youting-shuangqiao-longshui",
    name: "邮亭—双桥—龙水组团",
    nameEn: "Youting–Shuangqiao–Longshui cluster",
    towns: ["邮亭镇", "双路街道", "通桥街道", "龙滩子街道", "龙水镇"],
  },
  { id: "urban-cluster-wangu", name: "万古组团", nameEn: "Wangu cluster", towns: ["万古镇"] },
  { id: "urban-cluster-sanqu", name: "三驱组团", nameEn: "Sanqu cluster", towns: ["三驱镇"] },
] as const;
export const URBAN_KEY_TOWNS = ["珠溪镇", "中敖镇", "石马镇", "雍溪镇", "铁山镇"] as const;
export const URBAN_LAYOUT_CLAUSE = "dzf-2023-7#s5.p1.para1";
export const URBAN_AXES_CLAUSE = "dzf-2023-7#s5.p1.para2";
export const URBAN_LAYOUT_8_CLAUSE = "dzf-2023-8#s2.p2.para1";

/** Parks that may hold a site (13号's exemption applies inside a park's recognised 四至, which is unpublished). */
export const PARK_CANDIDATES: Readonly<Record<string, { parks: string[]; note: string; noteEn: string }>> = {
  龙滩子街道: {
    parks: ["双桥经开区"],
    note: "由双桥经开区管辖；园区认定四至未公布，生产性用房免缴须确认地块是否在四至内。",
    noteEn:
      "Administered by the Shuangqiao ETDZ; its recognised 四至 are unpublished, so the exemption for production buildings needs the site checked against them.",
  },
  双路街道: {
    parks: ["双桥经开区"],
    note: "由双桥经开区管辖；园区认定四至未公布，生产性用房免缴须确认地块是否在四至内。",
    noteEn:
      "Administered by the Shuangqiao ETDZ; its recognised 四至 are unpublished, so the exemption for production buildings needs the site checked against them.",
  },
  通桥街道: {
    parks: ["双桥经开区"],
    note: "由双桥经开区管辖；园区认定四至未公布，生产性用房免缴须确认地块是否在四至内。",
    noteEn:
      "Administered by the Shuangqiao ETDZ; its recognised 四至 are unpublished, so the exemption for production buildings needs the site checked against them.",
  },
  邮亭镇: {
    parks: ["双桥经开区"],
    note: "由双桥经开区管辖（含邮亭工业园区）；园区认定四至未公布，须确认地块是否在四至内。",
    noteEn: "Administered by the Shuangqiao ETDZ (incl. the Youting industrial park); the recognised 四至 are unpublished — ask whether the site is inside.",
  },
  万古镇: {
    parks: ["大足高新区", "大足工业园区"],
    note: "大足高新区万古园区（历史上为大足工业园区万古园区）位于本镇，四至未公布；须确认地块是否在园区四至内。",
    noteEn:
      "The Wangu sub-park of the Dazu High-tech Zone (historically of the Dazu Industrial Park) lies in this town; its 四至 are unpublished — ask whether the site is inside.",
  },
  三驱镇: {
    parks: ["大足高新区"],
    note: "大足高新区三驱园区位于本镇，四至未公布。园区四至内按（一）210元/m²计征（生产性用房可免缴），四至外按150元/m²；须确认地块是否在四至内。",
    noteEn:
      "The Sanqu sub-park of the Dazu High-tech Zone lies in this town; its 四至 are unpublished. Inside them (一) applies (210 ¥/m², production buildings exempt), outside 150 ¥/m² — ask whether the site is inside.",
  },
  龙水镇: {
    parks: ["大足工业园区"],
    note: "大足工业园区龙水园区（2003—2012年资料）位于本镇，现状范围及是否并入大足高新区未核实；须确认地块是否在园区四至内。",
    noteEn:
      "The Longshui sub-park of the Dazu Industrial Park (2003–2012 sources) lies in this town; its present extent and whether it joined the High-tech Zone are unverified — ask whether the site is inside.",
  },
};
