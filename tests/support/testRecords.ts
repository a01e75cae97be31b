import type { Polygon } from "geojson";
import { IMPORTED_LAYER_SCHEMA_VERSION, type ImportedLayerRecord } from "../../src/layers/importedLayerRecord";
import type { SavedSiteQuery, SiteDraft } from "../../src/state/parcelStorage";
import type { SiteQuery } from "../../src/state/parcelSlice";
import { BATCH_SCHEMA_VERSION, type Batch } from "../../src/siteCheck/batch/batchService";

/** Records as the app writes them, shared by the storage and workspace tests. */

/** About 1 km across, inside the district. */
const TEST_SQUARE: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [105.7, 29.7],
      [105.71, 29.7],
      [105.71, 29.71],
      [105.7, 29.7],
    ],
  ],
};

export const testQuery: SiteQuery = {
  parcel: {
    name: "地块",
    origin: "drawn",
    geometry: TEST_SQUARE,
  },
  overrides: { "mining-key-zone": { reason: "已核实", at: "2024-05-01T00:00:00Z" } },
  fee: { floorAreas: { office: 100 }, answers: {} },
  mineral: null,
};

export function testSavedQuery(id: string, savedAt = "2024-05-01T00:00:00.000Z"): SavedSiteQuery {
  return { schemaVersion: 1, id, name: `东界 ${id}`, savedAt, ...testQuery };
}

export const testDraft: SiteDraft = {
  schemaVersion: 1,
  savedAt: "2024-05-02T08:00:00.000Z",
  query: testQuery,
  sketch: {
    kind: "line",
    vertices: [
      [105.7, 29.7],
      [105.72, 29.71],
    ],
    finished: false,
  },
};

export function testLayer(id: string, importedAt = "2024-06-01T00:00:00.000Z"): ImportedLayerRecord {
  return {
    schemaVersion: IMPORTED_LAYER_SCHEMA_VERSION,
    id,
    title: { zh: "开采区块", en: "Extraction blocks" },
    replaces: null,
    role: "restricts",
    geometryType: "polygon",
    source: ["dzfb-2023-32#s3.p3.n6.para1"],
    sourceDocuments: ["dzfb-2023-32"],
    provenance: "区规划和自然资源局 2024-05",
    positionalAccuracyM: 5,
    fileName: "blocks.geojson",
    importedAt,
    crs: { code: "EPSG:4490", swappedAxes: false, confidence: "declared" },
    data: {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: {
            id: "b1",
            name: "区块一",
            source: ["dzfb-2023-32#s3.p3.n6.para1"],
            geometry_quality: "official",
            geometry_note: "官方数据",
            area_mu: 12.5,
          },
          geometry: TEST_SQUARE,
        },
      ],
    },
  };
}

/** A batch of two parcels as the batch check stores it: the first overlaps the key zone, the second's check failed. */
export function testBatch(id = "batch-1"): Batch {
  const geometry = testQuery.parcel.geometry;
  return {
    schemaVersion: BATCH_SCHEMA_VERSION,
    id,
    fileName: "宗地.geojson",
    crs: {
      code: "EPSG:4490",
      swappedAxes: false,
      reason: [{ code: "epsg-declared", params: { source: { kind: "geojson-crs" }, epsg: 4490, crs: "EPSG:4490" } }],
      confidence: "declared",
    },
    warnings: [{ code: "parcel-closed", zh: "已闭合", en: "closed", detail: { parcel: "一号" } }],
    checkedAt: "2024-06-01T00:00:00.000Z",
    dataPackageVersion: "2023.1.0",
    parcels: [
      { name: "一号", geometry, sourceCoordinates: [[[[105.7, 29.7]]]], properties: { 宗地编号: "ZD-001", 面积: 12.5 } },
      { name: "二号", geometry, sourceCoordinates: [], properties: {} },
    ],
    results: [
      {
        index: 0,
        outcome: {
          report: {
            parcel: { gaussKrugerSquareMetres: 1000 },
            district: { position: "inside" },
            findings: [
              {
                layerId: "mining-key-zone",
                title: { zh: "重点开采区", en: "Key extraction zone" },
                status: "restricted",
                reason: { code: "site.reason.overlaps", params: { share: { share: 0.5 }, count: 1, names: { names: [{ zh: "重点开采区", en: "Key zone" }] } } },
                overlaps: [{ name: "重点开采区", overlapSquareMetres: 500, shareOfParcel: 0.5 }],
              },
            ],
          },
          notChecked: [],
          fee: { questions: [{ id: "town" }], town: null },
        },
      },
      { index: 1, failed: "worker crashed" },
    ],
  };
}
