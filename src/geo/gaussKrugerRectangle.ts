import type { Polygon } from "geojson";
import { gaussKrugerToLngLat } from "./crs";

/** A rectangle given by its GK corner metres (easting, northing), as a WGS-84 polygon: its GK area is exact. */
export function gaussKrugerRectangle(minEasting: number, minNorthing: number, maxEasting: number, maxNorthing: number): Polygon {
  const corners: Array<[number, number]> = [
    [minEasting, minNorthing],
    [maxEasting, minNorthing],
    [maxEasting, maxNorthing],
    [minEasting, maxNorthing],
    [minEasting, minNorthing],
  ];
  return { type: "Polygon", coordinates: [corners.map((corner) => gaussKrugerToLngLat(corner))] };
}
