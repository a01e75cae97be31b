import { afterEach, describe, expect, it, vi } from "vitest";
import type { ImportWorkerRequest, ImportWorkerResponse } from "./importWorkerProtocol";
import { importMessageText } from "../i18n/messages.import";

/** The worker's global scope, as far as import.worker.ts uses it. */
class FakeScope extends EventTarget {
  replies: ImportWorkerResponse[] = [];
  postMessage(response: ImportWorkerResponse): void {
    this.replies.push(response);
  }
}

const SQUARE = "105.72 29.7\n105.722 29.7\n105.722 29.702\n105.72 29.702\n";

async function startWorker(): Promise<FakeScope> {
  const scope = new FakeScope();
  vi.stubGlobal("self", scope);
  vi.resetModules();
  await import("./import.worker");
  return scope;
}

async function ask(scope: FakeScope, request: ImportWorkerRequest): Promise<ImportWorkerResponse[]> {
  scope.dispatchEvent(new MessageEvent("message", { data: request }));
  await vi.waitFor(() => expect(scope.replies.at(-1)?.type).toBe("result"));
  return scope.replies;
}

describe("import worker", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reads a File itself and posts stage changes and whole-percent steps only, then the result", async () => {
    const scope = await startWorker();
    const padding = " ".repeat(5 * 1024 * 1024);
    const file = new Blob([`{"type":"Polygon","coordinates":[[[105.72,29.7],[105.722,29.7],[105.722,29.702],[105.72,29.702],[105.72,29.7]]]}${padding}`]);
    const replies = await ask(scope, { type: "file", name: "site.geojson", file });
    const progress = replies.flatMap((reply) => (reply.type === "progress" ? [reply.progress] : []));
    expect(progress.map((step) => step.stage).filter((stage, index, all) => stage !== all[index - 1])).toEqual([
      "reading",
      "parsing",
      "converting",
      "validating",
    ]);
    const reading = progress.filter((step) => step.stage === "reading").map((step) => step.fraction);
    expect(reading.length).toBeGreaterThan(2);
    // 5 MiB and a few bytes read in 1 MiB slices: the raw shares are not whole percents, the posted ones are.
    expect(reading.map((fraction) => Math.round(fraction! * 100) / 100)).toEqual(reading);
    expect(new Set(reading).size).toBe(reading.length);
    const last = replies.at(-1)!;
    expect(last.type === "result" && last.result.ok).toBe(true);
  });

  it("imports transferred bytes and pasted text with the CRS override", async () => {
    const scope = await startWorker();
    const bytes = new TextEncoder().encode(SQUARE).buffer;
    const fileReplies = await ask(scope, { type: "bytes", name: "points.txt", bytes, crsOverride: { code: "EPSG:4326", swappedAxes: false } });
    const fromFile = fileReplies.at(-1)!;
    expect(fromFile.type === "result" && fromFile.result.ok && fromFile.result.crs.confidence).toBe("declared");

    scope.replies = [];
    const pasteReplies = await ask(scope, { type: "paste", text: SQUARE });
    const pasted = pasteReplies.at(-1)!;
    expect(pasted.type === "result" && pasted.result.ok && pasted.result.crs.code).toBe("EPSG:4326");
  });

  it("refuses a parcel larger than the district's area the page sends (40 km × 40 km > 1436 km²)", async () => {
    const scope = await startWorker();
    const big = "3260000,540000\n3260000,580000\n3300000,580000\n3300000,540000";
    const refused = (await ask(scope, { type: "paste", text: big, districtAreaKm2: 1436 })).at(-1)!;
    expect(refused.type === "result" && !refused.result.ok && refused.result.error.code).toBe("larger-than-district");
    scope.replies = [];
    const taken = (await ask(scope, { type: "paste", text: big, districtAreaKm2: 1700 })).at(-1)!;
    expect(taken.type === "result" && taken.result.ok).toBe(true);
  });

  it("answers a file that cannot be read with a message", async () => {
    const scope = await startWorker();
    const broken = Object.assign(new Blob(["x".repeat(10)]), {
      slice: () => ({ arrayBuffer: () => Promise.reject(new DOMException("The file changed", "NotReadableError")) }),
    });
    const replies = await ask(scope, { type: "file", name: "gone.geojson", file: broken });
    const last = replies.at(-1)!;
    expect(last.type === "result" && !last.result.ok && last.result.error.code).toBe("unreadable-file");
    if (last.type === "result" && !last.result.ok) expect(importMessageText(last.result.error, "zh")).toContain("gone.geojson");
  });
});

describe("import worker with many parcels", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("posts 1 201 parcels in pieces of 500, in order, then the result without them", async () => {
    const scope = await startWorker();
    const squares = Array.from({ length: 1201 }, (_, index) => {
      const x = 105.7 + (index % 40) * 0.003;
      const y = 29.6 + Math.floor(index / 40) * 0.003;
      const ring = [
        [x, y],
        [x + 0.002, y],
        [x + 0.002, y + 0.002],
        [x, y + 0.002],
        [x, y],
      ];
      return { type: "Feature", properties: { name: `P${index}` }, geometry: { type: "Polygon", coordinates: [ring] } };
    });
    const bytes = new TextEncoder().encode(JSON.stringify({ type: "FeatureCollection", features: squares })).buffer;
    const replies = await ask(scope, { type: "bytes", name: "many.geojson", bytes });
    const pieces = replies.flatMap((reply) => (reply.type === "parcels" ? [reply.parcels] : []));
    expect(pieces.map((piece) => piece.length)).toEqual([500, 500, 201]);
    expect(pieces.flat().map((parcel) => parcel.name)).toEqual(squares.map((square) => square.properties.name));
    const last = replies.at(-1)!;
    expect(last.type === "result" && last.chunked).toBe(true);
    expect(last.type === "result" && last.result.ok && last.result.parcels).toEqual([]);
  });
});
