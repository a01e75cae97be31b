import type { Feature, Geometry } from "geojson";
import { areaFigures } from "../geo/measure";
import type { LayerDefinition, LocalizedText } from "../layers/manifestTypes";
import { isPolygonal, polygonDistanceWithin, polygonOverlap } from "./overlap";
import { lineLength, linesOf, planarDistance, pointsOf, polygonContainsPoint } from "./planarGeometry";
import { toGaussKruger, type PlanarBox, type PlanarGeometry } from "./projectToGaussKruger";
import { buildIndexedNearestFinder, buildNaiveNearestFinder, type NearestFinder } from "./spatialIndex";
import {
  DEFAULT_CHECK_OPTIONS,
  type CheckLayer,
  type CheckOptions,
  type CheckReport,
  type FeatureOverlap,
  type LayerFinding,
  type NearbyFeature,
  type ParcelGeometry,
  type ParcelMeasures,
} from "./types";

interface PreparedLayer {
  planar: PlanarGeometry[];
  indexed: NearestFinder;
  naive: NearestFinder;
}

const prepared = new WeakMap<Feature<Geometry>[], PreparedLayer>();

/** Projects and indexes a layer's features once; layer feature arrays are treated as immutable. */
function prepare(features: Feature<Geometry>[]): PreparedLayer {
  const cached = prepared.get(features);
  if (cached) return cached;
  const planar = features.map((feature) => toGaussKruger(feature.geometry));
  const boxes = planar.map((geometry) => geometry.box);
  const layer = { planar, indexed: buildIndexedNearestFinder(boxes), naive: buildNaiveNearestFinder(boxes) };
  prepared.set(features, layer);
  return layer;
}

function text(zh: string, en: string): LocalizedText {
  return { zh, en };
}

function featureIdentity(feature: Feature<Geometry>) {
  const properties = (feature.properties ?? {}) as Record<string, unknown>;
  return {
    featureId: String(properties.id ?? feature.id ?? ""),
    name: typeof properties.name === "string" ? properties.name : String(properties.id ?? ""),
    source: Array.isArray(properties.source) ? properties.source.map(String) : [],
    properties,
  };
}

function measureParcel(geometry: ParcelGeometry, planar: PlanarGeometry): ParcelMeasures {
  const areas = areaFigures(geometry);
  const lengthMetres =
    geometry.type === "LineString" ? lineLength(linesOf(planar.geometry)[0] ?? []) : linesOf(planar.geometry).reduce((sum, line) => sum + lineLength(line), 0);
  return { ...areas, lengthMetres, vertexCount: pointsOf(geometry).length };
}

function uncertaintyOf(feature: Feature<Geometry>, layer: LayerDefinition): number {
  const value = (feature.properties ?? {})["uncertainty_m"];
  return typeof value === "number" && Number.isFinite(value) ? value : layer.positionalAccuracyM;
}

/** Exact nearest feature: the index proposes close boxes, then every box nearer than the best exact distance is measured. */
function nearestFeature(parcel: PlanarGeometry, layer: PreparedLayer, finder: NearestFinder): { index: number; distance: number } | null {
  const [minX, minY, maxX, maxY] = parcel.box;
  let best: { index: number; distance: number } | null = null;
  const consider = (index: number) => {
    const distance = planarDistance(parcel.geometry, layer.planar[index]!.geometry);
    if (!best || distance < best.distance || (distance === best.distance && index < best.index)) best = { index, distance };
  };
  for (const index of finder.nearestByBox((minX + maxX) / 2, (minY + maxY) / 2, 4)) consider(index);
  if (!best) return null;
  const radius: number = (best as { distance: number }).distance;
  for (const index of finder.candidates(parcel.box, radius)) consider(index);
  return best;
}

function checkPolygonLayer(
  parcel: PlanarGeometry,
  parcelArea: number,
  checkLayer: CheckLayer,
  layer: PreparedLayer,
  finder: NearestFinder,
): Pick<LayerFinding, "overlaps" | "nearest"> {
  const accuracy = checkLayer.definition.positionalAccuracyM;
  const overlaps: FeatureOverlap[] = [];
  let nearBoundary: NearbyFeature | undefined;
  for (const index of finder.candidates(parcel.box, accuracy)) {
    const feature = checkLayer.features[index]!;
    const zone = layer.planar[index]!.geometry;
    const identity = featureIdentity(feature);
    if (isPolygonal(parcel.geometry) && isPolygonal(zone)) {
      const overlap = polygonOverlap(parcel.geometry, zone, accuracy);
      if (overlap.tolerance) {
        overlaps.push({ ...identity, overlapSquareMetres: overlap.squareMetres, shareOfParcel: parcelArea > 0 ? overlap.squareMetres / parcelArea : 0, tolerance: overlap.tolerance });
        continue;
      }
    } else {
      const distance = planarDistance(parcel.geometry, zone);
      if (distance === 0) {
        const inside = isPolygonal(zone) ? pointsOf(parcel.geometry).every((point) => polygonContainsPoint(zone, point)) : false;
        overlaps.push({ ...identity, overlapSquareMetres: 0, shareOfParcel: inside ? 1 : 0, tolerance: inside ? "substantive" : "touches" });
        continue;
      }
    }
    // Only a distance within the accuracy matters here, so two polygons need compare only their nearby edges.
    const distance = isPolygonal(parcel.geometry) && isPolygonal(zone) ? polygonDistanceWithin(parcel.geometry, zone, accuracy) : planarDistance(parcel.geometry, zone);
    if (distance <= accuracy && (!nearBoundary || distance < nearBoundary.distanceMetres)) {
      const { featureId, name, source } = identity;
      nearBoundary = { featureId, name, source, distanceMetres: distance, uncertaintyMetres: accuracy, withinCaution: false, cannotExclude: true };
    }
  }
  return nearBoundary ? { overlaps, nearest: nearBoundary } : { overlaps };
}

function checkPointLayer(parcel: PlanarGeometry, checkLayer: CheckLayer, layer: PreparedLayer, finder: NearestFinder, options: CheckOptions): Pick<LayerFinding, "overlaps" | "nearest"> {
  const nearest = nearestFeature(parcel, layer, finder);
  if (!nearest) return { overlaps: [] };
  const feature = checkLayer.features[nearest.index]!;
  const { properties: _properties, ...identity } = featureIdentity(feature);
  const uncertaintyMetres = uncertaintyOf(feature, checkLayer.definition);
  return {
    overlaps: [],
    nearest: {
      ...identity,
      distanceMetres: nearest.distance,
      uncertaintyMetres,
      withinCaution: nearest.distance <= options.cautionDistanceMetres,
      cannotExclude: nearest.distance <= options.cautionDistanceMetres + uncertaintyMetres,
    },
  };
}

function formatMetres(metres: number): string {
  return metres >= 1000 ? `${(metres / 1000).toFixed(2)} km` : `${metres.toFixed(0)} m`;
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function decide(checkLayer: CheckLayer, result: Pick<LayerFinding, "overlaps" | "nearest">, options: CheckOptions): Pick<LayerFinding, "status" | "reason"> {
  const { definition } = checkLayer;
  const { overlaps, nearest } = result;
  const names = overlaps.map((overlap) => overlap.name).join("、");
  const total = overlaps.reduce((sum, overlap) => sum + overlap.shareOfParcel, 0);
  if (definition.role === "informs") {
    if (overlaps.length === 0) return { status: "clear", reason: text("已核查，未涉及。", "Checked, not affected.") };
    return { status: "info", reason: text(`涉及：${names}（占地块 ${formatShare(total)}）。`, `Lies in: ${names} (${formatShare(total)} of the parcel).`) };
  }
  if (definition.geometryType === "point") {
    if (!nearest) return { status: "clear", reason: text("已核查，未涉及。", "Checked, not affected.") };
    const distance = formatMetres(nearest.distanceMetres);
    const caution = formatMetres(options.cautionDistanceMetres);
    const uncertainty = formatMetres(nearest.uncertaintyMetres);
    if (nearest.withinCaution) {
      return {
        status: "caution",
        reason: text(
          `距${nearest.name} ${distance}，在提示距离 ${caution} 以内。公布的保护范围未测绘，请现场核实。`,
          `${distance} from ${nearest.name}, within the ${caution} caution distance. The published protection area is not mapped: verify on site.`,
        ),
      };
    }
    if (nearest.cannotExclude) {
      return {
        status: "caution",
        reason: text(
          `最近的${nearest.name}示意位置距地块 ${distance}，但其位置仅准确到约 ±${uncertainty}，不能排除涉及，请现场核实。`,
          `The nearest, ${nearest.name}, is mapped ${distance} away, but its position is only known to about ±${uncertainty}: it cannot be ruled out — verify on site.`,
        ),
      };
    }
    return { status: "clear", reason: text(`已核查，未涉及；最近的${nearest.name}距 ${distance}。`, `Checked, not affected; the nearest, ${nearest.name}, is ${distance} away.`) };
  }
  const substantive = overlaps.filter((overlap) => overlap.tolerance === "substantive");
  if (substantive.length > 0) {
    return {
      status: "restricted",
      reason: text(`与${names}重叠，占地块 ${formatShare(total)}。`, `Overlaps ${names}: ${formatShare(total)} of the parcel.`),
    };
  }
  if (overlaps.length > 0) {
    return {
      status: "caution",
      reason: text(
        `与${names}仅边界相接或重叠窄于图层位置精度（±${formatMetres(definition.positionalAccuracyM)}），请核实。`,
        `Only touches ${names}, or overlaps it by less than the layer's positional accuracy (±${formatMetres(definition.positionalAccuracyM)}): verify.`,
      ),
    };
  }
  if (nearest) {
    return {
      status: "caution",
      reason: text(
        `距${nearest.name}边界 ${formatMetres(nearest.distanceMetres)}，在图层位置精度（±${formatMetres(definition.positionalAccuracyM)}）以内，请核实。`,
        `${formatMetres(nearest.distanceMetres)} from the boundary of ${nearest.name}, within the layer's positional accuracy (±${formatMetres(definition.positionalAccuracyM)}): verify.`,
      ),
    };
  }
  return { status: "clear", reason: text("已核查，未涉及。", "Checked, not affected.") };
}

/**
 * Checks a site against every layer that restricts or informs. Pure: no DOM, no map; runs in a worker.
 * Areas and distances are GK planar (CGCS2000 3° CM105°E), the way the bureau measures.
 */
export function checkParcel(parcelGeometry: ParcelGeometry, layers: CheckLayer[], overrides: Partial<CheckOptions> = {}): CheckReport {
  const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...overrides };
  const parcel = toGaussKruger(parcelGeometry);
  const measures = measureParcel(parcelGeometry, parcel);
  const findings: LayerFinding[] = [];
  for (const checkLayer of layers) {
    const { definition } = checkLayer;
    if (definition.role === "context") continue;
    const base = {
      layerId: definition.id,
      title: definition.title,
      role: definition.role,
      geometryQuality: definition.geometryQuality,
      qualityNote: definition.qualityNote,
      positionalAccuracyM: definition.positionalAccuracyM,
    };
    if (checkLayer.features.length === 0 && !checkLayer.nearbyOnly) {
      findings.push({
        ...base,
        status: "no-data",
        reason: text("未公布位置，无法核查；可导入官方数据后再查。", "No published locations, so this cannot be checked; import the official dataset to check it."),
        overlaps: [],
        ...(definition.summary ? { summary: definition.summary } : {}),
      });
      continue;
    }
    const layer = prepare(checkLayer.features);
    const finder = options.useSpatialIndex ? layer.indexed : layer.naive;
    const result =
      definition.geometryType === "point"
        ? checkPointLayer(parcel, checkLayer, layer, finder, options)
        : checkPolygonLayer(parcel, measures.gaussKrugerSquareMetres, checkLayer, layer, finder);
    findings.push({ ...base, ...result, ...decide(checkLayer, result, options) });
  }
  const reliesOnSchematic = findings.some((finding) => finding.geometryQuality === "schematic" && finding.status !== "no-data");
  return { parcel: measures, findings, reliesOnSchematic, options };
}

export type { PlanarBox };
