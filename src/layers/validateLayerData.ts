import type { Geometry, Position } from "geojson";
import type { GeometryQuality, LayerDefinition, LayerGeometryType } from "./manifestTypes";
import type { LayerFeatureCollection } from "./layerData";
import { invalid, isFiniteNumber, isNonEmptyString, isObject, summarizeErrors, valid, type Validation } from "./validation";

const GEOMETRY_TYPES_FOR: Record<LayerGeometryType, readonly Geometry["type"][]> = {
  polygon: ["Polygon", "MultiPolygon"],
  line: ["LineString", "MultiLineString"],
  point: ["Point", "MultiPoint"],
};

const QUALITIES: readonly GeometryQuality[] = ["official", "derived", "schematic"];

/** Each geometry type's nesting depth of positions and the fewest positions a part needs. */
const SHAPE: Record<string, { depth: number; minimumPositions: number }> = {
  Point: { depth: 0, minimumPositions: 1 },
  MultiPoint: { depth: 1, minimumPositions: 1 },
  LineString: { depth: 1, minimumPositions: 2 },
  MultiLineString: { depth: 2, minimumPositions: 2 },
  Polygon: { depth: 2, minimumPositions: 4 },
  MultiPolygon: { depth: 3, minimumPositions: 4 },
};

/** Why a position is unusable, or null; a projected or swapped coordinate fails the degree ranges. */
function positionProblem(position: unknown): string | null {
  if (!Array.isArray(position) || position.length < 2) return "a position must be [longitude, latitude]";
  const [longitude, latitude] = position as unknown[];
  if (!isFiniteNumber(longitude) || !isFiniteNumber(latitude)) return "coordinates must be finite numbers";
  if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) {
    return `coordinate [${longitude}, ${latitude}] is outside longitude −180…180 / latitude −90…90 (projected metres or swapped axes?)`;
  }
  return null;
}

/** Walks nested coordinate arrays to the declared depth and reports the first problem. */
function coordinatesProblem(coordinates: unknown, depth: number, minimumPositions: number): string | null {
  if (depth === 0) return positionProblem(coordinates);
  if (!Array.isArray(coordinates)) return "coordinates are not nested as the geometry type requires";
  if (depth === 1 && coordinates.length < minimumPositions) {
    return `a part has ${coordinates.length} positions, at least ${minimumPositions} needed`;
  }
  if (depth > 1 && coordinates.length === 0) return "a geometry part is empty";
  for (const child of coordinates) {
    const problem = coordinatesProblem(child, depth - 1, minimumPositions);
    if (problem) return problem;
  }
  return null;
}

function geometryProblem(geometry: unknown, expected: LayerGeometryType): string | null {
  if (!isObject(geometry)) return "geometry is missing";
  const allowed = GEOMETRY_TYPES_FOR[expected];
  if (!allowed.includes(geometry.type as Geometry["type"])) {
    return `geometry type '${String(geometry.type)}' does not match the layer's geometryType '${expected}' (${allowed.join(" or ")})`;
  }
  const shape = SHAPE[geometry.type as string];
  if (!shape) return `geometry type '${String(geometry.type)}' is not supported`;
  return coordinatesProblem(geometry.coordinates as Position, shape.depth, shape.minimumPositions);
}

function propertyProblems(properties: unknown): string[] {
  if (!isObject(properties)) return ["properties are missing"];
  const problems: string[] = [];
  if (!isNonEmptyString(properties.id)) problems.push("missing property 'id'");
  if (!isNonEmptyString(properties.name)) problems.push("missing property 'name'");
  if (!Array.isArray(properties.source) || !properties.source.every(isNonEmptyString)) {
    problems.push("property 'source' must be an array of citations");
  }
  if (!QUALITIES.includes(properties.geometry_quality as GeometryQuality)) {
    problems.push(`property 'geometry_quality' must be one of ${QUALITIES.join(", ")}`);
  }
  if (typeof properties.geometry_note !== "string") problems.push("missing property 'geometry_note'");
  return problems;
}

/**
 * Checks one layer file against its manifest entry: a FeatureCollection whose geometries match the layer's
 * geometryType, with every feature's provenance properties and sane degree coordinates.
 */
export function validateLayerData(layer: LayerDefinition, json: unknown): Validation<LayerFeatureCollection> {
  const where = `layer '${layer.id}' (${layer.file ?? layer.check?.file})`;
  if (!isObject(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) {
    return invalid([`${where}: not a GeoJSON FeatureCollection`]);
  }
  const errors: string[] = [];
  const seenIds = new Set<string>();
  json.features.forEach((feature: unknown, index: number) => {
    if (!isObject(feature) || feature.type !== "Feature") {
      errors.push(`${where}: feature ${index} is not a GeoJSON Feature`);
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : undefined;
    const label = isNonEmptyString(properties?.id) ? `feature ${index} ('${properties.id}')` : `feature ${index}`;
    for (const problem of propertyProblems(feature.properties)) errors.push(`${where}: ${label}: ${problem}`);
    const problem = geometryProblem(feature.geometry, layer.geometryType);
    if (problem) errors.push(`${where}: ${label}: ${problem}`);
    if (isNonEmptyString(properties?.id)) {
      if (seenIds.has(properties.id)) errors.push(`${where}: ${label}: duplicate feature id`);
      seenIds.add(properties.id);
    }
  });
  if (errors.length > 0) return invalid(summarizeErrors(errors));
  return valid(json as unknown as LayerFeatureCollection);
}
