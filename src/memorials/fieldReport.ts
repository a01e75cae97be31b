import { distancesFrom, standingInLayer, type DistanceAndDirection, type FieldLayerAnswer } from "../check/fieldPosition";
import type { DataPackage } from "../layers/layerData";
import type { LayerDefinition } from "../layers/manifestTypes";
import type { Memorial } from "./memorials";

export interface RestrictedLayerAnswer {
  layer: LayerDefinition;
  /** null when the layer has no geometry (its locations are unpublished): nothing can be said. */
  answer: FieldLayerAnswer | null;
}

export interface FieldReport {
  /** Nearest first. */
  distances: DistanceAndDirection[];
  /** Where the fix stands against the district outline; null when the package has no district layer. */
  district: FieldLayerAnswer | null;
  /** Every loaded layer with role "restricts", in manifest order. */
  restricted: RestrictedLayerAnswer[];
}

/**
 * What the locate button answers: distance and direction to each memorial, and for each restricting layer whether
 * the fix is inside, outside or too close to call. Kept apart from the UI because it loads proj4: imported lazily.
 */
export function fieldReport(dataPackage: DataPackage, memorials: readonly Memorial[], lngLat: [number, number], accuracyMetres: number): FieldReport {
  const restricted: RestrictedLayerAnswer[] = [];
  for (const layer of dataPackage.manifest.layers) {
    if (layer.role !== "restricts") continue;
    const load = dataPackage.layers.get(layer.id);
    if (load?.type !== "loaded") continue;
    restricted.push({ layer, answer: standingInLayer(lngLat, accuracyMetres, layer, load.data.features) });
  }
  // "You are outside Dazu District" is judged against the outline the manifest's district block names.
  const districtLayer = dataPackage.manifest.layers.find((layer) => layer.id === dataPackage.manifest.district.outline.layer);
  const districtLoad = districtLayer ? dataPackage.layers.get(districtLayer.id) : undefined;
  const district = districtLayer && districtLoad?.type === "loaded" ? standingInLayer(lngLat, accuracyMetres, districtLayer, districtLoad.data.features) : null;
  return {
    distances: distancesFrom(
      lngLat,
      memorials.map((memorial) => memorial.feature),
    ),
    district,
    restricted,
  };
}
