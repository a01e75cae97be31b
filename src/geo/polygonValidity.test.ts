import { describe, expect, it } from "vitest";
import { organiseRingsByContainment, pointInRing, polygonValidity } from "./polygonValidity";

type Ring = [number, number][];
const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
];

describe("pointInRing", () => {
  it("tells inside, outside and on the boundary", () => {
    expect(pointInRing([5, 5], square(0, 0, 10))).toBe("inside");
    expect(pointInRing([15, 5], square(0, 0, 10))).toBe("outside");
    expect(pointInRing([10, 5], square(0, 0, 10))).toBe("boundary");
    expect(pointInRing([0, 0], square(0, 0, 10))).toBe("boundary");
  });
});

describe("polygonValidity", () => {
  it("accepts a square with a hole inside", () => {
    expect(polygonValidity([[square(0, 0, 10), square(2, 2, 2)]])).toEqual({ selfIntersections: [], nesting: [] });
  });

  it("finds a part nested in another, at a vertex of the inner part", () => {
    const { nesting } = polygonValidity([[square(0, 0, 10)], [square(2, 2, 2)]]);
    expect(nesting).toEqual([{ code: "overlapping-parts", parts: [0, 1], point: [2, 2] }]);
  });

  it("finds parts that cross, at the crossing", () => {
    const { nesting } = polygonValidity([[square(0, 0, 10)], [square(5, 5, 10)]]);
    expect(nesting).toHaveLength(1);
    expect(nesting[0]!.code).toBe("overlapping-parts");
  });

  it("finds nested holes, and a hole that crosses its shell", () => {
    expect(polygonValidity([[square(0, 0, 10), square(1, 1, 6), square(2, 2, 2)]]).nesting.map((problem) => problem.code)).toEqual(["overlapping-holes"]);
    expect(polygonValidity([[square(0, 0, 10), square(8, 8, 4)]]).nesting).toEqual([expect.objectContaining({ code: "hole-outside-shell", part: 0, ring: 1 })]);
  });

  it("accepts parts and holes touching at single points", () => {
    expect(polygonValidity([[square(0, 0, 10)], [square(10, 10, 5)]]).nesting).toEqual([]);
    expect(
      polygonValidity([
        [
          square(0, 0, 10),
          [
            [5, 0],
            [6, 3],
            [4, 3],
          ],
        ],
      ]).nesting,
    ).toEqual([]);
  });

  it("still reports a ring crossing itself, apart from the nesting", () => {
    const bowTie: Ring = [
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
    ];
    expect(polygonValidity([[bowTie]]).selfIntersections).toHaveLength(1);
  });
});

describe("organiseRingsByContainment", () => {
  it("makes a ring inside another its hole whatever the winding, and a ring inside that hole a new shell", () => {
    const rings = [square(0, 0, 10), square(2, 2, 6), square(4, 4, 2), square(20, 0, 5)];
    expect(organiseRingsByContainment(rings)).toEqual([[0, 1], [2], [3]]);
  });

  it("gives a hole to the smallest shell holding it", () => {
    const rings = [square(0, 0, 100), square(10, 10, 80), square(20, 20, 60), square(30, 30, 10)];
    expect(organiseRingsByContainment(rings)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
