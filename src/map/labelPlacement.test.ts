import { describe, expect, it } from "vitest";
import { labelAnchors, labelText, nonOverlapping, polygonLabelPoint, slideInside } from "./labelPlacement";
import { fixtureStyleInput } from "../../tests/support/testStyleInput";

describe("label placement", () => {
  it("uses the area centroid of a convex polygon", () => {
    const square = [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    ];
    expect(polygonLabelPoint(square)).toEqual([1, 1]);
  });

  it("keeps the label inside a concave polygon", () => {
    // A "U": its centroid falls in the notch.
    const u = [
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [2, 3],
        [2, 1],
        [1, 1],
        [1, 3],
        [0, 3],
        [0, 0],
      ],
    ];
    const point = polygonLabelPoint(u)!;
    const inNotch = point[0] > 1 && point[0] < 2 && point[1] > 1;
    expect(inNotch).toBe(false);
    expect(point[0] >= 0 && point[0] <= 3 && point[1] >= 0 && point[1] <= 3).toBe(true);
  });

  it("labels in English from name_en, falling back to Chinese", () => {
    expect(labelText({ name: "古龙镇", name_en: "Gulong" }, "name", "en")).toBe("Gulong");
    expect(labelText({ name: "古龙镇", name_en: "" }, "name", "en")).toBe("古龙镇");
    expect(labelText({ name: "古龙镇", name_en: "Gulong" }, "name", "zh")).toBe("古龙镇");
    expect(labelText({}, "name", "zh")).toBeNull();
  });

  it("anchors every town of the fixture inside the district bounds, biggest first", () => {
    const input = fixtureStyleInput();
    const towns = input.manifest.layers.find((layer) => layer.id === "towns")!;
    const anchors = labelAnchors(towns, input.data.get("towns")!, "zh");
    expect(anchors).toHaveLength(6);
    const [west, south, east, north] = input.manifest.district.bounds;
    for (const anchor of anchors) {
      expect(anchor.lngLat[0]).toBeGreaterThan(west);
      expect(anchor.lngLat[0]).toBeLessThan(east);
      expect(anchor.lngLat[1]).toBeGreaterThan(south);
      expect(anchor.lngLat[1]).toBeLessThan(north);
    }
    const memorials = input.manifest.layers.find((layer) => layer.id === "memorials")!;
    expect(labelAnchors(memorials, input.data.get("memorials")!, "en")[0]).toMatchObject({
      placement: "beside",
      text: "Dazu Martyrs' Cemetery",
    });
  });

  it("drops labels that overlap one of higher priority", () => {
    const visible = nonOverlapping([{ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 5, y0: 5, x1: 15, y1: 15 }, null, { x0: 20, y0: 0, x1: 30, y1: 10 }]);
    expect(visible).toEqual([true, false, false, true]);
  });
});

describe("slideInside", () => {
  it("moves a label that crosses the right edge back inside, keeping the margin", () => {
    // 200 px label centred at x = 350 on a 390 px map: 250…450, 64 px too far right with a 4 px margin.
    expect(slideInside(250, 200, 390, 4)).toBe(186);
  });

  it("moves at most half the label's width less the margin, so the anchor stays under it", () => {
    // Centred at x = 389: 289…489 would need 103 px; only 96 px (100 − 4) are allowed.
    expect(slideInside(289, 200, 390, 4)).toBe(193);
  });

  it("moves a label crossing the left edge right, and leaves one inside alone", () => {
    expect(slideInside(-30, 100, 390, 4)).toBe(4);
    expect(slideInside(100, 100, 390, 4)).toBe(100);
  });
});
