import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const rootDir = fileURLToPath(new URL("../..", import.meta.url));
const srcDir = join(rootDir, "src");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(?:ts|tsx|js|mjs)$/.test(name))
    .map((name) => join(directory, name));
}

const MAPLIBRE = /^maplibre-gl(?:\/|$)/;

/**
 * Runtime uses of maplibre-gl in a file: value imports, re-exports, `import()` and `require()`.
 * `import type …` is allowed; `import { type X }` is not, as a transpiler may keep it as a side-effect import.
 */
function maplibreValueImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && MAPLIBRE.test(node.moduleSpecifier.text)) {
      if (!node.importClause?.isTypeOnly) found.push(node.getText(source));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && MAPLIBRE.test(node.moduleSpecifier.text)) {
      if (!node.isTypeOnly) found.push(node.getText(source));
    } else if (ts.isCallExpression(node)) {
      const [argument] = node.arguments;
      const isImportOrRequire =
        node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require");
      if (isImportOrRequire && argument && ts.isStringLiteralLike(argument) && MAPLIBRE.test(argument.text)) {
        found.push(node.getText(source));
      }
    } else if (ts.isImportTypeNode(node)) {
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const HTML_SINKS = /\b(?:innerHTML|outerHTML|insertAdjacentHTML)\b|\bdocument\.write(?:ln)?\b|\bnew\s+Function\b|\beval\s*\(/;

/** Writes to the address bar: `location.hash =`, `location.href =`, `location.assign/replace(…)`, `history.pushState/replaceState(…)`. */
const ADDRESS_WRITES = /\blocation\.(?:hash|href)\s*(?:=(?!=)|\+=)|\blocation\.(?:assign|replace)\s*\(|\b(?:pushState|replaceState)\s*\(/;
/** The one owner of the URL hash (src/routing/router.ts drives it). */
const ADDRESS_WRITER = join("routing", "browserLocation.ts");

describe("architecture", () => {
  it("the checker sees value imports and lets type imports through", () => {
    expect(maplibreValueImports("a.ts", 'import { Map } from "maplibre-gl";')).toHaveLength(1);
    expect(maplibreValueImports("a.ts", 'import maplibregl from "maplibre-gl";')).toHaveLength(1);
    expect(maplibreValueImports("a.ts", 'import "maplibre-gl/dist/maplibre-gl.css";')).toHaveLength(1);
    expect(maplibreValueImports("a.ts", 'import { type Map } from "maplibre-gl";')).toHaveLength(1);
    expect(maplibreValueImports("a.ts", 'export { Map } from "maplibre-gl";')).toHaveLength(1);
    expect(maplibreValueImports("a.ts", 'const m = await import("maplibre-gl");')).toHaveLength(1);
    expect(maplibreValueImports("a.ts", 'import type { Map } from "maplibre-gl";')).toEqual([]);
    expect(maplibreValueImports("a.ts", 'export type { Map } from "maplibre-gl";')).toEqual([]);
    expect(maplibreValueImports("a.ts", 'let m: import("maplibre-gl").Map;')).toEqual([]);
    expect(maplibreValueImports("a.ts", 'import { Map } from "maplibre-gl-extra";')).toEqual([]);
  });

  it("only src/map imports values from maplibre-gl", () => {
    const offenders = sourceFiles(srcDir)
      .filter((file) => !relative(srcDir, file).startsWith(`map${sep}`))
      .flatMap((file) => maplibreValueImports(file, readFileSync(file, "utf8")).map((found) => `${relative(rootDir, file)}: ${found}`));
    expect(offenders).toEqual([]);
  });

  it("the sink check sees every form it forbids", () => {
    for (const sink of [
      "el.innerHTML = x",
      "el.outerHTML=x",
      "el.insertAdjacentHTML('beforeend', x)",
      "document.write(x)",
      "document.writeln(x)",
      "new Function('return 1')",
      "eval (x)",
    ]) {
      expect(HTML_SINKS.test(sink), sink).toBe(true);
    }
    expect(HTML_SINKS.test("el.textContent = x; evaluate(x); functionName")).toBe(false);
  });

  it("no source file builds DOM from HTML strings or evaluates strings as code", () => {
    const offenders = sourceFiles(srcDir).filter((file) => HTML_SINKS.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => relative(rootDir, file))).toEqual([]);
  });

  it("the address-write check sees every form it forbids", () => {
    for (const write of [
      "location.hash = x",
      "window.location.hash=x",
      "location.href = url",
      "location.hash += '&a=1'",
      "location.assign(url)",
      "location.replace(url)",
      "history.replaceState(null, '', x)",
      "target.history.pushState (s, '', x)",
    ]) {
      expect(ADDRESS_WRITES.test(write), write).toBe(true);
    }
    for (const read of ["const hash = location.hash;", "if (location.hash === x) {}", "location.href", "readerHash(location.hash, a, b)"]) {
      expect(ADDRESS_WRITES.test(read), read).toBe(false);
    }
  });

  it("exactly one module in src writes location.hash or history: src/routing/browserLocation.ts", () => {
    const writers = sourceFiles(srcDir)
      .filter((file) => !/\.test\.ts$/.test(file))
      .filter((file) => ADDRESS_WRITES.test(readFileSync(file, "utf8")))
      .map((file) => relative(srcDir, file));
    expect(writers).toEqual([ADDRESS_WRITER]);
  });
});
