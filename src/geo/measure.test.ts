import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { gaussKrugerToLngLat } from "./crs";
import { areaFigures, toHectares, toMu } from "./measure";

/** A square drawn in GK metres, converted to WGS-84 — its GK area is known exactly. */
function gaussKrugerSquare(easting: number, northing: number, side: number): Polygon {
  const corners: Array<[number, number]> = [
    [easting, northing],
    [easting + side, northing],
    [easting + side, northing + side],
    [easting, northing + side],
    [easting, northing],
  ];
  return { type: "Polygon", coordinates: [corners.map((corner) => gaussKrugerToLngLat(corner))] };
}

describe("areaFigures", () => {
  it("gives a 1 km GK square 1 000 000 m² planar (to the centimetre², straight edges in GK)", () => {
    const square = gaussKrugerSquare(570_000, 3_287_000, 1000);
    expect(areaFigures(square).gaussKrugerSquareMetres).toBeCloseTo(1_000_000, -1);
  });

  it("puts the ellipsoidal area below the GK area by the scale factor squared, ~0.12 % at 70 km from CM", () => {
    const square = gaussKrugerSquare(570_000, 3_287_000, 1000);
    const { gaussKrugerSquareMetres, ellipsoidalSquareMetres } = areaFigures(square);
    // GK point scale k ≈ 1 + x²/(2R²) with x ≈ 70 km, R ≈ 6 371 km → k² − 1 ≈ 1.2e-4.
    const ratio = gaussKrugerSquareMetres / ellipsoidalSquareMetres;
    expect(ratio).toBeGreaterThan(1.0001);
    expect(ratio).toBeLessThan(1.0002);
  });

  it("subtracts holes and ignores lines", () => {
    const outer = gaussKrugerSquare(570_000, 3_287_000, 1000).coordinates[0]!;
    const hole = gaussKrugerSquare(570_250, 3_287_250, 500).coordinates[0]!.slice().reverse();
    const withHole: Polygon = { type: "Polygon", coordinates: [outer, hole] };
    expect(areaFigures(withHole).gaussKrugerSquareMetres).toBeCloseTo(750_000, -1);
    expect(areaFigures({ type: "LineString", coordinates: outer }).gaussKrugerSquareMetres).toBe(0);
  });

  it("converts units: 500 000 m² = 50 公顷 = 750 亩", () => {
    expect(toHectares(500_000)).toBe(50);
    expect(toMu(500_000)).toBeCloseTo(750, 9);
  });
});
