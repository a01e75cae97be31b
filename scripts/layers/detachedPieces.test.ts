import { describe, expect, it } from "vitest";
import { reassignDetachedPieces } from "./detachedPieces";
import { polygonArea, type Ring } from "./geom";

const rectangle = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

describe("detached pieces", () => {
  it("gives a detached piece to the town it shares the longest border with", () => {
    // Town 0: [0,10]² plus a stray piece [20,22]×[0,1]. Town 1: [10,20]×[0,10] (shares 1 m with the piece).
    // Town 2: [22,30]×[0,10] and [20,22]×[1,10] (shares 2 m along y = 1 and 1 m along x = 22: 3 m).
    const towns: Ring[][][] = [
      [[rectangle(0, 0, 10, 10)], [rectangle(20, 0, 22, 1)]],
      [[rectangle(10, 0, 20, 10)]],
      [
        [
          [
            [22, 0],
            [30, 0],
            [30, 10],
            [20, 10],
            [20, 1],
            [22, 1],
          ],
        ],
      ],
    ];
    const moved = reassignDetachedPieces(towns, (index) => `town ${index}`);
    expect(moved).toEqual([{ from: 0, to: 2, areaKm2: 2e-6 }]);
    expect(towns.map((polygons) => polygons.length)).toEqual([1, 1, 1]);
    expect(polygonArea(towns[0]![0]!)).toBe(100);
    // Town 2 is now the whole rectangle [20,30]×[0,10].
    expect(polygonArea(towns[2]![0]!)).toBeCloseTo(100, 9);
  });

  it("fails on a detached piece too large to be a sliver", () => {
    const towns: Ring[][][] = [[[rectangle(0, 0, 3000, 3000)], [rectangle(5000, 0, 6100, 1000)]], [[rectangle(3000, 0, 5000, 3000)]]];
    expect(() => reassignDetachedPieces(towns, () => "big")).toThrow(/1\.10 km²/);
  });
});
