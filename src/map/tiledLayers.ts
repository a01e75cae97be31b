import type { DataPackage } from "../layers/layerData";

/** A manifest layer drawn from a PMTiles archive: the vector source URL and the layer inside the tiles. */
export interface TiledSource {
  /** `pmtiles://` followed by the archive's absolute URL. */
  url: string;
  sourceLayer: string;
}

/**
 * The vector sources of a data package's large layers, by layer id. The archive URLs are made absolute against
 * the page, since MapLibre fetches tiles from its workers, where relative URLs would not resolve.
 */
export function tiledSourcesOf(dataPackage: DataPackage, pageUrl: string): Map<string, TiledSource> {
  const sources = new Map<string, TiledSource>();
  for (const [layerId, load] of dataPackage.layers) {
    if (load.type !== "tiled") continue;
    sources.set(layerId, { url: `pmtiles://${new URL(load.tilesUrl, pageUrl).href}`, sourceLayer: load.sourceLayer });
  }
  return sources;
}
