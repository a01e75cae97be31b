import { validateManifest } from "../../src/layers/validateManifest";

/**
 * The files of a data package that the service worker keeps for offline use, as globs relative to the built site:
 * the manifest and the package's other top-level JSON (the mining policy table), the policy corpus, and the GeoJSON
 * file of every layer. Large layers (`display` + `check`: PMTiles and FlatGeobuf, read in ranges) are left out, so
 * they stay online-only. Throws when the manifest is invalid, so a broken package never ships a service worker.
 */
export function dataPackagePrecachePatterns(manifestJson: unknown, folder: string): string[] {
  const manifest = validateManifest(manifestJson);
  if (!manifest.ok) throw new Error(`${folder}/manifest.json is invalid:\n${manifest.errors.join("\n")}`);
  const layerFiles = manifest.value.layers.flatMap((layer) => (layer.file === undefined ? [] : [`${folder}/${layer.file}`]));
  return [`${folder}/*.json`, `${folder}/policies/*.json`, ...new Set(layerFiles)];
}
