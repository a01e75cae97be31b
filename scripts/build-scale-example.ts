/**
 * Rebuilds the scale-path example of the data package, deterministically: geodata/examples/synthetic-parcels.fgb
 * (indexed FlatGeobuf, for checks) and .pmtiles (vector tiles z8–z14, for display). SYNTHETIC data, not real parcels.
 *
 *   npx tsx scripts/build-scale-example.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSyntheticParcelFiles, SYNTHETIC_PARCELS } from "./examples/syntheticParcels";

const geodataDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "geodata");

let total = 0;
for (const [path, bytes] of buildSyntheticParcelFiles()) {
  const target = resolve(geodataDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  total += bytes.length;
  console.log(`${path.padEnd(40)} ${String(bytes.length).padStart(9)} B`);
}
console.log(`${SYNTHETIC_PARCELS.count} synthetic parcels, ${(total / 1024 / 1024).toFixed(2)} MB together (limit 3 MB)`);
