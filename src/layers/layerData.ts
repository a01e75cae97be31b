import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { FeatureProvenance, Manifest } from "./manifestTypes";

/** Feature properties after validation: the provenance every feature carries plus layer-specific fields. */
export type LayerFeatureProperties = FeatureProvenance & Record<string, unknown>;

export type LayerFeature = Feature<Geometry, LayerFeatureProperties>;

export type LayerFeatureCollection = FeatureCollection<Geometry, LayerFeatureProperties>;

/**
 * A layer too large to load whole (`display` + `check` in the manifest): drawn from vector tiles and checked from
 * an indexed file, both read piecewise with HTTP range requests. URLs are relative to the page, like the package.
 */
export interface TiledLayerLoad {
  type: "tiled";
  /** The PMTiles archive. */
  tilesUrl: string;
  /** The layer inside the vector tiles. */
  sourceLayer: string;
  /** The FlatGeobuf file with the exact geometry. */
  checkUrl: string;
  featureCount: number;
}

/** What became of one manifest layer's file: usable data, or the reason the layer is disabled. */
export type LayerLoad = { type: "loaded"; data: LayerFeatureCollection } | TiledLayerLoad | { type: "failed"; errors: string[] };

/** The validated data package: the manifest and, for each of its layers in order, the outcome of loading its file. */
export interface DataPackage {
  manifest: Manifest;
  layers: ReadonlyMap<string, LayerLoad>;
}

/** Every problem found while loading, each prefixed with the layer it concerns. */
export function layerLoadErrors(dataPackage: DataPackage): string[] {
  const errors: string[] = [];
  for (const load of dataPackage.layers.values()) if (load.type === "failed") errors.push(...load.errors);
  return errors;
}
