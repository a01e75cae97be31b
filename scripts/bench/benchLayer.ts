import type { LayerDefinition } from "../../src/layers/manifestTypes";

/** A synthetic polygon layer that restricts, for benchmarks; callers name it and say where its data lives. */
export function benchLayer(overrides: Pick<LayerDefinition, "id" | "title" | "group"> & Partial<LayerDefinition>): LayerDefinition {
  return {
    geometryType: "polygon",
    geometryQuality: "schematic",
    qualityNote: { zh: "合成", en: "Synthetic" },
    positionalAccuracyM: 1,
    role: "restricts",
    sourceDocuments: [],
    visible: true,
    style: { color: "#333333", opacity: 0.5 },
    legend: [],
    ...overrides,
  };
}
