import type { LineString, Point, Polygon } from "geojson";

export type { LngLat, SketchKind, SketchShape } from "../../geo/sketchShape";
import type { LngLat, SketchKind, SketchShape } from "../../geo/sketchShape";

/** The shape with its undo and redo stacks (most recent last). `shape` null: nothing is being drawn. */
export interface SketchState {
  shape: SketchShape | null;
  undo: readonly SketchShape[];
  redo: readonly SketchShape[];
}

export type SketchGeometry = Polygon | LineString | Point;

export const SKETCH_NONE: SketchState = { shape: null, undo: [], redo: [] };

/** Undo steps kept; older ones are dropped, the shape itself never is. */
export const MAX_UNDO_STEPS = 200;

const MINIMUM_VERTICES: Record<SketchKind, number> = { polygon: 3, line: 2, point: 1 };

function record(state: SketchState, next: SketchShape): SketchState {
  if (!state.shape) return { shape: next, undo: [], redo: [] };
  const undo = [...state.undo, state.shape];
  return { shape: next, undo: undo.length > MAX_UNDO_STEPS ? undo.slice(undo.length - MAX_UNDO_STEPS) : undo, redo: [] };
}

export function startSketch(kind: SketchKind): SketchState {
  return { shape: { kind, vertices: [], finished: false }, undo: [], redo: [] };
}

/** A shape loaded from elsewhere (a saved draft, a drawn parcel reopened): undo starts from it. */
export function sketchFromShape(shape: SketchShape): SketchState {
  return { shape: { kind: shape.kind, vertices: shape.vertices.map(copy), finished: shape.finished }, undo: [], redo: [] };
}

function copy(lngLat: readonly number[]): LngLat {
  return [lngLat[0]!, lngLat[1]!];
}

/** Adds a vertex at the end; a point sketch takes exactly one and is then finished. */
export function addVertex(state: SketchState, lngLat: LngLat): SketchState {
  const shape = state.shape;
  if (!shape || shape.finished) return state;
  if (shape.kind === "point") return record(state, { ...shape, vertices: [copy(lngLat)], finished: true });
  return record(state, { ...shape, vertices: [...shape.vertices, copy(lngLat)] });
}

/** Inserts a vertex before `index` (e.g. dragging an edge's midpoint). */
export function insertVertex(state: SketchState, index: number, lngLat: LngLat): SketchState {
  const shape = state.shape;
  if (!shape || shape.kind === "point" || index < 0 || index > shape.vertices.length) return state;
  const vertices = [...shape.vertices];
  vertices.splice(index, 0, copy(lngLat));
  return record(state, { ...shape, vertices });
}

/**
 * Moves a vertex. `recordStep: false` replaces the shape without an undo step — for the moves in the middle of
 * a drag, whose start was recorded by `beginVertexDrag`.
 */
export function moveVertex(state: SketchState, index: number, lngLat: LngLat, recordStep = true): SketchState {
  const shape = state.shape;
  if (!shape || index < 0 || index >= shape.vertices.length) return state;
  const vertices = shape.vertices.map((vertex, vertexIndex) => (vertexIndex === index ? copy(lngLat) : vertex));
  const next = { ...shape, vertices };
  return recordStep ? record(state, next) : { ...state, shape: next };
}

/** Records the shape before a drag, so the whole drag is one undo step. */
export function beginVertexDrag(state: SketchState): SketchState {
  return state.shape ? record(state, state.shape) : state;
}

export function removeVertex(state: SketchState, index: number): SketchState {
  const shape = state.shape;
  if (!shape || index < 0 || index >= shape.vertices.length) return state;
  const vertices = shape.vertices.filter((_, vertexIndex) => vertexIndex !== index);
  // A finished shape that falls below its minimum goes back to drawing, so it can be completed again.
  const finished = shape.finished && vertices.length >= MINIMUM_VERTICES[shape.kind];
  return record(state, { ...shape, vertices, finished });
}

export function canFinish(shape: SketchShape | null): boolean {
  return shape !== null && !shape.finished && shape.vertices.length >= MINIMUM_VERTICES[shape.kind];
}

export function finishSketch(state: SketchState): SketchState {
  if (!canFinish(state.shape)) return state;
  return record(state, { ...state.shape!, finished: true });
}

export function undoSketch(state: SketchState): SketchState {
  const previous = state.undo[state.undo.length - 1];
  if (!previous || !state.shape) return state;
  return { shape: previous, undo: state.undo.slice(0, -1), redo: [...state.redo, state.shape] };
}

export function redoSketch(state: SketchState): SketchState {
  const next = state.redo[state.redo.length - 1];
  if (!next || !state.shape) return state;
  return { shape: next, undo: [...state.undo, state.shape], redo: state.redo.slice(0, -1) };
}

export function canUndo(state: SketchState): boolean {
  return state.shape !== null && state.undo.length > 0;
}

export function canRedo(state: SketchState): boolean {
  return state.shape !== null && state.redo.length > 0;
}

/** The shape as GeoJSON once it has enough vertices for its kind (polygon rings closed), else null. */
export function sketchGeometry(shape: SketchShape | null): SketchGeometry | null {
  if (!shape || shape.vertices.length < MINIMUM_VERTICES[shape.kind]) return null;
  const vertices = shape.vertices.map(copy);
  if (shape.kind === "point") return { type: "Point", coordinates: vertices[0]! };
  if (shape.kind === "line") return { type: "LineString", coordinates: vertices };
  return { type: "Polygon", coordinates: [[...vertices, copy(vertices[0]!)]] };
}

/** A drawn geometry back as a shape (ring closure dropped); null for geometries the sketch cannot edit. */
export function shapeOfGeometry(geometry: { type: string; coordinates?: unknown }, finished = true): SketchShape | null {
  if (geometry.type === "Point") return { kind: "point", vertices: [copy(geometry.coordinates as number[])], finished };
  if (geometry.type === "LineString") return { kind: "line", vertices: (geometry.coordinates as number[][]).map(copy), finished };
  if (geometry.type === "Polygon") {
    const rings = geometry.coordinates as number[][][];
    if (rings.length !== 1 || !rings[0] || rings[0].length < 4) return null;
    const ring = rings[0].map(copy);
    const [first, last] = [ring[0]!, ring[ring.length - 1]!];
    if (first[0] === last[0] && first[1] === last[1]) ring.pop();
    return { kind: "polygon", vertices: ring, finished };
  }
  return null;
}

/** The index of the vertex within `tolerance` of `point` (in whatever unit `distance` measures), or -1. */
export function vertexNear(shape: SketchShape | null, distance: (vertex: LngLat) => number, tolerance: number): number {
  if (!shape) return -1;
  let best = -1;
  let bestDistance = tolerance;
  shape.vertices.forEach((vertex, index) => {
    const d = distance(vertex);
    // Ties go to the earlier vertex, so a polygon's first vertex wins over a last one placed on it.
    if (d < bestDistance || (best < 0 && d <= tolerance)) {
      best = index;
      bestDistance = d;
    }
  });
  return best;
}
