import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { markStyleParts, NO_MARKS } from "../../src/map/mapMarks";

const TOKENS = readFileSync(new URL("../../src/styles/tokens.css", import.meta.url), "utf8");
const WORST = ["restricted", "undecided", "caution", "clear", "outside", "no-data", "failed"];

/** The batch fill's colour per worst result, read from the map style's match expression; `pending` is its fallback. */
function mapColours(): Record<string, string> {
  const part = { type: "FeatureCollection" as const, features: [] };
  const fill = markStyleParts({ ...NO_MARKS, batch: [part] }).layers.find((layer) => layer.type === "fill" && layer.id.startsWith("mark:batch:"));
  const expression = (fill as { paint: { "fill-color": unknown[] } }).paint["fill-color"];
  expect(expression.slice(0, 2)).toEqual(["match", ["get", "worst"]]);
  const pairs = expression.slice(2, -1) as string[];
  const colours: Record<string, string> = { pending: expression.at(-1) as string };
  for (let index = 0; index < pairs.length; index += 2) colours[pairs[index]!] = pairs[index + 1]!;
  return colours;
}

describe("the batch legend and the map", () => {
  it("colour every worst result alike: the --batch-* tokens are the map's fill colours", () => {
    const map = mapColours();
    expect(Object.keys(map).sort()).toEqual([...WORST, "pending"].sort());
    for (const worst of Object.keys(map)) {
      const token = new RegExp(`--batch-${worst}:\\s*(#[0-9a-f]{6})\\s*;`, "i").exec(TOKENS)?.[1];
      expect(token?.toLowerCase(), `--batch-${worst}`).toBe(map[worst]!.toLowerCase());
    }
  });

  it("give each result that the legend lists apart a colour of its own", () => {
    const map = mapColours();
    expect(new Set(WORST.map((worst) => map[worst])).size).toBe(WORST.length);
  });
});
