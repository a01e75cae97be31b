/// <reference lib="webworker" />
import { checkParcel } from "./checkParcel";
import type { CheckLayer } from "./types";
import type { CheckWorkerRequest, CheckWorkerResponse } from "./workerProtocol";

let layers: CheckLayer[] = [];

function reply(response: CheckWorkerResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
}

self.addEventListener("message", (event: MessageEvent<CheckWorkerRequest>) => {
  const request = event.data;
  if (request.type === "set-layers") {
    layers = request.layers;
    return;
  }
  try {
    reply({
      type: "report",
      requestId: request.requestId,
      report: checkParcel(request.parcel, request.extraLayers.length > 0 ? [...layers, ...request.extraLayers] : layers, request.options),
    });
  } catch (error) {
    reply({ type: "failed", requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
  }
});
