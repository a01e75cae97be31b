import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const rootDir = fileURLToPath(new URL("../..", import.meta.url));

/** Value imports and re-exports that load with the importing module (`import type` is erased; `import()` loads later). */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s*)?["']([^"']+)["']/gm;

function resolveModule(fromFile: string, specifier: string): string | null {
  const base = join(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) if (existsSync(candidate) && candidate.endsWith(".ts")) return candidate;
  return null;
}

/** Every module of src the entry loads before its first dynamic import, and the packages they import. */
function initialGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const specifier = match[1]!;
      if (specifier.startsWith(".")) {
        const resolved = resolveModule(file, specifier);
        if (resolved) pending.push(resolved);
      } else if (!specifier.endsWith(".css") && !specifier.includes("?")) {
        packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
      }
    }
  }
  return { files, packages };
}

describe("the first screen's code", () => {
  const { files, packages } = initialGraph(join(rootDir, "src", "main.ts"));
  const modules = [...files].map((file) => relative(rootDir, file));

  it("is found by walking the imports (the walk itself works)", () => {
    expect(modules).toContain("src/map/createMapAdapter.ts");
    expect(packages).toContain("maplibre-gl");
  });

  it("loads no coordinate conversion, importer, checker or report: they load when a user first needs them", () => {
    // proj4 alone is 50 KB gzip: it once reached start-up through a stored-data guard importing the CRS detection.
    expect([...packages].filter((name) => ["proj4", "shpjs", "jszip", "flatgeobuf", "@turf/intersect", "polyclip-ts"].includes(name))).toEqual([]);
    expect(
      modules.filter(
        (module) =>
          ["src/geo/crs.ts", "src/geo/crsDetect.ts", "src/i18n/messages.crs.ts", "src/check/checkParcel.ts"].includes(module) ||
          /^src\/import\/import[A-Z]/.test(module) ||
          module.startsWith("src/siteCheck/report/"),
      ),
    ).toEqual([]);
  });
});
