import type { Feature, Polygon, Position } from "geojson";
import type { PostgisCluster } from "./postgisCluster";

function ringText(ring: Position[]): string {
  return `(${ring.map((position) => `${position[0]} ${position[1]}`).join(",")})`;
}

/** WKT with every coordinate as JavaScript prints it (shortest round-trip), so PostGIS gets the same doubles. */
export function polygonText(polygon: Polygon): string {
  return `POLYGON(${polygon.coordinates.map(ringText).join(",")})`;
}

function tableName(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a table name: ${name}`);
  return name;
}

/**
 * Loads a layer as the bench builds it — CGCS2000 longitude/latitude (EPSG:4490) — into a table in EPSG:4544
 * (CGCS2000 3° Gauss-Krüger CM 105°E, the planar system ours measures in), projected by PostGIS itself, with a
 * GiST index, then vacuumed and analysed as a production table would be.
 */
export function loadLayer(cluster: PostgisCluster, name: string, features: Feature<Polygon>[]): void {
  const table = tableName(name);
  const rows = features.map((feature) => `${String(feature.properties?.id)}\tSRID=4490;${polygonText(feature.geometry)}`).join("\n");
  cluster.sql(
    [
      "CREATE EXTENSION IF NOT EXISTS postgis;",
      `DROP TABLE IF EXISTS ${table}_lnglat, ${table};`,
      `CREATE TABLE ${table}_lnglat (id text, geom geometry(Polygon, 4490));`,
      `COPY ${table}_lnglat (id, geom) FROM STDIN;`,
      rows,
      "\\.",
      `CREATE TABLE ${table} AS SELECT id, ST_Transform(geom, 4544)::geometry(Polygon, 4544) AS geom FROM ${table}_lnglat;`,
      `DROP TABLE ${table}_lnglat;`,
      `ALTER TABLE ${table} ADD PRIMARY KEY (id);`,
      `CREATE INDEX ${table}_geom ON ${table} USING gist (geom);`,
      `VACUUM ANALYZE ${table};`,
      "",
    ].join("\n"),
  );
}

/** The question ours answers: which features the site overlaps, and by how many square metres (GK planar). */
function siteQuery(table: string, site: Polygon): string {
  return [
    `WITH site AS (SELECT ST_Transform(ST_GeomFromText('${polygonText(site)}', 4490), 4544) AS geom)`,
    `SELECT layer.id, ST_Area(ST_Intersection(layer.geom, site.geom)) FROM ${table} AS layer, site WHERE ST_Intersects(layer.geom, site.geom)`,
  ].join(" ");
}

export interface PeerAnswer {
  overlaps: Array<{ id: string; squareMetres: number }>;
  /** Median over the timed runs of planning + execution time reported by the server, ms. */
  medianMs: number;
  timesMs: number[];
  usesIndex: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Times the site question server-side: EXPLAIN (ANALYZE, TIMING OFF) runs the whole query, the area of every
 * intersection included, and reports the server's planning and execution time. That leaves out the psql process,
 * the socket round trip and printing the rows, which are not the engine's work, and TIMING OFF leaves out the
 * per-node clock reads that would slow it. Planning counts because the site's projection is folded in there.
 * Both sides are timed warm: ours after its one-time preparation, PostGIS after a first query in its session.
 */
/**
 * Untimed runs on each side before the timed ones. Ours needs about ten checks before V8 has compiled the check's
 * hot paths (a 10k check falls from 10–35 ms to 2 ms over its first dozen runs); PostGIS needs one.
 */
export const WARM_UP_RUNS = 20;

export function timeSiteQuery(cluster: PostgisCluster, name: string, site: Polygon, runs: number): PeerAnswer {
  const table = tableName(name);
  const query = siteQuery(table, site);
  const answer = cluster.sql(`${query};\n`);
  const overlaps = answer
    .trim()
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      const [id, area] = line.split("|");
      return { id: id!, squareMetres: Number(area) };
    });
  const explain = `EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ${query};\n`;
  // One session for all runs, the first WARM_UP_RUNS untimed: a new backend loads PostGIS and PROJ on its first
  // query; ours gets the same number of untimed checks (scripts/bench.ts).
  const output = cluster.sql(explain.repeat(runs + WARM_UP_RUNS));
  const plans = [...output.matchAll(/^\[[\s\S]*?^\]$/gm)]
    .map((match) => JSON.parse(match[0]) as Array<{ Plan: unknown; "Planning Time": number; "Execution Time": number }>)
    .slice(WARM_UP_RUNS);
  if (plans.length !== runs) throw new Error(`expected ${runs} plans from PostGIS, got ${plans.length}`);
  const timesMs = plans.map((plan) => plan[0]!["Planning Time"] + plan[0]!["Execution Time"]);
  const usesIndex = JSON.stringify(plans[0]![0]!.Plan).includes(`${table}_geom`);
  return { overlaps, medianMs: median(timesMs), timesMs, usesIndex };
}
