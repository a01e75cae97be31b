import type { DataPackage, LayerLoad } from "../../layers/layerData";
import type { ReadNearbyLayer } from "../checkEngine";
import type { BatchChecker } from "./batchRunner";
import type { BatchWorkerRequest, BatchWorkerResponse } from "./batchWorkerProtocol";
import { createJobChecker } from "./checkJobs";

/** Checks on the calling thread, yielding between chunks: for Node, tests, and browsers without module workers. */
export function createInlineBatchChecker(dataPackage: DataPackage, readNearby?: ReadNearbyLayer): BatchChecker {
  const checker = createJobChecker(dataPackage, readNearby);
  return {
    check: async (jobs, options) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return checker.check(jobs, options);
    },
    dispose: () => undefined,
  };
}

/** Large layers' URLs resolved against the page, since a worker would resolve them against its own script. */
function withAbsoluteUrls(dataPackage: DataPackage, pageUrl: string): DataPackage {
  const layers = new Map<string, LayerLoad>();
  for (const [id, load] of dataPackage.layers) {
    layers.set(id, load.type === "tiled" ? { ...load, checkUrl: new URL(load.checkUrl, pageUrl).href, tilesUrl: new URL(load.tilesUrl, pageUrl).href } : load);
  }
  return { manifest: dataPackage.manifest, layers };
}

/** One batch worker, given the data package once; falls back to the calling thread where there are no workers. */
export function createBatchWorker(dataPackage: DataPackage, pageUrl: string): BatchChecker {
  if (typeof Worker === "undefined") return createInlineBatchChecker(dataPackage);
  const worker = new Worker(new URL("./batchCheck.worker.ts", import.meta.url), { type: "module" });
  const pending = new Map<number, { resolve: (response: BatchWorkerResponse) => void; reject: (error: Error) => void }>();
  let nextRequestId = 1;
  worker.addEventListener("message", (event: MessageEvent<BatchWorkerResponse>) => {
    const waiter = pending.get(event.data.requestId);
    if (!waiter) return;
    pending.delete(event.data.requestId);
    waiter.resolve(event.data);
  });
  worker.addEventListener("error", (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(event.message || "batch worker failed"));
    pending.clear();
  });
  const post = (request: BatchWorkerRequest) => worker.postMessage(request);
  post({ type: "set-package", dataPackage: withAbsoluteUrls(dataPackage, pageUrl) });
  return {
    check: (jobs, options) =>
      new Promise<BatchWorkerResponse>((resolve, reject) => {
        const requestId = nextRequestId++;
        pending.set(requestId, { resolve, reject });
        post({ type: "check", requestId, jobs, options });
      }).then((response) => {
        if (response.type === "failed") throw new Error(response.message);
        return response.results;
      }),
    dispose: () => {
      worker.terminate();
      for (const waiter of pending.values()) waiter.reject(new Error("batch worker stopped"));
      pending.clear();
    },
  };
}
