import { crsReasonText } from "../i18n/messages.crs";
import { describe, expect, it } from "vitest";
import { importPastedCoordinates } from "./pasteCoordinates";
import { importMessageText } from "../i18n/messages.import";

/** A 200 m × 200 m square of longitude/latitude pairs from its south-west corner (≈ 0.00206° × 0.0018° here). */
function squareAt(longitude: number, latitude: number): string {
  const corners = [
    [longitude, latitude],
    [longitude + 0.00206, latitude],
    [longitude + 0.00206, latitude + 0.0018],
    [longitude, latitude + 0.0018],
  ];
  return corners.map((corner) => corner.join(",")).join("\n");
}

/**
 * The CRS reason says what the guess rests on; whether the site is in 大足区 is said once, by the outside-dazu
 * warning. The 荣昌 site is 0.05° south of the district's box, which the old reason still called "within range".
 */
describe("CRS reason and the outside-district warning agree", () => {
  it.each([
    ["荣昌", 105.55, 29.33],
    ["成都", 104.07, 30.66],
  ])("a %s site: the reason makes no inside/outside claim, the warning says it is outside", (_, longitude, latitude) => {
    const result = importPastedCoordinates(squareAt(longitude, latitude));
    if (!result.ok) throw new Error(importMessageText(result.error, "en"));
    expect(crsReasonText(result.crs.reason, "zh")).toContain("数值像经纬度");
    expect(crsReasonText(result.crs.reason, "en")).toContain("look like longitude/latitude");
    for (const text of [crsReasonText(result.crs.reason, "zh"), crsReasonText(result.crs.reason, "en")]) expect(text).not.toMatch(/大足区|Dazu/);
    const outside = result.warnings.filter((warning) => warning.code === "outside-dazu");
    expect(outside).toHaveLength(1);
    expect(importMessageText(outside[0]!, "zh")).toContain("全部");
  });

  it("a site inside the district gets the same reason and no warning", () => {
    const result = importPastedCoordinates(squareAt(105.72, 29.7));
    if (!result.ok) throw new Error(importMessageText(result.error, "en"));
    expect(crsReasonText(result.crs.reason, "zh")).toContain("数值像经纬度");
    expect(result.warnings.map((warning) => warning.code)).not.toContain("outside-dazu");
  });
});
