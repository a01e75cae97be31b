import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export type { Page };

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const artifactsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "artifacts");

/**
 * Chromium flags for this machine: no sandbox (root), no GPU process, and none of Chromium's own network
 * chatter (the closed network refuses it). WebGL comes from ANGLE on SwiftShader, so MapLibre gets a real
 * WebGL2 context in headless mode.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-gl=angle",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
];

const localHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface Viewport {
  width: number;
  height: number;
}

export interface FakeResponse {
  /** Matches when the request URL's pathname ends with this string, e.g. "/geodata/layers/towns.geojson". */
  pathEndsWith: string;
  status?: number;
  contentType?: string;
  body: string;
}

export interface OpenOptions {
  viewport?: Viewport;
  /** URL fragment without or with the leading "#". */
  hash?: string;
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
  /** Responses served instead of the real ones, installed before the first navigation (workers included). */
  fakeResponses?: FakeResponse[];
  /** "allow" lets the app install its service worker (the offline tests); blocked by default, so each test starts from the network. */
  serviceWorkers?: "allow" | "block";
}

export interface AppSession {
  page: Page;
  /** Console messages of type "error" and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Every request to a host other than 127.0.0.1/localhost; each was aborted. */
  offHostRequests: string[];
  /** Local responses with HTTP status >= 400, as "status url". */
  httpErrors: string[];
  /** URLs answered from `fakeResponses`. */
  fakedRequests: string[];
  close(): Promise<void>;
}

export function appUrl(baseUrl: string, path = "/", hash?: string): string {
  const url = new URL(path, baseUrl);
  if (hash !== undefined && hash !== "") url.hash = hash.startsWith("#") ? hash.slice(1) : hash;
  return url.toString();
}

function isLocal(url: URL): boolean {
  return localHosts.has(url.hostname) || localHosts.has(`[${url.hostname}]`);
}

/** What a session records; filled in by the network and page listeners. */
type Records = Pick<AppSession, "consoleErrors" | "offHostRequests" | "httpErrors" | "fakedRequests">;

async function installNetworkRules(context: BrowserContext, records: Records, fakes: FakeResponse[]) {
  await context.route("**/*", async (route) => {
    const rawUrl = route.request().url();
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return route.fallback();
    }
    if (url.protocol === "data:" || url.protocol === "blob:") return route.fallback();
    if (!isLocal(url)) {
      records.offHostRequests.push(rawUrl);
      return route.abort("blockedbyclient");
    }
    const fake = fakes.find((candidate) => url.pathname.endsWith(candidate.pathEndsWith));
    if (fake) {
      records.fakedRequests.push(rawUrl);
      return route.fulfill({
        status: fake.status ?? 200,
        contentType: fake.contentType ?? "application/json; charset=utf-8",
        body: fake.body,
      });
    }
    return route.fallback();
  });
}

function watchPage(page: Page, records: Records) {
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const location = message.location();
    const where = location.url ? ` (${location.url}:${location.lineNumber})` : "";
    records.consoleErrors.push(`${message.text()}${where}`);
  });
  page.on("pageerror", (error) => {
    records.consoleErrors.push(`uncaught: ${error.stack ?? error.message}`);
  });
  page.on("response", (response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    if (isLocal(url)) records.httpErrors.push(`${response.status()} ${response.url()}`);
  });
}

/**
 * Opens the app in a fresh Chromium with its own temporary profile, so no state (storage, cache) leaks
 * between tests. Off-host requests are aborted and recorded; the page has loaded (the `load` event) on return.
 */
export async function openApp(baseUrl: string, path = "/", options: OpenOptions = {}): Promise<AppSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), "dazu-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      isMobile: options.isMobile ?? false,
      hasTouch: options.hasTouch ?? false,
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      serviceWorkers: options.serviceWorkers ?? "block",
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not start Chromium at ${chromiumPath} (node scripts/ensure-browser.mjs installs it): ${detail}`, {
      cause: error,
    });
  }
  const records: Records = { consoleErrors: [], offHostRequests: [], httpErrors: [], fakedRequests: [] };
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    await installNetworkRules(context, records, options.fakeResponses ?? []);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(90_000);
    page.setDefaultNavigationTimeout(90_000);
    watchPage(page, records);
    await page.goto(appUrl(baseUrl, path, options.hash), { waitUntil: "load" });
    return { page, ...records, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface ScreenBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Saves a PNG to tests/artifacts/<name>.png (a whole page, or one element when `selector` is given). */
export async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${name}.png`);
  const image = selector ? await page.locator(selector).first().screenshot({ animations: "disabled" }) : await page.screenshot({ animations: "disabled" });
  writeFileSync(file, image);
  return file;
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major. */
  data: Uint8Array;
}

/**
 * Screenshots a rectangle of the page (CSS px, page coordinates) and decodes it to RGBA in a blank tab, so
 * the app's own page is not touched. Also writes the PNG to tests/artifacts/<name>.png.
 * With `onlySelector`, every other element is hidden while the screenshot is taken.
 */
export async function capturePixels(page: Page, box: ScreenBox, name: string, options: { onlySelector?: string } = {}): Promise<Pixels> {
  const clip = { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0 };
  // Hiding everything but one element (visibility, so layout and the WebGL frame stay as they are) keeps
  // panels and controls that float over the map out of the pixels.
  const style = options.onlySelector ? `body * { visibility: hidden !important; } ${options.onlySelector} { visibility: visible !important; }` : undefined;
  const png = await page.screenshot({ clip, scale: "css", animations: "disabled", ...(style ? { style } : {}) });
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(join(artifactsDir, `${name}.png`), png);
  const decoder = await page.context().newPage();
  try {
    const decoded = await decoder.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d context");
      context.drawImage(bitmap, 0, 0);
      const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let binary = "";
      for (let index = 0; index < rgba.length; index += 0x8000) {
        binary += String.fromCharCode(...rgba.subarray(index, index + 0x8000));
      }
      return { width: bitmap.width, height: bitmap.height, base64: btoa(binary) };
    }, png.toString("base64"));
    return {
      width: decoded.width,
      height: decoded.height,
      data: new Uint8Array(Buffer.from(decoded.base64, "base64")),
    };
  } finally {
    await decoder.close();
  }
}

/** The renderer string of a fresh WebGL2 context in the page, or null when WebGL2 is unavailable. */
export async function webgl2Renderer(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const gl = document.createElement("canvas").getContext("webgl2");
    if (!gl) return null;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}

/** One axe-core rule failure: the rule, its impact and the elements (selector plus axe's summary) that fail it. */
export interface AccessibilityViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/** The WCAG 2.0, 2.1 and 2.2 level A and AA rule tags of axe-core. */
export const WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const axeSourceFile = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * Runs axe-core in the page against WCAG 2.x A/AA and returns its violations. The source goes in through the
 * debugging protocol's evaluate, which the page's Content-Security-Policy (script-src 'self') does not govern,
 * so the app is tested under its real policy. `context` limits the run to one element (a CSS selector).
 */
export async function accessibilityViolations(page: Page, context?: string): Promise<AccessibilityViolation[]> {
  const installed = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!installed) await page.evaluate(`${readFileSync(axeSourceFile, "utf8")}\n;undefined`);
  return page.evaluate(
    async ({ selector, tags }) => {
      type AxeNode = { target: unknown[]; failureSummary?: string };
      type AxeResult = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
      const result = await axe.run(selector ?? document, {
        runOnly: { type: "tag", values: tags },
        // Not a WCAG success criterion in axe's tagging, but skipped heading levels break navigation by headings (1.3.1).
        rules: { "heading-order": { enabled: true } },
        resultTypes: ["violations"],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target.map(String).join(" "), summary: node.failureSummary ?? "" })),
      }));
    },
    { selector: context ?? null, tags: WCAG_AA_TAGS },
  );
}
