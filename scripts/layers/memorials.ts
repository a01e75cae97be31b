/** Martyr memorials (大足府办发〔2023〕47号): six points and their position-uncertainty circles. */
import type { Feature } from "geojson";
import { feature, pointFromLngLat, polygonsFromGK, type Properties } from "./geojson";
import { regularPolygon, toGK } from "./geom";
import type { MemorialRow, TownRow } from "./inputs";

const DOC = "dzfb-2023-47";
export const MEMORIAL_EFFECTIVE = "2023-05-17";

const NAME_EN: Record<string, string> = {
  "memorial-rao-guoliang": "Monument to Martyr Rao Guoliang",
  "memorial-hu-zaiguo": "Tomb of Martyr Hu Zaiguo",
  "memorial-chen-xianwen": "Tomb of Martyr Chen Xianwen",
  "memorial-yang-shengjin": "Tomb of Martyr Yang Shengjin",
  "memorial-su-chaomiao": "Tomb of Martyr Su Chaomiao",
  "memorial-peng-zongquan": "Tomb of Martyr Peng Zongquan",
};

const positionKey = (row: MemorialRow) => `${row.position[0]},${row.position[1]}`;

export function buildMemorialFeatures(memorials: readonly MemorialRow[], towns: readonly TownRow[]): Feature[] {
  return memorials.map((row) => {
    const town = towns.find((candidate) => candidate.code === row.townCode);
    if (!town) throw new Error(`${row.name}: unknown town ${row.townCode}`);
    const sharing = memorials.filter((other) => other.id !== row.id && positionKey(other) === positionKey(row)).map((other) => other.name);
    const km = row.uncertaintyM / 1000;
    const placeholder = row.uncertaintyM > 1000;
    const properties: Properties = {
      id: row.id,
      name: row.name,
      name_en: NAME_EN[row.id] ?? null,
      kind: row.kind,
      address: row.address,
      town: town.name,
      town_code: town.code,
      protection_range: row.protectionRange,
      effective: MEMORIAL_EFFECTIVE,
      uncertainty_m: row.uncertaintyM,
      location_confidence: row.confidence,
      position_verified: false,
      shared_position_with: sharing,
      source: [`${DOC}#${row.clause}`, `${DOC}#rules`, `${DOC}#effective`],
      geometry_quality: "schematic",
      geometry_note:
        (placeholder
          ? `位置待核实：公布地址（${row.address}）未能定位到村/社区，点位为${town.name}的镇级占位点，误差约±${km} km。`
          : `公园级定位：点位为北山公园的大致位置，纪念碑在园内的具体位置未公布，误差约±${km} km。`) +
        (sharing.length > 0 ? `与${sharing.join("、")}同址（凉水村6组半边寺旁边），三点重合，未作偏移。` : "") +
        `保护范围为“${row.protectionRange}”，界线未公布。`,
      geometry_note_en:
        (placeholder
          ? `Position to be verified: the published address could not be located at village level; the point is a town-level placeholder in ${town.nameEn}, ±${km} km.`
          : `Park-level position: the approximate location of 北山公园; the monument's spot inside the park is unpublished, ±${km} km.`) +
        (sharing.length > 0
          ? ` Shares one published address (凉水村6组, beside 半边寺) with ${sharing.length} other tombs; the points coincide and are not offset.`
          : "") +
        ` The protection range ("${row.protectionRange}") has no published boundary.`,
    };
    return feature(properties, pointFromLngLat(row.position));
  });
}

/** One circle (64-gon in GK metres, radius = uncertainty) per distinct position. */
export function buildUncertaintyFeatures(memorials: readonly MemorialRow[], towns: readonly TownRow[]): Feature[] {
  const groups = new Map<string, MemorialRow[]>();
  for (const row of memorials) groups.set(positionKey(row), [...(groups.get(positionKey(row)) ?? []), row]);
  return [...groups.values()].map((rows) => {
    const first = rows[0] as MemorialRow;
    const town = towns.find((candidate) => candidate.code === first.townCode);
    const radius = Math.max(...rows.map((row) => row.uncertaintyM));
    const names = rows.map((row) => row.name);
    const properties: Properties = {
      id: `memorial-uncertainty-${first.id.replace(/^memorial-/, "")}`,
      name: `${names.join("、")}位置不确定范围`,
      name_en: `Position uncertainty: ${rows.map((row) => NAME_EN[row.id] ?? row.id).join("; ")}`,
      memorials: names,
      memorial_ids: rows.map((row) => row.id),
      town: town?.name ?? null,
      radius_m: radius,
      label: radius > 1000 ? "位置待核实" : null,
      label_en: radius > 1000 ? "Position to be verified" : null,
      source: [...new Set(rows.map((row) => `dzfb-2023-47#${row.clause}`)), "dzfb-2023-47#rules"],
      geometry_quality: "schematic",
      geometry_note: `以示意点位为圆心、半径${radius / 1000} km（位置误差）的圆（64边形，高斯–克吕格平面），表示纪念设施可能所在的范围，不是保护范围。`,
      geometry_note_en: `A circle (64-gon in Gauss–Krüger metres) of radius ${radius / 1000} km — the position uncertainty — around the schematic point: where the memorial may be, not its protection range.`,
    };
    return feature(properties, polygonsFromGK([[regularPolygon(toGK(first.position), radius, 64)]]));
  });
}
