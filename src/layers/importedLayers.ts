import { translate } from "../i18n/translate";
import { IMPORTED_LAYER_ID_PREFIX, type ImportedLayerRecord } from "./importedLayerRecord";
import type { DataPackage, LayerLoad } from "./layerData";
import type { LayerDefinition, LocalizedText } from "./manifestTypes";
import { validateLayerData } from "./validateLayerData";
import { isSafeId } from "./validation";

/**
 * Official datasets a user imported, merged into the data package as ordinary layers: each is drawn right after the
 * layer it stands in for, in the same group, with that layer's citations and role, and geometry quality "official".
 * A replaced placeholder stays in the package (its text and published counts still matter) but is hidden and no
 * longer checked, so a report never weighs a schematic shape against the surveyed one.
 */

/**
 * Layers official data can stand in for: those a check or a report uses, drawn in one colour (a colour chosen by a
 * property the imported file will not have would turn grey) and loaded whole.
 */
export function importTargets(dataPackage: DataPackage): LayerDefinition[] {
  return dataPackage.manifest.layers.filter((layer) => {
    const load = dataPackage.layers.get(layer.id);
    return (
      layer.role !== "context" &&
      !layer.id.startsWith(IMPORTED_LAYER_ID_PREFIX) &&
      typeof layer.style.color === "string" &&
      layer.style.hatchProperty === undefined &&
      load?.type === "loaded"
    );
  });
}

/** Every citation a layer's features and published counts carry, in first-seen order. */
export function layerCitations(layer: LayerDefinition, load: LayerLoad | undefined): string[] {
  const citations = new Set<string>();
  if (load?.type === "loaded") for (const feature of load.data.features) for (const citation of feature.properties.source) citations.add(citation);
  for (const row of layer.summary ?? []) citations.add(row.source);
  return [...citations];
}

/** A note in both languages from the official-data message table. */
function note(key: "official.layerNote" | "official.replacedNote", params: Record<string, string> = {}): LocalizedText {
  return { zh: translate("zh", key, params), en: translate("en", key, params) };
}

function importedDefinition(record: ImportedLayerRecord, target: LayerDefinition): LayerDefinition {
  const date = record.importedAt.slice(0, 10);
  const color = typeof target.style.color === "string" ? target.style.color : "#1f2937";
  return {
    id: record.id,
    title: record.title,
    group: target.group,
    geometryType: record.geometryType,
    geometryQuality: "official",
    qualityNote: note("official.layerNote", { date, fileName: record.fileName, provenance: record.provenance }),
    positionalAccuracyM: record.positionalAccuracyM,
    role: record.role,
    sourceDocuments: record.sourceDocuments,
    visible: true,
    // The placeholder's colour, drawn solid: the dashes of a schematic outline would understate surveyed data.
    style: {
      color,
      opacity: target.style.opacity,
      outlineColor: target.style.outlineColor ?? color,
      width: Math.max(target.style.width ?? 1.5, 1.5),
      ...(target.style.radius !== undefined ? { radius: target.style.radius } : {}),
      labelProperty: "name",
      ...(target.style.fill === false ? { fill: false } : {}),
    },
    legend: [{ label: record.title, color }],
    searchKind: target.searchKind ?? "zone",
    ...(target.publishedCount !== undefined ? { publishedCount: target.publishedCount } : {}),
    imported: { fileName: record.fileName, importedAt: record.importedAt, provenance: record.provenance, replaces: record.replaces },
  };
}

export interface MergedDataPackage {
  dataPackage: DataPackage;
  /** Records that could not be merged, each with the reason (English, for the log and the notice's detail). */
  problems: string[];
}

/** The package with the imported layers in it; the input is not changed. Records that do not fit are left out, with why. */
export function mergeImportedLayers(dataPackage: DataPackage, records: readonly ImportedLayerRecord[]): MergedDataPackage {
  if (records.length === 0) return { dataPackage, problems: [] };
  const problems: string[] = [];
  let layers = [...dataPackage.manifest.layers];
  const loads = new Map(dataPackage.layers);
  for (const record of records) {
    const target = layers.find((layer) => layer.id === record.replaces);
    if (!isSafeId(record.id) || loads.has(record.id)) {
      problems.push(`imported layer '${record.id}': the id is not usable or is taken`);
      continue;
    }
    if (!target || target.imported) {
      problems.push(`imported layer '${record.id}': the layer it belongs to ('${String(record.replaces)}') is not in this data package`);
      continue;
    }
    const definition = importedDefinition(record, target);
    const validated = validateLayerData({ ...definition, file: record.fileName }, record.data);
    if (!validated.ok) {
      problems.push(...validated.errors);
      continue;
    }
    loads.set(record.id, { type: "loaded", data: validated.value });
    const replacedNote = note("official.replacedNote");
    const replaced: LayerDefinition = {
      ...target,
      visible: false,
      role: "context",
      description: target.description ? { zh: `${target.description.zh} ${replacedNote.zh}`, en: `${target.description.en} ${replacedNote.en}` } : replacedNote,
    };
    const at = layers.indexOf(target);
    layers = [...layers.slice(0, at), replaced, definition, ...layers.slice(at + 1)];
  }
  // Map order is manifest order: the package's loads follow it, so iteration stays in draw order.
  const orderedLoads = new Map<string, LayerLoad>();
  for (const layer of layers) {
    const load = loads.get(layer.id);
    if (load) orderedLoads.set(layer.id, load);
  }
  return { dataPackage: { manifest: { ...dataPackage.manifest, layers }, layers: orderedLoads }, problems };
}
