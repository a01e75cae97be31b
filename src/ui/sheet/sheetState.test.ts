import { describe, expect, it } from "vitest";
import { clampSheetHeight, nextSnap, releaseVelocity, sheetHeights, sheetKeyAction, snapAfterDrag, type SheetHeights } from "./sheetState";

const heights: SheetHeights = { peek: 92, half: 422, full: 792 };

describe("nextSnap", () => {
  it("steps up and down and stops at the ends", () => {
    expect(nextSnap("peek", { type: "expand" })).toBe("half");
    expect(nextSnap("half", { type: "expand" })).toBe("full");
    expect(nextSnap("full", { type: "expand" })).toBe("full");
    expect(nextSnap("full", { type: "collapse" })).toBe("half");
    expect(nextSnap("half", { type: "collapse" })).toBe("peek");
    expect(nextSnap("peek", { type: "collapse" })).toBe("peek");
  });

  it("cycles peek → half → full → peek with the handle", () => {
    expect(nextSnap("peek", { type: "cycle" })).toBe("half");
    expect(nextSnap("half", { type: "cycle" })).toBe("full");
    expect(nextSnap("full", { type: "cycle" })).toBe("peek");
  });

  it("reveals content at half without shrinking a full sheet", () => {
    expect(nextSnap("peek", { type: "reveal" })).toBe("half");
    expect(nextSnap("half", { type: "reveal" })).toBe("half");
    expect(nextSnap("full", { type: "reveal" })).toBe("full");
    expect(nextSnap("half", { type: "set", snap: "peek" })).toBe("peek");
  });
});

describe("sheetKeyAction", () => {
  it("maps keys like a slider and ignores the rest", () => {
    expect(sheetKeyAction("ArrowUp")).toEqual({ type: "expand" });
    expect(sheetKeyAction("PageDown")).toEqual({ type: "collapse" });
    expect(sheetKeyAction("Home")).toEqual({ type: "set", snap: "full" });
    expect(sheetKeyAction("End")).toEqual({ type: "set", snap: "peek" });
    expect(sheetKeyAction(" ")).toEqual({ type: "cycle" });
    expect(sheetKeyAction("Tab")).toBeNull();
  });
});

describe("sheetHeights", () => {
  it("opens half to half the viewport and full up to the header", () => {
    expect(sheetHeights({ viewportHeight: 844, topInset: 52, peekHeight: 92 })).toEqual(heights);
  });

  it("never makes half taller than full or shorter than peek", () => {
    const short = sheetHeights({ viewportHeight: 300, topInset: 220, peekHeight: 92 });
    expect(short).toEqual({ peek: 92, half: 92, full: 92 });
    const landscape = sheetHeights({ viewportHeight: 360, topInset: 52, peekHeight: 92 });
    expect(landscape.half).toBe(180);
    expect(landscape.full).toBe(308);
  });

  it("clamps a dragged height into peek..full", () => {
    expect(clampSheetHeight(heights, 10)).toBe(92);
    expect(clampSheetHeight(heights, 5000)).toBe(792);
    expect(clampSheetHeight(heights, 300)).toBe(300);
  });
});

describe("snapAfterDrag", () => {
  it("settles on the nearest snap after a slow release", () => {
    expect(snapAfterDrag(heights, 150, 0)).toBe("peek");
    expect(snapAfterDrag(heights, 300, 0.1)).toBe("half");
    expect(snapAfterDrag(heights, 650, -0.1)).toBe("full");
  });

  it("follows a fling to the next snap in its direction", () => {
    expect(snapAfterDrag(heights, 150, 1)).toBe("half");
    expect(snapAfterDrag(heights, 430, 1)).toBe("full");
    expect(snapAfterDrag(heights, 700, -1)).toBe("half");
    expect(snapAfterDrag(heights, 400, -1)).toBe("peek");
    expect(snapAfterDrag(heights, 792, 2)).toBe("full");
    expect(snapAfterDrag(heights, 92, -2)).toBe("peek");
  });
});

describe("releaseVelocity", () => {
  it("measures growth over the last 100 ms, positive when the finger moves up", () => {
    const up = [
      { time: 0, y: 800 },
      { time: 200, y: 700 },
      { time: 250, y: 650 },
      { time: 300, y: 600 },
    ];
    expect(releaseVelocity(up)).toBeCloseTo(1, 6);
    expect(releaseVelocity(up.map((sample) => ({ ...sample, y: 1000 - sample.y })))).toBeCloseTo(-1, 6);
    expect(releaseVelocity([])).toBe(0);
    expect(releaseVelocity([{ time: 5, y: 1 }])).toBe(0);
  });
});
