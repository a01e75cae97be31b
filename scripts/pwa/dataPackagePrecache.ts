/**
 * The files of a data package that the service worker keeps for offline use, as globs relative to the built site:
 * the manifest and the package's other top-level JSON (the mining policy table), the policy corpus, and the GeoJSON
 * file of every layer. Large layers (`display` + `check`: PMTiles and FlatGeobuf, read in ranges) are left out, so
 * they stay online-only. The app validates the manifest itself; this only needs its layer list.
 */
export function dataPackagePrecachePatterns(manifestJson: unknown, folder: string): string[] {
  const layers = typeof manifestJson === "object" && manifestJson !== null ? (manifestJson as { layers?: unknown }).layers : undefined;
  if (!Array.isArray(layers)) throw new Error(`${folder}/manifest.json has no layer list`);
  const layerFiles = layers.flatMap((layer: unknown) => {
    const file = typeof layer === "object" && layer !== null ? (layer as { file?: unknown }).file : undefined;
    return typeof file === "string" ? [`${folder}/${file}`] : [];
  });
  return [`${folder}/*.json`, `${folder}/policies/*.json`, ...new Set(layerFiles)];
}
