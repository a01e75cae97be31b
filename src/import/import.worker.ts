/// <reference lib="webworker" />
import { failure, unexpectedError } from "./assemble";
import { importFile } from "./importFile";
import { type ImportWorkerRequest, type ImportWorkerResponse, PARCELS_PER_MESSAGE } from "./importWorkerProtocol";
import { importPastedCoordinates } from "./pasteCoordinates";
import { readBlob } from "./readBlob";
import type { ImportOptions, ImportProgress, ImportResult } from "./types";

function reply(response: ImportWorkerResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
}

/** Posts a stage change at once, and within a stage only whole-percent steps: per-parcel reports would flood the page. */
function progressPoster(): (progress: ImportProgress) => void {
  let stage = "";
  let percent = -1;
  return (progress) => {
    const nextPercent = progress.fraction === undefined ? -1 : Math.floor(Math.min(1, Math.max(0, progress.fraction)) * 100);
    if (progress.stage === stage && nextPercent <= percent) return;
    stage = progress.stage;
    percent = nextPercent;
    reply({ type: "progress", progress: nextPercent < 0 ? { stage: progress.stage } : { stage: progress.stage, fraction: nextPercent / 100 } });
  };
}

async function run(request: ImportWorkerRequest): Promise<ImportResult> {
  const options: ImportOptions = { onProgress: progressPoster() };
  if (request.crsOverride) options.crsOverride = request.crsOverride;
  if (request.districtAreaKm2 !== undefined) options.districtAreaKm2 = request.districtAreaKm2;
  if (request.type === "paste") return importPastedCoordinates(request.text, options);
  if (request.type === "bytes") return importFile(request.name, new Uint8Array(request.bytes), options);
  const read = await readBlob(request.file, request.name, options.onProgress);
  if (read.type === "failed") return failure(read.error);
  // Only the page cancels (by ending this worker), so a reading here is never "cancelled".
  if (read.type === "cancelled") return failure(unexpectedError("reading stopped", { type: "file", name: request.name }));
  return importFile(request.name, read.bytes, options);
}

/** The result, its parcels in pieces when there are many (see ImportWorkerResponse). */
function postResult(result: ImportResult): void {
  if (!result.ok || result.parcels.length <= PARCELS_PER_MESSAGE) {
    reply({ type: "result", result });
    return;
  }
  for (let start = 0; start < result.parcels.length; start += PARCELS_PER_MESSAGE)
    reply({ type: "parcels", parcels: result.parcels.slice(start, start + PARCELS_PER_MESSAGE) });
  reply({ type: "result", result: { ...result, parcels: [] }, chunked: true });
}

self.addEventListener("message", (event: MessageEvent<ImportWorkerRequest>) => {
  void run(event.data)
    .catch((error: unknown) => failure(unexpectedError(error, { type: "data" })))
    .then(postResult);
});
