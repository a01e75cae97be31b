import type { Geometry, Position } from "geojson";
import { lngLatToGaussKruger } from "../geo/crs";

/** Bounding box [minX, minY, maxX, maxY] in GK metres. */
export type PlanarBox = [number, number, number, number];

export interface PlanarGeometry {
  /** The same geometry with every position in CGCS2000 GK CM105°E metres. */
  geometry: Geometry;
  box: PlanarBox;
}

function projectPositions(positions: Position[], box: PlanarBox): Position[] {
  return positions.map((position) => {
    const projected = lngLatToGaussKruger([position[0]!, position[1]!]);
    if (projected[0] < box[0]) box[0] = projected[0];
    if (projected[1] < box[1]) box[1] = projected[1];
    if (projected[0] > box[2]) box[2] = projected[0];
    if (projected[1] > box[3]) box[3] = projected[1];
    return projected;
  });
}

function projectGeometry(geometry: Geometry, box: PlanarBox): Geometry {
  switch (geometry.type) {
    case "Point":
      return { type: "Point", coordinates: projectPositions([geometry.coordinates], box)[0]! };
    case "MultiPoint":
      return { type: "MultiPoint", coordinates: projectPositions(geometry.coordinates, box) };
    case "LineString":
      return { type: "LineString", coordinates: projectPositions(geometry.coordinates, box) };
    case "MultiLineString":
      return { type: "MultiLineString", coordinates: geometry.coordinates.map((line) => projectPositions(line, box)) };
    case "Polygon":
      return { type: "Polygon", coordinates: geometry.coordinates.map((ring) => projectPositions(ring, box)) };
    case "MultiPolygon":
      return {
        type: "MultiPolygon",
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => projectPositions(ring, box))),
      };
    case "GeometryCollection":
      return { type: "GeometryCollection", geometries: geometry.geometries.map((part) => projectGeometry(part, box)) };
  }
}

const cache = new WeakMap<Geometry, PlanarGeometry>();

/** Projects once per geometry object; layers are immutable, so the cache stays valid. */
export function toGaussKruger(geometry: Geometry): PlanarGeometry {
  const cached = cache.get(geometry);
  if (cached) return cached;
  const box: PlanarBox = [Infinity, Infinity, -Infinity, -Infinity];
  const planar = { geometry: projectGeometry(geometry, box), box };
  cache.set(geometry, planar);
  return planar;
}

function boxesIntersect(a: PlanarBox, b: PlanarBox, margin = 0): boolean {
  return a[0] - margin <= b[2] && b[0] - margin <= a[2] && a[1] - margin <= b[3] && b[1] - margin <= a[3];
}
