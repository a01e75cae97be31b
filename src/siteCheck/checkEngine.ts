import type { ParcelChecker } from "../check/checkClient";
import type { CheckLayer, CheckOptions, CheckReport, ParcelGeometry } from "../check/types";
import type { DataPackage } from "../layers/layerData";
import type { LayerDefinition, LocalizedText } from "../layers/manifestTypes";
import type { Validation } from "../layers/validation";
import { districtCoverage, withDistrictCoverage } from "./districtCoverage";

/** A layer that restricts or informs but was not checked (its file failed to load, or its nearby features to read). */
export interface LayerNotChecked {
  layerId: string;
  title: LocalizedText;
}

/** A large layer: only the features near a site are read, per check, from its indexed file. */
export interface NearbyLayerSource {
  definition: LayerDefinition;
  checkUrl: string;
}

export type ReadNearbyLayer = (
  definition: LayerDefinition,
  checkUrl: string,
  parcel: ParcelGeometry,
  options: Partial<CheckOptions>,
) => Promise<Validation<CheckLayer>>;

/** The layers of a data package as the check sees them. `context` layers (stood in for by imported data) are skipped. */
export interface CheckLayerPlan {
  /** Loaded whole at start-up; sent to the check worker once. */
  staticLayers: CheckLayer[];
  nearbyLayers: NearbyLayerSource[];
  notLoaded: LayerNotChecked[];
}

export function planCheckLayers(dataPackage: DataPackage): CheckLayerPlan {
  const plan: CheckLayerPlan = { staticLayers: [], nearbyLayers: [], notLoaded: [] };
  for (const layer of dataPackage.manifest.layers) {
    if (layer.role === "context") continue;
    const load = dataPackage.layers.get(layer.id);
    if (load?.type === "loaded") plan.staticLayers.push({ definition: layer, features: load.data.features });
    else if (load?.type === "tiled") plan.nearbyLayers.push({ definition: layer, checkUrl: load.checkUrl });
    else plan.notLoaded.push({ layerId: layer.id, title: layer.title });
  }
  return plan;
}

export interface CheckRun {
  report: CheckReport;
  notChecked: LayerNotChecked[];
}

export interface CheckEngine {
  readonly plan: CheckLayerPlan;
  /** Checks a site against every layer of the plan; a large layer that cannot be read is listed as not checked. */
  check(parcel: ParcelGeometry, options: Partial<CheckOptions>): Promise<CheckRun>;
}

const readWithFlatGeobuf: ReadNearbyLayer = async (definition, checkUrl, parcel, options) =>
  (await import("../check/flatgeobufSource")).readCheckLayer(definition, checkUrl, parcel, options);

/**
 * The one path from a site to a report, used by the page, the browser test hook and any other front-end: the
 * static layers go to the checker once (so its per-layer projection cache keeps hitting); each check sends only the
 * features of large layers read near the site.
 */
export function createCheckEngine(
  dataPackage: DataPackage,
  createChecker: () => Promise<ParcelChecker>,
  readNearbyLayer: ReadNearbyLayer = readWithFlatGeobuf,
): CheckEngine {
  const plan = planCheckLayers(dataPackage);
  let checker: Promise<ParcelChecker> | null = null;
  const ready = () => {
    checker ??= createChecker().then((created) => {
      created.setLayers(plan.staticLayers);
      return created;
    });
    return checker;
  };
  return {
    plan,
    check: async (parcel, options) => {
      const reads = await Promise.all(
        plan.nearbyLayers.map(async (layer) => ({ layer, read: await readNearbyLayer(layer.definition, layer.checkUrl, parcel, options) })),
      );
      const extra: CheckLayer[] = [];
      const notChecked = [...plan.notLoaded];
      for (const { layer, read } of reads) {
        if (read.ok) extra.push(read.value);
        else notChecked.push({ layerId: layer.definition.id, title: layer.definition.title });
      }
      const report = await (await ready()).check(parcel, options, extra);
      // The policies apply inside the district outline only (the manifest's district block names its layer).
      const district = dataPackage.layers.get(dataPackage.manifest.district.outline.layer);
      return { report: district?.type === "loaded" ? withDistrictCoverage(report, districtCoverage(parcel, district.data.features)) : report, notChecked };
    },
  };
}
