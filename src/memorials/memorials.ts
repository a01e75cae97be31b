import type { Language } from "../i18n/language";
import type { LayerFeature, LayerFeatureCollection } from "../layers/layerData";
import type { GeometryQuality, LayerDefinition, Manifest } from "../layers/manifestTypes";
import { invalid, isFiniteNumber, isNonEmptyString, valid, type Validation } from "../layers/validation";
import { normalizeForSearch } from "../policy/normalizeText";

/** One protected martyr memorial facility, as the memorials layer publishes it. */
export interface Memorial {
  id: string;
  name: string;
  nameEn: string | null;
  /** As published: 纪念碑 or 烈士墓. */
  kind: string;
  /** As published in the notice. */
  address: string;
  town: string;
  /** The town's English name (from the towns layer), or null when unknown. */
  townEn: string | null;
  /** The notice's words for the protected range, e.g. 主体及所在广场. */
  protectionRange: string;
  /** Those words in English, e.g. "The monument and the square it stands on", or null when unknown. */
  protectionRangeEn: string | null;
  /** ISO date the protection took effect. */
  effective: string;
  /** How far the drawn point may be from the memorial, metres. */
  uncertaintyMetres: number;
  geometryQuality: GeometryQuality;
  geometryNote: string;
  geometryNoteEn: string | null;
  /** Names of the other memorials published at the same address (drawn at the same point). */
  sharedPositionWith: string[];
  /** The same memorials by their English names, where the layer has them (else as published). */
  sharedPositionWithEn: string[];
  /** Citations "documentId#clauseId". */
  sources: string[];
  /** [longitude, latitude], WGS-84. */
  lngLat: [number, number];
  /** The feature itself, for the geometry helpers. */
  feature: LayerFeature;
}

/**
 * How sure the drawn position is. `exact` for official data (an imported survey replaces the placeholder and the
 * map shows a ring, not a circle); otherwise `approximate` with the published uncertainty.
 */
export type PositionCertainty = { type: "exact" } | { type: "approximate"; radiusMetres: number; townLevel: boolean };

/** Uncertainties from this radius up are drawn as a circle, never as a pin. */
export const APPROXIMATE_FROM_METRES = 1000;
/** Placeholders this uncertain stand only for the town (street) they are in. */
export const TOWN_LEVEL_FROM_METRES = 5000;

export function positionCertainty(memorial: Memorial): PositionCertainty {
  if (memorial.geometryQuality === "official" || memorial.uncertaintyMetres < APPROXIMATE_FROM_METRES) return { type: "exact" };
  return {
    type: "approximate",
    radiusMetres: memorial.uncertaintyMetres,
    townLevel: memorial.uncertaintyMetres >= TOWN_LEVEL_FROM_METRES,
  };
}

/** The manifest layer the memorial finder lists: the one whose search kind is "memorial". */
export function memorialLayerOf(manifest: Manifest): LayerDefinition | undefined {
  return manifest.layers.find((layer) => layer.searchKind === "memorial" && layer.geometryType === "point");
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? (value as string[]) : null;
}

function optionalText(value: unknown): string | null {
  return isNonEmptyString(value) ? value : null;
}

/**
 * The English of a published value of the memorials layer (`town`, `protection_range`), or null when there is none:
 * the words the manifest declares for that attribute (see `valueWord`).
 */
export type EnglishWord = (key: string, value: string) => string | null;

const NO_ENGLISH: EnglishWord = () => null;

/** Reads one feature, naming every missing or malformed property. */
export function memorialFromFeature(feature: LayerFeature, englishWord: EnglishWord = NO_ENGLISH): Validation<Memorial> {
  const properties = feature.properties;
  const id = properties.id;
  const errors: string[] = [];
  const text = (key: string): string => {
    const value = properties[key];
    if (isNonEmptyString(value)) return value;
    errors.push(`memorial "${id}": property "${key}" must be a non-empty string`);
    return "";
  };
  const kind = text("kind");
  const address = text("address");
  const town = text("town");
  const protectionRange = text("protection_range");
  const effective = text("effective");
  const uncertainty = properties.uncertainty_m;
  if (!isFiniteNumber(uncertainty) || uncertainty < 0) errors.push(`memorial "${id}": "uncertainty_m" must be a number ≥ 0`);
  const shared = properties.shared_position_with === undefined ? [] : stringList(properties.shared_position_with);
  if (shared === null) errors.push(`memorial "${id}": "shared_position_with" must be a list of names`);
  const geometry = feature.geometry;
  const coordinates = geometry.type === "Point" ? geometry.coordinates : null;
  if (!coordinates || !isFiniteNumber(coordinates[0]) || !isFiniteNumber(coordinates[1])) {
    errors.push(`memorial "${id}": geometry must be a Point`);
  }
  if (errors.length > 0) return invalid(errors);
  return valid({
    id,
    name: properties.name,
    nameEn: optionalText(properties.name_en),
    kind,
    address,
    town,
    townEn: englishWord("town", town),
    protectionRange,
    protectionRangeEn: englishWord("protection_range", protectionRange),
    effective,
    uncertaintyMetres: uncertainty as number,
    geometryQuality: properties.geometry_quality,
    geometryNote: properties.geometry_note,
    geometryNoteEn: optionalText(properties.geometry_note_en),
    sharedPositionWith: shared ?? [],
    sharedPositionWithEn: shared ?? [],
    sources: properties.source,
    lngLat: [coordinates![0]!, coordinates![1]!],
    feature,
  });
}

/** Every memorial of the layer in published order (the others at its address named in English too), or every problem found. */
export function memorialsFromLayer(data: LayerFeatureCollection, englishWord: EnglishWord = NO_ENGLISH): Validation<Memorial[]> {
  const memorials: Memorial[] = [];
  const errors: string[] = [];
  for (const feature of data.features) {
    const read = memorialFromFeature(feature, englishWord);
    if (read.ok) memorials.push(read.value);
    else errors.push(...read.errors);
  }
  if (errors.length > 0) return invalid(errors);
  const english = new Map(memorials.map((memorial) => [memorial.name, memorial.nameEn ?? memorial.name]));
  return valid(memorials.map((memorial) => ({ ...memorial, sharedPositionWithEn: memorial.sharedPositionWith.map((name) => english.get(name) ?? name) })));
}

/** The town the memorial is in, in the reader's language (as published when its English is unknown). */
export function memorialTown(memorial: Memorial, language: Language): string {
  return language === "en" && memorial.townEn ? memorial.townEn : memorial.town;
}

export function memorialName(memorial: Memorial, language: Language): string {
  return language === "en" && memorial.nameEn ? memorial.nameEn : memorial.name;
}

export function memorialGeometryNote(memorial: Memorial, language: Language): string {
  return language === "en" && memorial.geometryNoteEn ? memorial.geometryNoteEn : memorial.geometryNote;
}

/**
 * Full-width ASCII → half-width, whitespace removed, lower case: the header search's rule (src/policy/search.ts),
 * kept here so the finder does not pull the lazily loaded search index into the start-up bundle.
 */

/** Width- and space-insensitive match on names (both languages), kind, address, town and `alsoMatch` (e.g. the shown kind). */
export function matchesFilter(memorial: Memorial, query: string, alsoMatch: readonly string[] = []): boolean {
  const needle = normalizeForSearch(query);
  if (needle === "") return true;
  return [memorial.name, memorial.nameEn ?? "", memorial.kind, memorial.address, memorial.town, memorial.townEn ?? "", ...alsoMatch].some((text) =>
    normalizeForSearch(text).includes(needle),
  );
}
