import type { ImportSubject } from "../i18n/messages.importGeneral";
import type { ImportWorkerRequest, ImportWorkerResponse } from "./importWorkerProtocol";
import { importMessage } from "./messages";
import { readBlob } from "./readBlob";
import { fileTooLargeError, inputTooLargeError } from "./sizeLimits";
import { clip } from "./text";
import { MAX_FILE_BYTES, type ImportedParcel, type ImportOptions, type ImportProgress, type ImportResult } from "./types";

export type { ImportProgress } from "./types";

export interface ImportRunOptions extends ImportOptions {
  /** Stage changes and, where known, the share done; at most one call per stage and whole percent from the worker. */
  onProgress?(progress: ImportProgress): void;
  /** Aborting ends the worker at once; the promise then resolves with the `import-cancelled` error. */
  signal?: AbortSignal;
}

/** A file picked or dropped by the user, or bytes the caller already holds. */
export type ImportSource = (Blob & { name: string }) | { name: string; bytes: Uint8Array };

function cancelled(): ImportResult {
  return { ok: false, error: importMessage("import-cancelled", {}) };
}

/** A worker that died (out of memory, failed to load) becomes a result that says so, never a rejected promise. */
function crashed(what: ImportSubject, reason: unknown): ImportResult {
  const detail = clip(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason || "unknown"), 200);
  return { ok: false, error: importMessage("unexpected-error.crashed", { subject: what, reason: detail }, { reason: detail }) };
}

/** Bytes the caller holds, or null for a Blob/File (whose `bytes()` method must not be mistaken for them). */
function heldBytes(file: ImportSource): Uint8Array | null {
  const bytes = (file as { bytes?: unknown }).bytes;
  return bytes instanceof Uint8Array ? bytes : null;
}

function workersAvailable(): boolean {
  return typeof Worker !== "undefined";
}

function splitOptions(options: ImportRunOptions): {
  importOptions: ImportOptions;
  onProgress: ImportRunOptions["onProgress"];
  signal: AbortSignal | undefined;
} {
  const importOptions: ImportOptions = {};
  if (options.crsOverride) importOptions.crsOverride = options.crsOverride;
  if (options.districtAreaKm2 !== undefined) importOptions.districtAreaKm2 = options.districtAreaKm2;
  return { importOptions, onProgress: options.onProgress?.bind(options), signal: options.signal };
}

/**
 * Runs one import in a worker of its own, so a cancellation can simply end it. Progress is relayed until the result
 * arrives; every way the worker can fail resolves the promise with a message.
 */
function runInWorker(request: ImportWorkerRequest, transfer: Transferable[], what: ImportSubject, options: ImportRunOptions): Promise<ImportResult> {
  const { onProgress, signal } = splitOptions(options);
  return new Promise<ImportResult>((resolve) => {
    let worker: Worker | undefined;
    let settled = false;
    const finish = (result: ImportResult) => {
      if (settled) return;
      settled = true;
      worker?.terminate();
      signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const onAbort = () => finish(cancelled());
    signal?.addEventListener("abort", onAbort);
    try {
      worker = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
      const received: ImportedParcel[] = [];
      worker.addEventListener("message", (event: MessageEvent<ImportWorkerResponse>) => {
        if (settled) return;
        const response = event.data;
        if (response.type === "progress") onProgress?.(response.progress);
        else if (response.type === "parcels") received.push(...response.parcels);
        else finish(response.chunked && response.result.ok ? { ...response.result, parcels: received } : response.result);
      });
      worker.addEventListener("error", (event: ErrorEvent) => {
        event.preventDefault();
        finish(crashed(what, event.message || "worker error"));
      });
      worker.addEventListener("messageerror", () => finish(crashed(what, "a message from the importer could not be read")));
      worker.postMessage(request, transfer);
    } catch (error) {
      finish(crashed(what, error));
    }
  });
}

/** Where workers are unavailable (unit tests in Node): the same steps on the calling thread, cancellable between them. */
async function runInline(run: (importOptions: ImportOptions) => Promise<ImportResult>, what: ImportSubject, options: ImportRunOptions): Promise<ImportResult> {
  const { importOptions, onProgress, signal } = splitOptions(options);
  const isCancelled = () => signal?.aborted === true;
  try {
    if (onProgress) importOptions.onProgress = onProgress;
    const result = await run(importOptions);
    return isCancelled() ? cancelled() : result;
  } catch (error) {
    return crashed(what, error);
  }
}

/**
 * Reads and imports a site-boundary file off the main thread. A file over MAX_FILE_BYTES is refused by its size before
 * a byte is read. A picked File is read by the worker itself; given bytes are transferred, not copied, so the caller's
 * array is empty (detached) afterwards — pass a copy to keep it.
 */
export async function importFileInWorker(file: ImportSource, options: ImportRunOptions = {}): Promise<ImportResult> {
  if (options.signal?.aborted) return cancelled();
  const name = String(file.name);
  const held = heldBytes(file);
  const blob = held ? null : (file as Blob);
  const size = held ? held.byteLength : blob!.size;
  if (size > MAX_FILE_BYTES) return { ok: false, error: fileTooLargeError(clip(name, 255), size) };
  const what: ImportSubject = { type: "file", name: clip(name) };
  const { importOptions, signal } = splitOptions(options);
  if (!workersAvailable()) {
    return runInline(
      async (inlineOptions) => {
        let bytes: Uint8Array;
        if (held) bytes = held;
        else {
          const read = await readBlob(blob!, name, inlineOptions.onProgress, () => signal?.aborted === true);
          if (read.type === "cancelled") return cancelled();
          if (read.type === "failed") return { ok: false, error: read.error };
          bytes = read.bytes;
        }
        if (signal?.aborted) return cancelled();
        // The parsers stay out of the page's first bundle: most visitors never import anything.
        const { importFile } = await import("./importFile");
        if (signal?.aborted) return cancelled();
        return importFile(name, bytes, inlineOptions);
      },
      what,
      options,
    );
  }
  if (!held) return runInWorker({ type: "file", name, file: blob!, ...importOptions }, [], what, options);
  // Only a whole, unshared buffer can be handed over; a view into a larger one is copied out first.
  const whole = held.byteOffset === 0 && held.byteLength === held.buffer.byteLength && held.buffer instanceof ArrayBuffer;
  const buffer = whole ? (held.buffer as ArrayBuffer) : held.slice().buffer;
  return runInWorker({ type: "bytes", name, bytes: buffer, ...importOptions }, [buffer], what, options);
}

/** Imports pasted or typed boundary points off the main thread; see importFileInWorker for progress and cancelling. */
export async function importPastedInWorker(text: string, options: ImportRunOptions = {}): Promise<ImportResult> {
  if (options.signal?.aborted) return cancelled();
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: inputTooLargeError(text.length) };
  const what: ImportSubject = { type: "pasted" };
  if (!workersAvailable()) {
    return runInline(
      async (inlineOptions) => {
        const { importPastedCoordinates } = await import("./pasteCoordinates");
        if (options.signal?.aborted) return cancelled();
        return importPastedCoordinates(text, inlineOptions);
      },
      what,
      options,
    );
  }
  const { importOptions } = splitOptions(options);
  return runInWorker({ type: "paste", text: String(text), ...importOptions }, [], what, options);
}
