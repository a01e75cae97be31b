import type { Feature, Polygon } from "geojson";
import type { FeatureOverlap } from "../../src/check/types";
import type { PostgisCluster } from "./postgisCluster";
import { loadLayer, timeSiteQuery } from "./postgisPeer";

export interface BenchTable {
  rows: string[][];
  results: Record<string, number>;
}

/** Areas must agree within this share of PostGIS's area. */
const AREA_TOLERANCE = 0.001;

/**
 * The same layer and site in PostGIS, timed as the peer: ours ÷ PostGIS (ours after its one-time preparation), and
 * whether both find the same features with every area within 0.1 %. Ours counts overlaps that are not mere touches,
 * as ST_Intersects with a positive ST_Area does.
 */
export function compareWithPostgis(
  table: BenchTable,
  peer: { cluster: PostgisCluster; version: string },
  label: string,
  features: Feature<Polygon>[],
  site: Polygon,
  ours: { medianMs: number; overlaps: FeatureOverlap[] },
): void {
  const name = `layer_${label}`;
  loadLayer(peer.cluster, name, features);
  const answer = timeSiteQuery(peer.cluster, name, site, 9);
  const postgisVersion = peer.cluster.sql("SELECT postgis_lib_version();").trim();
  const theirs = new Map(answer.overlaps.filter((overlap) => overlap.squareMetres > 0).map((overlap) => [overlap.id, overlap.squareMetres]));
  const mine = ours.overlaps.filter((overlap) => overlap.tolerance !== "touches");
  const sameFeatures = mine.length === theirs.size && mine.every((overlap) => theirs.has(overlap.featureId));
  let largestDifference = 0;
  for (const overlap of mine) {
    const area = theirs.get(overlap.featureId);
    if (area === undefined) continue;
    largestDifference = Math.max(largestDifference, Math.abs(overlap.overlapSquareMetres - area) / area);
  }
  const agrees = sameFeatures && largestDifference <= AREA_TOLERANCE;
  const ratio = ours.medianMs / answer.medianMs;
  table.rows.push([
    `check ${label} vs PostgreSQL ${peer.version} + PostGIS ${postgisVersion} + GiST (ms, median of 9, server-side${answer.usesIndex ? "" : ", NO INDEX USED"})`,
    answer.medianMs.toFixed(2),
    ours.medianMs.toFixed(2),
    `${ratio.toFixed(2)} (ours ÷ PostGIS, target ≤ 1.0)`,
  ]);
  table.rows.push([
    `  same ${mine.length} features as PostGIS (${theirs.size}), areas within 0.1 % (largest difference ${(largestDifference * 100).toExponential(1)} %)`,
    "",
    "",
    agrees ? "yes" : "NO",
  ]);
  table.results[`check_vs_postgis_${label}`] = Number(ratio.toFixed(2));
  table.results[`postgis_${label}_ms`] = Number(answer.medianMs.toFixed(2));
  table.results[`postgis_agrees_${label}`] = agrees ? 1 : 0;
}
