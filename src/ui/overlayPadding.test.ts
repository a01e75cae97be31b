import { describe, expect, it } from "vitest";
import { paddingForOverlays } from "./overlayPadding";

const map = { left: 340, top: 52, right: 1280, bottom: 800 };

describe("camera padding around floating panels", () => {
  it("clears a card on the right and a reader over the left edge, keeping the margin elsewhere", () => {
    const inspector = { left: 868, top: 62, right: 1228, bottom: 700 };
    const reader = { left: 0, top: 52, right: 620, bottom: 800 };
    expect(paddingForOverlays(map, [inspector, reader])).toEqual({ top: 40, bottom: 40, left: 320, right: 452 });
  });

  it("clears a bottom sheet by its height, and ignores panels off the map", () => {
    const phoneMap = { left: 0, top: 52, right: 390, bottom: 752 };
    const card = { left: 8, top: 400, right: 382, bottom: 744 };
    expect(paddingForOverlays(phoneMap, [card, { left: 400, top: 0, right: 500, bottom: 10 }])).toEqual({ top: 40, bottom: 392, left: 40, right: 40 });
  });
});
