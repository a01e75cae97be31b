/**
 * Rebuilds the map layers of the data package: geodata/layers/*.geojson, geodata/manifest.json and
 * geodata/fee-policy.json (quoted from geodata/policies/dzf-2023-13.json) and geodata/mining-policy.json,
 * deterministically, from geodata/sources/*.csv and the district outline.
 *
 *   npx tsx scripts/build-layers.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { buildLayers } from "./layers/build";
import { toGK } from "./layers/geom";
import { GEODATA_DIR } from "./layers/paths";

const result = buildLayers();
let gzipTotal = 0;
for (const [path, content] of result.files) {
  const target = resolve(GEODATA_DIR, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  const gzipped = gzipSync(Buffer.from(content)).length;
  if (path.endsWith(".geojson")) gzipTotal += gzipped;
  console.log(`${path.padEnd(42)} ${String(Buffer.byteLength(content)).padStart(8)} B  ${String(gzipped).padStart(7)} B gzip`);
}
const { district, diagram, keyZone, exploration } = result;
console.log(`\nGeoJSON total gzip: ${(gzipTotal / 1024).toFixed(1)} KB`);
console.log(`District: ${district.areaKm2.toFixed(2)} km² (published 1436), bbox ${district.bbox.join(", ")}`);
console.log(`Town fit: ${diagram.iterations} iterations, worst fitted error ${(diagram.maxRelativeError * 100).toFixed(2)} %`);
const villagePoints = diagram.anchors.filter((anchor) => anchor.kind === "village").length;
console.log(`  ${diagram.anchors.length} points kept inside their towns (${villagePoints} villages), ≥ 50 m from every bisector`);
for (const move of diagram.generatorMoves)
  console.log(
    `  generator pair turned ${move.turnDeg.toFixed(1)}°: ${diagram.towns[move.i]?.row.name}/${diagram.towns[move.j]?.row.name}, gap ${move.gapBefore.toFixed(0)} → ${move.gapAfter.toFixed(0)} m`,
  );
for (const piece of diagram.detachedPieces)
  console.log(`  detached piece ${piece.areaKm2.toFixed(3)} km² of ${diagram.towns[piece.from]?.row.name} given to ${diagram.towns[piece.to]?.row.name}`);
for (const town of [...diagram.towns].sort((a, b) => (a.row.code < b.row.code ? -1 : 1))) {
  const published = town.row.publishedAreaKm2 === null ? "—" : `${town.row.publishedAreaKm2}`;
  const error = ((town.areaKm2 - town.targetKm2) / town.targetKm2) * 100;
  console.log(
    `  ${town.row.code} ${town.row.name.padEnd(6, "　")} ${town.areaKm2.toFixed(2).padStart(7)} km²  target ${town.targetKm2.toFixed(2).padStart(7)} (${town.row.targetRule}, published ${published})  ${error >= 0 ? "+" : ""}${error.toFixed(2)} %  seat clearance ${town.seatClearanceM.toFixed(0)} m, points ${town.pointClearanceM.toFixed(0)} m (${town.villagePoints} villages), generator ${(Math.hypot(town.generator[0] - toGK(town.row.seat)[0], town.generator[1] - toGK(town.row.seat)[1]) / 1000).toFixed(2)} km off the seat`,
  );
}
console.log(
  `Key zone: ${keyZone.areaKm2.toFixed(3)} km² (published 16.55), band width ${(2 * keyZone.halfWidthM).toFixed(0)} m, by town ${JSON.stringify(keyZone.areaByTownKm2)}`,
);
for (const block of exploration)
  console.log(`${block.block.name}: ${block.areaKm2.toFixed(3)} km² (published ${block.block.publishedAreaKm2}), clearance ${block.clearanceM.toFixed(0)} m`);
