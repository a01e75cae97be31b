import type { Feature, Geometry } from "geojson";
import { describe, expect, it } from "vitest";
import { gaussKrugerToLngLat } from "../geo/crs";
import type { LayerDefinition } from "../layers/manifestTypes";
import { compassDirection, distancesFrom, standingInLayer } from "./fieldPosition";

const E = 569_000;
const N = 3_287_000;
const at = (dE: number, dN: number) => gaussKrugerToLngLat([E + dE, N + dN]);

function point(id: string, dE: number, dN: number, uncertainty = 0): Feature<Geometry> {
  return { type: "Feature", properties: { id, name: id, uncertainty_m: uncertainty }, geometry: { type: "Point", coordinates: at(dE, dN) } };
}

const zoneLayer = { id: "zone", title: { zh: "区", en: "Zone" }, geometryType: "polygon", positionalAccuracyM: 100 } as LayerDefinition;
const pointLayer = { id: "memorials", title: { zh: "纪念设施", en: "Memorials" }, geometryType: "point", positionalAccuracyM: 5000 } as LayerDefinition;
const square: Feature<Geometry> = {
  type: "Feature",
  properties: { id: "zone-1", name: "重点开采区" },
  geometry: { type: "Polygon", coordinates: [[at(0, 0), at(2000, 0), at(2000, 2000), at(0, 2000), at(0, 0)]] },
};

describe("distancesFrom", () => {
  it("sorts by distance and names the direction on the grid", () => {
    const list = distancesFrom(at(0, 0), [point("far-east", 3000, 0), point("north", 0, 1000), point("south-west", -500, -500)]);
    expect(list.map((item) => item.featureId)).toEqual(["south-west", "north", "far-east"]);
    expect(list[0]!.distanceMetres).toBeCloseTo(707.1, 1);
    expect(list[0]!.direction).toBe("SW");
    expect(list[1]!.bearingDegrees).toBeCloseTo(0, 6);
    expect(list[2]!.direction).toBe("E");
  });

  it("wraps bearings into eight directions", () => {
    expect(compassDirection(359)).toBe("N");
    expect(compassDirection(-90)).toBe("W");
    expect(compassDirection(135)).toBe("SE");
  });
});

describe("standingInLayer", () => {
  it("answers inside only when further from the boundary than GPS + layer accuracy", () => {
    expect(standingInLayer(at(1000, 1000), 10, zoneLayer, [square])!.standing).toBe("inside");
    expect(standingInLayer(at(1000, 50), 10, zoneLayer, [square])!.standing).toBe("uncertain");
    expect(standingInLayer(at(1000, -105), 10, zoneLayer, [square])!.standing).toBe("uncertain");
    expect(standingInLayer(at(1000, -200), 10, zoneLayer, [square])!.standing).toBe("outside");
    expect(standingInLayer(at(1000, -200), 10, zoneLayer, [square])!.distanceMetres).toBeCloseTo(200, 1);
  });

  it("never claims certainty near a memorial whose position is ±5 km", () => {
    const answer = standingInLayer(at(0, 20), 5, pointLayer, [point("tomb", 0, 0, 5000)])!;
    expect(answer.standing).toBe("uncertain");
    expect(standingInLayer(at(0, 20), 5, pointLayer, [point("tomb", 0, 0, 0)])!.standing).toBe("inside");
    expect(standingInLayer(at(0, 8000), 5, pointLayer, [point("tomb", 0, 0, 5000)])!.standing).toBe("outside");
  });
});
