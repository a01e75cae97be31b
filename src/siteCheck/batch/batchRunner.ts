import type { Geometry } from "geojson";
import type { CheckOptions, ParcelGeometry } from "../../check/types";
import type { DataPackage } from "../../layers/layerData";
import { planCheckLayers } from "../checkEngine";
import type { BatchJob, BatchJobResult } from "./batchWorkerProtocol";

/** One checker of the pool: a Web Worker in the page, the calling thread in Node and tests. */
export interface BatchChecker {
  check(jobs: BatchJob[], options: Partial<CheckOptions>): Promise<BatchJobResult[]>;
  dispose(): void;
}

export interface BatchProgress {
  done: number;
  total: number;
}

export interface BatchRunOptions {
  geometries: readonly ParcelGeometry[];
  createChecker(): BatchChecker;
  poolSize: number;
  options?: Partial<CheckOptions>;
  signal?: AbortSignal;
  onProgress?(progress: BatchProgress): void;
  /** A chunk ends at this many parcels or vertices, whichever comes first (small chunks: fine progress, quick cancel). */
  maxJobsPerChunk?: number;
  maxVerticesPerChunk?: number;
}

/** `results` in the order of the parcels; `cancelled` keeps nothing (the caller keeps what it had). */
export type BatchRunResult = { type: "done"; results: BatchJobResult[] } | { type: "cancelled"; done: number };

/**
 * Vertices of whole-loaded layers that the pool's copies may hold together. Each worker keeps its own copy of those
 * layers, as GeoJSON and projected (roughly 100–150 bytes a vertex): about 0.5 GB in all. A 100 000-polygon layer of
 * 20 vertices is 2 000 000 vertices, so such a package is checked by two workers, not six.
 */
export const POOL_VERTEX_BUDGET = 4_000_000;

/**
 * Workers for a batch: one core is left to the page; at least two, at most six, and no more than the copies of the
 * whole-loaded layers (`staticVertices`) the memory budget allows, but always one.
 */
export function batchPoolSize(hardwareConcurrency: number | undefined, staticVertices = 0): number {
  const byCores = Math.min(6, Math.max(2, (hardwareConcurrency ?? 2) - 1));
  const byMemory = Math.max(1, Math.floor(POOL_VERTEX_BUDGET / Math.max(1, staticVertices)));
  return Math.min(byCores, byMemory);
}

function positionCount(geometry: Geometry | null): number {
  if (!geometry) return 0;
  switch (geometry.type) {
    case "Point":
      return 1;
    case "MultiPoint":
    case "LineString":
      return geometry.coordinates.length;
    case "MultiLineString":
    case "Polygon":
      return geometry.coordinates.reduce((sum, part) => sum + part.length, 0);
    case "MultiPolygon":
      return geometry.coordinates.reduce((sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0), 0);
    case "GeometryCollection":
      return geometry.geometries.reduce((sum, part) => sum + positionCount(part), 0);
  }
}

/** Vertices of the layers each batch worker loads whole (a large layer read nearby per check is not counted). */
export function staticVertexCount(dataPackage: DataPackage): number {
  let count = 0;
  for (const layer of planCheckLayers(dataPackage).staticLayers) for (const feature of layer.features) count += positionCount(feature.geometry);
  return count;
}

function vertexCount(geometry: ParcelGeometry): number {
  switch (geometry.type) {
    case "Point":
      return 1;
    case "LineString":
      return geometry.coordinates.length;
    case "Polygon":
      return geometry.coordinates.reduce((sum, ring) => sum + ring.length, 0);
    case "MultiPolygon":
      return geometry.coordinates.reduce((sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0), 0);
  }
}

/**
 * Checks many parcels on a pool of checkers. Each checker takes the next chunk when it has answered the last, so a
 * slow chunk holds one checker only; the calling thread only cuts chunks and files answers, a few milliseconds a
 * chunk, so a page stays responsive whatever the batch's size. Cancelling disposes of every checker at once.
 */
export function runBatch(run: BatchRunOptions): Promise<BatchRunResult> {
  const { geometries, signal } = run;
  const total = geometries.length;
  const maxJobs = run.maxJobsPerChunk ?? 32;
  const maxVertices = run.maxVerticesPerChunk ?? 8000;
  if (signal?.aborted) return Promise.resolve({ type: "cancelled", done: 0 });
  const results: BatchJobResult[] = new Array(total);
  let cursor = 0;
  let done = 0;
  const nextChunk = (): BatchJob[] | null => {
    if (cursor >= total) return null;
    const jobs: BatchJob[] = [];
    let vertices = 0;
    while (cursor < total && jobs.length < maxJobs && (jobs.length === 0 || vertices < maxVertices)) {
      const geometry = geometries[cursor]!;
      vertices += vertexCount(geometry);
      jobs.push({ index: cursor, geometry });
      cursor++;
    }
    return jobs;
  };
  const checkers = Array.from({ length: Math.max(1, Math.min(run.poolSize, Math.ceil(total / maxJobs))) }, () => run.createChecker());
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: BatchRunResult) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      for (const checker of checkers) checker.dispose();
      resolve(result);
    };
    const onAbort = () => finish({ type: "cancelled", done });
    signal?.addEventListener("abort", onAbort, { once: true });
    const pump = async (checker: BatchChecker) => {
      for (let jobs = nextChunk(); jobs !== null && !settled; jobs = nextChunk()) {
        let answers: BatchJobResult[];
        try {
          answers = await checker.check(jobs, run.options ?? {});
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          answers = jobs.map((job) => ({ index: job.index, failed: message }));
        }
        if (settled) return;
        for (const answer of answers) results[answer.index] = answer;
        done += jobs.length;
        run.onProgress?.({ done, total });
      }
    };
    void Promise.all(checkers.map(pump)).then(() => finish({ type: "done", results }));
  });
}
