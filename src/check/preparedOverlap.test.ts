import polygonClipping, { type Geom } from "polygon-clipping";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { boundaryContact } from "./boundaryContact";
import { edgeWalkIntersection } from "./edgeWalkIntersection";
import { polygonDistanceWithin, polygonOverlap } from "./overlap";
import { planarArea, planarDistance, planarPerimeter, polygonContainsPoint } from "./planarGeometry";
import { isSimplePolygon, preparedContainsPoint, preparePolygon } from "./preparedPolygon";

function ring(points: Array<[number, number]>): Position[] {
  return [...points, points[0]!];
}

function square(minX: number, minY: number, size: number): Position[] {
  return ring([
    [minX, minY],
    [minX + size, minY],
    [minX + size, minY + size],
    [minX, minY + size],
  ]);
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A jittered star: simple, often concave, like the benchmark's parcels. */
function star(random: () => number, centreX: number, centreY: number, radius: number, vertices: number, clockwise = false): Position[] {
  const points: Array<[number, number]> = [];
  for (let vertex = 0; vertex < vertices; vertex++) {
    const angle = ((clockwise ? -vertex : vertex) / vertices) * 2 * Math.PI;
    const jitter = 0.55 + random() * 0.9;
    points.push([centreX + Math.cos(angle) * radius * jitter, centreY + Math.sin(angle) * radius * jitter]);
  }
  return ring(points);
}

function clippedArea(first: Polygon | MultiPolygon, second: Polygon | MultiPolygon): { area: number; perimeter: number } {
  const shared: MultiPolygon = { type: "MultiPolygon", coordinates: polygonClipping.intersection(first.coordinates as Geom, second.coordinates as Geom) };
  return { area: planarArea(shared), perimeter: planarPerimeter(shared) };
}

describe("edgeWalkIntersection (GK metres)", () => {
  it("measures two 10 m squares overlapping by a 5 × 5 m corner: 25 m², perimeter 20 m", () => {
    const first = preparePolygon({ type: "Polygon", coordinates: [square(0, 0, 10)] });
    const second = preparePolygon({ type: "Polygon", coordinates: [square(5, 5, 10)] });
    const contact = boundaryContact(first, second, 0);
    expect(contact.crossings).toHaveLength(2);
    expect(contact.degenerate).toBe(false);
    const measures = edgeWalkIntersection(first, second, contact.crossings)!;
    expect(measures.squareMetres).toBeCloseTo(25, 9);
    expect(measures.perimeterMetres).toBeCloseTo(20, 9);
  });

  it("subtracts the part of a hole inside the other polygon, whichever way the rings run", () => {
    // 20 m square with a 4 m hole at (8, 8); the other square covers x 10…30, y −5…15: 10 × 15 less half the hole, 150 − 8 = 142 m².
    const withHole: Polygon = { type: "Polygon", coordinates: [square(0, 0, 20), square(8, 8, 4).reverse()] };
    const clockwiseOuter: Polygon = { type: "Polygon", coordinates: [square(10, -5, 20).reverse()] };
    const first = preparePolygon(withHole);
    const second = preparePolygon(clockwiseOuter);
    const measures = edgeWalkIntersection(first, second, boundaryContact(first, second, 0).crossings)!;
    expect(measures.squareMetres).toBeCloseTo(142, 9);
    // 10 + 15 + 10 around the strip, its left side less the hole's 4 m (11), and the hole's 2 + 4 + 2 inside it.
    expect(measures.perimeterMetres).toBeCloseTo(54, 9);
  });

  it("flags a shared vertex as degenerate so the general clipper takes it", () => {
    const first = preparePolygon({ type: "Polygon", coordinates: [square(0, 0, 10)] });
    const second = preparePolygon({
      type: "Polygon",
      coordinates: [
        ring([
          [10, 10],
          [20, 5],
          [20, 20],
        ]),
      ],
    });
    expect(boundaryContact(first, second, 0).degenerate).toBe(true);
  });
});

describe("isSimplePolygon", () => {
  it("accepts a square with a hole and rejects a bow tie, a hole outside its ring and nested parts", () => {
    expect(isSimplePolygon(preparePolygon({ type: "Polygon", coordinates: [square(0, 0, 20), square(8, 8, 4)] }))).toBe(true);
    expect(
      isSimplePolygon(
        preparePolygon({
          type: "Polygon",
          coordinates: [
            ring([
              [0, 0],
              [10, 10],
              [10, 0],
              [0, 10],
            ]),
          ],
        }),
      ),
    ).toBe(false);
    expect(isSimplePolygon(preparePolygon({ type: "Polygon", coordinates: [square(0, 0, 20), square(30, 30, 4)] }))).toBe(false);
    expect(isSimplePolygon(preparePolygon({ type: "MultiPolygon", coordinates: [[square(0, 0, 20)], [square(5, 5, 4)]] }))).toBe(false);
  });
});

describe("prepared polygons give the unprepared answers", () => {
  const random = seededRandom(7);
  const parcel: MultiPolygon = {
    type: "MultiPolygon",
    coordinates: [[star(random, 0, 0, 600, 200), star(random, 0, 0, 120, 30, true)], [star(random, 2000, 0, 300, 60)]],
  };

  it("agrees with polygon-clipping on 600 random zones, holes and multi-part parcels included", () => {
    const zoneRandom = seededRandom(11);
    let walked = 0;
    for (let sample = 0; sample < 600; sample++) {
      const centreX = -900 + zoneRandom() * 3300;
      const centreY = -900 + zoneRandom() * 1800;
      const radius = 20 + zoneRandom() * 400;
      // Every third zone runs clockwise: GeoJSON readers meet both orientations.
      const rings = [star(zoneRandom, centreX, centreY, radius, 5 + Math.floor(zoneRandom() * 30), sample % 3 === 0)];
      if (sample % 5 === 0) rings.push(star(zoneRandom, centreX, centreY, radius * 0.3, 8, true));
      const zone: Polygon = { type: "Polygon", coordinates: rings };
      const expected = clippedArea(parcel, zone);
      const overlap = polygonOverlap(parcel, zone, 1);
      if (expected.area > 1e-6) {
        expect(Math.abs(overlap.squareMetres - expected.area)).toBeLessThan(1e-6 * Math.max(1, expected.area));
        // Just around the clipped result's mean width the class flips: the perimeters agree too.
        const meanWidth = (2 * expected.area) / expected.perimeter;
        expect(polygonOverlap(parcel, zone, meanWidth * (1 - 1e-6)).tolerance).toBe("substantive");
        expect(polygonOverlap(parcel, zone, meanWidth * (1 + 1e-6)).tolerance).toBe("sliver");
      } else {
        expect(overlap.squareMetres).toBe(0);
      }
      const contact = boundaryContact(preparePolygon(parcel), preparePolygon(zone), 1e-3);
      if (contact.crossings.length > 0 && !contact.degenerate) walked++;
    }
    // The comparison is worth something only if many pairs took the edge walk.
    expect(walked).toBeGreaterThan(250);
  }, 60_000);

  it("answers point-in-polygon and distance as planarGeometry does", () => {
    const pointRandom = seededRandom(13);
    const prepared = preparePolygon(parcel);
    for (let sample = 0; sample < 3000; sample++) {
      const point: [number, number] = [-900 + pointRandom() * 3300, -900 + pointRandom() * 1800];
      expect(preparedContainsPoint(prepared, point[0], point[1])).toBe(polygonContainsPoint(parcel, point));
    }
    for (let sample = 0; sample < 400; sample++) {
      const zone: Polygon = {
        type: "Polygon",
        coordinates: [star(pointRandom, -900 + pointRandom() * 3300, -900 + pointRandom() * 1800, 30 + pointRandom() * 100, 12)],
      };
      const exact = planarDistance(parcel, zone);
      expect(polygonDistanceWithin(parcel, zone, 50)).toBe(exact <= 50 ? exact : Infinity);
    }
  });
});
