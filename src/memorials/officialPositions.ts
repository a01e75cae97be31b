import type { Point } from "geojson";
import type { DataPackage, LayerFeature } from "../layers/layerData";
import { normalizeForSearch } from "../policy/normalizeText";
import { memorialLayerOf, memorialsFromLayer, type Memorial } from "./memorials";

/**
 * Surveyed positions for the memorials, from official data a user imported to stand in for the placeholder layer.
 * A point belongs to a memorial when its `memorial_id` is the memorial's id, or its name contains the memorial's
 * name (width and spacing ignored). A memorial that more than one point claims keeps its placeholder: choosing
 * between them would be guessing.
 */
export interface OfficialPositions {
  memorials: Memorial[];
  /** Imported points that belong to no memorial. */
  unmatched: string[];
  /** Memorials more than one imported point claims. */
  ambiguous: string[];
}

function claims(feature: LayerFeature, memorial: Memorial): boolean {
  if (feature.properties.memorial_id === memorial.id) return true;
  const name = normalizeForSearch(String(feature.properties.name ?? ""));
  const wanted = normalizeForSearch(memorial.name);
  return wanted !== "" && name.includes(wanted);
}

export function withOfficialPositions(memorials: readonly Memorial[], dataPackage: DataPackage, placeholderLayerId: string): OfficialPositions {
  const imported = dataPackage.manifest.layers.filter((layer) => layer.imported?.replaces === placeholderLayerId);
  const points: Array<{ feature: LayerFeature & { geometry: Point }; accuracy: number }> = [];
  for (const layer of imported) {
    const load = dataPackage.layers.get(layer.id);
    if (load?.type !== "loaded") continue;
    for (const feature of load.data.features) {
      if (feature.geometry.type === "Point") points.push({ feature: feature as LayerFeature & { geometry: Point }, accuracy: layer.positionalAccuracyM });
    }
  }
  if (points.length === 0) return { memorials: [...memorials], unmatched: [], ambiguous: [] };
  const used = new Set<LayerFeature>();
  const ambiguous: string[] = [];
  const result = memorials.map((memorial) => {
    const candidates = points.filter((point) => claims(point.feature, memorial));
    for (const candidate of candidates) used.add(candidate.feature);
    if (candidates.length > 1) ambiguous.push(memorial.name);
    if (candidates.length !== 1) return memorial;
    const { feature: official, accuracy } = candidates[0]!;
    const lngLat = official.geometry.coordinates as [number, number];
    const note = String(official.properties.geometry_note);
    const noteEn = typeof official.properties.geometry_note_en === "string" ? official.properties.geometry_note_en : null;
    // The memorial keeps its id and published text; only where it stands, and how sure that is, change.
    const feature: LayerFeature = {
      ...memorial.feature,
      geometry: { type: "Point", coordinates: [lngLat[0], lngLat[1]] },
      properties: {
        ...memorial.feature.properties,
        geometry_quality: "official",
        geometry_note: note,
        geometry_note_en: noteEn ?? note,
        uncertainty_m: accuracy,
      },
    };
    return { ...memorial, lngLat, geometryQuality: "official" as const, uncertaintyMetres: accuracy, geometryNote: note, geometryNoteEn: noteEn, feature };
  });
  const unmatched = points.filter((point) => !used.has(point.feature)).map((point) => String(point.feature.properties.name));
  return { memorials: result, unmatched, ambiguous };
}

export interface MemorialMatchSummary {
  matched: number;
  total: number;
  unmatched: string[];
  ambiguous: string[];
}

/** How well imported official points cover the memorials, for the layer list; null when none stand in for them. */
export function memorialMatchSummary(dataPackage: DataPackage): MemorialMatchSummary | null {
  const layer = memorialLayerOf(dataPackage.manifest);
  const load = layer ? dataPackage.layers.get(layer.id) : undefined;
  if (!layer || load?.type !== "loaded" || !dataPackage.manifest.layers.some((candidate) => candidate.imported?.replaces === layer.id)) return null;
  const read = memorialsFromLayer(load.data);
  if (!read.ok) return null;
  const placed = withOfficialPositions(read.value, dataPackage, layer.id);
  return {
    matched: placed.memorials.filter((memorial) => memorial.geometryQuality === "official").length,
    total: placed.memorials.length,
    unmatched: placed.unmatched,
    ambiguous: placed.ambiguous,
  };
}
