import type { Feature, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import proj4 from "proj4";
import { lngLatToGaussKruger } from "./crs";
import { polygonRingsArea, polygonsOf } from "./planar";

/** 1 亩 = 10 000 / 15 m² (≈ 666.67 m²), the statutory definition. */
export const SQUARE_METRES_PER_MU = 10_000 / 15;
export const SQUARE_METRES_PER_HECTARE = 10_000;

/** Lambert azimuthal equal-area on GRS80 centred on the district: planar area here equals ellipsoidal area. */
const EQUAL_AREA_DEFINITION = "+proj=laea +lat_0=29.65 +lon_0=105.75 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs";
const toEqualArea = proj4("EPSG:4326", EQUAL_AREA_DEFINITION);

export interface AreaFigures {
  /** Planar area in CGCS2000 3° GK CM105°E — how the bureau measures parcels. */
  gaussKrugerSquareMetres: number;
  /** Area on the GRS80 ellipsoid. */
  ellipsoidalSquareMetres: number;
}

function polygonArea(rings: Position[][], project: (lngLat: [number, number]) => [number, number]): number {
  return polygonRingsArea(rings.map((ring) => ring.map((position) => project([position[0]!, position[1]!]))));
}

function projectEqualArea(lngLat: [number, number]): [number, number] {
  const [x, y] = toEqualArea.forward(lngLat);
  return [x as number, y as number];
}

/** Area of the polygonal parts of a WGS-84 geometry; lines and points have none. */
export function areaFigures(geometry: Geometry): AreaFigures {
  const polygons = polygonsOf(geometry);
  return {
    gaussKrugerSquareMetres: polygons.reduce((sum, rings) => sum + polygonArea(rings, lngLatToGaussKruger), 0),
    ellipsoidalSquareMetres: polygons.reduce((sum, rings) => sum + polygonArea(rings, projectEqualArea), 0),
  };
}

function gaussKrugerArea(feature: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon): number {
  const geometry = "geometry" in feature ? feature.geometry : feature;
  return areaFigures(geometry).gaussKrugerSquareMetres;
}

export function toHectares(squareMetres: number): number {
  return squareMetres / SQUARE_METRES_PER_HECTARE;
}

export function toMu(squareMetres: number): number {
  return squareMetres / SQUARE_METRES_PER_MU;
}
