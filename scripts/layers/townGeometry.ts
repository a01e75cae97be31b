/**
 * Schematic town polygons: a power diagram of 27 generator points in EPSG:4544 metres, clipped to the
 * district outline. The generators start at the seats (a pair turned where the seats' line cannot separate
 * two towns' known points) and, with the weights, are fitted so published areas are met while every seat,
 * memorial and usable village point lies inside its own town; moving a generator off its seat has a cost.
 */
import intersect from "@turf/intersect";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { District } from "./district";
import { roundRing } from "./geojson";
import { bboxOfRings, closeRing, multiPolygonArea, openRing, pointInMultiPolygon, toGK, toLngLat, type Point, type Ring } from "./geom";
import { reassignDetachedPieces, type DetachedPiece } from "./detachedPieces";
import { separateGenerators, type GeneratorMove } from "./generators";
import type { MemorialRow, ParkRow, TownRow, VillageRow } from "./inputs";
import { bisectorClearance, containmentConstraints, convexCell, type PowerSite, type WeightConstraint } from "./power";
import { fitPowerDiagram } from "./powerFit";

/** Seats, memorials and village points keep at least this clearance (m) from every power bisector. */
export const CONTAINMENT_MARGIN_M = 50;
/** Cost of moving a generator from its seat, in squared m² of area per squared metre (see powerFit.ts). */
export const GENERATOR_STIFFNESS = 1e5;
/** The fit stops once every published area is within this relative error. */
export const AREA_TOLERANCE = 0.002;

export interface TownGeometry {
  row: TownRow;
  /** (Multi)polygon rings in GK metres. */
  polygons: Ring[][];
  areaKm2: number;
  targetKm2: number;
  weight: number;
  /** Smallest clearance (m) of the seat from the cell's bisectors. */
  seatClearanceM: number;
  /** The fitted generator point (GK metres); it starts at the seat. */
  generator: Point;
  /** Smallest clearance (m) of any of the town's points (seat, memorials, villages) from the cell's bisectors. */
  pointClearanceM: number;
  /** How many village points constrain the town. */
  villagePoints: number;
}

/** A point the diagram must keep inside a given town. */
export interface TownAnchor {
  townIndex: number;
  point: Point;
  label: string;
  kind: "seat" | "memorial" | "village";
}

export interface TownDiagram {
  towns: TownGeometry[];
  origin: Point;
  iterations: number;
  /** Largest |drawn − published| / published over the towns fitted to a published area. */
  maxRelativeError: number;
  equalShareKm2: number;
  parkRemainderKm2: number | null;
  /** The generator pairs turned away from the seats' line, with the gaps before and after. */
  generatorMoves: GeneratorMove[];
  /** Pieces of a clipped cell cut off by a bend of the outline, given to the town they border most. */
  detachedPieces: DetachedPiece[];
  anchors: TownAnchor[];
}

function polygonsOf(geometry: Polygon | MultiPolygon): Ring[][] {
  const polygons: Position[][][] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => openRing(ring.map((position) => [position[0] as number, position[1] as number] as Point))));
}

/**
 * Round the vertices to the 6-decimal WGS-84 grid the layer is written on. Neighbouring cells are clipped
 * separately, so their shared vertices differ in the last bits; snapped, they coincide, and unions of towns
 * (parks, urban areas, the key mining zone) come out without hairline cracks.
 */
function snapToWrittenGrid(polygons: readonly Ring[][]): Ring[][] {
  return polygons
    .map((rings) =>
      rings
        .map((ring, index) =>
          roundRing(
            ring.map((point) => toLngLat(point)),
            index === 0,
          ),
        )
        .filter((ring): ring is Position[] => ring !== null)
        .map((ring) => openRing(ring.map((position) => toGK([position[0] as number, position[1] as number])))),
    )
    .filter((rings) => rings.length > 0);
}

export function buildTownDiagram(
  district: District,
  rows: readonly TownRow[],
  memorials: readonly MemorialRow[],
  parks: readonly ParkRow[],
  villages: readonly VillageRow[],
): TownDiagram {
  const [minX, minY, maxX, maxY] = bboxOfRings([district.ringGK]);
  // Work relative to a rounded local origin so squared distances stay well inside double precision.
  const origin: Point = [Math.round((minX + maxX) / 2000) * 1000, Math.round((minY + maxY) / 2000) * 1000];
  const local = (point: Point): Point => [point[0] - origin[0], point[1] - origin[1]];
  const ring = district.ringGK.map(local);
  const seats: PowerSite[] = rows.map((row) => {
    const [x, y] = local(toGK(row.seat));
    return { x, y };
  });
  const townIndex = (code: string, what: string) => {
    const index = rows.findIndex((row) => row.code === code);
    if (index < 0) throw new Error(`${what}: unknown town ${code}`);
    return index;
  };
  const anchors: TownAnchor[] = [
    ...rows.map(
      (row, index): TownAnchor => ({
        townIndex: index,
        point: [(seats[index] as PowerSite).x, (seats[index] as PowerSite).y],
        label: `seat of ${row.name}`,
        kind: "seat",
      }),
    ),
    ...memorials.map(
      (memorial): TownAnchor => ({
        townIndex: townIndex(memorial.townCode, memorial.name),
        point: local(toGK(memorial.position)),
        label: memorial.name,
        kind: "memorial",
      }),
    ),
    ...villages.map((village): TownAnchor => {
      if (!village.position) throw new Error(`${village.name}: no position`);
      return {
        townIndex: townIndex(village.townCode, village.name),
        point: local(toGK(village.position)),
        label: `${village.town}${village.name}`,
        kind: "village",
      };
    }),
  ];
  const pointsOf = rows.map((_, index) => anchors.filter((anchor) => anchor.townIndex === index).map((anchor) => anchor.point));
  // Weights can keep two towns' points apart only if they are separated along their generators' line by
  // both clearances plus the fit's extra aim (10 m a side); turn a pair where the seats' line does not.
  const { sites: startSites, moves: generatorMoves } = separateGenerators(seats, pointsOf, 2 * (CONTAINMENT_MARGIN_M + 10));

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

  const constraints: WeightConstraint[] = anchors.flatMap((anchor) =>
    containmentConstraints(startSites, anchor.townIndex, anchor.point, CONTAINMENT_MARGIN_M, anchor.label),
  );

  const fit = fitPowerDiagram(ring, startSites, {
    targets: targetsKm2.map((km2) => km2 * 1e6),
    importance,
    constraints,
    siteStiffness: GENERATOR_STIFFNESS,
    homes: seats,
    tolerance: AREA_TOLERANCE,
  });
  if (fit.worstConstraintViolation > 0) throw new Error(`containment constraints could not be met (short by ${fit.worstConstraintViolation} m)`);
  const { sites } = fit;

  const districtPolygon: Polygon = { type: "Polygon", coordinates: [closeRing(district.ringGK)] };
  const box: [number, number, number, number] = [minX - 5000 - origin[0], minY - 5000 - origin[1], maxX + 5000 - origin[0], maxY + 5000 - origin[1]];
  const cells = rows.map((row, index) => {
    const cell = convexCell(box, sites, fit.weights, index).map((point): Point => [point[0] + origin[0], point[1] + origin[1]]);
    const clipped = intersect({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [closeRing(cell)] } },
        { type: "Feature", properties: {}, geometry: districtPolygon },
      ],
    });
    if (!clipped) throw new Error(`${row.name}: empty cell`);
    return snapToWrittenGrid(polygonsOf(clipped.geometry));
  });
  const detachedPieces = reassignDetachedPieces(cells, (index) => (rows[index] as TownRow).name);
  const towns = rows.map((row, index): TownGeometry => {
    const polygons = cells[index] as Ring[][];
    const seat = seats[index] as PowerSite;
    const clearance = (point: Point) => Math.min(...sites.map((_, j) => (j === index ? Infinity : bisectorClearance(sites, fit.weights, index, j, point))));
    const seatClearanceM = clearance([seat.x, seat.y]);
    const own = anchors.filter((anchor) => anchor.townIndex === index);
    const pointClearanceM = Math.min(...own.map((anchor) => clearance(anchor.point)));
    for (const anchor of own)
      if (!pointInMultiPolygon([anchor.point[0] + origin[0], anchor.point[1] + origin[1]], polygons))
        throw new Error(`${row.name}: ${anchor.label} outside its cell`);
    const site = sites[index] as PowerSite;
    return {
      row,
      polygons,
      areaKm2: multiPolygonArea(polygons) / 1e6,
      targetKm2: targetsKm2[index] as number,
      weight: fit.weights[index] as number,
      seatClearanceM,
      generator: [site.x + origin[0], site.y + origin[1]],
      pointClearanceM,
      villagePoints: own.filter((anchor) => anchor.kind === "village").length,
    };
  });
  const maxRelativeError = Math.max(
    ...towns.map((town) => (town.row.targetRule === "published" ? Math.abs(town.areaKm2 - town.targetKm2) / town.targetKm2 : 0)),
  );
  return { towns, origin, iterations: fit.iterations, maxRelativeError, equalShareKm2, parkRemainderKm2, generatorMoves, detachedPieces, anchors };
}
