import type { Feature, Geometry, Polygon } from "geojson";
import { gaussKrugerRectangle as gkRectangle } from "../geo/gaussKrugerRectangle";
import { describe, expect, it } from "vitest";
import { gaussKrugerToLngLat } from "../geo/crs";
import { toMu } from "../geo/measure";
import { testLayerDefinition } from "../../tests/support/testLayerDefinition";
import { checkParcel } from "./checkParcel";
import type { CheckLayer } from "./types";

const layer = testLayerDefinition;

function feature(id: string, geometry: Geometry, properties: Record<string, unknown> = {}): Feature<Geometry> {
  return { type: "Feature", geometry, properties: { id, name: id, source: ["dzfb-2023-32#s4.n1.para2"], ...properties } };
}

const E = 569_000;
const N = 3_287_000;

describe("checkParcel — polygons", () => {
  it("finds a 1 km square half inside a zone: 50 % share, 500 000 m² = 750 亩, restricted", () => {
    const zone = feature("key-zone", gkRectangle(E + 500, N - 2000, E + 3000, N + 3000));
    const report = checkParcel(gkRectangle(E, N, E + 1000, N + 1000), [{ definition: layer({}), features: [zone] }]);
    const finding = report.findings[0]!;
    expect(finding.status).toBe("restricted");
    expect(finding.overlaps).toHaveLength(1);
    expect(finding.overlaps[0]!.shareOfParcel).toBeGreaterThan(0.499);
    expect(finding.overlaps[0]!.shareOfParcel).toBeLessThan(0.501);
    expect(toMu(finding.overlaps[0]!.overlapSquareMetres)).toBeCloseTo(750, 0);
    expect(finding.overlaps[0]!.tolerance).toBe("substantive");
    expect(report.parcel.gaussKrugerSquareMetres).toBeCloseTo(1_000_000, -1);
  });

  it("classes a 20 m strip as a sliver when the layer is only accurate to 100 m → undecided, not restricted", () => {
    const zone = feature("key-zone", gkRectangle(E + 980, N - 2000, E + 3000, N + 3000));
    const report = checkParcel(gkRectangle(E, N, E + 1000, N + 1000), [{ definition: layer({}), features: [zone] }]);
    expect(report.findings[0]!.overlaps[0]!.tolerance).toBe("sliver");
    expect(report.findings[0]!.overlaps[0]!.shareOfParcel).toBeCloseTo(0.02, 3);
    expect(report.findings[0]!.status).toBe("undecided");
  });

  it("reports a zone 60 m away as undecided when accuracy is 100 m, and clear when it is 50 m", () => {
    const zone = feature("key-zone", gkRectangle(E + 1060, N, E + 2000, N + 1000));
    const parcel = gkRectangle(E, N, E + 1000, N + 1000);
    const coarse = checkParcel(parcel, [{ definition: layer({ positionalAccuracyM: 100 }), features: [zone] }]);
    expect(coarse.findings[0]!.status).toBe("undecided");
    expect(coarse.findings[0]!.nearest!.distanceMetres).toBeCloseTo(60, 1);
    const fine = checkParcel(parcel, [{ definition: layer({ positionalAccuracyM: 50 }), features: [zone] }]);
    expect(fine.findings[0]!.status).toBe("clear");
  });

  it("lists informing layers with their share and skips context layers", () => {
    const townA = feature("town-a", gkRectangle(E - 5000, N - 5000, E + 250, N + 5000));
    const townB = feature("town-b", gkRectangle(E + 250, N - 5000, E + 5000, N + 5000));
    const report = checkParcel(gkRectangle(E, N, E + 1000, N + 1000), [
      { definition: layer({ id: "fee-tiers", role: "informs", positionalAccuracyM: 10 }), features: [townA, townB] },
      { definition: layer({ id: "district", role: "context" }), features: [townA] },
    ]);
    expect(report.findings.map((finding) => finding.layerId)).toEqual(["fee-tiers"]);
    const shares = Object.fromEntries(report.findings[0]!.overlaps.map((overlap) => [overlap.featureId, overlap.shareOfParcel]));
    expect(shares["town-a"]).toBeCloseTo(0.25, 4);
    expect(shares["town-b"]).toBeCloseTo(0.75, 4);
    expect(report.findings[0]!.status).toBe("info");
  });

  it("says 'no data' for a layer published without geometry", () => {
    const report = checkParcel(gkRectangle(E, N, E + 100, N + 100), [
      {
        definition: layer({
          id: "mining-extraction",
          summary: [{ label: { zh: "开采规划区块", en: "Extraction blocks" }, count: 28, source: "dzfb-2023-32#s3.p3.n6.para1" }],
        }),
        features: [],
      },
    ]);
    expect(report.findings[0]!.status).toBe("no-data");
    expect(report.findings[0]!.summary![0]!.count).toBe(28);
  });
});

describe("checkParcel — memorial points", () => {
  const memorialLayer = layer({ id: "memorials", geometryType: "point", positionalAccuracyM: 50 });
  const memorialAt = (easting: number, northing: number, uncertainty: number) =>
    feature("memorial-1", { type: "Point", coordinates: gaussKrugerToLngLat([easting, northing]) }, { uncertainty_m: uncertainty });

  it("flags a parcel 40 m from a precisely placed memorial as caution (default 50 m)", () => {
    const report = checkParcel(gkRectangle(E, N, E + 100, N + 100), [{ definition: memorialLayer, features: [memorialAt(E + 140, N + 50, 0)] }]);
    const finding = report.findings[0]!;
    expect(finding.nearest!.distanceMetres).toBeCloseTo(40, 1);
    expect(finding.nearest!.withinCaution).toBe(true);
    expect(finding.status).toBe("caution");
  });

  it("is clear at 80 m with a precise position, but cannot exclude it when the position is ±5 km", () => {
    const parcel = gkRectangle(E, N, E + 100, N + 100);
    const precise = checkParcel(parcel, [{ definition: memorialLayer, features: [memorialAt(E + 180, N + 50, 0)] }]);
    expect(precise.findings[0]!.status).toBe("clear");
    const vague = checkParcel(parcel, [{ definition: memorialLayer, features: [memorialAt(E + 180, N + 50, 5000)] }]);
    expect(vague.findings[0]!.nearest!.cannotExclude).toBe(true);
    expect(vague.findings[0]!.status).toBe("caution");
  });

  it("honours a configured caution distance", () => {
    const report = checkParcel(gkRectangle(E, N, E + 100, N + 100), [{ definition: memorialLayer, features: [memorialAt(E + 180, N + 50, 0)] }], {
      cautionDistanceMetres: 100,
    });
    expect(report.findings[0]!.status).toBe("caution");
  });
});

describe("spatial index", () => {
  it("finds the truly nearest point to a long strip, not just the nearest to its centre", () => {
    const strip = gkRectangle(E, N, E + 10_000, N + 10);
    const nearCentre = [0, 1, 2, 3, 4].map((index) =>
      feature(`centre-${index}`, { type: "Point", coordinates: gaussKrugerToLngLat([E + 4_990 + index * 5, N + 210]) }, { uncertainty_m: 0 }),
    );
    const pastTheEnd = feature("end", { type: "Point", coordinates: gaussKrugerToLngLat([E + 10_020, N + 5]) }, { uncertainty_m: 0 });
    const definition = layer({ id: "points", geometryType: "point" });
    for (const useSpatialIndex of [true, false]) {
      const report = checkParcel(strip, [{ definition, features: [...nearCentre, pastTheEnd] }], { useSpatialIndex });
      expect(report.findings[0]!.nearest!.featureId).toBe("end");
      expect(report.findings[0]!.nearest!.distanceMetres).toBeCloseTo(20, 1);
    }
  });

  it("gives identical reports with and without the index on 2 000 random zones", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const zones: Feature<Geometry>[] = [];
    for (let index = 0; index < 2000; index++) {
      const x = E - 20_000 + random() * 40_000;
      const y = N - 20_000 + random() * 40_000;
      zones.push(feature(`z${index}`, gkRectangle(x, y, x + 50 + random() * 800, y + 50 + random() * 800)));
    }
    const points = zones
      .slice(0, 300)
      .map((zone, index) => feature(`p${index}`, { type: "Point", coordinates: (zone.geometry as Polygon).coordinates[0]![0]! }, { uncertainty_m: 10 }));
    const layers: CheckLayer[] = [
      { definition: layer({ positionalAccuracyM: 30 }), features: zones },
      { definition: layer({ id: "points", geometryType: "point", positionalAccuracyM: 10 }), features: points },
    ];
    for (let trial = 0; trial < 5; trial++) {
      const x = E - 10_000 + random() * 20_000;
      const y = N - 10_000 + random() * 20_000;
      const parcel = gkRectangle(x, y, x + 2500, y + 1800);
      const indexed = checkParcel(parcel, layers, { useSpatialIndex: true });
      const naive = checkParcel(parcel, layers, { useSpatialIndex: false });
      expect(indexed.findings).toEqual(naive.findings);
      expect(indexed.findings[0]!.overlaps.length).toBeGreaterThan(0);
    }
    // Ten checks of 2 300 features: seconds on a loaded 2-core machine; speed is measured by `npm run bench`, not here.
  }, 60_000);
});
