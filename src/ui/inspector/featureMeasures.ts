import type { Geometry, Position } from "geojson";
import { lngLatToGaussKruger, type LngLat } from "../../geo/crs";
import { areaFigures, toHectares, toMu } from "../../geo/measure";
import { formatGaussKruger, formatWgs84 } from "../formatCoordinates";

/** What the inspector measures on a feature's drawn geometry: an area, a length or a position. */
export type FeatureMeasure =
  | { type: "area"; squareMetres: number; hectares: number; mu: number }
  | { type: "length"; metres: number }
  | { type: "position"; lngLat: LngLat; wgs84: string; gaussKruger: string | null }
  | { type: "none" };

function lineLength(line: Position[]): number {
  let metres = 0;
  for (let index = 1; index < line.length; index++) {
    const [x0, y0] = lngLatToGaussKruger([line[index - 1]![0]!, line[index - 1]![1]!]);
    const [x1, y1] = lngLatToGaussKruger([line[index]![0]!, line[index]![1]!]);
    metres += Math.hypot(x1 - x0, y1 - y0);
  }
  return metres;
}

/**
 * Areas and lengths are planar in CGCS2000 3° Gauss–Krüger CM105°E metres, the way the bureau measures.
 * @public loaded on demand by the inspector (`import("./featureMeasures")`).
 */
export function measureFeature(geometry: Geometry | null): FeatureMeasure {
  if (!geometry) return { type: "none" };
  switch (geometry.type) {
    case "Polygon":
    case "MultiPolygon": {
      const squareMetres = areaFigures(geometry).gaussKrugerSquareMetres;
      return { type: "area", squareMetres, hectares: toHectares(squareMetres), mu: toMu(squareMetres) };
    }
    case "LineString":
      return { type: "length", metres: lineLength(geometry.coordinates) };
    case "MultiLineString":
      return { type: "length", metres: geometry.coordinates.reduce((sum, line) => sum + lineLength(line), 0) };
    case "Point": {
      const lngLat: LngLat = [geometry.coordinates[0]!, geometry.coordinates[1]!];
      return { type: "position", lngLat, wgs84: formatWgs84(lngLat), gaussKruger: formatGaussKruger(lngLat) };
    }
    default:
      return { type: "none" };
  }
}
