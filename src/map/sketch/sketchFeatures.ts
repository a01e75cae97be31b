import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { LngLat, SketchShape } from "./sketchState";

/** `role` tells the sketch's style layers what each feature is. */
export type SketchFeatureRole = "area" | "edge" | "rubber-band" | "vertex" | "midpoint";

export interface SketchFeatureProperties {
  role: SketchFeatureRole;
  /** Vertex index (vertices), or the index a new vertex is inserted at (midpoints). */
  index?: number;
  first?: boolean;
}

export type SketchFeatureCollection = FeatureCollection<Geometry, SketchFeatureProperties>;

export const EMPTY_SKETCH_FEATURES: SketchFeatureCollection = { type: "FeatureCollection", features: [] };

function feature(geometry: Geometry, properties: SketchFeatureProperties): Feature<Geometry, SketchFeatureProperties> {
  return { type: "Feature", geometry, properties };
}

function midpoint(a: LngLat, b: LngLat): LngLat {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

/**
 * What the map draws for a sketch: the area (3+ polygon vertices), its edges, a rubber band from the last vertex to
 * the cursor while drawing, every vertex, and — once finished — a midpoint handle on each edge to insert a vertex.
 */
export function sketchFeatures(shape: SketchShape | null, cursor: LngLat | null = null): SketchFeatureCollection {
  if (!shape || shape.vertices.length === 0) return EMPTY_SKETCH_FEATURES;
  const vertices = shape.vertices.map((vertex): LngLat => [vertex[0], vertex[1]]);
  const features: Feature<Geometry, SketchFeatureProperties>[] = [];
  const closed = shape.kind === "polygon" && vertices.length >= 3;
  if (closed) features.push(feature({ type: "Polygon", coordinates: [[...vertices, vertices[0]!]] }, { role: "area" }));
  if (shape.kind !== "point" && vertices.length >= 2) {
    features.push(feature({ type: "LineString", coordinates: closed ? [...vertices, vertices[0]!] : vertices }, { role: "edge" }));
  }
  if (!shape.finished && cursor && shape.kind !== "point") {
    const last = vertices[vertices.length - 1]!;
    const band = shape.kind === "polygon" && vertices.length >= 2 ? [last, cursor, vertices[0]!] : [last, cursor];
    features.push(feature({ type: "LineString", coordinates: band }, { role: "rubber-band" }));
  }
  if (shape.finished && shape.kind !== "point") {
    const edges = closed ? vertices.length : vertices.length - 1;
    for (let index = 0; index < edges; index++) {
      const a = vertices[index]!;
      const b = vertices[(index + 1) % vertices.length]!;
      features.push(feature({ type: "Point", coordinates: midpoint(a, b) }, { role: "midpoint", index: index + 1 }));
    }
  }
  vertices.forEach((vertex, index) => {
    features.push(feature({ type: "Point", coordinates: vertex }, { role: "vertex", index, first: index === 0 }));
  });
  return { type: "FeatureCollection", features };
}
