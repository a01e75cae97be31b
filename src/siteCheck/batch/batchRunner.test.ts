import { beforeAll, describe, expect, it } from "vitest";
import type { ParcelGeometry } from "../../check/types";
import type { DataPackage } from "../../layers/layerData";
import { loadDataPackage } from "../../layers/loadDataPackage";
import { fetchGeodata } from "../../../tests/support/testGeodata";
import { invalid } from "../../layers/validation";
import type { BatchEntry } from "./batchEntry";
import { worstStatus } from "./batchEntry";
import { createInlineBatchChecker } from "./batchCheckers";
import { batchPoolSize, POOL_VERTEX_BUDGET, runBatch, staticVertexCount, type BatchChecker, type BatchProgress } from "./batchRunner";
import type { BatchJob, BatchJobResult } from "./batchWorkerProtocol";
import { checkParcels } from "./checkParcels";
import { restrictingLayers, summaryRow } from "./summaryRows";

let dataPackage: DataPackage;
beforeAll(async () => {
  const loaded = await loadDataPackage("", fetchGeodata, async () => ({ ok: true, value: 0 }));
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  dataPackage = loaded.value;
});

function square(west: number, south: number, sizeDegrees = 0.002): ParcelGeometry {
  const east = west + sizeDegrees;
  const north = south + sizeDegrees;
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** In the middle of the key extraction zone, near the district centre, and in 渝中区 outside the district. */
const PARCELS = [
  { name: "重点开采区内", geometry: square(106.0, 29.72) },
  { name: "城区", geometry: square(105.72, 29.7) },
  { name: "区外", geometry: square(106.57, 29.55) },
];

/** A checker that answers at once and records what it was given. */
function fakeCheckers() {
  const made: Array<{ chunks: BatchJob[][]; disposed: boolean }> = [];
  let busy = 0;
  let mostBusy = 0;
  const create = (): BatchChecker => {
    const record = { chunks: [] as BatchJob[][], disposed: false };
    made.push(record);
    return {
      check: async (jobs) => {
        record.chunks.push(jobs);
        busy++;
        mostBusy = Math.max(mostBusy, busy);
        await new Promise((resolve) => setTimeout(resolve, 1));
        busy--;
        return jobs.map(
          (job): BatchJobResult => ({
            index: job.index,
            outcome: { report: { parcel: { gaussKrugerSquareMetres: job.index }, findings: [] }, notChecked: [], fee: { questions: [], town: null } },
          }),
        );
      },
      dispose: () => {
        record.disposed = true;
      },
    };
  };
  return { made, create, mostBusy: () => mostBusy };
}

const points = (count: number): ParcelGeometry[] => Array.from({ length: count }, (_, index) => ({ type: "Point", coordinates: [105.7 + index * 1e-4, 29.7] }));

describe("runBatch", () => {
  it("gives the same summary rows as the command line's full check, from a lean outcome", async () => {
    const run = await runBatch({
      geometries: PARCELS.map((parcel) => parcel.geometry),
      createChecker: () => createInlineBatchChecker(dataPackage),
      poolSize: 2,
      maxJobsPerChunk: 1,
    });
    expect(run.type).toBe("done");
    if (run.type !== "done") return;
    const full = await checkParcels({
      dataPackage,
      dataBase: "",
      readJson: fetchGeodata,
      fileName: "batch.geojson",
      parcels: PARCELS.map((parcel) => ({ ...parcel, sourceCoordinates: [], properties: { 宗地编号: parcel.name } })),
      crs: { code: "EPSG:4326", swappedAxes: false, reason: [{ code: "kml", params: {} }], confidence: "declared" },
      warnings: [],
      checkedAt: "2024-05-01T08:00:00.000Z",
      readNearby: async () => invalid(["no large layers"]),
      fileHashes: async () => [],
    });
    const restricting = new Set(restrictingLayers(dataPackage).map((layer) => layer.id));
    const worst: string[] = [];
    run.results.forEach((result, index) => {
      if (!("outcome" in result)) throw new Error(result.failed);
      const entry: BatchEntry = { ...result.outcome, parcel: PARCELS[index]!, properties: { 宗地编号: PARCELS[index]!.name } };
      expect(summaryRow(entry, dataPackage, [], "zh")).toEqual(summaryRow(full[index]!, dataPackage, [], "zh"));
      worst.push(worstStatus(result.outcome, restricting));
    });
    // Hand-read: the schematic key zone (±2 km) is about 5 km across, so no point of it lies 2 km from its edge: its
    // middle cannot be decided. The centre is clear of every layer with data (the 28 extraction blocks have none);
    // 渝中区 lies wholly outside the district, where nothing reads clear.
    expect(worst).toEqual(["undecided", "clear", "outside"]);
    const rows = run.results.map((result) => ("outcome" in result ? result.outcome : null));
    expect(rows[0]!.report.findings.find((finding) => finding.layerId === "mining-key-zone")?.status).toBe("undecided");
    expect(rows[2]!.report.district?.position).toBe("outside");
    // Lean: no nearest features or feature properties travel back.
    expect(JSON.stringify(rows)).not.toMatch(/"nearest"|"properties"|"summary"/);
  });

  it("spreads chunks over the pool, reports progress to the total, and files results in parcel order", async () => {
    const fakes = fakeCheckers();
    const progress: BatchProgress[] = [];
    const run = await runBatch({
      geometries: points(100),
      createChecker: fakes.create,
      poolSize: 3,
      maxJobsPerChunk: 10,
      onProgress: (seen) => progress.push(seen),
    });
    expect(run.type).toBe("done");
    expect(fakes.made).toHaveLength(3);
    expect(fakes.mostBusy()).toBe(3);
    expect(fakes.made.flatMap((made) => made.chunks).every((chunk) => chunk.length === 10)).toBe(true);
    expect(progress.map((seen) => seen.done)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(progress.every((seen) => seen.total === 100)).toBe(true);
    if (run.type === "done") expect(run.results.map((result) => result.index)).toEqual(Array.from({ length: 100 }, (_, index) => index));
    expect(fakes.made.every((made) => made.disposed)).toBe(true);
  });

  it("ends a chunk at the vertex limit, keeping at least one parcel in each", async () => {
    const fakes = fakeCheckers();
    const big = square(105.7, 29.7);
    await runBatch({ geometries: [big, big, big], createChecker: fakes.create, poolSize: 1, maxVerticesPerChunk: 6 });
    // Five vertices a square: the second square passes the limit of six, so it closes the chunk.
    expect(fakes.made[0]!.chunks.map((chunk) => chunk.map((job) => job.index))).toEqual([[0, 1], [2]]);
  });

  it("stops on cancel: every checker disposed, no progress after, nothing returned", async () => {
    const fakes = fakeCheckers();
    const controller = new AbortController();
    const progress: number[] = [];
    const run = await runBatch({
      geometries: points(200),
      createChecker: fakes.create,
      poolSize: 2,
      maxJobsPerChunk: 10,
      signal: controller.signal,
      onProgress: ({ done }) => {
        progress.push(done);
        if (done >= 40) controller.abort();
      },
    });
    expect(run).toEqual({ type: "cancelled", done: 40 });
    expect(fakes.made.every((made) => made.disposed)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(progress.at(-1)).toBe(40);
  });

  it("marks the parcels of a chunk whose checker failed, and goes on with the rest", async () => {
    let calls = 0;
    const run = await runBatch({
      geometries: points(4),
      poolSize: 1,
      maxJobsPerChunk: 2,
      createChecker: () => ({
        check: async (jobs) => {
          calls++;
          if (calls === 1) throw new Error("worker crashed");
          return jobs.map((job) => ({ index: job.index, failed: "other" }));
        },
        dispose: () => undefined,
      }),
    });
    expect(run.type === "done" && run.results.map((result) => ("failed" in result ? result.failed : ""))).toEqual([
      "worker crashed",
      "worker crashed",
      "other",
      "other",
    ]);
  });

  it("sizes the pool from the cores: one left to the page, two to six workers", () => {
    expect([undefined, 1, 2, 4, 8, 64].map((cores) => batchPoolSize(cores))).toEqual([2, 2, 2, 3, 6, 6]);
  });

  it("holds fewer copies of large whole-loaded layers: the memory budget caps the pool, down to one worker", () => {
    expect(batchPoolSize(16, 0)).toBe(6);
    expect(batchPoolSize(16, POOL_VERTEX_BUDGET / 3)).toBe(3);
    expect(batchPoolSize(16, 2_000_000)).toBe(2);
    expect(batchPoolSize(16, POOL_VERTEX_BUDGET * 5)).toBe(1);
    expect(batchPoolSize(2, 10)).toBe(2);
  });

  it("counts the vertices of the layers a batch worker loads whole, not of context layers", () => {
    const base = staticVertexCount(dataPackage);
    expect(base).toBeGreaterThan(0);
    const template = dataPackage.manifest.layers.find((layer) => layer.role === "restricts")!;
    const square = [
      [105.7, 29.5],
      [105.71, 29.5],
      [105.71, 29.51],
      [105.7, 29.51],
      [105.7, 29.5],
    ];
    const hole = [
      [105.702, 29.502],
      [105.703, 29.502],
      [105.703, 29.503],
      [105.702, 29.502],
    ];
    const features = [
      { type: "Feature" as const, properties: { id: "a" }, geometry: { type: "Polygon" as const, coordinates: [square] } },
      { type: "Feature" as const, properties: { id: "b" }, geometry: { type: "MultiPolygon" as const, coordinates: [[square, hole]] } },
    ];
    const withLayers = (roles: Array<"restricts" | "context">): DataPackage => {
      const layers = new Map(dataPackage.layers);
      const definitions = roles.map((role, index) => ({ ...template, id: `extra-${index}`, role }));
      for (const definition of definitions) layers.set(definition.id, { type: "loaded", data: { type: "FeatureCollection", features } } as never);
      return { manifest: { ...dataPackage.manifest, layers: [...dataPackage.manifest.layers, ...definitions] }, layers };
    };
    // 5 for the square, 5 + 4 for the square with its hole.
    expect(staticVertexCount(withLayers(["restricts"])) - base).toBe(14);
    expect(staticVertexCount(withLayers(["context"])) - base).toBe(0);
  });
});
