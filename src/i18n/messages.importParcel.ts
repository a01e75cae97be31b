import type { BilingualText } from "../geo/crsTypes";
import { parcelName } from "./defaultParcelName";

type LngLat = [number, number];

/** A ring of a parcel: `parts` is how many parts the parcel has, so a one-part parcel's ring is named without its part. */
export interface RingAt {
  part: number;
  ring: number;
  parts: number;
}

/** A vertex of a ring, by its 0-based index and the label the source gave it (J1 …), if any. */
export interface VertexAt extends RingAt {
  index: number;
  label?: string;
}

/** An edge of a ring, by the labels (or 1-based numbers) of its two ends. */
export interface EdgeAt extends RingAt {
  labels: [string, string];
}

export interface ListedCrossing {
  lngLat: LngLat;
  kind: "cross" | "touch" | "overlap";
  first: EdgeAt;
  second: EdgeAt;
}

/** The parameters of the parcel-validity messages (src/import/validateParcel.ts), by text key. */
export interface ImportParcelParams {
  "non-finite-coordinate.source": { parcel: string; at: VertexAt; source: [string, string] };
  "non-finite-coordinate.converted": { parcel: string; at: VertexAt };
  "coordinates-out-of-range.source": { parcel: string; at: VertexAt; source: [string, string] };
  "coordinates-out-of-range.converted": { parcel: string; at: VertexAt; lngLat: LngLat };
  "coordinates-out-of-range.area": { parcel: string };
  "too-many-vertices.parcel": { parcel: string; vertices: number; limit: number };
  "too-few-vertices.line": { parcel: string; vertices: number };
  "too-few-vertices.ring": { parcel: string; at: RingAt; vertices: number };
  "ring-closed": { parcel: string; rings: RingAt[] };
  "duplicate-vertices-removed": { parcel: string; removed: number };
  /** `count` crossings in all, the first few of them `listed`. */
  "self-intersection": { parcel: string; count: number; listed: ListedCrossing[] };
  "zero-area": { parcel: string; squareMetres: number };
  "larger-than-district": { parcel: string; squareMetres: number; districtKm2: number };
  "stated-area-mismatch": { parcel: string; statedHectares: number; computedHectares: number; differencePercent: number };
  "overlapping-parts": { parcel: string; parts: [number, number]; lngLat: LngLat };
  "hole-outside-shell": { parcel: string; part: number; parts: number; ring: number; lngLat: LngLat };
  "overlapping-holes": { parcel: string; part: number; parts: number; rings: [number, number]; lngLat: LngLat };
}

function place([longitude, latitude]: LngLat): string {
  return `${longitude.toFixed(6)}°E, ${latitude.toFixed(6)}°N`;
}

function partName(part: number): BilingualText {
  return { zh: `第 ${part + 1} 部分`, en: `part ${part + 1}` };
}

function ringName({ part, ring, parts }: RingAt): BilingualText {
  const kind = ring === 0 ? { zh: "外圈", en: "outer ring" } : { zh: `内圈 ${ring}`, en: `hole ${ring}` };
  if (parts <= 1) return kind;
  return { zh: `第 ${part + 1} 部分${kind.zh}`, en: `part ${part + 1}, ${kind.en}` };
}

function vertexName({ index, label }: VertexAt): BilingualText {
  return label ? { zh: `点 ${label}`, en: `point ${label}` } : { zh: `第 ${index + 1} 点`, en: `point ${index + 1}` };
}

function edgeName(edge: EdgeAt): BilingualText {
  const where = ringName(edge);
  return { zh: `${where.zh}边 ${edge.labels[0]}→${edge.labels[1]}`, en: `${where.en} edge ${edge.labels[0]}→${edge.labels[1]}` };
}

const CROSSING_KIND: Record<ListedCrossing["kind"], BilingualText> = {
  cross: { zh: "交叉", en: "crosses" },
  touch: { zh: "相接", en: "touches" },
  overlap: { zh: "重叠", en: "overlaps" },
};

function formatArea(squareMetres: number): string {
  return squareMetres >= 1e6 ? `${(squareMetres / 1e6).toFixed(3)} km²` : `${squareMetres.toFixed(2)} m²`;
}

/** Where a vertex is, as the number messages start: "地块「A」外圈第 3 点" / "Parcel "A", outer ring, point 3". */
function at(parcel: string, vertex: VertexAt): BilingualText {
  const where = ringName(vertex);
  const point = vertexName(vertex);
  return { zh: `地块「${parcelName(parcel, "zh")}」${where.zh}${point.zh}`, en: `Parcel "${parcelName(parcel, "en")}", ${where.en}, ${point.en}` };
}

export const IMPORT_PARCEL_TEXT: { [Key in keyof ImportParcelParams]: (params: ImportParcelParams[Key]) => BilingualText } = {
  "non-finite-coordinate.source": ({ parcel, at: vertex, source }) => ({
    zh: `${at(parcel, vertex).zh}的坐标不是有效数字（${source[0]}, ${source[1]}）。`,
    en: `${at(parcel, vertex).en}: the coordinates are not valid numbers (${source[0]}, ${source[1]}).`,
  }),
  "non-finite-coordinate.converted": ({ parcel, at: vertex }) => ({
    zh: `${at(parcel, vertex).zh}换算到经纬度后不是有效数字——所选坐标系可能不对。`,
    en: `${at(parcel, vertex).en}: the converted longitude/latitude is not a valid number — the coordinate system may be wrong.`,
  }),
  "coordinates-out-of-range.source": ({ parcel, at: vertex, source }) => ({
    zh: `${at(parcel, vertex).zh}的坐标数值过大（${source[0]}, ${source[1]}），不是经纬度也不是高斯-克吕格平面坐标。`,
    en: `${at(parcel, vertex).en}: the values (${source[0]}, ${source[1]}) are too large for longitude/latitude or Gauss–Krüger metres.`,
  }),
  "coordinates-out-of-range.converted": ({ parcel, at: vertex, lngLat: [longitude, latitude] }) => ({
    zh: `${at(parcel, vertex).zh}换算后为经度 ${longitude.toFixed(4)}、纬度 ${latitude.toFixed(4)}，超出地球范围——所选坐标系可能不对。`,
    en: `${at(parcel, vertex).en}: converted to longitude ${longitude.toFixed(4)}, latitude ${latitude.toFixed(4)}, which is off the globe — the coordinate system may be wrong.`,
  }),
  "coordinates-out-of-range.area": ({ parcel }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」的面积无法计算：坐标离大足区所在投影带太远——所选坐标系可能不对。`,
    en: `The area of parcel "${parcelName(parcel, "en")}" cannot be computed: the coordinates are too far from Dazu's projection zone — the coordinate system may be wrong.`,
  }),
  "too-many-vertices.parcel": ({ parcel, vertices, limit }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」有 ${vertices} 个点，超过上限 ${limit}。请先在 GIS 软件中简化或拆分。`,
    en: `Parcel "${parcelName(parcel, "en")}" has ${vertices} vertices, more than the limit of ${limit}. Simplify or split it in GIS software first.`,
  }),
  "too-few-vertices.line": ({ parcel, vertices }) => ({
    zh: `线「${parcelName(parcel, "zh")}」只有 ${vertices} 个不同的点，至少需要 2 个。`,
    en: `Line "${parcelName(parcel, "en")}" has ${vertices} distinct vertex; a line needs at least 2.`,
  }),
  "too-few-vertices.ring": ({ parcel, at: ring, vertices }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」${ringName(ring).zh}只有 ${vertices} 个不同的点，构成面至少需要 3 个。`,
    en: `Parcel "${parcelName(parcel, "en")}", ${ringName(ring).en}: only ${vertices} distinct vertices; a polygon needs at least 3.`,
  }),
  "ring-closed": ({ parcel, rings }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」的${rings.map((ring) => ringName(ring).zh).join("、")}首尾点不重合，已自动闭合（终点连回起点）。`,
    en: `Parcel "${parcelName(parcel, "en")}": the ${rings.map((ring) => ringName(ring).en).join(", ")} did not end at ${rings.length > 1 ? "their" : "its"} first point and ${rings.length > 1 ? "were" : "was"} closed automatically.`,
  }),
  "duplicate-vertices-removed": ({ parcel, removed }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」有 ${removed} 个与前一点重合的重复点，已去除。`,
    en: `Parcel "${parcelName(parcel, "en")}": ${removed} vertex${removed > 1 ? "es" : ""} repeating the previous one ${removed > 1 ? "were" : "was"} removed.`,
  }),
  "self-intersection": ({ parcel, count, listed }) => {
    const more = count - listed.length;
    return {
      zh: `地块「${parcelName(parcel, "zh")}」的边界自相交 ${count} 处：${listed
        .map((item) => `在 ${place(item.lngLat)}，${edgeName(item.first).zh}与${edgeName(item.second).zh}${CROSSING_KIND[item.kind].zh}`)
        .join("；")}${more > 0 ? `；另有 ${more} 处` : ""}。请核对界址点顺序后重新导入。`,
      en: `The boundary of parcel "${parcelName(parcel, "en")}" intersects itself in ${count} place${count > 1 ? "s" : ""}: ${listed
        .map((item) => `at ${place(item.lngLat)}, ${edgeName(item.first).en} ${CROSSING_KIND[item.kind].en} ${edgeName(item.second).en}`)
        .join("; ")}${more > 0 ? `; and ${more} more` : ""}. Check the order of the boundary points and import again.`,
    };
  },
  "zero-area": ({ parcel, squareMetres }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」的面积只有 ${squareMetres.toFixed(4)} m²（接近零）：界址点可能共线，或把经纬度当成了米制坐标。`,
    en: `Parcel "${parcelName(parcel, "en")}" has an area of only ${squareMetres.toFixed(4)} m² (near zero): the points may be collinear, or degrees were read as metres.`,
  }),
  "larger-than-district": ({ parcel, squareMetres, districtKm2 }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」的面积为 ${formatArea(squareMetres)}，比整个大足区（约 ${districtKm2} km²）还大：坐标系或单位可能不对。`,
    en: `Parcel "${parcelName(parcel, "en")}" covers ${formatArea(squareMetres)}, more than the whole of Dazu District (about ${districtKm2} km²): the coordinate system or unit is probably wrong.`,
  }),
  "stated-area-mismatch": ({ parcel, statedHectares, computedHectares, differencePercent }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」标注面积 ${statedHectares} 公顷，按界址点计算的高斯-克吕格面积为 ${computedHectares.toFixed(4)} 公顷，相差 ${differencePercent.toFixed(2)}%（超过 1%）。请核对界址点或标注面积。`,
    en: `Parcel "${parcelName(parcel, "en")}" states ${statedHectares} ha, but its boundary points give ${computedHectares.toFixed(4)} ha (Gauss–Krüger), a difference of ${differencePercent.toFixed(2)}% (more than 1%). Check the points or the stated area.`,
  }),
  "overlapping-parts": ({ parcel, parts, lngLat }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」的${partName(parts[0]).zh}与${partName(parts[1]).zh}重叠或互相包含（约在 ${place(lngLat)}），面积会被重复计算。请合并为一个面或删去多余部分后重新导入。`,
    en: `Parcel "${parcelName(parcel, "en")}": ${partName(parts[0]).en} and ${partName(parts[1]).en} overlap or lie one inside the other (near ${place(lngLat)}), so their area would be counted twice. Merge them into one polygon or remove the extra part, then import again.`,
  }),
  "hole-outside-shell": ({ parcel, part, parts, ring, lngLat }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」${parts > 1 ? partName(part).zh : ""}的内圈 ${ring}（洞）不在外圈之内（约在 ${place(lngLat)}），不能从面积中扣除。请核对圈号或界址点后重新导入。`,
    en: `Parcel "${parcelName(parcel, "en")}"${parts > 1 ? `, ${partName(part).en}` : ""}: hole ${ring} is not inside the outer ring (near ${place(lngLat)}), so it cannot be subtracted from the area. Check the ring numbers or the points and import again.`,
  }),
  "overlapping-holes": ({ parcel, part, parts, rings, lngLat }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」${parts > 1 ? partName(part).zh : ""}的内圈 ${rings[0]} 与内圈 ${rings[1]} 重叠或互相包含（约在 ${place(lngLat)}），面积会被重复扣除。请核对后重新导入。`,
    en: `Parcel "${parcelName(parcel, "en")}"${parts > 1 ? `, ${partName(part).en}` : ""}: holes ${rings[0]} and ${rings[1]} overlap or lie one inside the other (near ${place(lngLat)}), so their area would be subtracted twice. Check them and import again.`,
  }),
};
