import { createServer, type Server } from "node:http";
import { benchLayer } from "./benchLayer";
import type { AddressInfo } from "node:net";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { checkParcel } from "../../src/check/checkParcel";
import { readCheckLayer } from "../../src/check/flatgeobufSource";
import type { CheckLayer, CheckReport } from "../../src/check/types";
import { writeIndexedFlatGeobuf } from "../flatgeobuf/writeIndexedFlatGeobuf";
import { sendBytes } from "../httpRanges";
import { benchmarkParcel, syntheticPolygons } from "./syntheticLayers";

export interface BenchTable {
  rows: string[][];
  results: Record<string, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Serves files from memory over loopback with byte ranges, counting what it sends — object storage in miniature. */
async function serveFiles(
  files: Map<string, Uint8Array>,
): Promise<{ url: string; sentBytes: () => number; requests: () => number; close: () => Promise<void> }> {
  let sent = 0;
  let requests = 0;
  const server: Server = createServer((request, response) => {
    const bytes = files.get((request.url ?? "").split("?")[0]!);
    if (!bytes) {
      response.statusCode = 404;
      response.end();
      return;
    }
    requests++;
    sendBytes(request, response, bytes);
    sent += Number(response.getHeader("Content-Length") ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sentBytes: () => sent,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * What must agree between the two reports. The file lists candidates by id, the GeoJSON in its own order, so
 * overlaps (and the names in the reason text) may come in another order; the findings are the same.
 */
function inIdOrder(report: CheckReport): unknown {
  return report.findings.map(({ status, nearest, overlaps }) => ({
    status,
    nearest,
    overlaps: [...overlaps].sort((a, b) => (a.featureId < b.featureId ? -1 : a.featureId > b.featureId ? 1 : 0)),
  }));
}

const definition = benchLayer({
  id: "bureau-parcels",
  title: { zh: "地块（基准测试）", en: "Parcels (benchmark)" },
  group: "bench",
  display: { type: "pmtiles", file: "bench.pmtiles", sourceLayer: "parcels" },
  check: { type: "flatgeobuf", file: "bench.fgb" },
});

/**
 * A parcel check against a 100k-feature layer read piecewise from an indexed FlatGeobuf file over HTTP, against the
 * same layer as one GeoJSON file: downloaded and parsed whole, projected and indexed, then checked (what a first
 * check costs), and checked again once all that is done (every later check). Both give the same report.
 */
export async function benchFlatGeobufCheck(table: BenchTable, count = 100_000): Promise<void> {
  const generated = syntheticPolygons(count, 20, 42).map((feature) => ({
    ...feature,
    properties: { ...feature.properties, source: [], geometry_quality: "schematic", geometry_note: "" },
  }));
  const collection: FeatureCollection = { type: "FeatureCollection", features: generated };
  const geojsonBytes = new TextEncoder().encode(JSON.stringify(collection));
  const fgbBytes = writeIndexedFlatGeobuf(collection);
  const server = await serveFiles(
    new Map([
      ["/bench.geojson", geojsonBytes],
      ["/bench.fgb", fgbBytes],
    ]),
  );
  const parcel = benchmarkParcel(200);
  const label = `${count / 1000}k`;
  try {
    const coldGeojsonMs: number[] = [];
    let wholeLayer: CheckLayer | null = null;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const parsed = (await (await fetch(`${server.url}/bench.geojson`)).json()) as FeatureCollection<Geometry>;
      wholeLayer = { definition, features: parsed.features as Feature<Geometry>[] };
      checkParcel(parcel, [wholeLayer]);
      coldGeojsonMs.push(performance.now() - start);
    }
    const warmGeojsonMs: number[] = [];
    for (let run = 0; run < 9; run++) {
      const start = performance.now();
      checkParcel(parcel, [wholeLayer!]);
      warmGeojsonMs.push(performance.now() - start);
    }

    const fgbMs: number[] = [];
    let fromFile: CheckLayer | null = null;
    const sentBefore = server.sentBytes();
    const requestsBefore = server.requests();
    for (let run = 0; run < 9; run++) {
      const start = performance.now();
      const read = await readCheckLayer(definition, `${server.url}/bench.fgb`, parcel);
      if (!read.ok) throw new Error(read.errors.join("\n"));
      fromFile = read.value;
      checkParcel(parcel, [fromFile]);
      fgbMs.push(performance.now() - start);
    }
    const kilobytesPerCheck = (server.sentBytes() - sentBefore) / 9 / 1024;
    const requestsPerCheck = (server.requests() - requestsBefore) / 9;
    const same = JSON.stringify(inIdOrder(checkParcel(parcel, [fromFile!]))) === JSON.stringify(inIdOrder(checkParcel(parcel, [wholeLayer!])));

    const cold = median(coldGeojsonMs);
    const warm = median(warmGeojsonMs);
    const fgb = median(fgbMs);
    table.rows.push([
      `check ${label} layer, first check: GeoJSON whole vs FlatGeobuf by bbox (ms)`,
      cold.toFixed(1),
      fgb.toFixed(1),
      `${(cold / fgb).toFixed(1)}×`,
    ]);
    table.rows.push([
      `check ${label} layer, later checks: GeoJSON indexed in memory vs FlatGeobuf (ms)`,
      warm.toFixed(2),
      fgb.toFixed(2),
      `${(warm / fgb).toFixed(2)}×`,
    ]);
    table.rows.push([
      `  downloaded per check: GeoJSON whole vs FlatGeobuf (KB)`,
      (geojsonBytes.length / 1024).toFixed(0),
      `${kilobytesPerCheck.toFixed(0)} in ${requestsPerCheck.toFixed(0)} requests`,
      `${(geojsonBytes.length / 1024 / kilobytesPerCheck).toFixed(0)}×`,
    ]);
    table.rows.push([`  same report from both (${fromFile!.features.length} candidates read)`, "", "", same ? "yes" : "NO"]);
    table.results[`fgb_check_ms_${label}`] = Number(fgb.toFixed(1));
    table.results[`geojson_first_check_ms_${label}`] = Number(cold.toFixed(1));
    table.results[`fgb_vs_geojson_first_check_${label}`] = Number((cold / fgb).toFixed(1));
    if (!same) table.results[`fgb_check_mismatch_${label}`] = 1;
  } finally {
    await server.close();
  }
}
