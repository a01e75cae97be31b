/** Polygon boolean operations on GK-metre rings (via @turf/intersect, @turf/union, which are planar). */
import intersect from "@turf/intersect";
import union from "@turf/union";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { closeRing, openRing, type Point, type Ring } from "./geom";

/** A (multi)polygon as a list of polygons, each a list of open rings (outer first). */
export type Polygons = Ring[][];

export function toGeometry(polygons: Polygons): MultiPolygon {
  return { type: "MultiPolygon", coordinates: polygons.map((rings) => rings.map((ring) => closeRing(ring))) };
}

export function fromGeometry(geometry: Polygon | MultiPolygon): Polygons {
  const polygons: Position[][][] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => openRing(ring.map((position) => [position[0] as number, position[1] as number] as Point))));
}

const asFeature = (polygons: Polygons): Feature<MultiPolygon> => ({ type: "Feature", properties: {}, geometry: toGeometry(polygons) });

export function intersectPolygons(a: Polygons, b: Polygons): Polygons {
  const result = intersect({ type: "FeatureCollection", features: [asFeature(a), asFeature(b)] });
  return result ? fromGeometry(result.geometry) : [];
}

export function unionPolygons(parts: readonly Polygons[]): Polygons {
  if (parts.length === 0) return [];
  if (parts.length === 1) return parts[0] as Polygons;
  const result = union({ type: "FeatureCollection", features: parts.map((part) => asFeature(part)) });
  return result ? fromGeometry(result.geometry) : [];
}
