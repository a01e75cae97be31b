import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appConfig } from "../../vite.config";
import { loadErrors, renderedFeatureCount, waitForApp, whenIdle } from "./app";
import { buildApp, startAppServer, type AppServer } from "./appServer";
import { openApp, screenshot, type AppSession, type Page } from "./driver";
import { openMemorialsTab } from "./memorialSteps";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const geodataDir = join(repositoryRoot, "geodata");
const FIXTURE = new URL("../fixtures/parcel/key-zone-edge-4544.geojson", import.meta.url);
const RELEASED_VERSION = (JSON.parse(readFileSync(join(geodataDir, "manifest.json"), "utf8")) as { version: string }).version;
const NEXT_VERSION = `${RELEASED_VERSION}-next`;

/**
 * Its own server, not the shared one: the service worker belongs to one origin, and this test publishes a second
 * release there (the same app with the data package's version changed), built before the first visit.
 */
let server: AppServer;
let nextRelease: string;
let nextGeodata: string;
let session: AppSession | undefined;

beforeAll(async () => {
  nextGeodata = mkdtempSync(join(tmpdir(), "dazu-next-geodata-"));
  cpSync(geodataDir, nextGeodata, { recursive: true });
  const manifestPath = join(nextGeodata, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { version: string };
  writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, version: NEXT_VERSION }, null, 2)}\n`);
  server = await startAppServer({ root: repositoryRoot });
  nextRelease = await buildApp({ root: repositoryRoot, config: appConfig({ geodataDir: nextGeodata }) });
}, 400_000);

afterAll(async () => {
  await server?.close();
  if (nextRelease) rmSync(nextRelease, { recursive: true, force: true });
  if (nextGeodata) rmSync(nextGeodata, { recursive: true, force: true });
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Opens the app with service workers allowed and waits until its worker is active, with everything precached. */
async function openInstalled(): Promise<AppSession> {
  session = await openApp(server.baseUrl, "/", { serviceWorkers: "allow" });
  await waitForApp(session.page);
  const { page } = session;
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? "none"), { timeout: 90_000, interval: 500 })
    .toBe("activated");
  return session;
}

async function reloadReady(page: Page): Promise<void> {
  await page.reload({ waitUntil: "load" });
  await waitForApp(page);
  await whenIdle(page);
}

/** Everything the worker keeps, as paths relative to the app. */
async function precachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        paths.push(url.origin === location.origin ? url.pathname.slice(1) : url.href);
      }
    }
    return paths.sort();
  });
}

/** Checks the fixture parcel through the site check's file input; the finding quotes the clause from the corpus. */
async function checkFixtureParcel(page: Page): Promise<void> {
  await page.locator('[data-sheet-tab="site-check"]').click();
  await page.locator("[data-site-inputs]").waitFor({ state: "visible" });
  await page.locator('[data-site-mode="upload"]').click();
  await page.locator("[data-site-file]").setInputFiles({ name: "key-zone-edge-4544.geojson", mimeType: "application/geo+json", buffer: readFileSync(FIXTURE) });
  const finding = page.locator('[data-finding="mining-key-zone"]');
  await finding.waitFor({ state: "visible", timeout: 60_000 });
  await expect.poll(() => finding.locator('[data-citation="dzfb-2023-32#s4.n1.para2"] blockquote').innerText(), { timeout: 30_000 }).toContain("16.55平方千米");
}

/** Prints the report (the browser's dialog replaced) and returns the data package version the receipt states. */
async function printedDataVersion(page: Page): Promise<string> {
  await page.evaluate(() => {
    const target = window as unknown as { print: () => void; printed?: boolean };
    target.printed = false;
    target.print = () => {
      target.printed = true;
    };
  });
  await page.locator('[data-site-action="print"]').click();
  await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true, undefined, { timeout: 60_000 });
  await expect.poll(() => page.locator('[data-file-hash="layers/mining-key-zone.geojson"]').textContent(), { timeout: 30_000 }).toMatch(/^[0-9a-f]{12}$/);
  const row = page.locator("[data-print-receipt] tr").filter({ hasText: "数据包版本" });
  return ((await row.locator("td").textContent()) ?? "").trim();
}

interface InstalledManifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
}

describe("installed app, offline", () => {
  it("is installable: manifest, icons, a worker that controls the page, and an offline start", async () => {
    const { page } = await openInstalled();
    const cdp = await page.context().newCDPSession(page);
    const manifestUrl = new URL("manifest.webmanifest", server.baseUrl).href;
    const { url, errors } = (await cdp.send("Page.getAppManifest")) as { url: string; errors: Array<{ message: string }> };
    expect(url).toBe(manifestUrl);
    expect(errors).toEqual([]);

    const manifest = (await (await fetch(manifestUrl)).json()) as InstalledManifest;
    expect(manifest.name).toBe("大足区规划政策地图");
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.display).toBe("standalone");
    expect(manifest.theme_color).toBe("#1d3557");
    expect(await page.locator('meta[name="theme-color"]').getAttribute("content")).toBe(manifest.theme_color);
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(server.baseUrl);
    expect(new URL(manifest.scope, manifestUrl).href).toBe(server.baseUrl);
    // Installable icons: 192 px and 512 px PNGs, and a maskable one; each is served as the size it claims.
    const sizes = new Set(manifest.icons.filter((icon) => icon.type === "image/png").map((icon) => icon.sizes));
    expect([...sizes].sort()).toEqual(["192x192", "512x512"]);
    expect(manifest.icons.some((icon) => icon.purpose === "maskable")).toBe(true);
    for (const icon of manifest.icons) {
      const size = await page.evaluate(async (src) => {
        const response = await fetch(src);
        const image = new Image();
        image.src = src;
        await image.decode();
        return { status: response.status, type: response.headers.get("content-type"), width: image.naturalWidth, height: image.naturalHeight };
      }, new URL(icon.src, manifestUrl).href);
      expect(size.status, icon.src).toBe(200);
      expect(size.type, icon.src).toContain(icon.type);
      if (icon.sizes !== "any") expect(`${size.width}x${size.height}`, icon.src).toBe(icon.sizes);
    }

    // The worker controls the page from the second visit on, with the scope of the app.
    await reloadReady(page);
    const worker = await page.evaluate(async () => ({
      controller: navigator.serviceWorker.controller?.scriptURL ?? null,
      scope: (await navigator.serviceWorker.ready).scope,
    }));
    expect(worker).toEqual({ controller: new URL("sw.js", server.baseUrl).href, scope: server.baseUrl });
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: Array<{ errorId: string }> };
    expect(installabilityErrors).toEqual([]);

    // Offline, the start URL still answers 200, from the worker.
    await page.context().setOffline(true);
    const response = await page.goto(new URL(manifest.start_url, manifestUrl).href, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    expect(response?.fromServiceWorker()).toBe(true);
    await waitForApp(page);
    await cdp.detach();
  }, 180_000);

  it("works offline on a second visit, then offers a new data package once the network is back", async () => {
    const { page } = await openInstalled();

    // Only this origin's files are kept: the app shell, both workers, the data package and the corpus, not large layers.
    const kept = await precachedPaths(page);
    expect(kept.filter((path) => !path.startsWith("assets/") && !path.startsWith("geodata/") && !path.startsWith("icons/"))).toEqual([
      "favicon.svg",
      "index.html",
      "manifest.webmanifest",
    ]);
    const builtAssets = readdirSync(join(server.outDir, "assets")).filter((name) => !name.endsWith(".map"));
    expect(kept.filter((path) => path.startsWith("assets/"))).toEqual(builtAssets.map((name) => `assets/${name}`).sort());
    expect(kept.some((path) => /^assets\/check\.worker-.*\.js$/.test(path))).toBe(true);
    expect(kept.some((path) => /^assets\/import\.worker-.*\.js$/.test(path))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(geodataDir, "manifest.json"), "utf8")) as {
      layers: Array<{ file?: string; display?: { file: string }; check?: { file: string } }>;
    };
    for (const layer of manifest.layers) {
      if (layer.file) expect(kept, layer.file).toContain(`geodata/${layer.file}`);
      if (layer.display) expect(kept).not.toContain(`geodata/${layer.display.file}`);
      if (layer.check) expect(kept).not.toContain(`geodata/${layer.check.file}`);
    }
    expect(kept).toContain("geodata/policies/index.json");
    expect(kept).toContain("geodata/policies/dzfb-2023-32.json");

    await page.context().setOffline(true);
    await reloadReady(page);
    // Really offline: a file the worker does not keep cannot be fetched.
    const largeLayer = manifest.layers.find((layer) => layer.check)!.check!.file;
    const uncached = await page.evaluate(
      (path) =>
        fetch(path).then(
          (response) => `HTTP ${response.status}`,
          () => "failed",
        ),
      `geodata/${largeLayer}`,
    );
    expect(uncached).toBe("failed");

    // The map renders every default layer from the kept package, and says which large layers need the network.
    expect(await loadErrors(page)).toEqual([]);
    expect(await renderedFeatureCount(page, "towns")).toBeGreaterThan(0);
    expect(await renderedFeatureCount(page, "district")).toBeGreaterThan(0);
    const largeTitle = (manifest.layers.find((layer) => layer.check) as unknown as { title: { zh: string } }).title.zh;
    await expect
      .poll(() => page.locator('[data-notice="online-only-layers"] .notice-text').innerText())
      .toBe(`离线：以下大型图层需要网络，暂时无法显示或用于地块核查：${largeTitle}。其他图层、检索、文件阅读和核查照常可用。`);

    // Search over the documents' full text and the places; the inspector, and the reader at the cited clause.
    const search = page.locator("[data-search-input]");
    await search.fill("16.55平方千米");
    await page.locator('[data-search-group="clause"] [data-result-key]').first().waitFor({ state: "visible", timeout: 30_000 });
    await search.fill("国梁镇");
    await page.locator("[data-search-results] [data-result-key]").filter({ hasText: "国梁镇" }).first().click();
    await expect.poll(() => page.locator("[data-inspector-name]").innerText(), { timeout: 30_000 }).toContain("国梁镇");
    await page.locator('[data-inspector] [data-action="open-in-document"]').first().click();
    await page.locator('[data-reader] [data-highlighted="true"]').waitFor({ state: "visible", timeout: 30_000 });
    await page.locator('[data-action="close-reader"]').click();

    // The memorial list and one memorial's card, with the notice's own words.
    await openMemorialsTab(page);
    await page.locator('[data-memorial-id="memorial-rao-guoliang"]').click();
    const card = page.locator('[data-memorial-card="memorial-rao-guoliang"]');
    await card.waitFor({ state: "visible", timeout: 30_000 });
    await card.locator('[data-memorial-quote="protection"] blockquote').waitFor({ state: "visible", timeout: 30_000 });

    // A site check of a GeoJSON file (both workers: import and check), its clause, the printed report.
    await checkFixtureParcel(page);
    expect(await printedDataVersion(page)).toBe(RELEASED_VERSION);
    await screenshot(page, "offline-second-visit");

    // A new data package is published; back online, the page offers it and keeps using the one it started with.
    server.deploy(nextRelease);
    await page.context().setOffline(false);
    const notice = page.locator('[data-notice="app-update"]');
    await notice.waitFor({ state: "visible", timeout: 60_000 });
    expect(await notice.locator("[data-notice-action]").innerText()).toBe("新版本可用 — 重新加载");
    expect(await page.locator('[data-notice="online-only-layers"]').count()).toBe(0);
    const inUse = await page.evaluate(() => fetch("geodata/manifest.json").then((response) => response.json() as Promise<{ version: string }>));
    expect(inUse.version, "the old page still reads the data package it started with").toBe(RELEASED_VERSION);
    expect(await printedDataVersion(page)).toBe(RELEASED_VERSION);
    await screenshot(page, "offline-update-notice");

    // Choosing the notice reloads into the new release, whose reports state the new version.
    await Promise.all([page.waitForEvent("load", { timeout: 60_000 }), notice.locator("[data-notice-action]").click()]);
    await waitForApp(page);
    await whenIdle(page);
    expect(await page.locator('[data-notice="app-update"]').count()).toBe(0);
    await checkFixtureParcel(page);
    expect(await printedDataVersion(page)).toBe(NEXT_VERSION);
    expect(session!.offHostRequests).toEqual([]);
  }, 360_000);
});
