import { describe, expect, it } from "vitest";
import { qrModules } from "./qrCode";

describe("qrModules", () => {
  it("draws the three finder patterns of a QR code for a re-open link", () => {
    const modules = qrModules("http://127.0.0.1:5173/#parcel=a-o5mqGw5z14B5sI9BoCwhHpiI-B");
    const size = modules.length;
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 17) % 4).toBe(0);
    // A finder pattern: a dark 7×7 ring around a light ring around a dark 3×3 core, in three corners.
    for (const [top, left] of [
      [0, 0],
      [0, size - 7],
      [size - 7, 0],
    ] as const) {
      expect(modules[top]![left]).toBe(true);
      expect(modules[top + 1]![left + 1]).toBe(false);
      expect(modules[top + 3]![left + 3]).toBe(true);
      expect(modules[top + 6]![left + 6]).toBe(true);
    }
  });

  it("grows with the data", () => {
    expect(qrModules("x".repeat(400)).length).toBeGreaterThan(qrModules("x").length);
  });
});
