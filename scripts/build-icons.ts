import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../tests/browser/driver";

/**
 * Rasterises the app's icons for the web app manifest and iOS from their SVG sources in public/, with headless
 * Chromium so the PNGs match what a browser draws. `npx tsx scripts/build-icons.ts` rewrites them.
 */
const publicDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "public");

/** `any` icons keep the favicon's rounded corners; maskable and Apple icons are full-bleed with the mark in the safe zone. */
const ICONS = [
  { source: "favicon.svg", target: "icons/icon-192.png", size: 192 },
  { source: "favicon.svg", target: "icons/icon-512.png", size: 512 },
  { source: "icons/icon-maskable.svg", target: "icons/icon-maskable-512.png", size: 512 },
  { source: "icons/icon-maskable.svg", target: "icons/apple-touch-icon.png", size: 180 },
] as const;

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const svg = readFileSync(join(publicDir, icon.source), "utf8");
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${icon.size}" height="${icon.size}" style="display:block"></body></html>`,
    );
    await page.locator("img").evaluate((image: HTMLImageElement) => image.decode());
    writeFileSync(join(publicDir, icon.target), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } }));
    await page.close();
    console.log(`${icon.target}: ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
