import type { LayerSpecification, SourceSpecification } from "@maplibre/maplibre-gl-style-spec";
import { Map as MaplibreMap, setWorkerUrl } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { Manifest } from "../../src/layers/manifestTypes";

/**
 * The start-up baseline: plain MapLibre showing the same GeoJSON files as the app, one fill/line/circle per
 * manifest layer with the manifest's default visibility and a flat colour — no validation, labels, panel or store.
 * Sets `window.__bareIdleAt` (ms since navigation) at the first idle map.
 */
setWorkerUrl(workerUrl);

const geodata = new URL("../geodata/", location.href).href;

function flatColor(color: Manifest["layers"][number]["style"]["color"]): string {
  return typeof color === "string" ? color : color.fallback;
}

async function start(): Promise<void> {
  const manifest = (await (await fetch(`${geodata}manifest.json`)).json()) as Manifest;
  const files = [...new Set(manifest.layers.flatMap((layer) => (layer.file ? [layer.file] : [])))];
  const data = new Map(await Promise.all(files.map(async (file) => [file, await (await fetch(geodata + file)).json()] as const)));
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [{ id: "background", type: "background", paint: { "background-color": "#e6eaee" } }];
  for (const layer of manifest.layers) {
    if (!layer.file) continue;
    sources[layer.id] = { type: "geojson", data: data.get(layer.file) };
    const layout = { visibility: layer.visible ? "visible" : "none" } as const;
    const color = flatColor(layer.style.color);
    if (layer.geometryType === "polygon") {
      layers.push({
        id: `${layer.id}-fill`,
        type: "fill",
        source: layer.id,
        layout,
        paint: { "fill-color": color, "fill-opacity": layer.style.fill === false ? 0 : layer.style.opacity },
      });
      layers.push({
        id: `${layer.id}-line`,
        type: "line",
        source: layer.id,
        layout,
        paint: { "line-color": layer.style.outlineColor ?? color, "line-width": layer.style.width ?? 1 },
      });
    } else if (layer.geometryType === "line") {
      layers.push({ id: `${layer.id}-line`, type: "line", source: layer.id, layout, paint: { "line-color": color, "line-width": layer.style.width ?? 2 } });
    } else {
      layers.push({
        id: `${layer.id}-circle`,
        type: "circle",
        source: layer.id,
        layout,
        paint: { "circle-color": color, "circle-radius": layer.style.radius ?? 6 },
      });
    }
  }
  const map = new MaplibreMap({
    container: "map",
    style: { version: 8, sources, layers },
    bounds: manifest.district.bounds,
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
  });
  map.once("load", () => map.once("idle", () => ((window as unknown as { __bareIdleAt?: number }).__bareIdleAt = performance.now())));
}

void start();
