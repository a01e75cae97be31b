import area from "@turf/area";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { decodeRing, zigzagDecode } from "./echarts";
import { loadDistrict } from "./district";
import { areaKm2, gkPolygons, props, readLayer } from "./testSupport";

/** 32号 一、: 东经105°28′—106°02′，北纬29°23′—29°52′，全区面积约1436 km2. */
const PUBLISHED = { west: 105 + 28 / 60, east: 106 + 2 / 60, south: 29 + 23 / 60, north: 29 + 52 / 60, areaKm2: 1436 };
const ARC_MINUTE = 1 / 60;

describe("ECharts decoding", () => {
  it("zigzag-decodes small integers", () => {
    expect([0, 1, 2, 3, 4].map(zigzagDecode)).toEqual([0, -1, 1, -2, 2]);
  });

  it("accumulates deltas from the offset in 1/1024°", () => {
    // "@@" is (0,0); "BA" is (+1,−1) after decoding (char 66−64=2→1, 65−64=1→−1).
    const ring = decodeRing("@@BA", [1024, 2048]);
    expect(ring).toEqual([
      [1, 2],
      [1025 / 1024, 2047 / 1024],
    ]);
  });

  it("converts the decoded (GCJ-02) ring to WGS-84: ≈0.0036° west, ≈0.0028° north here", () => {
    const district = loadDistrict();
    const [gcj] = district.ringGcj;
    const [wgs] = district.ringLngLat;
    expect(gcj && wgs).toBeTruthy();
    const dLng = (wgs as number[])[0]! - (gcj as number[])[0]!;
    const dLat = (wgs as number[])[1]! - (gcj as number[])[1]!;
    expect(dLng).toBeGreaterThan(-0.0045);
    expect(dLng).toBeLessThan(-0.0028);
    expect(dLat).toBeGreaterThan(0.0018);
    expect(dLat).toBeLessThan(0.0036);
  });
});

describe("district outline (committed layer)", () => {
  const collection = readLayer("district");
  const district = collection.features[0];

  it("is one derived polygon for 大足区", () => {
    expect(collection.features).toHaveLength(1);
    expect(props(district!)["name"]).toBe("大足区");
    expect(props(district!)["geometry_quality"]).toBe("derived");
    expect(String(props(district!)["geometry_note"])).toContain("GCJ-02");
  });

  it("has an area within 1 % of the published 1436 km² (Gauss–Krüger and geodesic)", () => {
    const planar = areaKm2(gkPolygons(district!));
    const geodesic = area(district!.geometry as Polygon) / 1e6;
    expect(Math.abs(planar - PUBLISHED.areaKm2) / PUBLISHED.areaKm2).toBeLessThan(0.01);
    expect(Math.abs(geodesic - PUBLISHED.areaKm2) / PUBLISHED.areaKm2).toBeLessThan(0.01);
  });

  it("spans the published extent to within 1.5′ on every side", () => {
    const ring = (district!.geometry as Polygon).coordinates[0]!;
    const lngs = ring.map((position) => position[0]!);
    const lats = ring.map((position) => position[1]!);
    expect(Math.abs(Math.min(...lngs) - PUBLISHED.west)).toBeLessThan(1.5 * ARC_MINUTE);
    expect(Math.abs(Math.max(...lngs) - PUBLISHED.east)).toBeLessThan(1.5 * ARC_MINUTE);
    expect(Math.abs(Math.min(...lats) - PUBLISHED.south)).toBeLessThan(1.5 * ARC_MINUTE);
    expect(Math.abs(Math.max(...lats) - PUBLISHED.north)).toBeLessThan(1.5 * ARC_MINUTE);
  });
});
