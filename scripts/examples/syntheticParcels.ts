import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { syntheticPolygons } from "../bench/syntheticLayers";
import { writeIndexedFlatGeobuf } from "../flatgeobuf/writeIndexedFlatGeobuf";
import { vectorTiles } from "../pmtiles/vectorTiles";
import { writeArchive } from "../pmtiles/writeArchive";

const geodataDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "geodata");

/** Where the example lives in the data package, and the layer name inside its vector tiles. */
export const SYNTHETIC_PARCELS = {
  fgb: "examples/synthetic-parcels.fgb",
  pmtiles: "examples/synthetic-parcels.pmtiles",
  sourceLayer: "parcels",
  /** Sized so the two committed files stay under 3 MB together. */
  count: 5000,
  vertices: 6,
  seed: 20_231_305,
  minZoom: 8,
  maxZoom: 14,
} as const;

function districtOutline(): Feature<Polygon | MultiPolygon> {
  const district = JSON.parse(readFileSync(resolve(geodataDir, "layers/district.geojson"), "utf8")) as FeatureCollection<Polygon | MultiPolygon>;
  return district.features[0]!;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Parcel-like polygons scattered over the district — SYNTHETIC demonstration data for the scale path, not any
 * real parcel. Deterministic: the same seed gives the same features, ids `syn-00001`… in order.
 */
export function syntheticParcelCollection(count: number = SYNTHETIC_PARCELS.count): FeatureCollection<Polygon> {
  const outline = districtOutline();
  const features: Feature<Polygon>[] = [];
  // Draw more than needed and keep those whose first vertex lies in the district, in draw order.
  for (const candidate of syntheticPolygons(count * 2, SYNTHETIC_PARCELS.vertices, SYNTHETIC_PARCELS.seed)) {
    if (features.length === count) break;
    const ring = candidate.geometry.coordinates[0]!.map(([longitude, latitude]) => [round6(longitude!), round6(latitude!)]);
    if (!ring.every((position) => booleanPointInPolygon(position, outline))) continue;
    const number = String(features.length + 1).padStart(5, "0");
    features.push({
      type: "Feature",
      properties: {
        id: `syn-${number}`,
        name: `合成地块${number}`,
        source: [],
        geometry_quality: "schematic",
        geometry_note: "合成数据",
      },
      geometry: { type: "Polygon", coordinates: [ring] },
    });
  }
  if (features.length < count) throw new Error(`only ${features.length} of ${count} synthetic parcels fell inside the district`);
  return { type: "FeatureCollection", features };
}

function boundsOf(collection: FeatureCollection<Polygon>): [number, number, number, number] {
  const positions = collection.features.flatMap((feature) => feature.geometry.coordinates[0]!);
  return [
    Math.min(...positions.map((position) => position[0]!)),
    Math.min(...positions.map((position) => position[1]!)),
    Math.max(...positions.map((position) => position[0]!)),
    Math.max(...positions.map((position) => position[1]!)),
  ];
}

/** The two files of the example: the indexed FlatGeobuf (checks) and the PMTiles archive (display). */
export function buildSyntheticParcelFiles(collection = syntheticParcelCollection()): Map<string, Uint8Array> {
  const bounds = boundsOf(collection);
  // Tiles carry only the id (for clicks and highlights); the check reads every property from the FlatGeobuf file.
  const forTiles: FeatureCollection<Polygon> = {
    type: "FeatureCollection",
    features: collection.features.map((feature) => ({ ...feature, properties: { id: feature.properties!.id } })),
  };
  const { sourceLayer, minZoom, maxZoom } = SYNTHETIC_PARCELS;
  const archive = writeArchive({
    tiles: vectorTiles(forTiles, sourceLayer, bounds, minZoom, maxZoom),
    bounds,
    center: [round6((bounds[0] + bounds[2]) / 2), round6((bounds[1] + bounds[3]) / 2), 11],
    metadata: {
      name: "synthetic-parcels",
      description: "SYNTHETIC example data for the scale path — not real parcels (合成示例数据，非真实地块)",
      vector_layers: [{ id: sourceLayer, fields: { id: "String" }, minzoom: minZoom, maxzoom: maxZoom }],
    },
  });
  return new Map([
    [SYNTHETIC_PARCELS.fgb, writeIndexedFlatGeobuf(collection)],
    [SYNTHETIC_PARCELS.pmtiles, archive],
  ]);
}
