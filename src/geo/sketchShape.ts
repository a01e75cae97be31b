/** What is being drawn: a site boundary, a linear site (road, pipeline) or a single point. */
export type SketchKind = "polygon" | "line" | "point";

export type LngLat = [longitude: number, latitude: number];

/**
 * One drawn shape. `finished` shapes no longer take new vertices on click, but their vertices can still be
 * dragged. Vertices are open: a polygon's first vertex is not repeated at the end.
 */
export interface SketchShape {
  kind: SketchKind;
  vertices: readonly LngLat[];
  finished: boolean;
}
