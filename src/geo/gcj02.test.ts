import { describe, expect, it } from "vitest";
import { bd09ToGcj02, bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, wgs84ToBd09, wgs84ToGcj02 } from "./gcj02";

function metresBetween(a: [number, number], b: [number, number]): number {
  const latitude = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  const dx = (a[0] - b[0]) * 111_320 * Math.cos(latitude);
  const dy = (a[1] - b[1]) * 110_574;
  return Math.hypot(dx, dy);
}

describe("GCJ-02", () => {
  // Published pair (coordtransform / eviltransform test suites): Beijing, WGS-84 → GCJ-02.
  it("matches a published WGS-84 → GCJ-02 pair", () => {
    const gcj = wgs84ToGcj02([116.404, 39.915]);
    expect(gcj[0]).toBeCloseTo(116.41024449916938, 8);
    expect(gcj[1]).toBeCloseTo(39.91640428150164, 8);
  });

  it("offsets Dazu by a few hundred metres, mostly east", () => {
    const gcj = wgs84ToGcj02([105.7157, 29.7066]);
    const shift = metresBetween(gcj, [105.7157, 29.7066]);
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(700);
    expect(gcj[0]).toBeGreaterThan(105.7157);
  });

  it("inverts to under a centimetre", () => {
    for (const point of [
      [105.7157, 29.7066],
      [105.47, 29.39],
      [106.03, 29.86],
    ] as Array<[number, number]>) {
      const back = gcj02ToWgs84(wgs84ToGcj02(point));
      expect(metresBetween(back, point)).toBeLessThan(0.001);
    }
  });

  it("agrees with the reference table's AMap point for 棠香街道 (GCJ 105.719319,29.703928 → WGS 105.7157,29.7066)", () => {
    const wgs = gcj02ToWgs84([105.719319, 29.703928]);
    expect(metresBetween(wgs, [105.7157, 29.7066])).toBeLessThan(15);
  });

  it("leaves points outside China unchanged", () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});

describe("BD-09", () => {
  // Published pair (coordtransform): GCJ-02 (116.404, 39.915) → BD-09 (116.41036949371029, 39.92133699351021).
  it("matches a published GCJ-02 → BD-09 pair", () => {
    const bd = gcj02ToBd09([116.404, 39.915]);
    expect(bd[0]).toBeCloseTo(116.41036949371029, 8);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 8);
  });

  it("round-trips GCJ-02 ↔ BD-09 to under a metre", () => {
    const back = bd09ToGcj02(gcj02ToBd09([105.72, 29.7]));
    expect(metresBetween(back, [105.72, 29.7])).toBeLessThan(1);
  });

  it("composes WGS-84 → BD-09 through GCJ-02", () => {
    expect(wgs84ToBd09([105.72, 29.7])).toEqual(gcj02ToBd09(wgs84ToGcj02([105.72, 29.7])));
  });
});

describe("BD-09 → WGS-84", () => {
  // Published pair (coordtransform): BD-09 (116.404, 39.915) → GCJ-02 (116.39762729119315, 39.90865673957631).
  it("undoes the Baidu offset to the published GCJ-02 point, then the GCJ-02 offset", () => {
    const wgs84 = bd09ToWgs84([116.404, 39.915]);
    const gcj02 = wgs84ToGcj02(wgs84);
    expect(gcj02[0]).toBeCloseTo(116.39762729119315, 6);
    expect(gcj02[1]).toBeCloseTo(39.90865673957631, 6);
  });

  it("round-trips WGS-84 → BD-09 → WGS-84 in Dazu to under a millimetre", () => {
    const start: [number, number] = [105.72, 29.7];
    const back = bd09ToWgs84(wgs84ToBd09(start));
    expect(Math.abs(back[0] - start[0]) * 96_700).toBeLessThan(0.001);
    expect(Math.abs(back[1] - start[1]) * 110_800).toBeLessThan(0.001);
  });
});
