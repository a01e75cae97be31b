import { describe, expect, it } from "vitest";
import { sketchFeatures } from "./sketchFeatures";
import {
  addVertex,
  beginVertexDrag,
  canFinish,
  canRedo,
  canUndo,
  finishSketch,
  insertVertex,
  MAX_UNDO_STEPS,
  moveVertex,
  redoSketch,
  removeVertex,
  shapeOfGeometry,
  sketchGeometry,
  SKETCH_NONE,
  startSketch,
  undoSketch,
  vertexNear,
  type LngLat,
  type SketchState,
} from "./sketchState";

const A: LngLat = [105.7, 29.7];
const B: LngLat = [105.71, 29.7];
const C: LngLat = [105.71, 29.71];
const D: LngLat = [105.7, 29.71];

function draw(kind: "polygon" | "line" | "point", ...vertices: LngLat[]): SketchState {
  return vertices.reduce((state, vertex) => addVertex(state, vertex), startSketch(kind));
}

describe("sketch state", () => {
  it("collects polygon vertices and closes the ring only in the geometry", () => {
    const state = draw("polygon", A, B, C);
    expect(state.shape!.vertices).toEqual([A, B, C]);
    expect(sketchGeometry(state.shape)).toEqual({ type: "Polygon", coordinates: [[A, B, C, A]] });
  });

  it("has no geometry until the kind's minimum is reached", () => {
    expect(sketchGeometry(draw("polygon", A, B).shape)).toBeNull();
    expect(sketchGeometry(draw("line", A).shape)).toBeNull();
    expect(sketchGeometry(draw("line", A, B).shape)).toEqual({ type: "LineString", coordinates: [A, B] });
    expect(canFinish(draw("polygon", A, B).shape)).toBe(false);
    expect(canFinish(draw("polygon", A, B, C).shape)).toBe(true);
  });

  it("finishes a point sketch on its one vertex", () => {
    const state = draw("point", A);
    expect(state.shape!.finished).toBe(true);
    expect(sketchGeometry(state.shape)).toEqual({ type: "Point", coordinates: A });
    expect(addVertex(state, B)).toBe(state);
  });

  it("undoes and redoes each step, and a new step clears the redo stack", () => {
    let state = draw("polygon", A, B, C);
    state = undoSketch(state);
    expect(state.shape!.vertices).toEqual([A, B]);
    expect(canRedo(state)).toBe(true);
    state = undoSketch(state);
    expect(state.shape!.vertices).toEqual([A]);
    state = redoSketch(redoSketch(state));
    expect(state.shape!.vertices).toEqual([A, B, C]);
    expect(canRedo(state)).toBe(false);
    state = undoSketch(state);
    state = addVertex(state, D);
    expect(state.shape!.vertices).toEqual([A, B, D]);
    expect(canRedo(state)).toBe(false);
    expect(redoSketch(state)).toBe(state);
  });

  it("undoes finishing: the shape takes vertices again", () => {
    let state = finishSketch(draw("polygon", A, B, C));
    expect(state.shape!.finished).toBe(true);
    expect(addVertex(state, D)).toBe(state);
    state = undoSketch(state);
    expect(state.shape!.finished).toBe(false);
    expect(addVertex(state, D).shape!.vertices).toEqual([A, B, C, D]);
  });

  it("records a whole vertex drag as one undo step", () => {
    let state = finishSketch(draw("polygon", A, B, C));
    state = beginVertexDrag(state);
    state = moveVertex(state, 1, [105.72, 29.7], false);
    state = moveVertex(state, 1, [105.73, 29.69], false);
    expect(state.shape!.vertices[1]).toEqual([105.73, 29.69]);
    state = undoSketch(state);
    expect(state.shape!.vertices[1]).toEqual(B);
    expect(state.shape!.finished).toBe(true);
  });

  it("inserts at an edge's midpoint index and removes vertices, unfinishing below the minimum", () => {
    let state = finishSketch(draw("polygon", A, B, C));
    state = insertVertex(state, 1, [105.705, 29.69]);
    expect(state.shape!.vertices).toEqual([A, [105.705, 29.69], B, C]);
    state = removeVertex(removeVertex(state, 1), 2);
    expect(state.shape!.vertices).toEqual([A, B]);
    expect(state.shape!.finished).toBe(false);
  });

  it("keeps at most MAX_UNDO_STEPS undo steps", () => {
    let state = startSketch("line");
    for (let index = 0; index < MAX_UNDO_STEPS + 50; index++) state = addVertex(state, [105 + index / 1000, 29.7]);
    expect(state.undo).toHaveLength(MAX_UNDO_STEPS);
    expect(state.shape!.vertices).toHaveLength(MAX_UNDO_STEPS + 50);
  });

  it("does nothing without a sketch", () => {
    expect(addVertex(SKETCH_NONE, A)).toBe(SKETCH_NONE);
    expect(undoSketch(SKETCH_NONE)).toBe(SKETCH_NONE);
    expect(canUndo(SKETCH_NONE)).toBe(false);
    expect(sketchGeometry(SKETCH_NONE.shape)).toBeNull();
  });

  it("turns a drawn geometry back into an editable shape", () => {
    expect(shapeOfGeometry({ type: "Polygon", coordinates: [[A, B, C, A]] })).toEqual({ kind: "polygon", vertices: [A, B, C], finished: true });
    expect(shapeOfGeometry({ type: "LineString", coordinates: [A, B] })).toEqual({ kind: "line", vertices: [A, B], finished: true });
    expect(
      shapeOfGeometry({
        type: "Polygon",
        coordinates: [
          [A, B, C, A],
          [A, B, C, A],
        ],
      }),
    ).toBeNull();
    expect(shapeOfGeometry({ type: "MultiPolygon", coordinates: [] })).toBeNull();
  });

  it("finds the nearest vertex within a tolerance", () => {
    const shape = draw("polygon", A, B, C).shape;
    const distance = (vertex: LngLat) => Math.abs(vertex[0] - 105.709) * 1000;
    expect(vertexNear(shape, distance, 2)).toBe(1);
    expect(vertexNear(shape, distance, 0.5)).toBe(-1);
  });
});

describe("sketch features", () => {
  const roles = (state: SketchState, cursor: LngLat | null = null) => sketchFeatures(state.shape, cursor).features.map((feature) => feature.properties.role);

  it("draws a rubber band to the cursor while drawing, and midpoints once finished", () => {
    const drawing = draw("polygon", A, B, C);
    expect(roles(drawing, D)).toEqual(["area", "edge", "rubber-band", "vertex", "vertex", "vertex"]);
    expect(roles(finishSketch(drawing), D)).toEqual(["area", "edge", "midpoint", "midpoint", "midpoint", "vertex", "vertex", "vertex"]);
    expect(roles(draw("line", A))).toEqual(["vertex"]);
    expect(sketchFeatures(null).features).toEqual([]);
  });

  it("numbers midpoints by the index a new vertex would take", () => {
    const features = sketchFeatures(finishSketch(draw("line", A, B, C)).shape).features.filter((feature) => feature.properties.role === "midpoint");
    expect(features.map((feature) => feature.properties.index)).toEqual([1, 2]);
  });
});
