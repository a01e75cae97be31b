import type { Language } from "../i18n/language";
import type { DataPackage } from "./layerData";
import type { AttributeDefinition, LayerDefinition } from "./manifestTypes";

/** For each layer, its features' names and their English (`name` → `name_en`): the words of `namesFrom` attributes. */
export type NameVocabulary = ReadonlyMap<string, ReadonlyMap<string, string>>;

export const NO_NAMES: NameVocabulary = new Map();

/** Built once from the loaded layers; the same English names the map labels and the search show. */
export function nameVocabulary(dataPackage: DataPackage): NameVocabulary {
  const vocabulary = new Map<string, Map<string, string>>();
  for (const [layerId, load] of dataPackage.layers) {
    if (load.type !== "loaded") continue;
    const names = new Map<string, string>();
    for (const feature of load.data.features) {
      const { name, name_en: english } = feature.properties;
      if (typeof english === "string" && english.trim() !== "") names.set(name, english);
    }
    if (names.size > 0) vocabulary.set(layerId, names);
  }
  return vocabulary;
}

export function attributeOf(layer: Pick<LayerDefinition, "attributes">, key: string): AttributeDefinition | undefined {
  return layer.attributes?.find((attribute) => attribute.key === key);
}

/**
 * One value word in the reader's language: the attribute's vocabulary, then the name layer's English, then the
 * value as written (Chinese data without a declared word stays Chinese — the data tests look for that).
 */
export function valueWord(attribute: AttributeDefinition | undefined, value: string, language: Language, names: NameVocabulary): string {
  const word = attribute?.values?.[value];
  if (word) return language === "zh" ? word.zh : word.en;
  if (language === "en" && attribute?.namesFrom) return names.get(attribute.namesFrom)?.get(value) ?? value;
  return value;
}
