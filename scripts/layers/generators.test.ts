import { describe, expect, it } from "vitest";
import type { Point } from "./geom";
import { bestSeparation, separateGenerators, separationAlong } from "./generators";

// Town 0 owns the points left of x = 0 and one point far below; town 1 the points right of x = 100.
const left: Point[] = [
  [0, 0],
  [-200, 300],
];
const right: Point[] = [
  [100, 0],
  [300, 500],
];

describe("generator separation", () => {
  it("measures the gap between two point sets along a direction", () => {
    // Along +x: min of right (100) − max of left (0) = 100 m; along +y: 0 − 300 = −300 m.
    expect(separationAlong(left, right, [1, 0])).toBe(100);
    expect(separationAlong(left, right, [0, 1])).toBe(-300);
  });

  it("finds the direction that separates two sets best", () => {
    // Only (0, 0) and (100, 0) are close: the widest gap is along +x, 100 m.
    const best = bestSeparation(left, right);
    expect(best.gap).toBeCloseTo(100, 3);
    expect(best.angle).toBeCloseTo(0, 3);
  });

  it("turns only a pair whose seats' line cannot separate their points, about its midpoint", () => {
    // Seats 200 m apart on the y axis: along +y the sets overlap (gap −300), so the pair is turned to +x.
    const seats = [
      { x: 50, y: -100 },
      { x: 50, y: 100 },
      { x: 5000, y: 0 },
    ];
    const far: Point[] = [[5000, 0]];
    const { sites, moves } = separateGenerators(seats, [left, right, far], 60);
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ i: 0, j: 1 });
    expect(moves[0]!.gapBefore).toBeCloseTo(-300, 6);
    expect(moves[0]!.gapAfter).toBeCloseTo(100, 3);
    expect(moves[0]!.turnDeg).toBeCloseTo(-90, 2);
    // Midpoint (50, 0) and half-distance 100 kept: now at (−50, 0) and (150, 0).
    expect(sites[0]!.x).toBeCloseTo(-50, 3);
    expect(sites[0]!.y).toBeCloseTo(0, 3);
    expect(sites[1]!.x).toBeCloseTo(150, 3);
    expect(sites[2]).toEqual({ x: 5000, y: 0 });
  });

  it("refuses a pair no straight line can separate by the gap asked for", () => {
    const seats = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
    ];
    expect(() => separateGenerators(seats, [left, right], 150)).toThrow(/at best 100 m apart/);
  });
});
