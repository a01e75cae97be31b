import type { DataPackage, LayerLoad } from "./layerData";
import type { LayerDefinition } from "./manifestTypes";
import { validateLayerData } from "./validateLayerData";
import { validateManifest } from "./validateManifest";
import { invalid, valid, type Validation } from "./validation";

/** Fetches a URL and parses JSON, or says why it could not; injected so tests fake the network, not the loader. */
export type FetchJson = (url: string) => Promise<Validation<unknown>>;

export const fetchJson: FetchJson = async (url) => {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    return invalid([`could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (!response.ok) return invalid([`could not fetch ${url} (HTTP ${response.status})`]);
  // Development servers answer unknown paths with the app's index page instead of a 404.
  if (response.headers.get("content-type")?.includes("text/html")) {
    return invalid([`could not fetch ${url} (the server sent a web page: the file is probably missing)`]);
  }
  try {
    return valid(await response.json());
  } catch {
    return invalid([`${url} is not valid JSON`]);
  }
};

async function loadLayer(layer: LayerDefinition, file: Promise<Validation<unknown>>): Promise<LayerLoad> {
  const fetched = await file;
  if (!fetched.ok) return { type: "failed", errors: fetched.errors.map((error) => `layer '${layer.id}': ${error}`) };
  const validated = validateLayerData(layer, fetched.value);
  return validated.ok ? { type: "loaded", data: validated.value } : { type: "failed", errors: validated.errors };
}

/** Reads the feature count from a FlatGeobuf file's header (a range request); injected so tests stay off the network. */
export type ReadFeatureCount = (url: string) => Promise<Validation<number>>;

// Loaded on demand, so packages without large layers never download the FlatGeobuf reader.
const readFlatGeobufFeatureCount: ReadFeatureCount = async (url) => (await import("./flatgeobufReader")).readFeatureCount(url);

/** A `display` + `check` layer: nothing is downloaded but, when the manifest does not give it, the count. */
async function loadTiledLayer(layer: LayerDefinition, baseUrl: string, readFeatureCount: ReadFeatureCount): Promise<LayerLoad> {
  if (!layer.display || !layer.check) return { type: "failed", errors: [`layer '${layer.id}': needs both display and check`] };
  const checkUrl = baseUrl + layer.check.file;
  const tilesUrl = baseUrl + layer.display.file;
  const { sourceLayer } = layer.display;
  if (layer.featureCount !== undefined) return { type: "tiled", tilesUrl, sourceLayer, checkUrl, featureCount: layer.featureCount };
  const count = await readFeatureCount(checkUrl);
  if (!count.ok) return { type: "failed", errors: count.errors.map((error) => `layer '${layer.id}': ${error}`) };
  return { type: "tiled", tilesUrl, sourceLayer, checkUrl, featureCount: count.value };
}

/**
 * Loads `manifest.json` from `baseUrl` (ending in "/"), then every layer file in parallel.
 * A broken manifest fails the whole package; a broken layer file only disables that layer. Large (`display` +
 * `check`) layers are not downloaded: they are read piecewise later, by the map and by parcel checks.
 */
export async function loadDataPackage(
  baseUrl: string,
  fetchJsonFile: FetchJson = fetchJson,
  readFeatureCount: ReadFeatureCount = readFlatGeobufFeatureCount,
): Promise<Validation<DataPackage>> {
  const fetched = await fetchJsonFile(`${baseUrl}manifest.json`);
  if (!fetched.ok) return invalid(fetched.errors);
  const manifest = validateManifest(fetched.value);
  if (!manifest.ok) return invalid(manifest.errors);
  // Several layers may style one file (towns by fee tier, by subsidy tier…): fetch each file once.
  const files = new Map<string, Promise<Validation<unknown>>>();
  const fileFor = (path: string) => {
    let file = files.get(path);
    if (!file) {
      file = fetchJsonFile(baseUrl + path);
      files.set(path, file);
    }
    return file;
  };
  const loads = await Promise.all(
    manifest.value.layers.map(
      async (layer) =>
        [layer.id, layer.file === undefined ? await loadTiledLayer(layer, baseUrl, readFeatureCount) : await loadLayer(layer, fileFor(layer.file))] as const,
    ),
  );
  return valid({ manifest: manifest.value, layers: new Map(loads) });
}
