import { describe, expect, it } from "vitest";
import { loadDataPackage } from "../layers/loadDataPackage";
import { fetchGeodata } from "../../tests/support/testGeodata";
import { createInlineBatchChecker } from "../siteCheck/batch/batchCheckers";
import { runBatch } from "../siteCheck/batch/batchRunner";
import { BATCH_SCHEMA_VERSION, type Batch } from "../siteCheck/batch/batchService";
import type { ImportedParcel } from "../import/types";
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
  });
});
