import type { Position } from "geojson";
import { gaussKrugerToLngLat, lngLatToGaussKruger } from "../geo/crs";
import { areaFigures } from "../geo/measure";
import { polygonValidity, type NestingProblem } from "../geo/polygonValidity";
import type { Crossing } from "../geo/selfIntersections";
import { importMessage } from "./messages";
import { MAX_VERTICES, type BilingualText, type ImportedParcel, type ImportMessage } from "./types";

export type ParcelValidation =
  | { ok: true; parcel: ImportedParcel; warnings: ImportMessage[] }
  | { ok: false; errors: ImportMessage[]; warnings: ImportMessage[] };

/** Smaller than this (m²) is no parcel: collinear points, or degrees read as metres. */
export const MINIMUM_AREA_SQUARE_METRES = 1;
/** Stated vs computed area: differences above this fraction are reported. */
export const STATED_AREA_TOLERANCE = 0.01;
/** Vertices closer than this (m) are one vertex: far below survey precision (mm), above rounding noise. */
const SAME_VERTEX_METRES = 1e-4;
/** Source values beyond this are absurd for any coordinate in China (degrees or metres). */
const ABSURD_SOURCE_VALUE = 1e8;
/** Crossings named in the message text; all (up to 1000) are in `detail`. */
const CROSSINGS_IN_TEXT = 3;

function ringName(part: number, ring: number, parts: number): BilingualText {
  const kind = ring === 0 ? { zh: "外圈", en: "outer ring" } : { zh: `内圈 ${ring}`, en: `hole ${ring}` };
  if (parts <= 1) return kind;
  return { zh: `第 ${part + 1} 部分${kind.zh}`, en: `part ${part + 1}, ${kind.en}` };
}

function vertexName(parcel: ImportedParcel, part: number, ring: number, index: number): BilingualText {
  const label = parcel.vertexLabels?.[part]?.[ring]?.[index];
  return label ? { zh: `点 ${label}`, en: `point ${label}` } : { zh: `第 ${index + 1} 点`, en: `point ${index + 1}` };
}

function shortVertex(parcel: ImportedParcel, part: number, ring: number, index: number): string {
  return parcel.vertexLabels?.[part]?.[ring]?.[index] ?? String(index + 1);
}

function polygonsOf(parcel: ImportedParcel): Position[][][] {
  const geometry = parcel.geometry;
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  if (geometry.type === "LineString") return [[geometry.coordinates]];
  return [[[geometry.coordinates]]];
}

function vertexCount(parcel: ImportedParcel): number {
  return polygonsOf(parcel).reduce((sum, rings) => sum + rings.reduce((ringSum, ring) => ringSum + ring.length, 0), 0);
}

function checkNumbers(parcel: ImportedParcel): ImportMessage[] {
  const polygons = polygonsOf(parcel);
  const parts = polygons.length;
  for (const [part, rings] of polygons.entries()) {
    for (const [ring, positions] of rings.entries()) {
      for (const [index, position] of positions.entries()) {
        const source = parcel.sourceCoordinates[part]?.[ring]?.[index];
        const where = ringName(part, ring, parts);
        const vertex = vertexName(parcel, part, ring, index);
        const detail = { parcel: parcel.name, part, ring, vertex: index, source };
        if (source && (!Number.isFinite(source[0]) || !Number.isFinite(source[1]))) {
          return [
            {
              code: "non-finite-coordinate",
              zh: `地块「${parcel.name}」${where.zh}${vertex.zh}的坐标不是有效数字（${source[0]}, ${source[1]}）。`,
              en: `Parcel "${parcel.name}", ${where.en}, ${vertex.en}: the coordinates are not valid numbers (${source[0]}, ${source[1]}).`,
              detail,
            },
          ];
        }
        if (source && (Math.abs(source[0]) > ABSURD_SOURCE_VALUE || Math.abs(source[1]) > ABSURD_SOURCE_VALUE)) {
          return [
            {
              code: "coordinates-out-of-range",
              zh: `地块「${parcel.name}」${where.zh}${vertex.zh}的坐标数值过大（${source[0]}, ${source[1]}），不是经纬度也不是高斯-克吕格平面坐标。`,
              en: `Parcel "${parcel.name}", ${where.en}, ${vertex.en}: the values (${source[0]}, ${source[1]}) are too large for longitude/latitude or Gauss–Krüger metres.`,
              detail,
            },
          ];
        }
        const [longitude, latitude] = [position[0], position[1]];
        if (longitude === undefined || latitude === undefined || !Number.isFinite(longitude) || !Number.isFinite(latitude)) {
          return [
            {
              code: "non-finite-coordinate",
              zh: `地块「${parcel.name}」${where.zh}${vertex.zh}换算到经纬度后不是有效数字——所选坐标系可能不对。`,
              en: `Parcel "${parcel.name}", ${where.en}, ${vertex.en}: the converted longitude/latitude is not a valid number — the coordinate system may be wrong.`,
              detail,
            },
          ];
        }
        if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
          return [
            {
              code: "coordinates-out-of-range",
              zh: `地块「${parcel.name}」${where.zh}${vertex.zh}换算后为经度 ${longitude.toFixed(4)}、纬度 ${latitude.toFixed(4)}，超出地球范围——所选坐标系可能不对。`,
              en: `Parcel "${parcel.name}", ${where.en}, ${vertex.en}: converted to longitude ${longitude.toFixed(4)}, latitude ${latitude.toFixed(4)}, which is off the globe — the coordinate system may be wrong.`,
              detail,
            },
          ];
        }
      }
    }
  }
  return [];
}

interface CleanRing {
  /** Open ring in GK metres. */
  planar: [number, number][];
  /** Open ring in WGS-84. */
  lngLat: [number, number][];
  /** For each kept vertex, its index in the given ring. */
  sourceIndex: number[];
  wasClosed: boolean;
  duplicatesRemoved: number;
}

function cleanRing(positions: Position[]): CleanRing {
  const lngLat = positions.map((position): [number, number] => [position[0]!, position[1]!]);
  const planar = lngLat.map((point) => lngLatToGaussKruger(point));
  const same = (a: [number, number], b: [number, number]): boolean => Math.hypot(a[0] - b[0], a[1] - b[1]) <= SAME_VERTEX_METRES;
  const wasClosed = planar.length > 1 && same(planar[0]!, planar[planar.length - 1]!);
  const end = wasClosed ? planar.length - 1 : planar.length;
  const result: CleanRing = { planar: [], lngLat: [], sourceIndex: [], wasClosed, duplicatesRemoved: 0 };
  for (let index = 0; index < end; index++) {
    const previous = result.planar[result.planar.length - 1];
    if (previous && same(previous, planar[index]!)) {
      result.duplicatesRemoved++;
      continue;
    }
    result.planar.push(planar[index]!);
    result.lngLat.push(lngLat[index]!);
    result.sourceIndex.push(index);
  }
  while (result.planar.length > 1 && same(result.planar[0]!, result.planar[result.planar.length - 1]!)) {
    result.planar.pop();
    result.lngLat.pop();
    result.sourceIndex.pop();
    result.duplicatesRemoved++;
  }
  return result;
}

function describeCrossings(parcel: ImportedParcel, crossings: Crossing[], rings: Map<string, CleanRing>, parts: number): ImportMessage {
  const edgeText = (reference: Crossing["first"]): { zh: string; en: string; from: number; to: number; labels: [string, string] } => {
    const ring = rings.get(`${reference.part}/${reference.ring}`)!;
    const from = ring.sourceIndex[reference.edge]!;
    const to = ring.sourceIndex[(reference.edge + 1) % ring.sourceIndex.length]!;
    const labels: [string, string] = [shortVertex(parcel, reference.part, reference.ring, from), shortVertex(parcel, reference.part, reference.ring, to)];
    const where = ringName(reference.part, reference.ring, parts);
    return { zh: `${where.zh}边 ${labels[0]}→${labels[1]}`, en: `${where.en} edge ${labels[0]}→${labels[1]}`, from, to, labels };
  };
  const kindText: Record<Crossing["kind"], BilingualText> = {
    cross: { zh: "交叉", en: "crosses" },
    touch: { zh: "相接", en: "touches" },
    overlap: { zh: "重叠", en: "overlaps" },
  };
  const described = crossings.map((crossing) => {
    const lngLat = gaussKrugerToLngLat(crossing.point);
    const first = edgeText(crossing.first);
    const second = edgeText(crossing.second);
    return { crossing, lngLat, first, second };
  });
  const listed = described.slice(0, CROSSINGS_IN_TEXT);
  const more = described.length - listed.length;
  const place = (lngLat: [number, number]): string => `${lngLat[0].toFixed(6)}°E, ${lngLat[1].toFixed(6)}°N`;
  return {
    code: "self-intersection",
    zh: `地块「${parcel.name}」的边界自相交 ${described.length} 处：${listed
      .map((item) => `在 ${place(item.lngLat)}，${item.first.zh}与${item.second.zh}${kindText[item.crossing.kind].zh}`)
      .join("；")}${more > 0 ? `；另有 ${more} 处` : ""}。请核对界址点顺序后重新导入。`,
    en: `The boundary of parcel "${parcel.name}" intersects itself in ${described.length} place${described.length > 1 ? "s" : ""}: ${listed
      .map((item) => `at ${place(item.lngLat)}, ${item.first.en} ${kindText[item.crossing.kind].en} ${item.second.en}`)
      .join("; ")}${more > 0 ? `; and ${more} more` : ""}. Check the order of the boundary points and import again.`,
    detail: {
      parcel: parcel.name,
      crossings: described.map((item) => ({
        lngLat: item.lngLat,
        kind: item.crossing.kind,
        first: { ...item.crossing.first, fromVertex: item.first.from, toVertex: item.first.to, labels: item.first.labels },
        second: { ...item.crossing.second, fromVertex: item.second.from, toVertex: item.second.to, labels: item.second.labels },
      })),
    },
  };
}

function describeNesting(parcel: ImportedParcel, problem: NestingProblem, parts: number): ImportMessage {
  const lngLat = gaussKrugerToLngLat(problem.point);
  switch (problem.code) {
    case "overlapping-parts":
      return importMessage(problem.code, { parcel: parcel.name, parts: problem.parts, lngLat });
    case "hole-outside-shell":
      return importMessage(problem.code, { parcel: parcel.name, part: problem.part, parts, ring: problem.ring, lngLat });
    case "overlapping-holes":
      return importMessage(problem.code, { parcel: parcel.name, part: problem.part, parts, rings: problem.rings, lngLat });
  }
}

function formatArea(squareMetres: number): string {
  return squareMetres >= 1e6 ? `${(squareMetres / 1e6).toFixed(3)} km²` : `${squareMetres.toFixed(2)} m²`;
}

/**
 * Checks one parcel: numbers valid and on the globe, enough vertices, rings closed (closing them, with a warning),
 * no self-intersection (with the crossing points), a plausible area, and the stated area if there is one.
 * Returns the parcel with closed, de-duplicated rings.
 */
export function validateParcel(parcel: ImportedParcel, districtAreaKm2?: number): ParcelValidation {
  const warnings: ImportMessage[] = [];
  const count = vertexCount(parcel);
  if (count > MAX_VERTICES) {
    return {
      ok: false,
      warnings,
      errors: [
        {
          code: "too-many-vertices",
          zh: `地块「${parcel.name}」有 ${count} 个点，超过上限 ${MAX_VERTICES}。请先在 GIS 软件中简化或拆分。`,
          en: `Parcel "${parcel.name}" has ${count} vertices, more than the limit of ${MAX_VERTICES}. Simplify or split it in GIS software first.`,
          detail: { parcel: parcel.name, vertices: count, limit: MAX_VERTICES },
        },
      ],
    };
  }
  const numberErrors = checkNumbers(parcel);
  if (numberErrors.length > 0) return { ok: false, errors: numberErrors, warnings };

  const geometry = parcel.geometry;
  if (geometry.type === "Point") return { ok: true, parcel, warnings };
  if (geometry.type === "LineString") {
    const ring = cleanRing(geometry.coordinates);
    if (ring.planar.length < 2) {
      return {
        ok: false,
        warnings,
        errors: [
          {
            code: "too-few-vertices",
            zh: `线「${parcel.name}」只有 ${ring.planar.length} 个不同的点，至少需要 2 个。`,
            en: `Line "${parcel.name}" has ${ring.planar.length} distinct vertex; a line needs at least 2.`,
            detail: { parcel: parcel.name, vertices: ring.planar.length, minimum: 2 },
          },
        ],
      };
    }
    return { ok: true, parcel, warnings };
  }

  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const parts = polygons.length;
  const errors: ImportMessage[] = [];
  const cleaned = new Map<string, CleanRing>();
  const closedRings: BilingualText[] = [];
  let duplicates = 0;
  for (const [part, rings] of polygons.entries()) {
    for (const [ringIndex, positions] of rings.entries()) {
      const ring = cleanRing(positions);
      cleaned.set(`${part}/${ringIndex}`, ring);
      duplicates += ring.duplicatesRemoved;
      if (!ring.wasClosed && positions.length >= 3) closedRings.push(ringName(part, ringIndex, parts));
      if (ring.planar.length < 3) {
        const where = ringName(part, ringIndex, parts);
        errors.push({
          code: "too-few-vertices",
          zh: `地块「${parcel.name}」${where.zh}只有 ${ring.planar.length} 个不同的点，构成面至少需要 3 个。`,
          en: `Parcel "${parcel.name}", ${where.en}: only ${ring.planar.length} distinct vertices; a polygon needs at least 3.`,
          detail: { parcel: parcel.name, part, ring: ringIndex, vertices: ring.planar.length, minimum: 3 },
        });
      }
    }
  }
  if (closedRings.length > 0) {
    warnings.push({
      code: "ring-closed",
      zh: `地块「${parcel.name}」的${closedRings.map((ring) => ring.zh).join("、")}首尾点不重合，已自动闭合（终点连回起点）。`,
      en: `Parcel "${parcel.name}": the ${closedRings.map((ring) => ring.en).join(", ")} did not end at ${closedRings.length > 1 ? "their" : "its"} first point and ${closedRings.length > 1 ? "were" : "was"} closed automatically.`,
      detail: { parcel: parcel.name, rings: closedRings.length },
    });
  }
  if (duplicates > 0) {
    warnings.push({
      code: "duplicate-vertices-removed",
      zh: `地块「${parcel.name}」有 ${duplicates} 个与前一点重合的重复点，已去除。`,
      en: `Parcel "${parcel.name}": ${duplicates} vertex${duplicates > 1 ? "es" : ""} repeating the previous one ${duplicates > 1 ? "were" : "was"} removed.`,
      detail: { parcel: parcel.name, removed: duplicates },
    });
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  const planarParts = polygons.map((rings, part) => rings.map((_, ringIndex) => cleaned.get(`${part}/${ringIndex}`)!.planar));
  const validity = polygonValidity(planarParts);
  // A self-intersecting ring has no meaningful area (a bow-tie's halves cancel), so stop here.
  if (validity.selfIntersections.length > 0) return { ok: false, errors: [describeCrossings(parcel, validity.selfIntersections, cleaned, parts)], warnings };
  // Overlapping parts would be counted twice and a hole outside its shell subtracted from nothing: no area is right.
  if (validity.nesting.length > 0) return { ok: false, errors: validity.nesting.map((problem) => describeNesting(parcel, problem, parts)), warnings };

  const closedPolygons = polygons.map((rings, part) =>
    rings.map((_, ringIndex) => {
      const ring = cleaned.get(`${part}/${ringIndex}`)!.lngLat;
      return [...ring, ring[0]!];
    }),
  );
  const cleanGeometry =
    geometry.type === "Polygon"
      ? { type: "Polygon" as const, coordinates: closedPolygons[0]! }
      : { type: "MultiPolygon" as const, coordinates: closedPolygons };
  const area = areaFigures(cleanGeometry).gaussKrugerSquareMetres;
  if (!Number.isFinite(area)) {
    errors.push({
      code: "coordinates-out-of-range",
      zh: `地块「${parcel.name}」的面积无法计算：坐标离大足区所在投影带太远——所选坐标系可能不对。`,
      en: `The area of parcel "${parcel.name}" cannot be computed: the coordinates are too far from Dazu's projection zone — the coordinate system may be wrong.`,
      detail: { parcel: parcel.name },
    });
  } else if (area < MINIMUM_AREA_SQUARE_METRES) {
    errors.push({
      code: "zero-area",
      zh: `地块「${parcel.name}」的面积只有 ${area.toFixed(4)} m²（接近零）：界址点可能共线，或把经纬度当成了米制坐标。`,
      en: `Parcel "${parcel.name}" has an area of only ${area.toFixed(4)} m² (near zero): the points may be collinear, or degrees were read as metres.`,
      detail: { parcel: parcel.name, squareMetres: area },
    });
  } else if (districtAreaKm2 !== undefined && area > districtAreaKm2 * 1e6) {
    errors.push({
      code: "larger-than-district",
      zh: `地块「${parcel.name}」的面积为 ${formatArea(area)}，比整个大足区（约 ${districtAreaKm2} km²）还大：坐标系或单位可能不对。`,
      en: `Parcel "${parcel.name}" covers ${formatArea(area)}, more than the whole of Dazu District (about ${districtAreaKm2} km²): the coordinate system or unit is probably wrong.`,
      detail: { parcel: parcel.name, squareMetres: area, districtSquareMetres: districtAreaKm2 * 1e6 },
    });
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  if (parcel.statedAreaHectares !== undefined && parcel.statedAreaHectares > 0) {
    const computedHectares = area / 10_000;
    const difference = (computedHectares - parcel.statedAreaHectares) / parcel.statedAreaHectares;
    if (Math.abs(difference) > STATED_AREA_TOLERANCE) {
      const percent = (difference * 100).toFixed(2);
      warnings.push({
        code: "stated-area-mismatch",
        zh: `地块「${parcel.name}」标注面积 ${parcel.statedAreaHectares} 公顷，按界址点计算的高斯-克吕格面积为 ${computedHectares.toFixed(4)} 公顷，相差 ${percent}%（超过 1%）。请核对界址点或标注面积。`,
        en: `Parcel "${parcel.name}" states ${parcel.statedAreaHectares} ha, but its boundary points give ${computedHectares.toFixed(4)} ha (Gauss–Krüger), a difference of ${percent}% (more than 1%). Check the points or the stated area.`,
        detail: { parcel: parcel.name, statedHectares: parcel.statedAreaHectares, computedHectares, differencePercent: difference * 100 },
      });
    }
  }
  return { ok: true, parcel: { ...parcel, geometry: cleanGeometry }, warnings };
}
