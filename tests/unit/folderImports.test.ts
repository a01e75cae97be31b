import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const rootDir = fileURLToPath(new URL("../..", import.meta.url));
const srcDir = join(rootDir, "src");

/**
 * Which top-level folders of `src` each folder may import from (type imports count too: a type import still ties
 * the folders' designs together). The pure folders come first and import only folders above them, so no cycle
 * between folders can form; `ui` and the entry file at the root may import anything.
 */
const ALLOWED_IMPORTS: Record<string, readonly string[]> = {
  geo: [],
  routing: [],
  i18n: ["geo"],
  layers: ["geo", "i18n"],
  policy: ["layers", "i18n"],
  import: ["geo", "layers", "i18n"],
  check: ["geo", "layers", "import", "i18n"],
  parcel: ["geo", "layers", "policy", "import", "check", "i18n", "routing"],
  memorials: ["geo", "layers", "policy", "check", "i18n", "routing", "state"],
  state: ["geo", "layers", "policy", "import", "check", "parcel", "i18n", "routing"],
  // The service drives the store and, through the adapter's interface, the map: it sits above both.
  siteCheck: ["geo", "layers", "policy", "import", "check", "parcel", "i18n", "state", "map"],
  workspace: ["geo", "layers", "import", "check", "parcel", "siteCheck", "i18n", "state"],
  map: ["geo", "layers", "i18n", "state", "styles"],
  pwa: ["geo", "layers", "i18n", "state"],
};

/**
 * Crossings the table does not allow that are still to be removed, each with why it is there. The list may only
 * shrink: a listed crossing that no longer exists fails the test too, so it is taken off when it is mended.
 */
const KNOWN_CROSSINGS: Record<string, string> = {};

/** Folders whose code must not touch the DOM, the map or the network beyond `fetch`: run in Node and in workers. */
const PURE_FOLDERS = ["geo", "layers", "policy", "import", "check", "parcel", "siteCheck"];

const IMPORT_SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.ts$/.test(name) && !name.endsWith(".test.ts"))
    .map((name) => join(directory, name));
}

function topFolder(file: string): string {
  const parts = relative(srcDir, file).split(sep);
  return parts.length > 1 ? parts[0]! : "";
}

function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier?.startsWith(".")) found.push(specifier);
  }
  return found;
}

function folderViolations(): string[] {
  const violations: string[] = [];
  for (const file of sourceFiles(srcDir)) {
    const from = topFolder(file);
    const allowed = ALLOWED_IMPORTS[from];
    if (!allowed) continue;
    for (const specifier of relativeImports(readFileSync(file, "utf8"))) {
      const target = normalize(join(dirname(file), specifier));
      if (!target.startsWith(srcDir + sep)) continue;
      const to = topFolder(target.endsWith(".ts") ? target : `${target}.ts`);
      if (to === from || to === "") continue;
      if (!allowed.includes(to)) violations.push(`${relative(rootDir, file)} imports ${specifier} (${from} → ${to})`);
    }
  }
  return violations;
}

describe("folder boundaries", () => {
  it("the import reader sees static, type, re-export, side-effect and dynamic imports", () => {
    const text = [
      'import { a } from "../geo/a";',
      'import type { B } from "../check/b";',
      'export { c } from "./c";',
      'import "../styles/app.css";',
      'const d = await import("../ui/d");',
      'import x from "maplibre-gl";',
    ].join("\n");
    expect(relativeImports(text)).toEqual(["../geo/a", "../check/b", "./c", "../ui/d", "../styles/app.css"].sort((a, b) => text.indexOf(a) - text.indexOf(b)));
  });

  it("every folder imports only the folders its row allows", () => {
    const violations = folderViolations();
    expect(violations.filter((violation) => !(violation in KNOWN_CROSSINGS))).toEqual([]);
    expect(Object.keys(KNOWN_CROSSINGS).filter((crossing) => !violations.includes(crossing))).toEqual([]);
  });

  it("every folder of src has a row, so a new folder is placed on purpose", () => {
    const folders = readdirSync(srcDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const unplaced = folders.filter((folder) => !(folder in ALLOWED_IMPORTS) && !["ui", "styles", "automation"].includes(folder));
    expect(unplaced).toEqual([]);
  });

  it("the pure folders are type-checked without the DOM library (tsconfig.pure.json)", () => {
    const config = JSON.parse(readFileSync(join(rootDir, "tsconfig.pure.json"), "utf8")) as { compilerOptions: { lib: string[] }; include: string[] };
    expect(config.compilerOptions.lib.some((lib) => lib.startsWith("DOM"))).toBe(false);
    for (const folder of PURE_FOLDERS) expect(config.include).toContain(`src/${folder}`);
  });

  it("shipped code imports nothing from Node and keeps no test helpers (they live in tests/support)", () => {
    const nodeImports = sourceFiles(srcDir).filter((file) => /from\s*["']node:/.test(readFileSync(file, "utf8")));
    const helpers = sourceFiles(srcDir).filter((file) => /(?:^|[/\\])(?:test|fake)[A-Z][^/\\]*\.ts$/.test(relative(srcDir, file)));
    expect(nodeImports.map((file) => relative(rootDir, file))).toEqual([]);
    expect(helpers.map((file) => relative(rootDir, file))).toEqual([]);
  });
});
