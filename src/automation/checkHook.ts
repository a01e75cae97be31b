import type { Feature, Geometry } from "geojson";
import type { DataPackage } from "../layers/layerData";
import type { ParcelChecker } from "../check/checkClient";
import type { CheckLayer, CheckReport, ParcelGeometry } from "../check/types";

declare module "./appHooks" {
  interface DazuTestHooks {
    /**
     * Checks a site (a GeoJSON geometry, or a Feature of one) against every layer of the loaded package in the check
     * worker, large layers read by bbox from their FlatGeobuf file; resolves with the report as JSON-safe data.
     */
    runCheck?(site: ParcelGeometry | Feature<ParcelGeometry>): Promise<CheckReport>;
  }
}

function isFeature(site: ParcelGeometry | Feature<ParcelGeometry>): site is Feature<ParcelGeometry> {
  return site.type === "Feature";
}

/**
 * Adds `runCheck` to `window.__dazuTest`, for browser tests and benchmarks of the check path. The checker, its
 * worker and the FlatGeobuf reader are loaded on the first call, so start-up pays nothing for it.
 */
export function installCheckTestHook(dataPackage: DataPackage): void {
  const hooks = window.__dazuTest;
  if (!hooks) return;
  let checker: Promise<ParcelChecker> | null = null;
  const geojsonLayers: CheckLayer[] = [];
  for (const layer of dataPackage.manifest.layers) {
    const load = dataPackage.layers.get(layer.id);
    if (load?.type === "loaded") geojsonLayers.push({ definition: layer, features: load.data.features as Feature<Geometry>[] });
  }
  hooks.runCheck = async (site) => {
    const parcel = isFeature(site) ? site.geometry : site;
    checker ??= import("../check/checkClient").then(({ createParcelChecker }) => createParcelChecker());
    const { readCheckLayer } = await import("../check/flatgeobufSource");
    const layers = [...geojsonLayers];
    for (const layer of dataPackage.manifest.layers) {
      const load = dataPackage.layers.get(layer.id);
      if (load?.type !== "tiled") continue;
      const read = await readCheckLayer(layer, load.checkUrl, parcel);
      if (!read.ok) throw new Error(read.errors.join("\n"));
      layers.push(read.value);
    }
    const ready = await checker;
    ready.setLayers(layers);
    return ready.check(parcel);
  };
}
