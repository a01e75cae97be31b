import type { LayerSpecification, SourceSpecification } from "@maplibre/maplibre-gl-style-spec";
import type { BasemapId } from "../state/basemapSlice";

/** Prefix of every basemap source id, so tile errors can be told apart from overlay errors. */
export const BASEMAP_SOURCE_PREFIX = "basemap:";

export interface BasemapStyleParts {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

const NO_BASEMAP: BasemapStyleParts = { sources: {}, layers: [] };

const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors';
const TIANDITU_ATTRIBUTION = '© <a href="https://www.tianditu.gov.cn/" target="_blank" rel="noopener">天地图 Tianditu</a>';

function rasterParts(id: string, tiles: string[], maxzoom: number, attribution: string): BasemapStyleParts {
  const sourceId = `${BASEMAP_SOURCE_PREFIX}${id}`;
  return {
    sources: { [sourceId]: { type: "raster", tiles, tileSize: 256, maxzoom, attribution } },
    layers: [{ id: sourceId, type: "raster", source: sourceId }],
  };
}

/** 天地图 Web-Mercator ("_w") tiles for one layer code, spread over its eight subdomains t0–t7. */
function tiandituTiles(layerCode: string, token: string): string[] {
  return Array.from(
    { length: 8 },
    (_, subdomain) => `https://t${subdomain}.tianditu.gov.cn/DataServer?T=${layerCode}&x={x}&y={y}&l={z}&tk=${encodeURIComponent(token)}`,
  );
}

function tianditu(id: string, baseCode: string, labelCode: string, token: string): BasemapStyleParts {
  const base = rasterParts(`${id}-base`, tiandituTiles(baseCode, token), 18, TIANDITU_ATTRIBUTION);
  const labels = rasterParts(`${id}-labels`, tiandituTiles(labelCode, token), 18, TIANDITU_ATTRIBUTION);
  return { sources: { ...base.sources, ...labels.sources }, layers: [...base.layers, ...labels.layers] };
}

/** Sources and raster layers of an online basemap; the offline one, and 天地图 without a key, add nothing. */
export function basemapStyleParts(basemap: BasemapId, tiandituToken: string): BasemapStyleParts {
  switch (basemap) {
    case "none":
      return NO_BASEMAP;
    case "osm":
      return rasterParts("osm", ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"], 19, OSM_ATTRIBUTION);
    case "tianditu-vector":
      return tiandituToken === "" ? NO_BASEMAP : tianditu("tianditu-vector", "vec_w", "cva_w", tiandituToken);
    case "tianditu-imagery":
      return tiandituToken === "" ? NO_BASEMAP : tianditu("tianditu-imagery", "img_w", "cia_w", tiandituToken);
  }
}

export function isBasemapSource(sourceId: string | undefined): boolean {
  return sourceId !== undefined && sourceId.startsWith(BASEMAP_SOURCE_PREFIX);
}
