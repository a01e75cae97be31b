import { nameVocabulary, type NameVocabulary } from "./attributeValues";
import type { DataPackage, LayerFeature } from "./layerData";
import type { LayerDefinition } from "./manifestTypes";

/** Loaded features by layer and id, and layers by id, built once from the data package. */
export interface FeatureLookup {
  layer(layerId: string): LayerDefinition | undefined;
  feature(layerId: string, featureId: string): LayerFeature | undefined;
  /** Feature names and their English, for attribute values that name features of another layer. */
  names: NameVocabulary;
}

export function createFeatureLookup(dataPackage: DataPackage): FeatureLookup {
  const layers = new Map(dataPackage.manifest.layers.map((layer) => [layer.id, layer]));
  const features = new Map<string, Map<string, LayerFeature>>();
  for (const [layerId, load] of dataPackage.layers) {
    if (load.type !== "loaded") continue;
    features.set(layerId, new Map(load.data.features.map((feature) => [feature.properties.id, feature])));
  }
  return {
    layer: (layerId) => layers.get(layerId),
    feature: (layerId, featureId) => features.get(layerId)?.get(featureId),
    names: nameVocabulary(dataPackage),
  };
}
