import type { Position } from "geojson";
import { distanceToRings, pointInPolygonRings, ringSignedArea } from "../geo/planar";
import type { Language } from "../i18n/messages";
import type { LayerFeatureCollection } from "../layers/layerData";
import type { LayerDefinition } from "../layers/manifestTypes";

export interface LabelAnchor {
  featureId: string;
  text: string;
  /** [longitude, latitude] */
  lngLat: [number, number];
  /** Points get their label beside the symbol, polygons centred inside. */
  placement: "beside" | "centre";
}

type Ring = Position[];

function ringCentroid(ring: Ring): [number, number] | null {
  const area = ringSignedArea(ring);
  if (area === 0) return null;
  let x = 0;
  let y = 0;
  for (let index = 0; index < ring.length - 1; index++) {
    const [x0, y0] = ring[index] as [number, number];
    const [x1, y1] = ring[index + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return [x / (6 * area), y / (6 * area)];
}

/**
 * A label point inside a polygon: its area centroid when that lies inside, else the point of a coarse grid that is
 * farthest from the edges (a concave town would otherwise get its name outside itself).
 */
export function polygonLabelPoint(rings: Ring[]): [number, number] | null {
  const outer = rings[0];
  if (!outer || outer.length < 4) return null;
  const centroid = ringCentroid(outer);
  if (centroid && pointInPolygonRings(centroid, rings)) return centroid;
  const xs = outer.map((position) => position[0] as number);
  const ys = outer.map((position) => position[1] as number);
  const [west, east, south, north] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const steps = 16;
  let best: [number, number] | null = null;
  let bestDistance = -1;
  for (let column = 0; column <= steps; column++) {
    for (let row = 0; row <= steps; row++) {
      const candidate: [number, number] = [west + ((east - west) * column) / steps, south + ((north - south) * row) / steps];
      if (!pointInPolygonRings(candidate, rings)) continue;
      const distance = distanceToRings(candidate, rings);
      if (distance > bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best ?? centroid;
}

function largestPolygon(polygons: Ring[][]): Ring[] | undefined {
  return [...polygons].sort((a, b) => Math.abs(ringSignedArea(b[0] ?? [])) - Math.abs(ringSignedArea(a[0] ?? [])))[0];
}

function isLngLat(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === "number" && Number.isFinite(part));
}

/** The label text of a feature: `${labelProperty}_en` in English when present, else the Chinese property. */
export function labelText(properties: Record<string, unknown>, labelProperty: string, language: Language): string | null {
  const english = properties[`${labelProperty}_en`];
  if (language === "en" && typeof english === "string" && english.trim() !== "") return english;
  const chinese = properties[labelProperty];
  return typeof chinese === "string" && chinese.trim() !== "" ? chinese : null;
}

/** Where and what to label for a layer with `style.labelProperty`; larger polygons first, so they win collisions. */
export function labelAnchors(layer: LayerDefinition, data: LayerFeatureCollection, language: Language): LabelAnchor[] {
  const labelProperty = layer.style.labelProperty;
  if (!labelProperty) return [];
  const anchors: Array<LabelAnchor & { weight: number }> = [];
  for (const feature of data.features) {
    const text = labelText(feature.properties, labelProperty, language);
    if (!text) continue;
    const given = layer.style.labelPointProperty ? feature.properties[layer.style.labelPointProperty] : undefined;
    const geometry = feature.geometry;
    let lngLat: [number, number] | null = isLngLat(given) ? given : null;
    let weight = 0;
    let placement: LabelAnchor["placement"] = "centre";
    if (geometry.type === "Polygon" || geometry.type === "MultiPolygon") {
      const polygon = geometry.type === "Polygon" ? geometry.coordinates : largestPolygon(geometry.coordinates);
      weight = Math.abs(ringSignedArea(polygon?.[0] ?? []));
      lngLat ??= polygon ? polygonLabelPoint(polygon) : null;
    } else if (geometry.type === "Point") {
      lngLat ??= geometry.coordinates as [number, number];
      placement = "beside";
    } else if (geometry.type === "LineString") {
      lngLat ??= (geometry.coordinates[Math.floor(geometry.coordinates.length / 2)] as [number, number]) ?? null;
    }
    if (lngLat) anchors.push({ featureId: feature.properties.id, text, lngLat, placement, weight });
  }
  return anchors.sort((a, b) => b.weight - a.weight).map(({ weight: _weight, ...anchor }) => anchor);
}

export interface LabelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Greedy collision: in priority order, keep each label whose box (plus padding) overlaps none kept before it. */
export function nonOverlapping(boxes: ReadonlyArray<LabelBox | null>, padding = 2): boolean[] {
  const kept: LabelBox[] = [];
  return boxes.map((box) => {
    if (!box) return false;
    const collides = kept.some(
      (other) => box.x0 - padding < other.x1 && box.x1 + padding > other.x0 && box.y0 - padding < other.y1 && box.y1 + padding > other.y0,
    );
    if (!collides) kept.push(box);
    return !collides;
  });
}

/**
 * The left edge of a centred label moved inward when it would cross the map's left or right edge (less `margin`),
 * by at most half its width, so the point it names stays under it.
 */
export function slideInside(x0: number, labelWidth: number, mapWidth: number, margin: number): number {
  const slack = Math.max(0, labelWidth / 2 - margin);
  if (x0 + labelWidth > mapWidth - margin) return x0 - Math.min(slack, x0 + labelWidth - (mapWidth - margin));
  if (x0 < margin) return x0 + Math.min(slack, margin - x0);
  return x0;
}
