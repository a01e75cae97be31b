import proj4 from "proj4";

/** CGCS2000 and its Gauss–Krüger projections as EPSG defines them (TOWGS84 zero: CGCS2000 ≈ WGS-84 at map scale). */
export const CRS_DEFINITIONS = {
  "EPSG:4326": "+proj=longlat +datum=WGS84 +no_defs",
  "EPSG:4490": "+proj=longlat +ellps=GRS80 +no_defs",
  /** CGCS2000 / 3-degree Gauss-Kruger CM 105E — eastings without the zone number. */
  "EPSG:4544": "+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
  /** CGCS2000 / 3-degree Gauss-Kruger zone 35 — eastings prefixed with the zone number 35. */
  "EPSG:4523": "+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=35500000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
} as const;

export type CrsCode = keyof typeof CRS_DEFINITIONS;

for (const [code, definition] of Object.entries(CRS_DEFINITIONS)) proj4.defs(code, definition);

export type LngLat = [longitude: number, latitude: number];
/** Projected metres, [easting, northing]. */
export type EastingNorthing = [easting: number, northing: number];

const converters = new Map<string, proj4.Converter>();
function converter(from: CrsCode, to: CrsCode): proj4.Converter {
  const key = `${from}>${to}`;
  let found = converters.get(key);
  if (!found) {
    found = proj4(from, to);
    converters.set(key, found);
  }
  return found;
}

export function transform(point: [number, number], from: CrsCode, to: CrsCode): [number, number] {
  if (from === to) return [point[0], point[1]];
  const [x, y] = converter(from, to).forward([point[0], point[1]]);
  return [x as number, y as number];
}

/** WGS-84 (or CGCS2000 geographic) degrees → CGCS2000 3° GK CM105°E metres (EPSG:4544). */
export function lngLatToGaussKruger(lngLat: LngLat): EastingNorthing {
  return transform(lngLat, "EPSG:4326", "EPSG:4544");
}

export function gaussKrugerToLngLat(eastingNorthing: EastingNorthing): LngLat {
  return transform(eastingNorthing, "EPSG:4544", "EPSG:4326");
}
