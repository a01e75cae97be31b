import type { Feature, Geometry, Point } from "geojson";
import { lngLatToGaussKruger, type LngLat } from "../geo/crs";
import type { LayerDefinition, LocalizedText } from "../layers/manifestTypes";
import { linesOf, planarDistance, polygonContainsPoint } from "./planarGeometry";
import { toGaussKruger } from "./projectToGaussKruger";

/** Where a GPS fix stands relative to a layer, never with more certainty than fix + map allow. */
export type FieldStanding = "inside" | "outside" | "uncertain";

export interface FieldLayerAnswer {
  layerId: string;
  title: LocalizedText;
  standing: FieldStanding;
  /** Distance to the nearest boundary (polygons) or feature (points), metres. */
  distanceMetres: number;
  nearestName: string;
  /** GPS accuracy + the layer's positional accuracy: the band within which the answer cannot be certain. */
  uncertaintyMetres: number;
}

export interface DistanceAndDirection {
  featureId: string;
  name: string;
  distanceMetres: number;
  /** Degrees clockwise from grid north (GK), 0..360. */
  bearingDegrees: number;
  /** One of eight compass points, a code the message table names (`compass.NE` → 东北 / NE). */
  direction: CompassPoint;
}

export type CompassPoint = "N" | "NE" | "E" | "SE" | "S" | "SW" | "W" | "NW";

const DIRECTIONS: readonly CompassPoint[] = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

export function compassDirection(bearingDegrees: number): CompassPoint {
  return DIRECTIONS[Math.round((((bearingDegrees % 360) + 360) % 360) / 45) % 8]!;
}

function featureName(feature: Feature<Geometry>): string {
  const name = feature.properties?.name;
  return typeof name === "string" ? name : String(feature.properties?.id ?? "");
}

/** Distance and direction from the user to each point feature, nearest first. */
export function distancesFrom(position: LngLat, features: Feature<Geometry>[]): DistanceAndDirection[] {
  const [userE, userN] = lngLatToGaussKruger(position);
  return features
    .filter((feature): feature is Feature<Point> => feature.geometry.type === "Point")
    .map((feature) => {
      const [e, n] = lngLatToGaussKruger(feature.geometry.coordinates as LngLat);
      const bearing = ((Math.atan2(e - userE, n - userN) * 180) / Math.PI + 360) % 360;
      return {
        featureId: String(feature.properties?.id ?? ""),
        name: featureName(feature),
        distanceMetres: Math.hypot(e - userE, n - userN),
        bearingDegrees: bearing,
        direction: compassDirection(bearing),
      };
    })
    .sort((a, b) => a.distanceMetres - b.distanceMetres || a.featureId.localeCompare(b.featureId));
}

/**
 * For a polygon layer: inside/outside when the fix is further from every boundary than GPS accuracy + layer
 * accuracy, otherwise uncertain. For a point layer: "inside" means within the caution distance.
 */
export function standingInLayer(
  position: LngLat,
  accuracyMetres: number,
  layer: LayerDefinition,
  features: Feature<Geometry>[],
  cautionDistanceMetres = 50,
): FieldLayerAnswer | null {
  if (features.length === 0) return null;
  const point = lngLatToGaussKruger(position);
  const pointGeometry: Geometry = { type: "Point", coordinates: point };
  let inside = false;
  let nearest = { distance: Infinity, name: "" };
  let nearestUncertainty = layer.positionalAccuracyM;
  for (const feature of features) {
    const planar = toGaussKruger(feature.geometry).geometry;
    if (layer.geometryType === "point") {
      const distance = planarDistance(pointGeometry, planar);
      if (distance < nearest.distance) {
        nearest = { distance, name: featureName(feature) };
        const uncertainty = feature.properties?.uncertainty_m;
        nearestUncertainty = typeof uncertainty === "number" ? uncertainty : layer.positionalAccuracyM;
      }
      continue;
    }
    if (polygonContainsPoint(planar, point)) inside = true;
    const boundary: Geometry = { type: "MultiLineString", coordinates: linesOf(planar) };
    const distance = planarDistance(pointGeometry, boundary);
    if (distance < nearest.distance) nearest = { distance, name: featureName(feature) };
  }
  if (layer.geometryType === "point") {
    const uncertaintyMetres = accuracyMetres + nearestUncertainty;
    const standing: FieldStanding =
      nearest.distance + uncertaintyMetres <= cautionDistanceMetres
        ? "inside"
        : nearest.distance - uncertaintyMetres > cautionDistanceMetres
          ? "outside"
          : "uncertain";
    return { layerId: layer.id, title: layer.title, standing, distanceMetres: nearest.distance, nearestName: nearest.name, uncertaintyMetres };
  }
  const uncertaintyMetres = accuracyMetres + layer.positionalAccuracyM;
  const standing: FieldStanding = nearest.distance <= uncertaintyMetres ? "uncertain" : inside ? "inside" : "outside";
  return { layerId: layer.id, title: layer.title, standing, distanceMetres: nearest.distance, nearestName: nearest.name, uncertaintyMetres };
}
