import { describe, expect, it } from "vitest";
import { testBatch, testQuery } from "../../tests/support/testRecords";
import { crsReasonText } from "../i18n/messages.crs";
import { importMessageText } from "../i18n/messages.import";
import { isSavedSiteQuery, RECORD_SCHEMA_VERSION } from "../state/parcelStorage";
import { isBatchRecord } from "../workspace/batchRecord";
import { readStoredCrsGuess, readStoredCrsReason } from "./storedCrsGuess";
import { importPastedCoordinates } from "./pasteCoordinates";

/** A reason as the previous version stored it: already worded in both languages. */
const WORDED = {
  zh: "GeoJSON 的 crs 成员声明 EPSG:4490：CGCS2000 经纬度（EPSG:4490）。",
  en: "The GeoJSON crs member declares EPSG:4490: CGCS2000 longitude/latitude (EPSG:4490).",
};

describe("stored CRS reasons", () => {
  it("reads a reason of codes as it is, and words it as the import did", () => {
    const result = importPastedCoordinates("3287000,35569000\n3287000,35569200\n3287200,35569200");
    if (!result.ok) throw new Error(importMessageText(result.error, "en"));
    const stored = readStoredCrsGuess(JSON.parse(JSON.stringify(result.crs)));
    expect(stored).toEqual(result.crs);
    expect(crsReasonText(stored!.reason, "zh")).toBe(crsReasonText(result.crs.reason, "zh"));
    expect(crsReasonText(stored!.reason, "en")).toContain("northing (X) first");
  });

  it("reads a reason an earlier version stored as {zh, en} text and shows that text unchanged", () => {
    const reason = readStoredCrsReason(WORDED);
    expect(reason).not.toBeNull();
    expect(crsReasonText(reason!, "zh")).toBe(WORDED.zh);
    expect(crsReasonText(reason!, "en")).toBe(WORDED.en);
  });

  it("refuses unknown codes, missing parameters and other shapes", () => {
    expect(readStoredCrsReason([{ code: "constructor", params: {} }])).toBeNull();
    expect(readStoredCrsReason([{ code: "epsg-declared", params: {} }])).toBeNull();
    expect(readStoredCrsReason([])).toBeNull();
    expect(readStoredCrsReason("EPSG:4490")).toBeNull();
    expect(readStoredCrsReason({ zh: "只有中文" })).toBeNull();
    expect(readStoredCrsGuess({ code: "EPSG:3857", swappedAxes: false, confidence: "declared", reason: WORDED })).toBeNull();
  });

  it("opens a batch and a saved query written by the previous version, with the reason in the current shape", () => {
    const batch = { ...testBatch(), crs: { code: "EPSG:4490", swappedAxes: false, reason: WORDED, confidence: "declared" } };
    expect(isBatchRecord(batch)).toBe(true);
    expect(batch.crs.reason).toEqual([{ code: "stored-text", params: WORDED }]);

    const crs = { code: "EPSG:4490", swappedAxes: false, reason: WORDED, confidence: "declared" };
    const saved = {
      schemaVersion: RECORD_SCHEMA_VERSION,
      id: "q",
      name: "旧地块",
      savedAt: "2024-01-01T00:00:00Z",
      ...testQuery,
      parcel: { ...testQuery.parcel, crs },
    };
    expect(isSavedSiteQuery(saved)).toBe(true);
    expect(Array.isArray(saved.parcel.crs.reason)).toBe(true);
    expect(isSavedSiteQuery({ ...saved, parcel: { ...testQuery.parcel, crs: { ...crs, reason: "text" } } })).toBe(false);
  });
});
