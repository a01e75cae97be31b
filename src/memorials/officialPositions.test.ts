import { beforeAll, describe, expect, it } from "vitest";
import type { ImportResult } from "../import/types";
import { mergeImportedLayers } from "../layers/importedLayers";
import type { DataPackage } from "../layers/layerData";
import { loadDataPackage } from "../layers/loadDataPackage";
import { buildImportedLayer } from "../workspace/buildImportedLayer";
import { memorialsFromLayer, positionCertainty, type Memorial } from "./memorials";
import { memorialMatchSummary, withOfficialPositions } from "./officialPositions";
import { fetchGeodata } from "../../tests/support/testGeodata";
import { importMessageText } from "../i18n/messages.import";

let dataPackage: DataPackage;
let memorials: Memorial[];
beforeAll(async () => {
  const loaded = await loadDataPackage("", fetchGeodata, async () => ({ ok: true, value: 0 }));
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  dataPackage = loaded.value;
  const load = dataPackage.layers.get("memorials");
  if (load?.type !== "loaded") throw new Error("memorials not loaded");
  const read = memorialsFromLayer(load.data);
  if (!read.ok) throw new Error(read.errors.join("\n"));
  memorials = read.value;
});

/** Surveyed points as a bureau might name them: one by name with a suffix, one by id, two claiming one memorial. */
function surveyed(points: Array<{ name: string; lngLat: [number, number]; memorialId?: string }>): DataPackage {
  const result: Extract<ImportResult, { ok: true }> = {
    ok: true,
    crs: { code: "EPSG:4490", swappedAxes: false, confidence: "declared", reason: [{ code: "kml", params: {} }] },
    warnings: [],
    parcels: points.map((point) => ({
      name: point.name,
      geometry: { type: "Point", coordinates: point.lngLat },
      sourceCoordinates: [[[point.lngLat]]],
      properties: point.memorialId ? { memorial_id: point.memorialId } : ({} as Record<string, string>),
    })),
  };
  const target = dataPackage.manifest.layers.find((layer) => layer.id === "memorials")!;
  const built = buildImportedLayer(result, {
    target,
    targetLoad: dataPackage.layers.get("memorials"),
    title: { zh: "烈士纪念设施（实测）", en: "Memorials (surveyed)" },
    provenance: "区退役军人事务局 2024 年实测",
    positionalAccuracyM: 2,
    nameProperty: null,
    fileName: "纪念设施.geojson",
    importedAt: "2024-07-01T00:00:00.000Z",
    idSuffix: "m1",
  });
  if (!built.ok) throw new Error(importMessageText(built.error, "en"));
  return mergeImportedLayers(dataPackage, [built.record]).dataPackage;
}

describe("official memorial positions", () => {
  it("moves a memorial to its surveyed point, matched by name or id, and makes it exact", () => {
    const merged = surveyed([
      { name: "陈现文 烈士墓（实测）", lngLat: [105.7712, 29.6688] },
      { name: "石碑 A", lngLat: [105.9151, 29.7012], memorialId: "memorial-hu-zaiguo" },
      { name: "无名碑", lngLat: [105.8, 29.6] },
    ]);
    const { memorials: placed, unmatched, ambiguous } = withOfficialPositions(memorials, merged, "memorials");
    const chen = placed.find((memorial) => memorial.id === "memorial-chen-xianwen")!;
    expect(chen.lngLat).toEqual([105.7712, 29.6688]);
    expect(chen.geometryQuality).toBe("official");
    expect(chen.uncertaintyMetres).toBe(2);
    expect(positionCertainty(chen)).toEqual({ type: "exact" });
    expect(chen.geometryNote).toContain("区退役军人事务局 2024 年实测");
    // The published text and the id stay; the feature used for distances moves.
    expect(chen.protectionRange).toBe(memorials.find((memorial) => memorial.id === "memorial-chen-xianwen")!.protectionRange);
    expect(chen.feature.properties.id).toBe("memorial-chen-xianwen");
    expect(chen.feature.geometry).toEqual({ type: "Point", coordinates: [105.7712, 29.6688] });
    expect(placed.find((memorial) => memorial.id === "memorial-hu-zaiguo")!.lngLat).toEqual([105.9151, 29.7012]);
    // Untouched memorials keep their placeholder and its uncertainty.
    const rao = placed.find((memorial) => memorial.id === "memorial-rao-guoliang")!;
    expect(rao).toBe(memorials.find((memorial) => memorial.id === "memorial-rao-guoliang"));
    expect(unmatched).toEqual(["无名碑"]);
    expect(ambiguous).toEqual([]);
  });

  it("keeps the placeholder of a memorial two points claim, and says so", () => {
    const merged = surveyed([
      { name: "杨盛金烈士墓", lngLat: [105.691, 29.521] },
      { name: "杨盛金烈士墓 旧址", lngLat: [105.7, 29.53] },
      { name: "苏朝淼烈士墓", lngLat: [105.6912, 29.5211] },
    ]);
    const { memorials: placed, ambiguous } = withOfficialPositions(memorials, merged, "memorials");
    expect(ambiguous).toEqual(["杨盛金烈士墓"]);
    expect(placed.find((memorial) => memorial.id === "memorial-yang-shengjin")!.geometryQuality).toBe("schematic");
    expect(placed.find((memorial) => memorial.id === "memorial-su-chaomiao")!.lngLat).toEqual([105.6912, 29.5211]);
  });

  it("summarises the match for the layer list", () => {
    const merged = surveyed([
      { name: "陈现文烈士墓", lngLat: [105.7712, 29.6688] },
      { name: "无名碑", lngLat: [105.8, 29.6] },
    ]);
    expect(memorialMatchSummary(merged)).toEqual({ matched: 1, total: 6, unmatched: ["无名碑"], ambiguous: [] });
    expect(memorialMatchSummary(dataPackage)).toBeNull();
  });

  it("changes nothing without imported data", () => {
    expect(withOfficialPositions(memorials, dataPackage, "memorials")).toEqual({ memorials, unmatched: [], ambiguous: [] });
  });
});
