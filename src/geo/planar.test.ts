import { describe, expect, it } from "vitest";
import { distanceToRings, pointInPolygonRings, pointInRing, pointSegmentDistance, polygonRingsArea, ringSignedArea } from "./planar";

// A 100 m square at GK magnitudes, counter-clockwise, open, with a 20 m square hole.
const square = [
  [573_000, 3_278_000],
  [573_100, 3_278_000],
  [573_100, 3_278_100],
  [573_000, 3_278_100],
];
const hole = [
  [573_040, 3_278_040],
  [573_060, 3_278_040],
  [573_060, 3_278_060],
  [573_040, 3_278_060],
];

describe("planar primitives", () => {
  it("give a ring's signed area, open or closed: + counter-clockwise, − clockwise", () => {
    expect(ringSignedArea(square)).toBe(10_000);
    expect(ringSignedArea([...square, square[0]!])).toBe(10_000);
    expect(ringSignedArea([...square].reverse())).toBe(-10_000);
    expect(ringSignedArea(square.slice(0, 2))).toBe(0);
  });

  it("subtract holes whatever their winding", () => {
    expect(polygonRingsArea([square, hole])).toBe(10_000 - 400);
    expect(polygonRingsArea([square, [...hole].reverse()])).toBe(9_600);
  });

  it("tell a point inside a ring, and inside a polygon but not in its hole", () => {
    expect(pointInRing([573_010, 3_278_010], square)).toBe(true);
    expect(pointInRing([573_110, 3_278_010], square)).toBe(false);
    expect(pointInPolygonRings([573_010, 3_278_010], [square, hole])).toBe(true);
    expect(pointInPolygonRings([573_050, 3_278_050], [square, hole])).toBe(false);
  });

  it("measure point–segment distances, to the segment's end beyond it", () => {
    expect(pointSegmentDistance([3, 4], [0, 0], [0, 0])).toBe(5);
    expect(pointSegmentDistance([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(pointSegmentDistance([13, 4], [0, 0], [10, 0])).toBe(5);
    // From here the hole's west edge is 10 m away, the shell's 30 m.
    expect(distanceToRings([573_030, 3_278_050], [square, hole])).toBe(10);
    // The closing edge counts: (573 000, y) lies on the edge from the last vertex back to the first.
    expect(distanceToRings([572_990, 3_278_050], [square])).toBe(10);
  });
});
