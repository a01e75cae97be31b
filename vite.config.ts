import { cpSync, existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Connect, type Plugin } from "vite";
import { sendBytes } from "./scripts/httpRanges.js";

const rootDir = fileURLToPath(new URL(".", import.meta.url));
const geodataDir = resolve(rootDir, "geodata");

const contentTypes: Record<string, string> = {
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".pbf": "application/x-protobuf",
  ".pmtiles": "application/octet-stream",
  ".fgb": "application/octet-stream",
};

/** Serves `geodata/` at `/geodata/` so the data package stays a plain folder beside the code. */
function serveGeodata(): Connect.NextHandleFunction {
  return (request, response, next) => {
    const url = request.url ?? "";
    const base = "/geodata/";
    if (!url.startsWith(base)) return next();
    const relative = decodeURIComponent(url.slice(base.length).split("?")[0] ?? "");
    const filePath = normalize(join(geodataDir, relative));
    if (!filePath.startsWith(geodataDir) || !existsSync(filePath) || !statSync(filePath).isFile()) {
      response.statusCode = 404;
      response.end("not found");
      return;
    }
    response.setHeader("Content-Type", contentTypes[extname(filePath)] ?? "application/octet-stream");
    // Range requests: large layers (.pmtiles, .fgb) are read piecewise, as from object storage.
    sendBytes(request, response, readFileSync(filePath));
  };
}

function geodataPackage(): Plugin {
  return {
    name: "geodata-package",
    configureServer(server) {
      server.middlewares.use(serveGeodata());
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveGeodata());
    },
    writeBundle(options) {
      const outDir = options.dir ?? resolve(rootDir, "dist");
      cpSync(geodataDir, join(outDir, "geodata"), {
        recursive: true,
        filter: (source) => !source.includes(`${join("geodata", "sources")}`),
      });
    },
  };
}

export default defineConfig({
  base: "./",
  publicDir: "public",
  plugins: [geodataPackage()],
  build: {
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: "es" },
});
