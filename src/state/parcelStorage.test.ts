import { describe, expect, it } from "vitest";
import { testQuery } from "../../tests/support/testRecords";
import { isSavedSiteQuery, isSiteDraft, openParcelStorage, RECORD_SCHEMA_VERSION } from "./parcelStorage";

const query = testQuery;
const parcel = testQuery.parcel;

describe("parcel storage records", () => {
  it("accepts a saved query of the current schema and refuses older, foreign or broken ones", () => {
    const saved = { schemaVersion: RECORD_SCHEMA_VERSION, id: "a", name: "东界", savedAt: "2024-05-01T00:00:00Z", ...query };
    expect(isSavedSiteQuery(saved)).toBe(true);
    expect(isSavedSiteQuery({ ...saved, schemaVersion: 0 })).toBe(false);
    expect(isSavedSiteQuery({ ...saved, parcel: { ...parcel, origin: "unknown" } })).toBe(false);
    expect(isSavedSiteQuery({ ...saved, parcel: { ...parcel, geometry: { type: "Polygon", coordinates: [[[105.7, 29.7]]] } } })).toBe(false);
    expect(isSavedSiteQuery({ ...saved, overrides: { x: { reason: 3 } } })).toBe(false);
    expect(isSavedSiteQuery(null)).toBe(false);
  });

  it("keeps case details when they are two short strings, and opens queries saved before them", () => {
    const saved = { schemaVersion: RECORD_SCHEMA_VERSION, id: "a", name: "东界", savedAt: "2024-05-01T00:00:00Z", ...query };
    expect(isSavedSiteQuery({ ...saved, caseDetails: { caseNumber: "大足规资受〔2026〕142号", officer: "李明" } })).toBe(true);
    expect(isSavedSiteQuery({ ...saved, caseDetails: { caseNumber: "", officer: "" } })).toBe(true);
    expect(isSavedSiteQuery({ ...saved, caseDetails: { caseNumber: 142, officer: "李明" } })).toBe(false);
    expect(isSavedSiteQuery({ ...saved, caseDetails: { caseNumber: "x".repeat(81), officer: "" } })).toBe(false);
    expect(isSavedSiteQuery({ ...saved, caseDetails: null })).toBe(false);
    expect(
      isSiteDraft({ schemaVersion: RECORD_SCHEMA_VERSION, savedAt: "t", query: { ...query, caseDetails: { caseNumber: "7", officer: "" } }, sketch: null }),
    ).toBe(true);
  });

  it("accepts drafts with a query, a sketch, both or neither", () => {
    const sketch = { kind: "line", vertices: [[105.7, 29.7]], finished: false };
    expect(isSiteDraft({ schemaVersion: RECORD_SCHEMA_VERSION, savedAt: "t", query, sketch })).toBe(true);
    expect(isSiteDraft({ schemaVersion: RECORD_SCHEMA_VERSION, savedAt: "t", query: null, sketch: null })).toBe(true);
    expect(isSiteDraft({ schemaVersion: RECORD_SCHEMA_VERSION, savedAt: "t", query: null, sketch: { ...sketch, kind: "circle" } })).toBe(false);
  });

  it("answers 'unavailable' instead of throwing where there is no IndexedDB", async () => {
    const storage = openParcelStorage(undefined);
    expect(await storage.list()).toMatchObject({ ok: false, reason: "unavailable" });
    expect(await storage.saveDraft(null, null)).toMatchObject({ ok: false, reason: "unavailable" });
  });
});
