import type { LayerDefinition } from "../../src/layers/manifestTypes";

/** A schematic restricting polygon layer (±100 m), for check tests; `overrides` change what a case needs. */
export function testLayerDefinition(overrides: Partial<LayerDefinition> = {}): LayerDefinition {
  return {
    id: "zone",
    title: { zh: "区", en: "Zone" },
    group: "mining",
    file: "layers/zone.geojson",
    geometryType: "polygon",
    geometryQuality: "schematic",
    qualityNote: { zh: "示意", en: "Schematic" },
    positionalAccuracyM: 100,
    role: "restricts",
    sourceDocuments: ["dzfb-2023-32"],
    visible: true,
    style: { color: "#c00", opacity: 0.5 },
    legend: [],
    ...overrides,
  };
}
