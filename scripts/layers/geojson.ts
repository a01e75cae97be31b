/**
 * Deterministic GeoJSON output: WGS-84 coordinates at 6 decimals, consecutive duplicates removed, rings
 * closed with outer rings counter-clockwise (RFC 7946), property keys sorted, one feature per line.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point as GeoPoint, Polygon, Position } from "geojson";
import { closeRing, openRing, round6, signedRingArea, toLngLat, type Point, type Ring } from "./geom";

export type Properties = Record<string, unknown>;

export function roundPosition(position: readonly number[]): Position {
  return [round6(position[0] as number), round6(position[1] as number)];
}

/** Round a lng/lat ring to 6 decimals, drop repeated vertices, orient, and close it. */
export function roundRing(ring: readonly (readonly number[])[], counterClockwise: boolean): Position[] | null {
  const rounded: Ring = [];
  for (const position of openRing(ring.map((point) => [point[0] as number, point[1] as number] as Point))) {
    const point = roundPosition(position) as Point;
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (rounded.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) rounded.pop();
  if (rounded.length < 3 || signedRingArea(rounded) === 0) return null;
  if (signedRingArea(rounded) > 0 !== counterClockwise) rounded.reverse();
  return closeRing(rounded);
}

/** Polygons given as rings in GK metres → a rounded WGS-84 Polygon or MultiPolygon. */
export function polygonsFromGK(polygons: readonly (readonly (readonly Point[])[])[]): Polygon | MultiPolygon {
  const converted = polygons
    .map((rings) =>
      rings
        .map((ring, index) =>
          roundRing(
            ring.map((point) => toLngLat(point)),
            index === 0,
          ),
        )
        .filter((ring): ring is Position[] => ring !== null),
    )
    .filter((rings) => rings.length > 0);
  if (converted.length === 0) throw new Error("empty polygon after rounding");
  if (converted.length === 1) return { type: "Polygon", coordinates: converted[0] as Position[][] };
  return { type: "MultiPolygon", coordinates: converted };
}

export function lineFromLngLat(points: readonly (readonly number[])[]): LineString {
  return { type: "LineString", coordinates: points.map((point) => roundPosition(point)) };
}

export function pointFromLngLat(point: readonly number[]): GeoPoint {
  return { type: "Point", coordinates: roundPosition(point) };
}

/** Sort object keys recursively (arrays keep their order). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item));
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
  }
  return value;
}

export function feature(properties: Properties, geometry: Geometry): Feature {
  return { type: "Feature", properties, geometry };
}

/** Serialise a FeatureCollection: one feature per line, features in the given (stable) order. */
export function serializeCollection(features: readonly Feature[], name: string): string {
  const lines = features.map((item) =>
    JSON.stringify({
      type: "Feature",
      id: (item.properties as Properties | null)?.["id"],
      properties: sortKeys(item.properties ?? {}),
      geometry: item.geometry,
    }),
  );
  const body = lines.length === 0 ? "" : `\n${lines.join(",\n")}\n`;
  return `{"type":"FeatureCollection","name":${JSON.stringify(name)},"features":[${body}]}\n`;
}

/** Parse a serialised collection back (for tests and for reading committed files). */
function parseCollection(text: string): FeatureCollection {
  return JSON.parse(text) as FeatureCollection;
}
