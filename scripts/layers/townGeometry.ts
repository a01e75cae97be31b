/**
 * Schematic town polygons: a power diagram of the 27 seat points in EPSG:4544 metres, clipped to the
 * district outline, with weights fitted so published areas are met and every seat (and every memorial)
 * lies inside its own town.
 */
import intersect from "@turf/intersect";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { District } from "./district";
import { bboxOfRings, closeRing, multiPolygonArea, openRing, pointInMultiPolygon, toGK, type Point, type Ring } from "./geom";
import type { MemorialRow, ParkRow, TownRow } from "./inputs";
import { bisectorClearance, containmentConstraints, convexCell, fitPowerDiagram, type PowerSite, type WeightConstraint } from "./power";

/** Seats and memorials keep at least this clearance (m) from every power bisector. */
export const CONTAINMENT_MARGIN_M = 50;

export interface TownGeometry {
  row: TownRow;
  /** (Multi)polygon rings in GK metres. */
  polygons: Ring[][];
  areaKm2: number;
  targetKm2: number;
  weight: number;
  /** Smallest clearance (m) of the seat from the cell's bisectors. */
  seatClearanceM: number;
}

export interface TownDiagram {
  towns: TownGeometry[];
  origin: Point;
  iterations: number;
  maxRelativeError: number;
  equalShareKm2: number;
  parkRemainderKm2: number | null;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Ring[][] {
  const polygons: Position[][][] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => openRing(ring.map((position) => [position[0] as number, position[1] as number] as Point))));
}

export function buildTownDiagram(district: District, rows: readonly TownRow[], memorials: readonly MemorialRow[], parks: readonly ParkRow[]): TownDiagram {
  const [minX, minY, maxX, maxY] = bboxOfRings([district.ringGK]);
  // Work relative to a rounded local origin so squared distances stay well inside double precision.
  const origin: Point = [Math.round((minX + maxX) / 2000) * 1000, Math.round((minY + maxY) / 2000) * 1000];
  const local = (point: Point): Point => [point[0] - origin[0], point[1] - origin[1]];
  const ring = district.ringGK.map(local);
  const sites: PowerSite[] = rows.map((row) => {
    const [x, y] = local(toGK(row.seat));
    return { x, y };
  });

  // Targets: published areas where fitted; 龙滩子 from the park's administered area; the rest shared equally.
  const districtArea = district.areaKm2;
  const publishedSum = rows.reduce((sum, row) => sum + (row.targetRule === "published" ? (row.publishedAreaKm2 as number) : 0), 0);
  let parkRemainderKm2: number | null = null;
  const remainderRow = rows.find((row) => row.targetRule === "park-remainder");
  if (remainderRow) {
    const park = parks.find((candidate) => candidate.administeredTownCodes.includes(remainderRow.code) && candidate.areaKm2 !== null);
    if (!park) throw new Error(`${remainderRow.name}: no park area to take a remainder from`);
    const others = park.administeredTownCodes.filter((code) => code !== remainderRow.code);
    const othersSum = others.reduce((sum, code) => {
      const other = rows.find((row) => row.code === code);
      if (!other || other.publishedAreaKm2 === null) throw new Error(`park remainder: ${code} has no published area`);
      return sum + other.publishedAreaKm2;
    }, 0);
    parkRemainderKm2 = (park.areaKm2 as number) - othersSum;
  }
  const sharers = rows.filter((row) => row.targetRule === "equal-share").length;
  const equalShareKm2 = (districtArea - publishedSum - (parkRemainderKm2 ?? 0)) / sharers;
  const targetsKm2 = rows.map((row) =>
    row.targetRule === "published" ? (row.publishedAreaKm2 as number) : row.targetRule === "park-remainder" ? (parkRemainderKm2 as number) : equalShareKm2,
  );
  const importance = rows.map((row) => (row.targetRule === "published" ? 1 : 0.002));

  const constraints: WeightConstraint[] = [];
  rows.forEach((row, index) => {
    const site = sites[index] as PowerSite;
    constraints.push(...containmentConstraints(sites, index, [site.x, site.y], CONTAINMENT_MARGIN_M, `seat of ${row.name}`));
  });
  for (const memorial of memorials) {
    const owner = rows.findIndex((row) => row.code === memorial.townCode);
    if (owner < 0) throw new Error(`${memorial.name}: unknown town ${memorial.townCode}`);
    constraints.push(...containmentConstraints(sites, owner, local(toGK(memorial.position)), CONTAINMENT_MARGIN_M, memorial.name));
  }

  const fit = fitPowerDiagram(ring, sites, { targets: targetsKm2.map((km2) => km2 * 1e6), importance, constraints });
  if (fit.worstConstraintViolation > 0) throw new Error(`containment constraints could not be met (violation ${fit.worstConstraintViolation})`);

  const districtPolygon: Polygon = { type: "Polygon", coordinates: [closeRing(district.ringGK)] };
  const box: [number, number, number, number] = [minX - 5000 - origin[0], minY - 5000 - origin[1], maxX + 5000 - origin[0], maxY + 5000 - origin[1]];
  const towns = rows.map((row, index): TownGeometry => {
    const cell = convexCell(box, sites, fit.weights, index).map((point): Point => [point[0] + origin[0], point[1] + origin[1]]);
    const clipped = intersect({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [closeRing(cell)] } },
        { type: "Feature", properties: {}, geometry: districtPolygon },
      ],
    });
    if (!clipped) throw new Error(`${row.name}: empty cell`);
    const polygons = polygonsOf(clipped.geometry);
    const site = sites[index] as PowerSite;
    let seatClearanceM = Infinity;
    sites.forEach((_, j) => {
      if (j !== index) seatClearanceM = Math.min(seatClearanceM, bisectorClearance(sites, fit.weights, index, j, [site.x, site.y]));
    });
    if (!pointInMultiPolygon([site.x + origin[0], site.y + origin[1]], polygons)) throw new Error(`${row.name}: seat outside its cell`);
    return {
      row,
      polygons,
      areaKm2: multiPolygonArea(polygons) / 1e6,
      targetKm2: targetsKm2[index] as number,
      weight: fit.weights[index] as number,
      seatClearanceM,
    };
  });
  return { towns, origin, iterations: fit.iterations, maxRelativeError: fit.maxRelativeError, equalShareKm2, parkRemainderKm2 };
}
