import { describe, expect, it } from "vitest";
import type { FieldLayerAnswer } from "../check/fieldPosition";
import { formatDirectionDistance, formatDistrictStanding, formatDistance, formatFieldAnswer } from "./formatDistance";

describe("formatDistance", () => {
  it("rounds to 10 m below a kilometre, one decimal below 10 km, whole kilometres above", () => {
    expect(formatDistance(3)).toBe("<10 m");
    expect(formatDistance(123)).toBe("120 m");
    expect(formatDistance(994)).toBe("990 m");
    expect(formatDistance(996)).toBe("1 km");
    expect(formatDistance(2030)).toBe("2 km");
    expect(formatDistance(3240)).toBe("3.2 km");
    expect(formatDistance(9940)).toBe("9.9 km");
    expect(formatDistance(9960)).toBe("10 km");
    expect(formatDistance(18_640)).toBe("19 km");
    expect(formatDistance(Number.NaN)).toBe("–");
  });

  it("puts the direction first in Chinese and last in English", () => {
    const distance = { distanceMetres: 3240, direction: "NE" as const };
    expect(formatDirectionDistance(distance, "zh")).toBe("东北 3.2 km");
    expect(formatDirectionDistance(distance, "en")).toBe("3.2 km NE");
  });
});

describe("formatFieldAnswer", () => {
  const answer = (standing: FieldLayerAnswer["standing"], distanceMetres: number, uncertaintyMetres: number): FieldLayerAnswer => ({
    layerId: "mining-key-zone",
    title: { zh: "重点开采区", en: "Key zone" },
    standing,
    distanceMetres,
    nearestName: "杨盛金烈士墓",
    uncertaintyMetres,
  });

  it("never claims more certainty than GPS + layer accuracy allow", () => {
    expect(formatFieldAnswer(answer("uncertain", 120, 2030), "polygon", "zh")).toBe(
      "不确定：距边界 120 m，在你的位置与图层的误差 ±2 km 之内，界内界外都有可能",
    );
    expect(formatFieldAnswer(answer("uncertain", 120, 2030), "polygon", "en")).toBe(
      "Uncertain: 120 m from the edge, within the ±2 km uncertainty of your position and the layer, so either side is possible",
    );
    expect(formatFieldAnswer(answer("outside", 8400, 2030), "polygon", "zh")).toBe("不在范围内（距边界 8.4 km，超出 ±2 km 误差）");
    expect(formatFieldAnswer(answer("inside", 3100, 2030), "polygon", "en")).toBe("Inside (3.1 km from the boundary, beyond the ±2 km error)");
  });

  it("speaks of the nearest feature for point layers", () => {
    expect(formatFieldAnswer(answer("uncertain", 3300, 5030), "point", "zh")).toBe("不确定：距 杨盛金烈士墓 3.3 km，在其位置误差 ±5 km（含你的定位精度）之内");
    const english = (name: string) => (name === "杨盛金烈士墓" ? "Tomb of Martyr Yang Shengjin" : name);
    expect(formatFieldAnswer(answer("uncertain", 3300, 5030), "point", "en", english)).toBe(
      "Uncertain: 3.3 km from Tomb of Martyr Yang Shengjin, within the ±5 km uncertainty of its position (and yours)",
    );
    expect(formatFieldAnswer(answer("outside", 19_000, 5030), "point", "zh")).toBe("不在附近（最近：杨盛金烈士墓，19 km，超出 ±5 km 误差）");
  });
});

describe("formatDistrictStanding", () => {
  it("says nothing inside, and says how far outside or how close to the edge", () => {
    expect(formatDistrictStanding({ type: "inside" }, "en")).toBeNull();
    expect(formatDistrictStanding(null, "zh")).toBeNull();
    expect(formatDistrictStanding({ type: "farOutside", distanceMetres: 168_400 }, "en")).toBe(
      "You are far outside Dazu District (about 168 km from its boundary): the distances below are from where you are, and the restricted-area answers only matter inside the district.",
    );
    expect(formatDistrictStanding({ type: "outside", distanceMetres: 1930 }, "zh")).toBe("你在大足区外，距区界约 1.9 km。");
    expect(formatDistrictStanding({ type: "edge", distanceMetres: 240, uncertaintyMetres: 530 }, "en")).toBe(
      "You are near the edge of Dazu District (240 m from it, within the ±530 m uncertainty): cannot tell whether you are inside.",
    );
  });
});
