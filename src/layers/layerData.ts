import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { FeatureProvenance, Manifest } from "./manifestTypes";

/** Feature properties after validation: the provenance every feature carries plus layer-specific fields. */
export type LayerFeatureProperties = FeatureProvenance & Record<string, unknown>;

export type LayerFeature = Feature<Geometry, LayerFeatureProperties>;

export type LayerFeatureCollection = FeatureCollection<Geometry, LayerFeatureProperties>;

/** What became of one manifest layer's file: usable data, or the reason the layer is disabled. */
export type LayerLoad =
  | { type: "loaded"; data: LayerFeatureCollection }
  | { type: "failed"; errors: string[] };

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
