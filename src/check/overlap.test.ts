import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { polygonOverlap } from "./overlap";

function rectangle(minX: number, minY: number, maxX: number, maxY: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [minX, minY],
        [maxX, minY],
        [maxX, maxY],
        [minX, maxY],
        [minX, minY],
      ],
    ],
  };
}

describe("polygonOverlap (GK metres)", () => {
  it("takes a zone wholly inside the parcel as the overlap: 200 × 100 m = 20 000 m²", () => {
    const overlap = polygonOverlap(rectangle(0, 0, 1000, 1000), rectangle(100, 100, 300, 200), 10);
    expect(overlap.squareMetres).toBeCloseTo(20_000, 6);
    expect(overlap.tolerance).toBe("substantive");
  });

  it("takes a parcel wholly inside a zone as the overlap, a sliver when narrower than the accuracy", () => {
    const overlap = polygonOverlap(rectangle(100, 100, 300, 200), rectangle(0, 0, 1000, 1000), 500);
    expect(overlap.squareMetres).toBeCloseTo(20_000, 6);
    // Mean width 2·20 000 / 600 ≈ 66.7 m < 500 m.
    expect(overlap.tolerance).toBe("sliver");
  });

  it("clips a parcel that shares an edge with the zone instead of taking the fast path", () => {
    const overlap = polygonOverlap(rectangle(0, 0, 1000, 1000), rectangle(0, 0, 500, 1000), 10);
    expect(overlap.squareMetres).toBeCloseTo(500_000, 3);
  });

  it("subtracts a hole of the zone that lies inside the parcel", () => {
    const zoneWithHole: Polygon = {
      type: "Polygon",
      coordinates: [rectangle(0, 0, 1000, 1000).coordinates[0]!, rectangle(400, 400, 600, 600).coordinates[0]!.slice().reverse()],
    };
    const overlap = polygonOverlap(rectangle(300, 300, 700, 700), zoneWithHole, 10);
    expect(overlap.squareMetres).toBeCloseTo(160_000 - 40_000, 3);
  });

  it("reports touching boundaries with no area", () => {
    expect(polygonOverlap(rectangle(0, 0, 100, 100), rectangle(100, 0, 200, 100), 10)).toEqual({ squareMetres: 0, tolerance: "touches" });
    expect(polygonOverlap(rectangle(0, 0, 100, 100), rectangle(150, 0, 200, 100), 10)).toEqual({ squareMetres: 0, tolerance: null });
  });
});
