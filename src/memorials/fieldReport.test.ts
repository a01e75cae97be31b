import { describe, expect, it } from "vitest";
import { loadDataPackage } from "../layers/loadDataPackage";
import { districtStanding } from "./districtStanding";
import { fieldReport } from "./fieldReport";
import { memorialLayerOf, memorialsFromLayer } from "./memorials";
import { fetchGeodata } from "../../tests/support/testGeodata";

async function realPackage() {
  const loaded = await loadDataPackage("", fetchGeodata);
  if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
  const dataPackage = loaded.value;
  const load = dataPackage.layers.get(memorialLayerOf(dataPackage.manifest)!.id);
  if (load?.type !== "loaded") throw new Error("memorials did not load");
  const memorials = memorialsFromLayer(load.data);
  if (!memorials.ok) throw new Error(memorials.errors.join("\n"));
  return { dataPackage, memorials: memorials.value };
}

describe("fieldReport", () => {
  it("puts the three 珠溪 tombs first for someone near 珠溪镇, with distance and direction", async () => {
    const { dataPackage, memorials } = await realPackage();
    const report = fieldReport(dataPackage, memorials, [105.665, 29.54], 30);
    expect(
      report.distances
        .slice(0, 3)
        .map((distance) => distance.name)
        .sort(),
    ).toEqual(["彭宗全烈士墓", "杨盛金烈士墓", "苏朝淼烈士墓"]);
    expect(report.distances[0]!.distanceMetres).toBeGreaterThan(2500);
    expect(report.distances[0]!.distanceMetres).toBeLessThan(4000);
    expect(report.distances[0]!.direction).toBe("SE");
    expect(report.distances.at(-1)!.name).toBe("胡在国烈士墓");
  });

  it("answers every restricting layer, and never with certainty inside the error band", async () => {
    const { dataPackage, memorials } = await realPackage();
    const report = fieldReport(dataPackage, memorials, [105.665, 29.54], 30);
    const restricting = dataPackage.manifest.layers.filter((layer) => layer.role === "restricts").map((layer) => layer.id);
    expect(report.restricted.map((entry) => entry.layer.id)).toEqual(restricting);
    const byId = new Map(report.restricted.map((entry) => [entry.layer.id, entry.answer]));
    // The extraction blocks are published without locations: nothing to say.
    expect(byId.get("mining-extraction-blocks")).toBeNull();
    // ≈3.3 km from a ±5 km placeholder: uncertain, not "outside".
    expect(byId.get("memorials")?.standing).toBe("uncertain");
    expect(byId.get("memorials")?.uncertaintyMetres).toBe(5030);
    for (const entry of report.restricted) {
      if (!entry.answer) continue;
      if (entry.answer.standing !== "uncertain" && entry.layer.geometryType === "polygon") {
        expect(entry.answer.distanceMetres).toBeGreaterThan(entry.answer.uncertaintyMetres);
      }
    }
  });

  it("says where the fix stands against the district: inside, at its edge, just outside, far outside", async () => {
    const { dataPackage, memorials } = await realPackage();
    const standing = (lngLat: [number, number], accuracy = 30) => districtStanding(fieldReport(dataPackage, memorials, lngLat, accuracy));
    expect(standing([105.72, 29.7])).toEqual({ type: "inside" });
    // Chengdu's centre, ≈ 170 km west of the district's western edge (E105°28′).
    const chengdu = standing([104.066, 30.657]);
    expect(chengdu?.type).toBe("farOutside");
    if (chengdu?.type === "farOutside") {
      expect(chengdu.distanceMetres).toBeGreaterThan(100_000);
      expect(chengdu.distanceMetres).toBeLessThan(200_000);
    }
    // 0.02° (≈ 1.9 km) east of the outline's easternmost vertex (106.033272, 29.73012): outside, beyond the
    // ±530 m band (GPS 30 m + the outline's 500 m), but not far.
    const east = standing([106.053272, 29.73012]);
    expect(east?.type).toBe("outside");
    if (east?.type === "outside") {
      expect(east.distanceMetres).toBeGreaterThan(1800);
      expect(east.distanceMetres).toBeLessThan(1950);
    }
    // With a ±50 km fix anywhere near, nothing can be said but "at the edge".
    const blurred = standing([105.72, 29.7], 50_000);
    expect(blurred).toMatchObject({ type: "edge", uncertaintyMetres: 50_500 });
  });
});
