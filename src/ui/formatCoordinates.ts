import { lngLatToGaussKruger, type LngLat } from "../geo/crs";

/** The 3° zone with central meridian 105°E spans 103.5°E–106.5°E; outside it the projected figures mislead. */
export const GAUSS_KRUGER_ZONE: readonly [west: number, east: number] = [103.5, 106.5];

function hemisphere(value: number, positive: string, negative: string): string {
  return value < 0 ? negative : positive;
}

/** WGS-84 degrees, 5 decimals (about 1 m): "29.70970°N 105.71810°E". */
export function formatWgs84([longitude, latitude]: LngLat): string {
  const lat = `${Math.abs(latitude).toFixed(5)}°${hemisphere(latitude, "N", "S")}`;
  const lng = `${Math.abs(longitude).toFixed(5)}°${hemisphere(longitude, "E", "W")}`;
  return `${lat} ${lng}`;
}

/** CGCS2000 3° Gauss–Krüger CM105°E metres, 1 decimal, easting first: "E 569432.1 N 3288012.3"; null outside the zone. */
export function formatGaussKruger(lngLat: LngLat): string | null {
  if (lngLat[0] < GAUSS_KRUGER_ZONE[0] || lngLat[0] > GAUSS_KRUGER_ZONE[1]) return null;
  const [easting, northing] = lngLatToGaussKruger(lngLat);
  return `E ${easting.toFixed(1)} N ${northing.toFixed(1)}`;
}
