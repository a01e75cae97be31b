import { cpSync, existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Connect, type Plugin, type UserConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { sendBytes } from "./scripts/httpRanges.js";
import { dataPackagePrecachePatterns } from "./scripts/pwa/dataPackagePrecache.js";

const rootDir = fileURLToPath(new URL(".", import.meta.url));
const DATA_FOLDER = "geodata";
const THEME_COLOR = "#1d3557";
const SERVICE_WORKER_FILE = "sw.js";

const contentTypes: Record<string, string> = {
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".pbf": "application/x-protobuf",
  ".pmtiles": "application/octet-stream",
  ".fgb": "application/octet-stream",
};

/** Serves a data package folder at `/geodata/` so the data package stays a plain folder beside the code. */
function serveGeodata(folder: string): Connect.NextHandleFunction {
  return (request, response, next) => {
    const url = request.url ?? "";
    const base = `/${DATA_FOLDER}/`;
    if (!url.startsWith(base)) return next();
    const relative = decodeURIComponent(url.slice(base.length).split("?")[0] ?? "");
    const filePath = normalize(join(folder, relative));
    if (!filePath.startsWith(folder) || !existsSync(filePath) || !statSync(filePath).isFile()) {
      response.statusCode = 404;
      response.end("not found");
      return;
    }
    response.setHeader("Content-Type", contentTypes[extname(filePath)] ?? "application/octet-stream");
    // Range requests: large layers (.pmtiles, .fgb) are read piecewise, as from object storage.
    sendBytes(request, response, readFileSync(filePath));
  };
}

function geodataPackage(geodataDir: string): Plugin {
  return {
    name: "geodata-package",
    configureServer(server) {
      server.middlewares.use(serveGeodata(geodataDir));
    },
    // Preview serves the built copy, so what is tested is what a deployment publishes.
    configurePreviewServer(server) {
      server.middlewares.use(serveGeodata(resolve(server.config.root, server.config.build.outDir, DATA_FOLDER)));
    },
    writeBundle(options) {
      const outDir = options.dir ?? resolve(rootDir, "dist");
      cpSync(geodataDir, join(outDir, DATA_FOLDER), {
        recursive: true,
        filter: (source) => !source.includes(`${join(DATA_FOLDER, "sources")}`),
      });
    },
  };
}

/**
 * The installable app: the web app manifest and a Workbox service worker that precaches the app shell, both
 * workers and the data package (see scripts/pwa/dataPackagePrecache.ts), so a second visit works offline. Nothing
 * else is cached: large layers and the online basemaps go to the network. A new worker waits until the page
 * says so (src/pwa/appUpdates.ts), so a page never runs an old app against new data.
 */
function installableApp(geodataDir: string): Plugin[] {
  const manifestJson: unknown = JSON.parse(readFileSync(join(geodataDir, "manifest.json"), "utf8"));
  // Only a build has a worker to register; the development server serves the app without one.
  const workerUrl: Plugin = {
    name: "service-worker-url",
    config: (_config, { command }) => ({ define: { "import.meta.env.SERVICE_WORKER_URL": JSON.stringify(command === "build" ? SERVICE_WORKER_FILE : "") } }),
  };
  const pwa = VitePWA({
    strategies: "generateSW",
    registerType: "prompt",
    injectRegister: false,
    filename: SERVICE_WORKER_FILE,
    manifestFilename: "manifest.webmanifest",
    // The globs below already take the icons; listing them twice would precache them twice.
    includeManifestIcons: false,
    manifest: {
      id: "./",
      name: "大足区规划政策地图",
      short_name: "大足政策地图",
      description: "大足区规划政策地图：城市基础设施配套费、矿产资源规划、烈士纪念设施保护范围等政策的空间表达。",
      lang: "zh-CN",
      start_url: "./",
      scope: "./",
      display: "standalone",
      theme_color: THEME_COLOR,
      background_color: "#f4f6f8",
      icons: [
        { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
        { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
        { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        { src: "favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      ],
    },
    workbox: {
      // Every built asset, whatever its extension (MapLibre's worker is an .mjs), but not the source maps.
      globPatterns: ["index.html", "assets/**/*", "*.svg", "icons/*.png", ...dataPackagePrecachePatterns(manifestJson, DATA_FOLDER)],
      globIgnores: ["**/*.map"],
      // A layer file over Workbox's 2 MB default would otherwise be left out silently, and its layer fail offline.
      maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      navigateFallback: "index.html",
      navigateFallbackDenylist: [new RegExp(`/${DATA_FOLDER}/`)],
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  });
  return [workerUrl, ...pwa];
}

export interface AppConfigOptions {
  /** The data package to ship in `dist/geodata/` and precache; `geodata/` of this repository by default. */
  geodataDir?: string;
}

export function appConfig({ geodataDir = resolve(rootDir, DATA_FOLDER) }: AppConfigOptions = {}): UserConfig {
  return {
    base: "./",
    publicDir: "public",
    plugins: [geodataPackage(geodataDir), installableApp(geodataDir)],
    build: {
      target: "es2022",
      sourcemap: true,
      chunkSizeWarningLimit: 1200,
    },
    worker: { format: "es" },
  };
}

export default defineConfig(appConfig());
