import { afterEach, describe, expect, it, vi } from "vitest";
import { importFileInWorker, importPastedInWorker, type ImportProgress } from "./importClient";
import type { ImportWorkerRequest, ImportWorkerResponse } from "./importWorkerProtocol";
import { MAX_FILE_BYTES, type ImportResult } from "./types";
import { importMessageText } from "../i18n/messages.import";

/** A 200 m square near the district centre, in WGS-84. */
const SQUARE = [
  [105.72, 29.7],
  [105.722, 29.7],
  [105.722, 29.702],
  [105.72, 29.702],
  [105.72, 29.7],
];

function geoJson(padding = 0): string {
  return JSON.stringify({
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: { name: "测试地块", note: "x".repeat(padding) }, geometry: { type: "Polygon", coordinates: [SQUARE] } }],
  });
}

function namedBlob(text: string, name: string): Blob & { name: string } {
  return Object.assign(new Blob([text]), { name });
}

const PASTED = SQUARE.map(([lng, lat]) => `${lng} ${lat}`).join("\n");

function stagesOf(progress: ImportProgress[]): string[] {
  return progress.map((step) => step.stage).filter((stage, index, all) => stage !== all[index - 1]);
}

describe("importFileInWorker without Worker (inline fallback)", () => {
  it("reads a file in chunks and reports each stage in order", async () => {
    const progress: ImportProgress[] = [];
    // Over 1 MiB, so it is read in several slices.
    const result = await importFileInWorker(namedBlob(geoJson(3_000_000), "site.geojson"), { onProgress: (step) => progress.push(step) });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.parcels[0]!.name).toBe("测试地块");
    expect(stagesOf(progress)).toEqual(["reading", "parsing", "converting", "validating"]);
    const reading = progress.filter((step) => step.stage === "reading").map((step) => step.fraction!);
    expect(reading.length).toBeGreaterThan(2);
    expect(reading.at(-1)).toBe(1);
    expect([...reading].sort((a, b) => a - b)).toEqual(reading);
  });

  it("imports bytes the caller holds", async () => {
    const bytes = new TextEncoder().encode(geoJson());
    const result = await importFileInWorker({ name: "site.geojson", bytes });
    expect(result.ok).toBe(true);
  });

  it("refuses a file over the limit by its size, without reading it", async () => {
    const read = vi.fn(() => {
      throw new Error("must not be read");
    });
    const huge = { name: "huge.geojson", size: MAX_FILE_BYTES + 1, slice: read, stream: read, arrayBuffer: read } as unknown as Blob & { name: string };
    const result = await importFileInWorker(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("file-too-large");
      expect(importMessageText(result.error, "zh")).toContain("50 MB");
    }
    expect(read).not.toHaveBeenCalled();
  });

  it("resolves as cancelled when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await importFileInWorker(namedBlob(geoJson(), "site.geojson"), { signal: controller.signal });
    expect(result).toEqual({ ok: false, error: { code: "import-cancelled", key: "import-cancelled", params: {} } });
    expect(result.ok ? null : [importMessageText(result.error, "zh"), importMessageText(result.error, "en")]).toEqual([
      "已取消导入。",
      "The import was cancelled.",
    ]);
    expect(await importPastedInWorker(PASTED, { signal: controller.signal })).toEqual(result);
  });

  it("stops reading between chunks when cancelled", async () => {
    const controller = new AbortController();
    const progress: ImportProgress[] = [];
    const result = await importFileInWorker(namedBlob(geoJson(3_000_000), "site.geojson"), {
      signal: controller.signal,
      onProgress: (step) => {
        progress.push(step);
        if (step.stage === "reading" && (step.fraction ?? 0) > 0) controller.abort();
      },
    });
    expect(result.ok || result.error.code).toBe("import-cancelled");
    expect(progress.some((step) => step.stage === "parsing")).toBe(false);
    expect(progress.filter((step) => step.stage === "reading").at(-1)!.fraction).toBeLessThan(1);
  });

  it("reports a parse cancelled inline as cancelled, not as its result", async () => {
    const controller = new AbortController();
    const result = await importPastedInWorker(PASTED, { signal: controller.signal, onProgress: (step) => step.stage === "parsing" && controller.abort() });
    expect(result.ok || result.error.code).toBe("import-cancelled");
  });

  it("imports pasted coordinates with the CRS override and stages", async () => {
    const progress: ImportProgress[] = [];
    const result = await importPastedInWorker(PASTED, { crsOverride: { code: "EPSG:4326", swappedAxes: false }, onProgress: (step) => progress.push(step) });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.crs.confidence).toBe("declared");
    expect(stagesOf(progress)).toEqual(["parsing", "converting", "validating"]);
  });
});

/** A stand-in for the browser's Worker: records what it is sent, and lets the test answer as the worker would. */
class FakeWorker extends EventTarget {
  static instances: FakeWorker[] = [];
  readonly url: string;
  readonly options: WorkerOptions | undefined;
  posted: Array<{ request: ImportWorkerRequest; transfer: Transferable[] }> = [];
  terminated = false;

  constructor(url: URL | string, options?: WorkerOptions) {
    super();
    this.url = String(url);
    this.options = options;
    FakeWorker.instances.push(this);
  }

  postMessage(request: ImportWorkerRequest, transfer: Transferable[] = []): void {
    this.posted.push({ request, transfer });
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(response: ImportWorkerResponse): void {
    this.dispatchEvent(new MessageEvent("message", { data: response }));
  }
}

const DONE: ImportResult = {
  ok: true,
  parcels: [],
  crs: { code: "EPSG:4326", swappedAxes: false, confidence: "inferred", reason: [{ code: "kml", params: {} }] },
  warnings: [],
};

describe("importFileInWorker with a Worker", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.instances = [];
  });

  const started = async (): Promise<FakeWorker> => {
    await vi.waitFor(() => expect(FakeWorker.instances.length).toBe(1));
    return FakeWorker.instances[0]!;
  };

  it("starts a module worker, hands it the File itself, relays progress and ends the worker with the result", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const progress: ImportProgress[] = [];
    const file = namedBlob(geoJson(), "site.geojson");
    const pending = importFileInWorker(file, { crsOverride: { code: "EPSG:4544", swappedAxes: true }, onProgress: (step) => progress.push(step) });
    const worker = await started();
    expect(worker.url).toMatch(/import\.worker\.ts$/);
    expect(worker.options).toEqual({ type: "module" });
    expect(worker.posted).toHaveLength(1);
    expect(worker.posted[0]!.request).toEqual({ type: "file", name: "site.geojson", file, crsOverride: { code: "EPSG:4544", swappedAxes: true } });
    worker.reply({ type: "progress", progress: { stage: "reading", fraction: 0.5 } });
    worker.reply({ type: "progress", progress: { stage: "parsing" } });
    worker.reply({ type: "result", result: DONE });
    expect(await pending).toEqual(DONE);
    expect(progress).toEqual([{ stage: "reading", fraction: 0.5 }, { stage: "parsing" }]);
    expect(worker.terminated).toBe(true);
  });

  it("gathers a result's parcels sent in pieces, in order", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const pending = importFileInWorker(namedBlob(geoJson(), "site.geojson"));
    const worker = await started();
    const parcel = (name: string) => ({ name, geometry: { type: "Polygon" as const, coordinates: [] }, properties: {}, sourceCoordinates: [] });
    worker.reply({ type: "parcels", parcels: [parcel("a"), parcel("b")] });
    worker.reply({ type: "progress", progress: { stage: "validating" } });
    worker.reply({ type: "parcels", parcels: [parcel("c")] });
    worker.reply({ type: "result", result: DONE, chunked: true });
    const result = await pending;
    expect(result.ok && result.parcels.map((each) => each.name)).toEqual(["a", "b", "c"]);
    expect(result.ok && result.crs).toEqual(DONE.ok && DONE.crs);
  });

  it("transfers whole byte buffers instead of copying them, and copies out a view into a larger one", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const bytes = new TextEncoder().encode(geoJson());
    const pending = importFileInWorker({ name: "site.geojson", bytes });
    const worker = await started();
    const { request, transfer } = worker.posted[0]!;
    expect(request.type).toBe("bytes");
    expect(transfer).toEqual([bytes.buffer]);
    expect(request.type === "bytes" && request.bytes).toBe(bytes.buffer);
    worker.reply({ type: "result", result: DONE });
    await pending;

    FakeWorker.instances = [];
    const larger = new Uint8Array(100);
    const view = larger.subarray(10, 20);
    const second = importFileInWorker({ name: "part.geojson", bytes: view });
    const next = await started();
    const posted = next.posted[0]!;
    expect(posted.transfer).toHaveLength(1);
    expect(posted.transfer[0]).not.toBe(larger.buffer);
    expect((posted.transfer[0] as ArrayBuffer).byteLength).toBe(10);
    next.reply({ type: "result", result: DONE });
    await second;
  });

  it("ends the worker at once when cancelled and ignores what it sends afterwards", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const controller = new AbortController();
    const progress: ImportProgress[] = [];
    const pending = importPastedInWorker(PASTED, { signal: controller.signal, onProgress: (step) => progress.push(step) });
    const worker = await started();
    expect(worker.posted[0]!.request).toEqual({ type: "paste", text: PASTED });
    controller.abort();
    expect(worker.terminated).toBe(true);
    worker.reply({ type: "progress", progress: { stage: "parsing" } });
    worker.reply({ type: "result", result: DONE });
    const result = await pending;
    expect(result.ok || result.error.code).toBe("import-cancelled");
    expect(progress).toEqual([]);
  });

  it("resolves a crashed worker as an unexpected error, never a rejection", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const pending = importFileInWorker(namedBlob(geoJson(), "site.geojson"));
    const worker = await started();
    worker.dispatchEvent(Object.assign(new Event("error", { cancelable: true }), { message: "Out of memory" }));
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("unexpected-error");
      expect(importMessageText(result.error, "zh")).toContain("Out of memory");
      expect(importMessageText(result.error, "en")).toContain("site.geojson");
    }
    expect(worker.terminated).toBe(true);
  });

  it("resolves as an unexpected error when the worker cannot be started", async () => {
    vi.stubGlobal(
      "Worker",
      class {
        constructor() {
          throw new Error("SecurityError: workers are blocked");
        }
      },
    );
    const result = await importPastedInWorker(PASTED);
    expect(result.ok || result.error.code).toBe("unexpected-error");
  });

  it("refuses an oversized file before starting a worker", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const huge = { name: "huge.kmz", size: MAX_FILE_BYTES + 1 } as unknown as Blob & { name: string };
    const result = await importFileInWorker(huge);
    expect(result.ok || result.error.code).toBe("file-too-large");
    expect(FakeWorker.instances).toHaveLength(0);
  });

  it("refuses pasted text over the limit by its length, before starting a worker", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const result = await importPastedInWorker("1".repeat(MAX_FILE_BYTES + 1));
    expect(result.ok || result.error.code).toBe("input-too-large");
    expect(FakeWorker.instances).toHaveLength(0);
  });
});
