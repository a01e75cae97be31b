import { describe, expect, it } from "vitest";
import { roundedScale, scaleBarLength } from "./printView";
import { validateSiteGeometry } from "../../siteCheck/siteCheckService";

describe("drawn and linked sites", () => {
  it("go through the import validation: a bow-tie is refused with the crossing named", () => {
    const bowTie = {
      type: "Polygon" as const,
      coordinates: [
        [
          [105.7, 29.7],
          [105.71, 29.71],
          [105.71, 29.7],
          [105.7, 29.71],
          [105.7, 29.7],
        ],
      ],
    };
    const result = validateSiteGeometry(bowTie, "绘制地块", 1436);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.code).toBe("self-intersection");
    const square = {
      type: "Polygon" as const,
      coordinates: [
        [
          [105.7, 29.7],
          [105.71, 29.7],
          [105.71, 29.71],
          [105.7, 29.71],
          [105.7, 29.7],
        ],
      ],
    };
    expect(validateSiteGeometry(square, "绘制地块", 1436).ok).toBe(true);
  });
});

describe("print scale", () => {
  it("picks a 1-2-5 scale bar no longer than a quarter of the picture", () => {
    expect(scaleBarLength(756)).toBe(100);
    expect(scaleBarLength(1000)).toBe(200);
    expect(scaleBarLength(25_000)).toBe(5000);
    expect(scaleBarLength(3)).toBe(0.5);
  });

  it("rounds the scale denominator to two significant digits", () => {
    expect(roundedScale(5_412.7)).toBe(5_400);
    expect(roundedScale(126_480)).toBe(130_000);
    expect(roundedScale(87)).toBe(87);
  });
});
