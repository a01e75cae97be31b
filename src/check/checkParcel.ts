import type { Feature, Geometry } from "geojson";
import { areaFigures } from "../geo/measure";
import type { LayerDefinition, LocalizedText } from "../layers/manifestTypes";
import { inwardDepth } from "./inwardDepth";
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

function featureIdentity(feature: Feature<Geometry>) {
  const properties = (feature.properties ?? {}) as Record<string, unknown>;
  return {
    featureId: String(properties.id ?? feature.id ?? ""),
    name: typeof properties.name === "string" ? properties.name : String(properties.id ?? ""),
    ...(typeof properties.name_en === "string" && properties.name_en.trim() !== "" ? { nameEn: properties.name_en } : {}),
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
  // Whether a restricting zone applies turns on how deep the site reaches into it; layers that inform need no depth.
  const measureDepth = checkLayer.definition.role === "restricts";
  const overlaps: FeatureOverlap[] = [];
  let nearBoundary: NearbyFeature | undefined;
  for (const index of finder.candidates(parcel.box, accuracy)) {
    const feature = checkLayer.features[index]!;
    const zone = layer.planar[index]!.geometry;
    const identity = featureIdentity(feature);
    if (isPolygonal(parcel.geometry) && isPolygonal(zone)) {
      const overlap = polygonOverlap(parcel.geometry, zone, accuracy);
      if (overlap.tolerance) {
        const depth = measureDepth && overlap.tolerance !== "touches" ? { depthMetres: inwardDepth(parcel.geometry, zone, accuracy) } : {};
        overlaps.push({
          ...identity,
          overlapSquareMetres: overlap.squareMetres,
          shareOfParcel: parcelArea > 0 ? overlap.squareMetres / parcelArea : 0,
          tolerance: overlap.tolerance,
          ...depth,
        });
        continue;
      }
    } else {
      const distance = planarDistance(parcel.geometry, zone);
      if (distance === 0) {
        const inside = isPolygonal(zone) ? pointsOf(parcel.geometry).every((point) => polygonContainsPoint(zone, point)) : false;
        const depth = measureDepth && isPolygonal(zone) ? { depthMetres: inwardDepth(parcel.geometry, zone, accuracy) } : {};
        overlaps.push({ ...identity, overlapSquareMetres: 0, shareOfParcel: inside ? 1 : 0, tolerance: inside ? "substantive" : "touches", ...depth });
        continue;
      }
    }
    // Only a distance within the accuracy matters here, so two polygons need compare only their nearby edges.
    const distance =
      isPolygonal(parcel.geometry) && isPolygonal(zone) ? polygonDistanceWithin(parcel.geometry, zone, accuracy) : planarDistance(parcel.geometry, zone);
    if (distance <= accuracy && (!nearBoundary || distance < nearBoundary.distanceMetres)) {
      const { properties: _properties, ...named } = identity;
      nearBoundary = { ...named, distanceMetres: distance, uncertaintyMetres: accuracy, withinCaution: false, cannotExclude: true };
    }
  }
  return nearBoundary ? { overlaps, nearest: nearBoundary } : { overlaps };
}

function checkPointLayer(
  parcel: PlanarGeometry,
  checkLayer: CheckLayer,
  layer: PreparedLayer,
  finder: NearestFinder,
  options: CheckOptions,
): Pick<LayerFinding, "overlaps" | "nearest"> {
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

type Decision = Pick<LayerFinding, "status" | "reason">;

/** Feature names for a reason, each with its English, so the report names them in the reader's language. */
function featureNames(features: ReadonlyArray<Pick<FeatureOverlap, "name" | "nameEn">>): { names: LocalizedText[] } {
  return { names: features.map((feature) => ({ zh: feature.name, en: feature.nameEn ?? feature.name })) };
}

function clearOrPartial(definition: LayerDefinition, featureCount: number, clear: Decision): Decision {
  const published = definition.publishedCount;
  if (published === undefined || featureCount >= published) return clear;
  const code = definition.geometryType === "point" ? "site.reason.partialPointsNone" : "site.reason.partialNone";
  return { status: "undecided", reason: { code, params: { imported: featureCount, published, missing: published - featureCount } } };
}

/**
 * The status of a finding from its figures. A restricting area layer is decided on how deep the site reaches into a
 * zone against the layer's positional accuracy (README "How a zone finding is decided"): deeper than the accuracy →
 * restricted; within the accuracy of the edge, inside or out → undecided (import the official boundary); further
 * out → clear. A layer holding fewer features than its document publishes cannot rule a site clear.
 */
function decide(checkLayer: CheckLayer, result: Pick<LayerFinding, "overlaps" | "nearest">, options: CheckOptions): Decision {
  const { definition } = checkLayer;
  const { overlaps, nearest } = result;
  const names = featureNames(overlaps);
  const share = overlaps.reduce((sum, overlap) => sum + overlap.shareOfParcel, 0);
  const accuracy = { distanceMetres: definition.positionalAccuracyM };
  // A large layer read near the site knows its total only from its file's header (the manifest's featureCount).
  const featureCount = checkLayer.nearbyOnly ? (definition.featureCount ?? Number.POSITIVE_INFINITY) : checkLayer.features.length;
  if (definition.role === "informs") {
    if (overlaps.length === 0) return { status: "clear", reason: { code: "site.reason.clear", params: {} } };
    return { status: "info", reason: { code: "site.reason.informs", params: { names, share: { share } } } };
  }
  if (definition.geometryType === "point") {
    if (!nearest) return clearOrPartial(definition, featureCount, { status: "clear", reason: { code: "site.reason.clear", params: {} } });
    const params = {
      name: featureNames([nearest]),
      distance: { distanceMetres: nearest.distanceMetres },
      caution: { distanceMetres: options.cautionDistanceMetres },
      uncertainty: { distanceMetres: nearest.uncertaintyMetres },
    };
    if (nearest.withinCaution) return { status: "caution", reason: { code: "site.reason.pointWithinCaution", params } };
    if (nearest.cannotExclude) return { status: "caution", reason: { code: "site.reason.pointCannotExclude", params } };
    return clearOrPartial(definition, featureCount, { status: "clear", reason: { code: "site.reason.clearNearest", params } });
  }
  const deep = overlaps.filter((overlap) => (overlap.depthMetres ?? 0) > definition.positionalAccuracyM);
  if (deep.length > 0) {
    const depth = Math.max(...deep.map((overlap) => overlap.depthMetres ?? 0));
    const params = { names: featureNames(deep), share: { share }, depth: { distanceMetres: depth }, accuracy };
    return {
      status: "restricted",
      reason: { code: definition.geometryQuality === "schematic" ? "site.reason.overlapsSchematic" : "site.reason.overlaps", params },
    };
  }
  const reaching = overlaps.filter((overlap) => overlap.tolerance !== "touches" || overlap.shareOfParcel > 0);
  if (reaching.length > 0 || overlaps.length > 0) {
    const depth = Math.max(0, ...overlaps.map((overlap) => overlap.depthMetres ?? 0));
    return { status: "undecided", reason: { code: "site.reason.edgeInside", params: { names, share: { share }, depth: { distanceMetres: depth }, accuracy } } };
  }
  if (nearest) {
    return {
      status: "undecided",
      reason: { code: "site.reason.edgeOutside", params: { name: featureNames([nearest]), distance: { distanceMetres: nearest.distanceMetres }, accuracy } },
    };
  }
  return clearOrPartial(definition, featureCount, { status: "clear", reason: { code: "site.reason.clear", params: {} } });
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
      // Only a layer known to hold fewer features than published says so (a large layer's nearby read says nothing of its total).
      ...(definition.publishedCount !== undefined && !checkLayer.nearbyOnly && checkLayer.features.length < definition.publishedCount
        ? { publishedCount: definition.publishedCount, featureCount: checkLayer.features.length }
        : {}),
    };
    if (checkLayer.features.length === 0 && !checkLayer.nearbyOnly) {
      findings.push({
        ...base,
        status: "no-data",
        reason: { code: "site.reason.noData", params: {} },
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
