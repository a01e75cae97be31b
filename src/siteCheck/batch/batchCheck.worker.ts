/// <reference lib="webworker" />
import { createJobChecker, type JobChecker } from "./checkJobs";
import type { BatchWorkerRequest, BatchWorkerResponse } from "./batchWorkerProtocol";

let checker: JobChecker | null = null;

function reply(response: BatchWorkerResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
}

self.addEventListener("message", (event: MessageEvent<BatchWorkerRequest>) => {
  const request = event.data;
  if (request.type === "set-package") {
    checker = createJobChecker(request.dataPackage);
    return;
  }
  if (!checker) {
    reply({ type: "failed", requestId: request.requestId, message: "no data package" });
    return;
  }
  checker.check(request.jobs, request.options).then(
    (results) => reply({ type: "checked", requestId: request.requestId, results }),
    (error: unknown) => reply({ type: "failed", requestId: request.requestId, message: error instanceof Error ? error.message : String(error) }),
  );
});
