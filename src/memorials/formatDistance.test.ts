import { describe, expect, it } from "vitest";
import type { FieldLayerAnswer } from "../check/fieldPosition";
import { formatDirectionDistance, formatDistance, formatFieldAnswer } from "./formatDistance";

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
    const distance = { distanceMetres: 3240, direction: { zh: "东北", en: "NE" } };
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
    expect(formatFieldAnswer(answer("uncertain", 120, 2030), "polygon", "zh")).toBe("不确定（距边界 120 m，在 ±2 km 误差内）");
    expect(formatFieldAnswer(answer("outside", 8400, 2030), "polygon", "zh")).toBe("不在范围内（距边界 8.4 km，超出 ±2 km 误差）");
    expect(formatFieldAnswer(answer("inside", 3100, 2030), "polygon", "en")).toBe(
      "Inside (3.1 km from the boundary, beyond the ±2 km error)",
    );
  });

  it("speaks of the nearest feature for point layers", () => {
    expect(formatFieldAnswer(answer("uncertain", 3300, 5030), "point", "zh")).toBe("不确定（距 杨盛金烈士墓 3.3 km，在 ±5 km 误差内）");
    expect(formatFieldAnswer(answer("outside", 19_000, 5030), "point", "zh")).toBe("不在附近（最近：杨盛金烈士墓，19 km，超出 ±5 km 误差）");
  });
});
