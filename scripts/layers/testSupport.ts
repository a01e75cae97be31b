/** Helpers for the layer tests: read committed files, project to GK, planar areas and boolean ops. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { fromGeometry, intersectPolygons, type Polygons } from "./clip";
import { multiPolygonArea, pointInMultiPolygon, toGK, type Point } from "./geom";
import { GEODATA_DIR } from "./paths";
import difference from "@turf/difference";
import union from "@turf/union";
import { toGeometry } from "./clip";

export function readLayer(name: string): FeatureCollection {
  return JSON.parse(readFileSync(resolve(GEODATA_DIR, "layers", `${name}.geojson`), "utf8")) as FeatureCollection;
}

export function readGeodataJson<T>(path: string): T {
  return JSON.parse(readFileSync(resolve(GEODATA_DIR, path), "utf8")) as T;
}

export function props(item: Feature): Record<string, unknown> {
  return (item.properties ?? {}) as Record<string, unknown>;
}

export function byName(collection: FeatureCollection, name: string): Feature {
  const found = collection.features.find((item) => props(item)["name"] === name);
  if (!found) throw new Error(`no feature named ${name}`);
  return found;
}

/** A (multi)polygon feature's rings projected to EPSG:4544 metres. */
export function gkPolygons(item: Feature): Polygons {
  const geometry = item.geometry as Polygon | MultiPolygon;
  return fromGeometry(geometry).map((rings) => rings.map((ring) => ring.map((point) => toGK(point))));
}

export const areaKm2 = (polygons: Polygons): number => multiPolygonArea(polygons) / 1e6;

export function unionAll(parts: readonly Polygons[]): Polygons {
  if (parts.length === 1) return parts[0] as Polygons;
  const result = union({ type: "FeatureCollection", features: parts.map((part) => ({ type: "Feature", properties: {}, geometry: toGeometry(part) })) });
  return result ? fromGeometry(result.geometry) : [];
}

export function subtract(a: Polygons, b: Polygons): Polygons {
  const result = difference({
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: {}, geometry: toGeometry(a) },
      { type: "Feature", properties: {}, geometry: toGeometry(b) },
    ],
  });
  return result ? fromGeometry(result.geometry) : [];
}

export function containsPoint(polygons: Polygons, lngLat: readonly [number, number]): boolean {
  return pointInMultiPolygon(toGK(lngLat) as Point, polygons);
}
