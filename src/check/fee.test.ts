import { describe, expect, it } from "vitest";
import { estimateFee, type FeeTown } from "./fee";

const sanqu: FeeTown = { townId: "town-500111104", name: "三驱镇", share: 1, rate: 150, split: false, parks: ["大足高新区"] };
const zhifeng: FeeTown = { townId: "town-500111006", name: "智凤街道", share: 1, rate: null, split: true, parks: [] };
const guolian: FeeTown = { townId: "town-500111112", name: "国梁镇", share: 1, rate: 120, split: false, parks: [] };

describe("estimateFee (大足府发〔2023〕13号)", () => {
  it("charges a 120 town its rate per m² of floor area", () => {
    const estimate = estimateFee([guolian], [{ use: "other", squareMetres: 1000 }], {});
    expect(estimate.questions).toEqual([]);
    expect(estimate.total).toBe(120_000);
    expect(estimate.lines[0]!.citation).toBe("dzf-2023-13#s1.p3");
  });

  it("asks about 智凤街道's urban construction land instead of guessing, then applies 210 or 150", () => {
    expect(estimateFee([zhifeng], [{ use: "other", squareMetres: 100 }], {}).questions).toEqual([{ id: "urban-construction-land" }]);
    expect(estimateFee([zhifeng], [{ use: "other", squareMetres: 100 }], {}).total).toBeNull();
    expect(estimateFee([zhifeng], [{ use: "other", squareMetres: 100 }], { insideUrbanConstructionLand: true }).total).toBe(21_000);
    expect(estimateFee([zhifeng], [{ use: "other", squareMetres: 100 }], { insideUrbanConstructionLand: false }).total).toBe(15_000);
  });

  it("asks whether a 三驱镇 site is inside 大足高新区's bounds; inside: production exempt, office 105, other 210", () => {
    const floorAreas = [
      { use: "production" as const, squareMetres: 5000 },
      { use: "office" as const, squareMetres: 800 },
      { use: "other" as const, squareMetres: 100 },
    ];
    expect(estimateFee([sanqu], floorAreas, {}).questions).toEqual([{ id: "park", options: ["大足高新区"] }]);
    const inside = estimateFee([sanqu], floorAreas, { park: "大足高新区" });
    expect(inside.lines.map((line) => line.rate)).toEqual([0, 105, 210]);
    expect(inside.lines[0]!.exemptPendingConfirmation).toBe(true);
    expect(inside.total).toBe(800 * 105 + 100 * 210);
    const outside = estimateFee([sanqu], floorAreas, { park: "none" });
    expect(outside.total).toBe((5000 + 800 + 100) * 150);
    expect(outside.lines[0]!.citation).toBe("dzf-2023-13#s1.p2");
  });

  it("asks which town when a site spans two, listing the larger share first", () => {
    const estimate = estimateFee(
      [
        { ...guolian, share: 0.3 },
        { ...sanqu, share: 0.7 },
      ],
      [{ use: "other", squareMetres: 10 }],
      {},
    );
    expect(estimate.questions[0]).toEqual({
      id: "town",
      options: [
        { townId: "town-500111104", name: "三驱镇" },
        { townId: "town-500111112", name: "国梁镇" },
      ],
    });
    const answered = estimateFee(
      [
        { ...guolian, share: 0.3 },
        { ...sanqu, share: 0.7 },
      ],
      [{ use: "other", squareMetres: 10 }],
      { townId: "town-500111112" },
    );
    expect(answered.total).toBe(1200);
  });
});
