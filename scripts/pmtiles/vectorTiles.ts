import type { FeatureCollection } from "geojson";
import GeoJSONVT from "geojson-vt";
import { fromGeojsonVt } from "vt-pbf";
import type { TileInput } from "./writeArchive";

const EXTENT = 4096;

/** The tile column and row holding a longitude/latitude at zoom z (Web Mercator, rows from the north). */
function tileAt(longitude: number, latitude: number, z: number): { x: number; y: number } {
  const side = 2 ** z;
  const radians = (latitude * Math.PI) / 180;
  const x = Math.floor(((longitude + 180) / 360) * side);
  const y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * side);
  return { x: Math.min(side - 1, Math.max(0, x)), y: Math.min(side - 1, Math.max(0, y)) };
}

/**
 * Cuts a collection into MVT tiles (one layer named `layerName`) for every zoom from `minZoom` to `maxZoom`
 * over `bounds`; tiles with nothing in them are left out, as PMTiles readers expect.
 */
export function vectorTiles(
  collection: FeatureCollection,
  layerName: string,
  bounds: [number, number, number, number],
  minZoom: number,
  maxZoom: number,
): TileInput[] {
  const index = new GeoJSONVT(collection, { maxZoom, indexMaxZoom: minZoom, tolerance: 3, extent: EXTENT, buffer: 64 });
  const [west, south, east, north] = bounds;
  const tiles: TileInput[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const northWest = tileAt(west, north, z);
    const southEast = tileAt(east, south, z);
    for (let x = northWest.x; x <= southEast.x; x++) {
      for (let y = northWest.y; y <= southEast.y; y++) {
        const tile = index.getTile(z, x, y);
        if (!tile || tile.features.length === 0) continue;
        tiles.push({ z, x, y, data: fromGeojsonVt({ [layerName]: tile }, { version: 2, extent: EXTENT }) });
      }
    }
  }
  return tiles;
}
