import { findOutsideDazu, type InsideDazuOptions, type LocatedParcel } from "../geo/crsDetect";
import { importMessage } from "./messages";
import type { CrsGuess, ImportMessage } from "./types";

/**
 * Warns for each parcel with vertices beyond Dazu's extent, and names the likely mistakes that would put the whole
 * parcel inside. Pass the CRS the parcels were read with to get those suggestions.
 */
export function checkInsideDazu(
  parcels: readonly LocatedParcel[],
  crs?: Pick<CrsGuess, "code" | "swappedAxes">,
  options: InsideDazuOptions = {},
): ImportMessage[] {
  return findOutsideDazu(parcels, crs, options).map((found) =>
    importMessage("outside-dazu", found, {
      parcel: found.parcel,
      verticesOutside: found.verticesOutside,
      vertices: found.vertices,
      farthestLngLat: found.farthestLngLat,
      metresBeyond: Math.round(found.metresBeyond),
      suggestions: found.likelyMistakes.map((mistake) => mistake.id),
    }),
  );
}
