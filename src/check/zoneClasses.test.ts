import type { Feature, Geometry } from "geojson";
import { describe, expect, it } from "vitest";
import { gaussKrugerToLngLat } from "../geo/crs";
import { gaussKrugerRectangle as rectangle } from "../geo/gaussKrugerRectangle";
import { testLayerDefinition } from "../../tests/support/testLayerDefinition";
import { checkParcel } from "./checkParcel";
import { inwardDepth } from "./inwardDepth";
import { toGaussKruger } from "./projectToGaussKruger";
import type { ParcelGeometry } from "./types";

const E = 569_000;
const N = 3_287_000;
/** A 10 km square zone; its west edge is at easting E. */
const ZONE = rectangle(E, N, E + 10_000, N + 10_000);

const layer = testLayerDefinition;

const feature = (id: string, geometry: Geometry): Feature<Geometry> => ({
  type: "Feature",
  geometry,
  properties: { id, name: id, source: ["dzfb-2023-32#s4.n1.para2"] },
});
const point = (easting: number, northing: number): ParcelGeometry => ({ type: "Point", coordinates: gaussKrugerToLngLat([easting, northing]) });

function finding(site: ParcelGeometry, definition = layer(), features = [feature("key-zone", ZONE)]) {
  return checkParcel(site, [{ definition, features }]).findings[0]!;
}

describe("inwardDepth of a zone lying wholly within the site", () => {
  // A 200 m × 120 m zone inside a 2 km square site: no vertex or edge of the site is in the zone, so the depth comes
  // from points inside the shared box. The deepest point of the zone is on its long axis, 60 m from the long edges.
  const site = toGaussKruger(rectangle(E - 1000, N - 1000, E + 1000, N + 1000)).geometry;
  const zone = toGaussKruger(rectangle(E - 100, N - 60, E + 100, N + 60)).geometry;
  if (zone.type !== "Polygon") throw new Error("polygon expected");

  it("finds the full depth when asked for it", () => {
    expect(inwardDepth(site, zone)).toBeCloseTo(60, 1);
  });

  it("stops at the first point deeper than needed, which is deeper than needed and no deeper than the zone allows", () => {
    const depth = inwardDepth(site, zone, 10);
    expect(depth).toBeGreaterThan(10);
    expect(depth).toBeLessThanOrEqual(60 + 1e-6);
  });
});

describe("zone findings decided on depth against positional accuracy (±100 m here)", () => {
  it("a site wholly inside, 300 m from the edge at its nearest, reaches 500 m in: restricted, 100 % of the parcel", () => {
    const result = finding(rectangle(E + 300, N + 300, E + 500, N + 500));
    expect(result.status).toBe("restricted");
    expect(result.reason.code).toBe("site.reason.overlapsSchematic");
    expect(result.overlaps[0]!.shareOfParcel).toBeCloseTo(1, 9);
    expect(result.overlaps[0]!.depthMetres).toBeGreaterThan(100);
    const zone = toGaussKruger(ZONE).geometry;
    if (zone.type !== "Polygon") throw new Error("polygon expected");
    expect(inwardDepth(toGaussKruger(rectangle(E + 300, N + 300, E + 500, N + 500)).geometry, zone)).toBeCloseTo(500, 1);
  });

  it("a site crossing the edge and reaching 50 m in cannot be decided from this data", () => {
    const result = finding(rectangle(E - 200, N + 1000, E + 50, N + 1200));
    expect(result.status).toBe("undecided");
    expect(result.reason.code).toBe("site.reason.edgeInside");
    expect(result.overlaps[0]!.depthMetres).toBeCloseTo(50, 1);
    expect(result.overlaps[0]!.shareOfParcel).toBeCloseTo(50 / 250, 6);
  });

  it("a site crossing the edge and reaching 150 m in overlaps", () => {
    const result = finding(rectangle(E - 200, N + 1000, E + 150, N + 1200));
    expect(result.status).toBe("restricted");
    expect(result.overlaps[0]!.depthMetres).toBeGreaterThan(100);
  });

  it("a site 50 m outside is within the accuracy: undecided, with the distance", () => {
    const result = finding(rectangle(E - 300, N + 1000, E - 50, N + 1200));
    expect(result.status).toBe("undecided");
    expect(result.reason.code).toBe("site.reason.edgeOutside");
    expect(result.nearest!.distanceMetres).toBeCloseTo(50, 6);
  });

  it("a site 150 m outside is clear as far as this data can say", () => {
    expect(finding(rectangle(E - 400, N + 1000, E - 150, N + 1200)).status).toBe("clear");
  });

  it("a point 80 m inside is undecided, one 120 m inside overlaps", () => {
    expect(finding(point(E + 80, N + 5000)).status).toBe("undecided");
    const deep = finding(point(E + 120, N + 5000));
    expect(deep.status).toBe("restricted");
    expect(deep.overlaps[0]!.depthMetres).toBeCloseTo(120, 3);
  });

  it("official data (±1 m): the same 50 m reach overlaps", () => {
    expect(finding(rectangle(E - 200, N + 1000, E + 50, N + 1200), layer({ geometryQuality: "official", positionalAccuracyM: 1 })).reason.code).toBe(
      "site.reason.overlaps",
    );
  });

  it("measures depth in an L-shaped zone to the nearest edge, not to the box", () => {
    // L: 0..1000 × 0..300 plus 0..300 × 0..1000 (metres from E, N). A site filling the corner square 0..300 is
    // deepest on its diagonal where the distance to the outer edges (x) equals that to the inner corner
    // (√2·(300 − x)): x = 300√2 / (1 + √2) = 175.74 m.
    const zone = toGaussKruger({
      type: "Polygon",
      coordinates: [
        [
          [E, N],
          [E + 1000, N],
          [E + 1000, N + 300],
          [E + 300, N + 300],
          [E + 300, N + 1000],
          [E, N + 1000],
          [E, N],
        ].map((corner) => gaussKrugerToLngLat(corner as [number, number])),
      ],
    }).geometry;
    const site = toGaussKruger(rectangle(E, N, E + 300, N + 300)).geometry;
    if (zone.type !== "Polygon") throw new Error("polygon expected");
    expect(inwardDepth(site, zone)).toBeCloseTo((300 * Math.SQRT2) / (1 + Math.SQRT2), 1);
  });
});

describe("layers holding fewer features than their document publishes", () => {
  it("3 of 28 imported blocks, none overlapping: not clear, and says how many cannot be ruled out", () => {
    const blocks = [0, 1, 2].map((index) => feature(`block-${index}`, rectangle(E + 20_000 + index * 2000, N, E + 21_000 + index * 2000, N + 1000)));
    const result = finding(rectangle(E, N, E + 500, N + 500), layer({ geometryQuality: "official", positionalAccuracyM: 1, publishedCount: 28 }), blocks);
    expect(result.status).toBe("undecided");
    expect(result.reason).toEqual({ code: "site.reason.partialNone", params: { imported: 3, published: 28, missing: 25 } });
  });

  it("1 of 6 memorials surveyed, far away: not clear", () => {
    const memorial = feature("memorial-1", point(E + 30_000, N));
    const result = finding(
      rectangle(E, N, E + 500, N + 500),
      layer({ geometryType: "point", geometryQuality: "official", positionalAccuracyM: 1, publishedCount: 6 }),
      [memorial],
    );
    expect(result.status).toBe("undecided");
    expect(result.reason).toEqual({ code: "site.reason.partialPointsNone", params: { imported: 1, published: 6, missing: 5 } });
  });

  it("all 2 of 2 published: clear stays clear", () => {
    const blocks = [0, 1].map((index) => feature(`block-${index}`, rectangle(E + 20_000 + index * 2000, N, E + 21_000 + index * 2000, N + 1000)));
    expect(finding(rectangle(E, N, E + 500, N + 500), layer({ publishedCount: 2 }), blocks).status).toBe("clear");
  });
});
