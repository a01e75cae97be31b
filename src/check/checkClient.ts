import { checkParcel } from "./checkParcel";
import type { CheckLayer, CheckOptions, CheckReport, ParcelGeometry } from "./types";
import type { CheckWorkerRequest, CheckWorkerResponse } from "./workerProtocol";

export interface ParcelChecker {
  /** The layers every check uses; sent (and copied to the worker) once. */
  setLayers(layers: CheckLayer[]): void;
  /** `extraLayers` are checked after those, for this parcel only (features of large layers read near it). */
  check(parcel: ParcelGeometry, options?: Partial<CheckOptions>, extraLayers?: CheckLayer[]): Promise<CheckReport>;
  dispose(): void;
}

/** Runs checks in a Web Worker so the map stays interactive; falls back to the calling thread where workers are unavailable. */
export function createParcelChecker(): ParcelChecker {
  if (typeof Worker === "undefined") return createInlineChecker();
  const worker = new Worker(new URL("./check.worker.ts", import.meta.url), { type: "module" });
  const pending = new Map<number, { resolve: (report: CheckReport) => void; reject: (error: Error) => void }>();
  let nextRequestId = 1;
  worker.addEventListener("message", (event: MessageEvent<CheckWorkerResponse>) => {
    const response = event.data;
    const waiter = pending.get(response.requestId);
    if (!waiter) return;
    pending.delete(response.requestId);
    if (response.type === "report") waiter.resolve(response.report);
    else waiter.reject(new Error(response.message));
  });
  worker.addEventListener("error", (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(event.message || "check worker failed"));
    pending.clear();
  });
  const post = (request: CheckWorkerRequest) => worker.postMessage(request);
  return {
    setLayers: (layers) => post({ type: "set-layers", layers }),
    check: (parcel, options = {}, extraLayers = []) =>
      new Promise<CheckReport>((resolve, reject) => {
        const requestId = nextRequestId++;
        pending.set(requestId, { resolve, reject });
        post({ type: "check", requestId, parcel, options, extraLayers });
      }),
    dispose: () => worker.terminate(),
  };
}

export function createInlineChecker(): ParcelChecker {
  let layers: CheckLayer[] = [];
  return {
    setLayers: (next) => {
      layers = next;
    },
    check: async (parcel, options = {}, extraLayers = []) => checkParcel(parcel, extraLayers.length > 0 ? [...layers, ...extraLayers] : layers, options),
    dispose: () => undefined,
  };
}
