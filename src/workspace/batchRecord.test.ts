import { describe, expect, it } from "vitest";
import { loadDataPackage } from "../layers/loadDataPackage";
import { fetchGeodata } from "../../tests/support/testGeodata";
import { createInlineBatchChecker } from "../siteCheck/batch/batchCheckers";
import { runBatch } from "../siteCheck/batch/batchRunner";
import { BATCH_SCHEMA_VERSION, type Batch } from "../siteCheck/batch/batchService";
import type { ImportedParcel } from "../import/types";
import { importMessageText } from "../i18n/messages.import";
import { isBatchRecord } from "./batchRecord";

const square = (west: number, south: number): ImportedParcel => ({
  name: `${west},${south}`,
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [west + 0.002, south],
        [west + 0.002, south + 0.002],
        [west, south + 0.002],
        [west, south],
      ],
    ],
  },
  sourceCoordinates: [[[[west, south]]]],
  properties: { 宗地编号: "ZD-1" },
});

describe("the batch record guard", () => {
  it("accepts what a real batch check produces, over the committed data package", async () => {
    const loaded = await loadDataPackage("", fetchGeodata, async () => ({ ok: true, value: 0 }));
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    // The centre (town names in the fee finding), the key zone, and outside the district.
    const parcels = [square(105.72, 29.7), square(106.0, 29.72), square(106.57, 29.55)];
    const run = await runBatch({
      geometries: parcels.map((parcel) => parcel.geometry),
      createChecker: () => createInlineBatchChecker(loaded.value),
      poolSize: 1,
    });
    if (run.type !== "done") throw new Error("cancelled");
    const batch: Batch = {
      schemaVersion: BATCH_SCHEMA_VERSION,
      id: "b",
      fileName: "f.geojson",
      crs: { code: "EPSG:4326", swappedAxes: false, reason: [{ code: "kml", params: {} }], confidence: "inferred" },
      warnings: [],
      checkedAt: "2024-06-01T00:00:00.000Z",
      dataPackageVersion: loaded.value.manifest.version,
      parcels,
      results: run.results,
    };
    expect(isBatchRecord(structuredClone(batch))).toBe(true);
    expect(isBatchRecord({ ...batch, results: run.results.slice(1) })).toBe(false);

    // Warnings as this version writes them (codes) and as earlier versions stored them (rendered text) both open.
    const coded = {
      code: "ring-closed",
      key: "ring-closed",
      params: { parcel: "A", rings: [{ part: 0, ring: 0, parts: 1 }] },
      detail: { parcel: "A", rings: 1 },
    };
    const rendered = {
      code: "ring-closed",
      zh: "地块「A」的外圈首尾点不重合，已自动闭合（终点连回起点）。",
      en: 'Parcel "A": the outer ring did not end at its first point and was closed automatically.',
    };
    const stored = JSON.parse(JSON.stringify({ ...batch, warnings: [coded, rendered] })) as Batch;
    expect(isBatchRecord(stored)).toBe(true);
    expect(stored.warnings.map((warning) => importMessageText(warning, "zh"))).toEqual([rendered.zh, rendered.zh]);
    expect(stored.warnings.map((warning) => importMessageText(warning, "en"))).toEqual([rendered.en, rendered.en]);
    // A key this version does not know, a message of neither shape, or parameters that are not an object are refused.
    expect(isBatchRecord({ ...batch, warnings: [{ ...coded, key: "no-such-key" }] })).toBe(false);
    expect(isBatchRecord({ ...batch, warnings: [{ code: "ring-closed", zh: "只有中文" }] })).toBe(false);
    expect(isBatchRecord({ ...batch, warnings: [{ ...coded, params: "A" }] })).toBe(false);
  });
});
