import type { Position } from "geojson";
import { gaussKrugerToLngLat, lngLatToGaussKruger } from "../geo/crs";
import { areaFigures } from "../geo/measure";
import { polygonValidity, type NestingProblem } from "../geo/polygonValidity";
import type { Crossing } from "../geo/selfIntersections";
import type { ImportMessageParams } from "../i18n/messages.import";
import type { ListedCrossing, RingAt, VertexAt } from "../i18n/messages.importParcel";
import { importMessage } from "./messages";
import { MAX_VERTICES, type ImportedParcel, type ImportMessage } from "./types";

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

/** Where a vertex is, as the messages name it: its ring, index and the label the source gave it. */
function vertexAt(parcel: ImportedParcel, part: number, ring: number, index: number, parts: number): VertexAt {
  const label = parcel.vertexLabels?.[part]?.[ring]?.[index];
  return label ? { part, ring, parts, index, label } : { part, ring, parts, index };
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
        const at = vertexAt(parcel, part, ring, index, parts);
        const detail = { parcel: parcel.name, part, ring, vertex: index, source };
        // The source numbers as text, so that NaN and Infinity read the same after a trip through JSON.
        const given = (): [string, string] => [String(source?.[0]), String(source?.[1])];
        if (source && (!Number.isFinite(source[0]) || !Number.isFinite(source[1]))) {
          return [importMessage("non-finite-coordinate.source", { parcel: parcel.name, at, source: given() }, detail)];
        }
        if (source && (Math.abs(source[0]) > ABSURD_SOURCE_VALUE || Math.abs(source[1]) > ABSURD_SOURCE_VALUE)) {
          return [importMessage("coordinates-out-of-range.source", { parcel: parcel.name, at, source: given() }, detail)];
        }
        const [longitude, latitude] = [position[0], position[1]];
        if (longitude === undefined || latitude === undefined || !Number.isFinite(longitude) || !Number.isFinite(latitude)) {
          return [importMessage("non-finite-coordinate.converted", { parcel: parcel.name, at }, detail)];
        }
        if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
          return [importMessage("coordinates-out-of-range.converted", { parcel: parcel.name, at, lngLat: [longitude, latitude] }, detail)];
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
  const edgeAt = (reference: Crossing["first"]): { from: number; to: number; labels: [string, string] } => {
    const ring = rings.get(`${reference.part}/${reference.ring}`)!;
    const from = ring.sourceIndex[reference.edge]!;
    const to = ring.sourceIndex[(reference.edge + 1) % ring.sourceIndex.length]!;
    return { from, to, labels: [shortVertex(parcel, reference.part, reference.ring, from), shortVertex(parcel, reference.part, reference.ring, to)] };
  };
  const described = crossings.map((crossing) => ({
    crossing,
    lngLat: gaussKrugerToLngLat(crossing.point),
    first: edgeAt(crossing.first),
    second: edgeAt(crossing.second),
  }));
  const listed: ListedCrossing[] = described.slice(0, CROSSINGS_IN_TEXT).map((item) => ({
    lngLat: item.lngLat,
    kind: item.crossing.kind,
    first: { part: item.crossing.first.part, ring: item.crossing.first.ring, parts, labels: item.first.labels },
    second: { part: item.crossing.second.part, ring: item.crossing.second.ring, parts, labels: item.second.labels },
  }));
  return importMessage(
    "self-intersection",
    { parcel: parcel.name, count: described.length, listed },
    {
      parcel: parcel.name,
      crossings: described.map((item) => ({
        lngLat: item.lngLat,
        kind: item.crossing.kind,
        first: { ...item.crossing.first, fromVertex: item.first.from, toVertex: item.first.to, labels: item.first.labels },
        second: { ...item.crossing.second, fromVertex: item.second.from, toVertex: item.second.to, labels: item.second.labels },
      })),
    },
  );
}

/** The nesting messages carry their parameters as their detail too (the parts or rings, and where). */
function nestingMessage<Key extends NestingProblem["code"]>(key: Key, params: ImportMessageParams[Key]): ImportMessage {
  return importMessage(key, params, { ...params });
}

function describeNesting(parcel: ImportedParcel, problem: NestingProblem, parts: number): ImportMessage {
  const lngLat = gaussKrugerToLngLat(problem.point);
  switch (problem.code) {
    case "overlapping-parts":
      return nestingMessage(problem.code, { parcel: parcel.name, parts: problem.parts, lngLat });
    case "hole-outside-shell":
      return nestingMessage(problem.code, { parcel: parcel.name, part: problem.part, parts, ring: problem.ring, lngLat });
    case "overlapping-holes":
      return nestingMessage(problem.code, { parcel: parcel.name, part: problem.part, parts, rings: problem.rings, lngLat });
  }
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
        importMessage(
          "too-many-vertices.parcel",
          { parcel: parcel.name, vertices: count, limit: MAX_VERTICES },
          { parcel: parcel.name, vertices: count, limit: MAX_VERTICES },
        ),
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
          importMessage(
            "too-few-vertices.line",
            { parcel: parcel.name, vertices: ring.planar.length },
            { parcel: parcel.name, vertices: ring.planar.length, minimum: 2 },
          ),
        ],
      };
    }
    return { ok: true, parcel, warnings };
  }

  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const parts = polygons.length;
  const errors: ImportMessage[] = [];
  const cleaned = new Map<string, CleanRing>();
  const closedRings: RingAt[] = [];
  let duplicates = 0;
  for (const [part, rings] of polygons.entries()) {
    for (const [ringIndex, positions] of rings.entries()) {
      const ring = cleanRing(positions);
      cleaned.set(`${part}/${ringIndex}`, ring);
      duplicates += ring.duplicatesRemoved;
      if (!ring.wasClosed && positions.length >= 3) closedRings.push({ part, ring: ringIndex, parts });
      if (ring.planar.length < 3) {
        errors.push(
          importMessage(
            "too-few-vertices.ring",
            { parcel: parcel.name, at: { part, ring: ringIndex, parts }, vertices: ring.planar.length },
            { parcel: parcel.name, part, ring: ringIndex, vertices: ring.planar.length, minimum: 3 },
          ),
        );
      }
    }
  }
  if (closedRings.length > 0) {
    warnings.push(importMessage("ring-closed", { parcel: parcel.name, rings: closedRings }, { parcel: parcel.name, rings: closedRings.length }));
  }
  if (duplicates > 0) {
    warnings.push(importMessage("duplicate-vertices-removed", { parcel: parcel.name, removed: duplicates }, { parcel: parcel.name, removed: duplicates }));
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
    errors.push(importMessage("coordinates-out-of-range.area", { parcel: parcel.name }, { parcel: parcel.name }));
  } else if (area < MINIMUM_AREA_SQUARE_METRES) {
    errors.push(importMessage("zero-area", { parcel: parcel.name, squareMetres: area }, { parcel: parcel.name, squareMetres: area }));
  } else if (districtAreaKm2 !== undefined && area > districtAreaKm2 * 1e6) {
    errors.push(
      importMessage(
        "larger-than-district",
        { parcel: parcel.name, squareMetres: area, districtKm2: districtAreaKm2 },
        { parcel: parcel.name, squareMetres: area, districtSquareMetres: districtAreaKm2 * 1e6 },
      ),
    );
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  if (parcel.statedAreaHectares !== undefined && parcel.statedAreaHectares > 0) {
    const computedHectares = area / 10_000;
    const difference = (computedHectares - parcel.statedAreaHectares) / parcel.statedAreaHectares;
    if (Math.abs(difference) > STATED_AREA_TOLERANCE) {
      const figures = { parcel: parcel.name, statedHectares: parcel.statedAreaHectares, computedHectares, differencePercent: difference * 100 };
      warnings.push(importMessage("stated-area-mismatch", figures, figures));
    }
  }
  return { ok: true, parcel: { ...parcel, geometry: cleanGeometry }, warnings };
}
