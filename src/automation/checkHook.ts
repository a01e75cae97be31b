import type { Feature } from "geojson";
import type { DataPackage } from "../layers/layerData";
import { createCheckEngine, type CheckEngine, type LayerNotChecked } from "../siteCheck/checkEngine";
import type { CheckReport, ParcelGeometry } from "../check/types";

declare module "./appHooks" {
  interface DazuTestHooks {
    /**
     * Checks a site (a GeoJSON geometry, or a Feature of one) the way the site check does (src/siteCheck/checkEngine):
     * the same layers (`context` layers skipped), in the check worker, large layers read by bbox from their
     * FlatGeobuf file; one that cannot be read is listed in `notChecked`. Resolves with JSON-safe data.
     */
    runCheck?(site: ParcelGeometry | Feature<ParcelGeometry>): Promise<CheckReport & { notChecked: LayerNotChecked[] }>;
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
  let engine: CheckEngine | null = null;
  hooks.runCheck = async (site) => {
    engine ??= createCheckEngine(dataPackage, async () => (await import("../check/checkClient")).createParcelChecker());
    const { report, notChecked } = await engine.check(isFeature(site) ? site.geometry : site, {});
    return { ...report, notChecked };
  };
}
