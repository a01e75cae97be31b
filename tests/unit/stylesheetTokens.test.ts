import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const rootDir = fileURLToPath(new URL("../..", import.meta.url));
const TOKENS_FILE = join(rootDir, "src", "styles", "tokens.css");

function stylesheets(): string[] {
  const srcDir = join(rootDir, "src");
  return readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".css"))
    .map((name) => join(srcDir, name));
}

function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, "");
}

/** Colour literals: hex, rgb()/hsl() and friends, and CSS named colours other than transparent/currentColor/inherit. */
const RAW_COLOUR =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|:\s*[^;{}]*\b(?:white|black|red|green|blue|gray|grey|silver|yellow|orange|purple|navy|maroon)\b/gi;

/** Custom properties that scripts set at run time (not tokens). */
const SET_BY_SCRIPT = new Set(["--sheet-peek-height", "--swatch-color"]);

describe("stylesheets are built on the design tokens", () => {
  const tokens = withoutComments(readFileSync(TOKENS_FILE, "utf8"));
  const defined = new Set([...tokens.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((match) => match[1]!));

  it("define every colour in src/styles/tokens.css and nowhere else", () => {
    const found: string[] = [];
    for (const file of stylesheets()) {
      if (file === TOKENS_FILE) continue;
      withoutComments(readFileSync(file, "utf8"))
        .split("\n")
        .forEach((line, index) => {
          if (line.match(RAW_COLOUR)) found.push(`${relative(rootDir, file)}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("use only tokens that are defined", () => {
    const undefinedTokens: string[] = [];
    const sheets = stylesheets().map((file) => ({ file, css: withoutComments(readFileSync(file, "utf8")) }));
    // Components may set their own properties from tokens (e.g. a badge's colour per quality).
    const componentProperties = new Set(sheets.flatMap(({ css }) => [...css.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((match) => match[1]!)));
    for (const { file, css } of sheets) {
      for (const match of css.matchAll(/var\((--[a-z0-9-]+)/g)) {
        const name = match[1]!;
        if (!defined.has(name) && !componentProperties.has(name) && !SET_BY_SCRIPT.has(name)) undefinedTokens.push(`${relative(rootDir, file)}: ${name}`);
      }
    }
    expect(undefinedTokens).toEqual([]);
  });

  it("keep text colours at 4.5 : 1 or more on the surface and the canvas (WCAG 2.2 AA, 1.4.3)", () => {
    const value = (name: string) => {
      const match = tokens.match(new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, "i"));
      if (!match) throw new Error(`${name} is not a six-digit hex colour in tokens.css`);
      return match[1]!;
    };
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((offset) => {
        const channel = parseInt(hex.slice(offset, offset + 2), 16) / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light! + 0.05) / (dark! + 0.05);
    };
    // By hand: #616e7c on #ffffff is 5.21 : 1 and on #f4f6f8 4.81 : 1.
    expect(contrast(value("--color-faint"), value("--color-surface"))).toBeCloseTo(5.21, 2);
    for (const text of ["--color-ink", "--color-ink-soft", "--color-muted", "--color-faint", "--color-accent", "--color-error", "--color-warning-ink"]) {
      for (const background of ["--color-surface", "--color-canvas"]) {
        expect(contrast(value(text), value(background)), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(contrast(value("--color-line-strong"), value("--color-surface")), "field borders").toBeGreaterThanOrEqual(3);
  });
});
