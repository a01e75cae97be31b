import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import { gaussKrugerToLngLat, lngLatToGaussKruger, transform } from "./crs";

describe("CGCS2000 Gauss–Krüger CM105°E", () => {
  it("puts the central meridian at easting 500 000 m", () => {
    const [easting] = lngLatToGaussKruger([105, 29.7]);
    expect(easting).toBeCloseTo(500000, 3);
  });

  it("matches an independent proj4 definition for the district seat", () => {
    const independent = proj4(
      "+proj=longlat +ellps=GRS80 +no_defs",
      "+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
      [105.7181, 29.7097],
    );
    const ours = lngLatToGaussKruger([105.7181, 29.7097]);
    expect(ours[0]).toBeCloseTo(independent[0] as number, 6);
    expect(ours[1]).toBeCloseTo(independent[1] as number, 6);
    // Hand check: 0.7181° of longitude at 29.71°N ≈ 69.4 km east of CM; northing ≈ 3 288 km.
    expect(ours[0]).toBeGreaterThan(569_000);
    expect(ours[0]).toBeLessThan(570_000);
    expect(ours[1]).toBeGreaterThan(3_287_000);
    expect(ours[1]).toBeLessThan(3_289_000);
  });

  it("round-trips to well under a millimetre", () => {
    const back = gaussKrugerToLngLat(lngLatToGaussKruger([105.9, 29.5]));
    expect(back[0]).toBeCloseTo(105.9, 9);
    expect(back[1]).toBeCloseTo(29.5, 9);
  });

  it("differs from the zone-prefixed EPSG:4523 by exactly 35 000 000 m of easting", () => {
    const plain = transform([105.5, 29.6], "EPSG:4326", "EPSG:4544");
    const prefixed = transform([105.5, 29.6], "EPSG:4326", "EPSG:4523");
    expect(prefixed[0] - plain[0]).toBeCloseTo(35_000_000, 3);
    expect(prefixed[1]).toBeCloseTo(plain[1], 6);
  });
});
