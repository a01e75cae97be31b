/** The towns layer (27 towns/streets, schematic) with fee, park, urban-layout and subsidy attributes. */
import type { Feature } from "geojson";
import { feature, polygonsFromGK, type Properties } from "./geojson";
import { round6, toGK } from "./geom";
import {
  DISABILITY_OUTSIDE_CLAUSE,
  DISABILITY_TIERS,
  FEE_SPLIT_TOWN,
  FEE_TIER_INFERRED,
  FEE_TIER_LISTS,
  PARK_CANDIDATES,
  URBAN_AXES_CLAUSE,
  URBAN_CENTRE,
  URBAN_CLUSTERS,
  URBAN_KEY_TOWNS,
  URBAN_LAYOUT_CLAUSE,
  type DisabilityTier,
  type FeeTier,
} from "./policy";
import type { ParkRow } from "./inputs";
import type { TownDiagram, TownGeometry } from "./townGeometry";

export const round2 = (value: number): number => Math.round(value * 100) / 100;

export interface FeeAssignment {
  tier: FeeTier;
  basis: "listed" | "inferred";
  clauses: string[];
  split: boolean;
  outsideTier: FeeTier | null;
  note: string;
  noteEn: string;
}

export function feeFor(name: string): FeeAssignment {
  const listed = FEE_TIER_LISTS.filter((list) => list.towns.includes(name));
  if (name === FEE_SPLIT_TOWN) {
    return {
      tier: 210,
      basis: "listed",
      clauses: listed.map((list) => list.clause),
      split: true,
      outsideTier: 150,
      note: "13号（一）列“智凤街道（城市建设用地范围内）”210元/m²，（二）列“智凤街道（城市建设用地范围外）”150元/m²；城市建设用地范围线未公布，图上以斜线表示全街道待定。",
      noteEn:
        "13号 (一) lists 智凤 inside the 城市建设用地范围 at 210 ¥/m² and (二) outside it at 150 ¥/m²; the line is unpublished, so the whole street is hatched as undetermined.",
    };
  }
  if (listed.length === 1) {
    const list = listed[0] as (typeof FEE_TIER_LISTS)[number];
    return {
      tier: list.tier,
      basis: "listed",
      clauses: [list.clause],
      split: false,
      outsideTier: null,
      note: `13号按名列入${list.tier}元/m²档。`,
      noteEn: `Named in 13号 at ${list.tier} ¥/m².`,
    };
  }
  const inferred = FEE_TIER_INFERRED[name];
  if (listed.length === 0 && inferred) {
    return {
      tier: inferred.tier,
      basis: "inferred",
      clauses: [inferred.clause],
      split: false,
      outsideTier: null,
      note: `13号未列${name}；该街道由双桥经开区管辖，而（一）将“双桥经开区”列入210元/m²档，故推定为210元/m²（推断，非原文）。`,
      noteEn: `13号 does not name this street; it is administered by the Shuangqiao ETDZ, which (一) lists at 210 ¥/m², so 210 is inferred (not stated).`,
    };
  }
  throw new Error(`${name}: no fee tier`);
}

export function disabilityFor(name: string): { tier: DisabilityTier; clause: string } {
  const found = DISABILITY_TIERS.find((list) => list.towns.includes(name));
  if (!found) throw new Error(`${name}: no subsidy tier`);
  return { tier: found.tier, clause: found.clause };
}

export type UrbanRole = "centre" | "cluster" | "key-node" | "general-node";

export function urbanRoleFor(name: string): { role: UrbanRole; group: string; groupEn: string; clause: string } {
  if ((URBAN_CENTRE.towns as readonly string[]).includes(name))
    return { role: "centre", group: URBAN_CENTRE.name, groupEn: URBAN_CENTRE.nameEn, clause: URBAN_LAYOUT_CLAUSE };
  const cluster = URBAN_CLUSTERS.find((candidate) => (candidate.towns as readonly string[]).includes(name));
  if (cluster) return { role: "cluster", group: cluster.name, groupEn: cluster.nameEn, clause: URBAN_LAYOUT_CLAUSE };
  if ((URBAN_KEY_TOWNS as readonly string[]).includes(name)) return { role: "key-node", group: "重点镇", groupEn: "Key town", clause: URBAN_AXES_CLAUSE };
  if (name.endsWith("镇")) return { role: "general-node", group: "一般镇", groupEn: "General town", clause: URBAN_AXES_CLAUSE };
  throw new Error(`${name}: no urban role`);
}

function geometryNotes(town: TownGeometry, diagram: TownDiagram): { zh: string; en: string } {
  const { row } = town;
  const error = ((town.areaKm2 - town.targetKm2) / town.targetKm2) * 100;
  const signed = `${error >= 0 ? "+" : ""}${error.toFixed(1)}%`;
  const villages = diagram.anchors.filter((anchor) => anchor.kind === "village").length;
  const commonZh = `示意边界，非法定界线：在CGCS2000高斯–克吕格（CM105°E）平面上以27个生成点生成加权Voronoi（幂图），裁切至区界。生成点起于镇街驻地点（多为高德中心点，由GCJ-02转WGS-84），与权重一并拟合，使有公布面积的镇街面积吻合，并保证驻地、所属烈士纪念设施点和${villages}个有坐标的村（社区）点（Vonng/adcode，高德坐标转WGS-84）落在本镇街内、距幂图界线不少于50米。`;
  const commonEn = `Schematic, not a legal boundary: a power diagram (weighted Voronoi) of 27 generator points in CGCS2000 Gauss–Krüger CM105°E metres, clipped to the district outline. The generators start at the seats (mostly AMap centres, converted from GCJ-02 to WGS-84) and are fitted with the weights so towns with a published area match it and every seat, memorial and each of the ${villages} located villages/communities (Vonng/adcode, AMap positions converted to WGS-84) lies inside its own town, at least 50 m from the diagram's edges.`;
  const seat = toGK(row.seat);
  const shiftKm = Math.hypot(town.generator[0] - seat[0], town.generator[1] - seat[1]) / 1000;
  const fitZh = `${town.villagePoints > 0 ? `本镇街${town.villagePoints}个村（社区）点参与约束` : "本镇街无有坐标的村（社区）点"}；生成点距驻地${shiftKm.toFixed(1)} km。`;
  const located =
    town.villagePoints === 0
      ? "No village of this town has a position"
      : town.villagePoints === 1
        ? "1 village point of this town constrains it"
        : `${town.villagePoints} village points of this town constrain it`;
  const fitEn = `${located}; its generator is ${shiftKm.toFixed(1)} km from the seat.`;
  let specificZh: string;
  let specificEn: string;
  if (row.targetRule === "published") {
    specificZh = `按公布面积${row.publishedAreaKm2} km²拟合，示意面积${round2(town.areaKm2)} km²（${signed}）。`;
    specificEn = `Fitted to the published ${row.publishedAreaKm2} km²; drawn ${round2(town.areaKm2)} km² (${signed}).`;
  } else if (row.targetRule === "park-remainder") {
    specificZh = `无公布面积；以双桥经开区管辖面积133 km²减去双路、通桥、邮亭公布面积所得约${round2(diagram.parkRemainderKm2 ?? 0)} km²为弱目标（推算），示意面积${round2(town.areaKm2)} km²。`;
    specificEn = `No published area; weakly aimed at ≈${round2(diagram.parkRemainderKm2 ?? 0)} km² (the ETDZ's 133 km² minus the published areas of 双路, 通桥, 邮亭 — an inference); drawn ${round2(town.areaKm2)} km².`;
  } else {
    specificZh = `无公布面积；与其他无数据镇街分摊区域剩余面积（弱目标约${round2(diagram.equalShareKm2)} km²），示意面积${round2(town.areaKm2)} km²。`;
    specificEn = `No published area; shares the remaining district area with the other towns without one (weak aim ≈${round2(diagram.equalShareKm2)} km²); drawn ${round2(town.areaKm2)} km².`;
  }
  return { zh: commonZh + specificZh + fitZh, en: `${commonEn} ${specificEn} ${fitEn}` };
}

export function buildTownFeatures(diagram: TownDiagram, parks: readonly ParkRow[]): Feature[] {
  const administering = (code: string) => parks.find((park) => park.administeredTownCodes.includes(code));
  return [...diagram.towns]
    .sort((a, b) => (a.row.code < b.row.code ? -1 : 1))
    .map((town) => {
      const { row } = town;
      if (town.polygons.length !== 1) throw new Error(`${row.name}: the power cell is split into ${town.polygons.length} parts`);
      const fee = feeFor(row.name);
      const subsidy = disabilityFor(row.name);
      const urban = urbanRoleFor(row.name);
      const park = administering(row.code);
      const candidates = PARK_CANDIDATES[row.name];
      const notes = geometryNotes(town, diagram);
      const properties: Properties = {
        id: `town-${row.code}`,
        name: row.name,
        name_en: row.nameEn,
        code: row.code,
        kind: row.kind,
        area_km2: round2(town.areaKm2),
        published_area_km2: row.publishedAreaKm2,
        published_area_confidence: row.publishedAreaConfidence || null,
        area_fitted: row.targetRule === "published",
        area_target_basis: row.targetRule,
        seat: [round6(row.seat[0]), round6(row.seat[1])],
        seat_confidence: row.seatConfidence,
        fee_tier: fee.tier,
        fee_tier_basis: fee.basis,
        fee_tier_note: fee.note,
        fee_tier_note_en: fee.noteEn,
        fee_split: fee.split,
        fee_tier_outside_urban_land: fee.outsideTier,
        park: park ? "双桥经开区" : null,
        park_candidates: candidates ? candidates.parks : [],
        park_note: candidates ? candidates.note : null,
        park_note_en: candidates ? candidates.noteEn : null,
        urban_role: urban.role,
        urban_group: urban.group,
        urban_group_en: urban.groupEn,
        disability_tier: subsidy.tier,
        disability_tier_note:
          row.name === "智凤街道"
            ? "（1）仅适用于智凤街道城区；城区以外的村和社区按（4）：投入资金的40%，上限1.5万元。"
            : subsidy.tier === "urban"
              ? "（1）适用于街道城区；村或场镇外社区按（4）：投入资金的40%，上限1.5万元。"
              : "本档适用于场镇；村或场镇外社区按（4）：投入资金的40%，上限1.5万元。",
        disability_tier_note_en:
          row.name === "智凤街道"
            ? "(1) covers only the urban area of 智凤街道; villages and communities outside it fall under (4): 40 % of the investment, at most ¥15,000."
            : subsidy.tier === "urban"
              ? "(1) covers the street's urban area; villages and communities outside 场镇 fall under (4): 40 % of the investment, at most ¥15,000."
              : "This tier covers the town's 场镇; villages and communities outside it fall under (4): 40 % of the investment, at most ¥15,000.",
        source: [...fee.clauses, subsidy.clause, DISABILITY_OUTSIDE_CLAUSE, urban.clause],
        geometry_quality: "schematic",
        geometry_note: notes.zh,
        geometry_note_en: notes.en,
      };
      return feature(properties, polygonsFromGK(town.polygons));
    });
}
