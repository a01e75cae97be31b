import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Feature, FeatureCollection, Geometry, Polygon } from "geojson";
import { describe, expect, it, vi } from "vitest";
import { benchmarkParcel, seededRandom } from "../../scripts/bench/syntheticLayers";
import { syntheticParcelCollection } from "../../scripts/examples/syntheticParcels";
import { writeIndexedFlatGeobuf } from "../../scripts/flatgeobuf/writeIndexedFlatGeobuf";
import { gaussKrugerToLngLat, lngLatToGaussKruger } from "../geo/crs";
import type { LayerDefinition, Manifest } from "../layers/manifestTypes";
import { checkParcel } from "./checkParcel";
import { lngLatRectAround, readCheckLayer } from "./flatgeobufSource";
import type { CheckLayer, ParcelGeometry } from "./types";

const geodataDir = fileURLToPath(new URL("../../geodata/", import.meta.url));
const manifest = JSON.parse(readFileSync(`${geodataDir}manifest.json`, "utf8")) as Manifest;
const exampleLayer = manifest.layers.find((layer) => layer.id === "synthetic-parcels")!;
const exampleBytes = new Uint8Array(readFileSync(`${geodataDir}${exampleLayer.check!.file}`));

// FlatGeobuf's index search narrates every step on console.debug.
vi.spyOn(console, "debug").mockImplementation(() => undefined);

function byId(features: Feature<Geometry>[]): Feature<Geometry>[] {
  return [...features].sort((a, b) => String(a.properties!.id).localeCompare(String(b.properties!.id)));
}

/** A square site of `sideMetres` centred on a GK point. */
function square(centre: [number, number], sideMetres: number): Polygon {
  const half = sideMetres / 2;
  const corners: Array<[number, number]> = [
    [centre[0] - half, centre[1] - half],
    [centre[0] + half, centre[1] - half],
    [centre[0] + half, centre[1] + half],
    [centre[0] - half, centre[1] + half],
  ];
  const ring = corners.map((corner) => gaussKrugerToLngLat(corner));
  return { type: "Polygon", coordinates: [[...ring, ring[0]!]] };
}

/** Sites over the district and beyond it, of several kinds and sizes. */
function sites(): ParcelGeometry[] {
  const random = seededRandom(99);
  const list: ParcelGeometry[] = [benchmarkParcel(200)];
  for (let index = 0; index < 12; index++) {
    const centre: [number, number] = [548_000 + random() * 50_000, 3_252_000 + random() * 52_000];
    list.push(square(centre, 50 + random() * 1500));
  }
  list.push({ type: "Point", coordinates: gaussKrugerToLngLat([573_000, 3_278_000]) });
  list.push({ type: "LineString", coordinates: [gaussKrugerToLngLat([560_000, 3_270_000]), gaussKrugerToLngLat([562_000, 3_271_500])] });
  // Far outside the district: nothing near.
  list.push(square([700_000, 3_400_000], 300));
  return list;
}

async function fromFlatGeobuf(definition: LayerDefinition, bytes: Uint8Array, parcel: ParcelGeometry): Promise<CheckLayer> {
  const layer = await readCheckLayer(definition, bytes, parcel);
  if (!layer.ok) throw new Error(layer.errors.join("\n"));
  return layer.value;
}

describe("checks read from a FlatGeobuf file", () => {
  const geojson = syntheticParcelCollection() as FeatureCollection<Geometry>;

  it("give the same report as the same data loaded whole as GeoJSON (the committed example)", async () => {
    let overlapsSeen = 0;
    for (const role of ["informs", "restricts"] as const) {
      const definition: LayerDefinition = { ...exampleLayer, role };
      const whole: CheckLayer = { definition, features: geojson.features };
      for (const parcel of sites()) {
        const fromFile = await fromFlatGeobuf(definition, exampleBytes, parcel);
        expect(fromFile.features.length).toBeLessThan(geojson.features.length / 10);
        const expected = checkParcel(parcel, [whole]);
        expect(checkParcel(parcel, [fromFile])).toEqual(expected);
        overlapsSeen += expected.findings[0]!.overlaps.length;
      }
    }
    // The comparison means something only if some sites do overlap parcels.
    expect(overlapsSeen).toBeGreaterThan(5);
  }, 30_000);

  it("find the nearest point however far it is, as the whole layer does (memorials)", async () => {
    const memorials = manifest.layers.find((layer) => layer.id === "memorials")!;
    const data = JSON.parse(readFileSync(`${geodataDir}${memorials.file}`, "utf8")) as FeatureCollection<Geometry>;
    const bytes = writeIndexedFlatGeobuf(data);
    const whole: CheckLayer = { definition: memorials, features: byId(data.features) };
    const farAway = [square([573_000, 3_278_000], 100), square([620_000, 3_330_000], 100), square([400_000, 3_100_000], 10)];
    for (const parcel of [...sites(), ...farAway]) {
      const fromFile = await fromFlatGeobuf(memorials, bytes, parcel);
      expect(checkParcel(parcel, [fromFile]), JSON.stringify(parcel).slice(0, 80)).toEqual(checkParcel(parcel, [whole]));
    }
  });

  it("look past the first window when a nearer point lies just outside it", async () => {
    // Two made-up points, not the six 47号 publishes: the published count does not apply to them.
    const { publishedCount: _published, ...memorials } = manifest.layers.find((layer) => layer.id === "memorials")!;
    const centre: [number, number] = [573_000, 3_278_000];
    // The first window reaches `margin` metres out; a point in its corner is found first, a nearer one lies beyond its side.
    const margin = 50 + memorials.positionalAccuracyM + 1000;
    const point = (id: string, offset: [number, number]): Feature<Geometry> => ({
      type: "Feature",
      properties: { id, name: id, source: [], geometry_quality: "schematic", geometry_note: "" },
      geometry: { type: "Point", coordinates: gaussKrugerToLngLat([centre[0] + offset[0], centre[1] + offset[1]]) },
    });
    const data: FeatureCollection<Geometry> = {
      type: "FeatureCollection",
      features: [point("corner", [margin * 0.9, margin * 0.9]), point("beyond-side", [margin * 1.1, 0])],
    };
    const parcel = square(centre, 10);
    const fromFile = await fromFlatGeobuf(memorials, writeIndexedFlatGeobuf(data), parcel);
    const report = checkParcel(parcel, [fromFile]);
    expect(report.findings[0]!.nearest?.featureId).toBe("beyond-side");
    expect(report).toEqual(checkParcel(parcel, [{ definition: memorials, features: data.features }]));
  });

  it("say 'clear' rather than 'no data' when nothing lies near the site", async () => {
    const parcel = square([700_000, 3_400_000], 300);
    // The shipped example is a "context" layer (never reported); as a checked layer it must report clear.
    const fromFile = await fromFlatGeobuf({ ...exampleLayer, role: "restricts" }, exampleBytes, parcel);
    expect(fromFile.features).toEqual([]);
    expect(checkParcel(parcel, [fromFile]).findings[0]!.status).toBe("clear");
  });

  it("turns a GK box into a lon/lat window that holds the box", () => {
    const box: [number, number, number, number] = [570_000, 3_270_000, 572_000, 3_271_000];
    const rect = lngLatRectAround(box, 0);
    for (const corner of [
      [box[0], box[1]],
      [box[2], box[3]],
      [box[0], box[3]],
      [box[2], box[1]],
    ] as Array<[number, number]>) {
      const [longitude, latitude] = gaussKrugerToLngLat(corner);
      expect(longitude).toBeGreaterThanOrEqual(rect.minX);
      expect(longitude).toBeLessThanOrEqual(rect.maxX);
      expect(latitude).toBeGreaterThanOrEqual(rect.minY);
      expect(latitude).toBeLessThanOrEqual(rect.maxY);
    }
    const [west, south] = lngLatToGaussKruger([rect.minX, rect.minY]);
    expect(west).toBeLessThan(box[0] + 1);
    expect(south).toBeLessThan(box[1] + 1);
  });
});
