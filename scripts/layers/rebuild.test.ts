import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildLayers } from "./build";
import { GEODATA_DIR } from "./paths";

describe("reproducible build", () => {
  const { files } = buildLayers();

  it("rebuilds every committed file byte for byte", () => {
    expect(files.size).toBe(14);
    for (const [path, content] of files) {
      const committed = readFileSync(resolve(GEODATA_DIR, path), "utf8");
      if (committed === content) continue;
      // Report where the first difference is, briefly, rather than the whole file.
      let at = 0;
      while (at < committed.length && committed[at] === content[at]) at++;
      const lineNumber = committed.slice(0, at).split("\n").length;
      const excerpt = (text: string) => text.slice(Math.max(0, at - 60), at + 60);
      expect(`${path}:${lineNumber}: …${excerpt(committed)}…`, "committed file differs from a rebuild; run npx tsx scripts/build-layers.ts").toBe(
        `${path}:${lineNumber}: …${excerpt(content)}…`,
      );
    }
  });

  it("keeps all GeoJSON at or below 250 KB gzip", () => {
    let total = 0;
    for (const [path, content] of files) if (path.endsWith(".geojson")) total += gzipSync(Buffer.from(content)).length;
    expect(total).toBeLessThan(250 * 1024);
  });

  it("writes coordinates with at most 6 decimals and property keys sorted", () => {
    for (const [path, content] of files) {
      if (!path.endsWith(".geojson")) continue;
      const collection = JSON.parse(content) as { features: Array<{ properties: Record<string, unknown>; geometry: unknown }> };
      for (const item of collection.features) {
        const keys = Object.keys(item.properties);
        expect(keys, path).toEqual([...keys].sort());
        const numbers = JSON.stringify(item.geometry).match(/-?\d+\.\d+/g) ?? [];
        for (const value of numbers) expect(value.split(".")[1]!.length, `${path}: ${value}`).toBeLessThanOrEqual(6);
      }
    }
  });
});
