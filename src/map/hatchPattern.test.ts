import { describe, expect, it } from "vitest";
import { createHatchPattern } from "./hatchPattern";

describe("createHatchPattern", () => {
  const pattern = createHatchPattern([10, 20, 30], 1, 10, 2);

  it("is a square RGBA tile at the requested pixel ratio", () => {
    expect(pattern.width).toBe(20);
    expect(pattern.height).toBe(20);
    expect(pattern.pixelRatio).toBe(2);
    expect(pattern.data).toHaveLength(20 * 20 * 4);
  });

  it("draws stripes and leaves gaps between them", () => {
    const alpha = (x: number, y: number) => pattern.data[(y * 20 + x) * 4 + 3]!;
    expect(alpha(19, 0)).toBe(255);
    expect(alpha(0, 19)).toBe(255);
    expect(alpha(5, 4)).toBe(0);
    expect(pattern.data[0]).toBe(10);
  });

  it("tiles seamlessly: every stripe runs on across the tile's edges", () => {
    const alpha = (x: number, y: number) => pattern.data[(y * 20 + x) * 4 + 3]!;
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < 20; x++) expect(alpha((x + 1) % 20, (y + 19) % 20)).toBe(alpha(x, y));
    }
  });
});
