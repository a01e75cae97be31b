/** Urban layout (大足府发〔2023〕7号 五、（一）, with 8号's differing count): areas, axes and nodes. */
import type { Feature } from "geojson";
import { unionPolygons } from "./clip";
import { feature, lineFromLngLat, pointFromLngLat, polygonsFromGK, type Properties } from "./geojson";
import { multiPolygonArea } from "./geom";
import type { LineRow } from "./inputs";
import { URBAN_AXES_CLAUSE, URBAN_CENTRE, URBAN_CLUSTERS, URBAN_KEY_TOWNS, URBAN_LAYOUT_8_CLAUSE, URBAN_LAYOUT_CLAUSE } from "./policy";
import { round2, urbanRoleFor } from "./towns";
import type { TownDiagram } from "./townGeometry";

const CONFLICT_NOTE =
  "7号（人口发展规划）称“一中心三组团”并列出三个组团；8号（双城经济圈实施计划）称“一中心四组团”，但未列出四个组团的名称。本图按7号绘制三个组团，第四个组团不明。";
const CONFLICT_NOTE_EN =
  "7号 (population plan) speaks of one centre and three clusters and names them; 8号 (twin-city implementation plan) speaks of one centre and four clusters without naming them. The map follows 7号; the fourth cluster is unknown.";

function townsOf(diagram: TownDiagram, names: readonly string[]) {
  return names.map((name) => {
    const town = diagram.towns.find((candidate) => candidate.row.name === name);
    if (!town) throw new Error(`urban layout: no town ${name}`);
    return town;
  });
}

export function buildUrbanAreaFeatures(diagram: TownDiagram): Feature[] {
  const areas = [
    {
      id: "urban-centre",
      name: URBAN_CENTRE.name,
      nameEn: URBAN_CENTRE.nameEn,
      role: "centre",
      kind: "中心区",
      towns: URBAN_CENTRE.towns as readonly string[],
      extraZh: "7号所列中心区还包括“高铁新城片区”，其位置和范围未公布，图上未绘出（未推测）。",
      extraEn:
        "7号 also puts the 高铁新城片区 (high-speed-rail new town) in the centre; its location and extent are unpublished and it is not drawn (not guessed).",
    },
    ...URBAN_CLUSTERS.map((cluster) => ({
      id: cluster.id,
      name: cluster.name,
      nameEn: cluster.nameEn,
      role: "cluster",
      kind: "组团",
      towns: cluster.towns as readonly string[],
      extraZh: cluster.id === "urban-cluster-youting-shuangqiao-longshui" ? "“双桥”取双桥经开区所辖的龙滩子、双路、通桥三个街道。" : "",
      extraEn:
        cluster.id === "urban-cluster-youting-shuangqiao-longshui" ? "“双桥” is taken as the three streets of the Shuangqiao ETDZ: 龙滩子, 双路, 通桥." : "",
    })),
  ];
  return areas.map((area) => {
    const polygons = unionPolygons(townsOf(diagram, area.towns).map((town) => town.polygons));
    const properties: Properties = {
      id: area.id,
      name: area.name,
      name_en: area.nameEn,
      kind: area.kind,
      role: area.role,
      member_towns: [...area.towns],
      area_km2: round2(multiPolygonArea(polygons) / 1e6),
      conflict_note: CONFLICT_NOTE,
      conflict_note_en: CONFLICT_NOTE_EN,
      source: [URBAN_LAYOUT_CLAUSE, URBAN_LAYOUT_8_CLAUSE],
      geometry_quality: "schematic",
      geometry_note: `示意范围：规划只列出组成的镇街（${area.towns.join("、")}），未划界线；此处为这些镇街示意边界的并集。${area.extraZh}`,
      geometry_note_en:
        `Schematic extent: the plan names only the member towns (${area.towns.join(", ")}) and draws no line; this is the union of their schematic polygons. ${area.extraEn}`.trim(),
    };
    return feature(properties, polygonsFromGK(polygons));
  });
}

export function buildUrbanAxisFeatures(lines: readonly LineRow[]): Feature[] {
  const axes = [
    {
      line: "yurong-expressway",
      id: "urban-axis-yurong",
      name: "渝蓉高速东西向城镇发展轴",
      nameEn: "East–west development axis along the Chongqing–Chengdu Expressway",
      direction: "东西向",
      notesZh: "沿渝蓉高速（G5013）的示意走向：按公布的出口里程（大足东、大足西、大足三驱、川渝省界）与万古枢纽拟合的近直线，横向误差约±2–3 km。",
      notesEn:
        "Schematic course of the G5013 expressway: a near-straight line fitted to its published exit chainages (大足东, 大足西, 大足三驱, provincial border) and the 万古 junction; ±2–3 km laterally.",
    },
    {
      line: "longtang-avenue",
      id: "urban-axis-longtang",
      name: "龙棠大道南北向城镇发展轴",
      nameEn: "North–south development axis along Longtang Avenue",
      direction: "南北向",
      notesZh:
        "龙棠大道的走向未公布、未查到（可信度很低）：按名称（龙水—棠香）和7号“南北向”的说法，从区政府点（棠香街道）到龙水镇驻地画一条直线，仅为示意，不是道路线位。",
      notesEn:
        "Longtang Avenue's course is unpublished and was not found (very low confidence): following its name (龙水–棠香) and 7号's \"north–south\", a straight line from the district-government point (棠香街道) to the 龙水镇 seat. A placeholder, not the road.",
    },
  ];
  return axes.map((axis) => {
    const row = lines.find((line) => line.id === axis.line);
    if (!row) throw new Error(`lines.csv: missing ${axis.line}`);
    const properties: Properties = {
      id: axis.id,
      name: axis.name,
      name_en: axis.nameEn,
      direction: axis.direction,
      road: row.name,
      road_en: row.nameEn,
      confidence: row.confidence,
      source: [URBAN_AXES_CLAUSE],
      geometry_quality: "schematic",
      geometry_note: axis.notesZh,
      geometry_note_en: axis.notesEn,
    };
    return feature(properties, lineFromLngLat(row.vertices));
  });
}

export function buildUrbanNodeFeatures(diagram: TownDiagram): Feature[] {
  return [...diagram.towns]
    .filter((town) => {
      const role = urbanRoleFor(town.row.name).role;
      return role === "key-node" || role === "general-node";
    })
    .sort((a, b) => (a.row.code < b.row.code ? -1 : 1))
    .map((town) => {
      const key = (URBAN_KEY_TOWNS as readonly string[]).includes(town.row.name);
      const properties: Properties = {
        id: `urban-node-${town.row.code}`,
        name: town.row.name,
        name_en: town.row.nameEn,
        town_code: town.row.code,
        class: key ? "重点镇" : "一般镇",
        class_en: key ? "Key town" : "General town",
        source: [URBAN_AXES_CLAUSE],
        geometry_quality: "schematic",
        geometry_note:
          "节点以镇政府驻地点（高德中心点转WGS-84，约±1 km）表示。7号称“中心城区外的17个小城镇”：全区21个镇去掉作为组团的龙水、邮亭、万古、三驱4镇，正好17个（5个重点镇+12个一般镇）。",
        geometry_note_en:
          "Each node is drawn at the town seat (AMap centre converted to WGS-84, about ±1 km). 7号 counts 17 small towns outside the central city: the district's 21 towns minus the four cluster towns 龙水, 邮亭, 万古, 三驱 leave exactly 17 (5 key + 12 general).",
      };
      return feature(properties, pointFromLngLat(town.row.seat));
    });
}
