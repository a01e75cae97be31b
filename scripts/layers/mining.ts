/** Mining layers from 大足府办发〔2023〕32号: the key extraction zone, the exploration blocks, the (empty) extraction blocks, and the policy table. */
import type { Feature } from "geojson";
import { intersectPolygons, unionPolygons, type Polygons } from "./clip";
import { feature, polygonsFromGK, type Properties } from "./geojson";
import { bisect, bboxOfRings, multiPolygonArea, poleOfInaccessibility, toGK, type Point, type Ring } from "./geom";
import type { LineRow } from "./inputs";
import { round2 } from "./towns";
import type { TownDiagram } from "./townGeometry";

const DOC = "dzfb-2023-32";

export const KEY_ZONE = {
  id: "mining-key-zone-xishan-north",
  name: "西山背斜渝蓉高速以北重点开采区",
  nameEn: "Xishan Anticline North-of-Expressway Key Mining Zone",
  publishedAreaKm2: 16.55,
  towns: ["雍溪镇", "古龙镇", "万古镇"],
  miningRightsTotal: 13,
  strontium: 3,
  limestone: 9,
  sandstone: 1,
  source: [`${DOC}#s4.n1.para2`, `${DOC}#s3.p2.para2`],
} as const;

export const EXPLORATION_BLOCKS = [
  {
    id: "mining-exploration-shiwan-geothermal",
    name: "大足区拾万镇地热水详查",
    nameEn: "Shiwan Town geothermal water detailed exploration",
    town: "拾万镇",
    mineral: "地热",
    mineralEn: "geothermal water",
    stage: "详查",
    stageEn: "detailed exploration",
    publishedAreaKm2: 3.5,
    source: [`${DOC}#box1.r1`, `${DOC}#s3.p3.n5.para1`],
  },
  {
    id: "mining-exploration-sanqu-bentonite",
    name: "大足区三驱镇膨润土普查",
    nameEn: "Sanqu Town bentonite general survey",
    town: "三驱镇",
    mineral: "膨润土",
    mineralEn: "bentonite",
    stage: "普查",
    stageEn: "general survey",
    publishedAreaKm2: 4.3,
    source: [`${DOC}#box1.r2`, `${DOC}#s3.p3.n5.para1`],
  },
] as const;

/** 一、（三）6．: the 28 planned extraction blocks (no locations published). */
export const EXTRACTION_SUMMARY: ReadonlyArray<{ zh: string; en: string; count: number }> = [
  { zh: "规划开采区块合计", en: "Planned extraction blocks, total", count: 28 },
  { zh: "已设采矿权调整", en: "Existing mining rights adjusted", count: 3 },
  { zh: "　调整：建筑石料用灰岩", en: "  adjusted: limestone for building stone", count: 1 },
  { zh: "　调整：地热", en: "  adjusted: geothermal", count: 1 },
  { zh: "　调整：砂岩", en: "  adjusted: sandstone", count: 1 },
  { zh: "已设采矿权整合（整合建筑石料用灰岩2个）", en: "Existing mining rights merged (2 limestone rights into 1)", count: 1 },
  { zh: "已设采矿权保留", en: "Existing mining rights kept", count: 14 },
  { zh: "空白区新设", en: "New blocks in unallocated ground", count: 10 },
  { zh: "　新设：砂岩", en: "  new: sandstone", count: 7 },
  { zh: "　新设：砖瓦用页岩", en: "  new: brick shale", count: 1 },
  { zh: "　新设：石灰岩", en: "  new: limestone", count: 1 },
  { zh: "　新设：地热", en: "  new: geothermal", count: 1 },
];
export const EXTRACTION_SOURCE = `${DOC}#s3.p3.n6.para1`;

function extend(points: readonly Point[], metres: number): Point[] {
  const result = points.map((point) => [point[0], point[1]] as Point);
  const grow = (from: Point, to: Point): Point => {
    const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
    return [to[0] + ((to[0] - from[0]) / length) * metres, to[1] + ((to[1] - from[1]) / length) * metres];
  };
  const first = result[0] as Point;
  const second = result[1] as Point;
  const last = result[result.length - 1] as Point;
  const beforeLast = result[result.length - 2] as Point;
  return [grow(second, first), ...result, grow(beforeLast, last)];
}

/** A band of half-width h around a polyline (mitred joins, square ends), as one ring. */
export function bandAround(axis: readonly Point[], halfWidth: number): Ring {
  const left: Ring = [];
  const right: Ring = [];
  const normals = axis.slice(1).map((point, index) => {
    const previous = axis[index] as Point;
    const length = Math.hypot(point[0] - previous[0], point[1] - previous[1]);
    return [-(point[1] - previous[1]) / length, (point[0] - previous[0]) / length] as Point;
  });
  axis.forEach((point, index) => {
    const before = normals[Math.max(0, index - 1)] as Point;
    const after = normals[Math.min(normals.length - 1, index)] as Point;
    let nx = before[0] + after[0];
    let ny = before[1] + after[1];
    const length = Math.hypot(nx, ny);
    nx /= length;
    ny /= length;
    const miter = halfWidth / (nx * after[0] + ny * after[1]);
    left.push([point[0] + nx * miter, point[1] + ny * miter]);
    right.push([point[0] - nx * miter, point[1] - ny * miter]);
  });
  return [...left, ...right.reverse()];
}

export interface KeyZoneResult {
  polygons: Polygons;
  areaKm2: number;
  halfWidthM: number;
  areaByTownKm2: Record<string, number>;
}

export function buildKeyZone(diagram: TownDiagram, lines: readonly LineRow[]): KeyZoneResult {
  const axisRow = lines.find((line) => line.id === "xishan-anticline-axis");
  const highwayRow = lines.find((line) => line.id === "yurong-expressway");
  if (!axisRow || !highwayRow) throw new Error("lines.csv: need xishan-anticline-axis and yurong-expressway");
  const towns = KEY_ZONE.towns.map((name) => {
    const town = diagram.towns.find((candidate) => candidate.row.name === name);
    if (!town) throw new Error(`key zone: no town ${name}`);
    return town;
  });
  const townUnion = unionPolygons(towns.map((town) => town.polygons));
  const [minX, minY, maxX, maxY] = bboxOfRings(townUnion.flat());
  // North of the expressway: the polyline (extended well past the towns) closed over the top.
  const sortedHighway = [...highwayRow.vertices].sort((a, b) => a[0] - b[0]).map((vertex) => toGK(vertex));
  const highway = extend(sortedHighway, 30_000);
  const top = maxY + 30_000;
  const north: Ring = [...highway, [(highway[highway.length - 1] as Point)[0], top], [(highway[0] as Point)[0], top]];
  const region = intersectPolygons(townUnion, [[north]]);
  const axis = extend(
    axisRow.vertices.map((vertex) => toGK(vertex)),
    Math.hypot(maxX - minX, maxY - minY),
  );
  const zoneFor = (halfWidth: number) => intersectPolygons([[bandAround(axis, halfWidth)]], region);
  const target = KEY_ZONE.publishedAreaKm2 * 1e6;
  const halfWidthM = bisect((halfWidth) => multiPolygonArea(zoneFor(halfWidth)), target, 10, 20_000, 1e-5);
  const polygons = zoneFor(halfWidthM);
  const areaByTownKm2: Record<string, number> = {};
  for (const town of towns) areaByTownKm2[town.row.name] = round2(multiPolygonArea(intersectPolygons(polygons, town.polygons)) / 1e6);
  return { polygons, areaKm2: multiPolygonArea(polygons) / 1e6, halfWidthM, areaByTownKm2 };
}

export function keyZoneFeature(zone: KeyZoneResult, axis: LineRow, highway: LineRow): Feature {
  const properties: Properties = {
    id: KEY_ZONE.id,
    name: KEY_ZONE.name,
    name_en: KEY_ZONE.nameEn,
    area_km2: round2(zone.areaKm2),
    published_area_km2: KEY_ZONE.publishedAreaKm2,
    towns: [...KEY_ZONE.towns],
    area_by_town_km2: zone.areaByTownKm2,
    band_width_m: Math.round(2 * zone.halfWidthM),
    mining_rights_total: KEY_ZONE.miningRightsTotal,
    strontium: KEY_ZONE.strontium,
    limestone: KEY_ZONE.limestone,
    sandstone: KEY_ZONE.sandstone,
    source: [...KEY_ZONE.source],
    geometry_quality: "schematic",
    geometry_note: `示意范围，非规划图斑：32号只公布名称、所在镇（雍溪镇、古龙镇和万古镇等）、面积16.55平方千米及矿业权数，未公布界线。按“成矿带集中分布于西山背斜核部、北东走向”，沿${axis.name}（参考资料位置，±1.5 km）取等宽条带，限于${highway.name}（参考资料走向，±2–3 km）以北、上述三镇示意范围之内，条带宽度以二分法求得（约${Math.round((2 * zone.halfWidthM) / 10) * 10} m），使面积（CGCS2000高斯–克吕格平面）等于16.55 km²。`,
    geometry_note_en: `Schematic extent, not the plan's parcel: 32号 publishes only the name, the towns (雍溪、古龙、万古 "等"), the area 16.55 km² and the mining-right counts, no boundary. Following the ore belt in the core of the 西山 anticline (striking NE), it is drawn as a band of constant width along the anticline axis (reference position, ±1.5 km), north of the 渝蓉 expressway (reference course, ±2–3 km) and inside the schematic polygons of the three towns; the width (≈${Math.round((2 * zone.halfWidthM) / 10) * 10} m) was solved by bisection so the area in Gauss–Krüger metres is 16.55 km².`,
  };
  return feature(properties, polygonsFromGK(zone.polygons));
}

export interface ExplorationBlockResult {
  block: (typeof EXPLORATION_BLOCKS)[number];
  ring: Ring;
  areaKm2: number;
  clearanceM: number;
}

/** A north-up square of the published area at the town's pole of inaccessibility (its location is unpublished). */
export function buildExplorationBlocks(diagram: TownDiagram): ExplorationBlockResult[] {
  return EXPLORATION_BLOCKS.map((block) => {
    const town = diagram.towns.find((candidate) => candidate.row.name === block.town);
    if (!town) throw new Error(`exploration block: no town ${block.town}`);
    const { point, distance } = poleOfInaccessibility(town.polygons, 1);
    const half = Math.sqrt(block.publishedAreaKm2 * 1e6) / 2;
    if (distance < half * Math.SQRT2) throw new Error(`${block.name}: does not fit inside ${block.town}`);
    const ring: Ring = [
      [point[0] - half, point[1] - half],
      [point[0] + half, point[1] - half],
      [point[0] + half, point[1] + half],
      [point[0] - half, point[1] + half],
    ];
    return { block, ring, areaKm2: multiPolygonArea([[ring]]) / 1e6, clearanceM: distance - half * Math.SQRT2 };
  });
}

export function explorationFeature(result: ExplorationBlockResult): Feature {
  const { block } = result;
  const properties: Properties = {
    id: block.id,
    name: block.name,
    name_en: block.nameEn,
    town: block.town,
    mineral: block.mineral,
    mineral_en: block.mineralEn,
    stage: block.stage,
    stage_en: block.stageEn,
    published_area_km2: block.publishedAreaKm2,
    area_km2: round2(result.areaKm2),
    source: [...block.source],
    geometry_quality: "schematic",
    geometry_note: `位置未公布（专栏1只给出名称、矿种、面积和勘查阶段）：以公布面积${block.publishedAreaKm2} km²画正北方向正方形，置于${block.town}示意范围的最大内切圆心处，仅表示“在${block.town}境内”。`,
    geometry_note_en: `Location unpublished (专栏1 gives only name, mineral, area and stage): a north-up square of the published ${block.publishedAreaKm2} km², placed at the pole of inaccessibility of the schematic ${block.town} polygon; it only says "somewhere in ${block.town}".`,
  };
  return feature(properties, polygonsFromGK([[result.ring]]));
}
