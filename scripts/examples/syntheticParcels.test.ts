import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { deserialize } from "flatgeobuf/lib/mjs/geojson.js";
import type { HeaderMeta } from "flatgeobuf";
import { PMTiles, TileType, zxyToTileId as readerTileId, type RangeResponse, type Source } from "pmtiles";
import { describe, expect, it, vi } from "vitest";
import { seededRandom } from "../bench/syntheticLayers";
import { zxyToTileId } from "../pmtiles/tileId";
import { writeArchive, type TileInput } from "../pmtiles/writeArchive";
import { buildSyntheticParcelFiles, SYNTHETIC_PARCELS, syntheticParcelCollection } from "./syntheticParcels";

const geodataDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "geodata");

/** An archive in memory, read the way a browser reads one over HTTP: by byte ranges. */
class BytesSource implements Source {
  readonly requests: Array<[number, number]> = [];
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return "memory";
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.requests.push([offset, length]);
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

function committed(path: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(geodataDir, path)));
}

// FlatGeobuf's index search narrates every step on console.debug.
vi.spyOn(console, "debug").mockImplementation(() => undefined);

describe("the synthetic scale example", () => {
  const collection = syntheticParcelCollection();
  const rebuilt = buildSyntheticParcelFiles(collection);

  it("is synthetic, inside the district, and deterministic", () => {
    expect(collection.features).toHaveLength(SYNTHETIC_PARCELS.count);
    expect(collection.features[0]!.properties!.id).toBe("syn-00001");
    expect(new Set(collection.features.map((feature) => feature.properties!.geometry_quality))).toEqual(new Set(["schematic"]));
    expect(JSON.stringify(syntheticParcelCollection(20))).toBe(JSON.stringify(syntheticParcelCollection(20)));
  });

  it("keeps the committed files at most 3 MB together", () => {
    const total = [...rebuilt.keys()].reduce((sum, path) => sum + committed(path).length, 0);
    expect(total).toBeLessThanOrEqual(3 * 1024 * 1024);
  });

  it("commits the FlatGeobuf file byte for byte as the script writes it", () => {
    expect(Buffer.compare(committed(SYNTHETIC_PARCELS.fgb), rebuilt.get(SYNTHETIC_PARCELS.fgb)!), "run npx tsx scripts/build-scale-example.ts").toBe(0);
  });

  it("writes an indexed FlatGeobuf whose bbox search finds exactly the features whose boxes meet the rectangle", async () => {
    const bytes = committed(SYNTHETIC_PARCELS.fgb);
    let header: HeaderMeta | null = null;
    const all = [];
    for await (const feature of deserialize(bytes, { headerMetaFn: (meta) => (header = meta) })) all.push(feature);
    expect(header!.featuresCount).toBe(SYNTHETIC_PARCELS.count);
    expect(header!.indexNodeSize).toBe(16);
    const byId = new Map(all.map((feature) => [feature.properties!.id as string, feature]));
    for (const original of collection.features) {
      expect(byId.get(original.properties!.id as string)?.geometry).toEqual(original.geometry);
    }
    const random = seededRandom(7);
    for (let query = 0; query < 20; query++) {
      const x = 105.5 + random() * 0.5;
      const y = 29.4 + random() * 0.45;
      const size = random() * 0.05;
      const rect = { minX: x, minY: y, maxX: x + size, maxY: y + size };
      const expected = collection.features
        .filter((feature) => {
          const ring = feature.geometry.coordinates[0]!;
          const xs = ring.map((position) => position[0]!);
          const ys = ring.map((position) => position[1]!);
          return Math.min(...xs) <= rect.maxX && Math.max(...xs) >= rect.minX && Math.min(...ys) <= rect.maxY && Math.max(...ys) >= rect.minY;
        })
        .map((feature) => feature.properties!.id as string)
        .sort();
      const found: string[] = [];
      for await (const feature of deserialize(bytes, { rect })) found.push(feature.properties!.id as string);
      expect(found.sort()).toEqual(expected);
    }
  });

  it("writes a PMTiles v3 archive the pmtiles reader opens, tile for tile", async () => {
    const bytes = committed(SYNTHETIC_PARCELS.pmtiles);
    const source = new BytesSource(bytes);
    const archive = new PMTiles(source);
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect([header.minZoom, header.maxZoom]).toEqual([8, 14]);
    expect(header.clustered).toBe(true);
    const rebuiltArchive = new PMTiles(new BytesSource(rebuilt.get(SYNTHETIC_PARCELS.pmtiles)!));
    const metadata = (await archive.getMetadata()) as { vector_layers: Array<{ id: string }>; description: string };
    expect(metadata.vector_layers.map((layer) => layer.id)).toEqual([SYNTHETIC_PARCELS.sourceLayer]);
    expect(metadata.description).toMatch(/SYNTHETIC/);
    // Every zoom from 8 to 14 has tiles; the committed tiles decode to the ones the script makes now.
    for (let z = 8; z <= 14; z++) {
      const { x, y } = tileOfLngLat(105.75, 29.65, z);
      const tile = await archive.getZxy(z, x, y);
      expect(tile, `tile ${z}/${x}/${y}`).toBeDefined();
      expect(Buffer.compare(new Uint8Array(tile!.data), new Uint8Array((await rebuiltArchive.getZxy(z, x, y))!.data))).toBe(0);
    }
    expect(await archive.getZxy(14, 0, 0)).toBeUndefined();
  });
});

function tileOfLngLat(longitude: number, latitude: number, z: number) {
  const side = 2 ** z;
  const radians = (latitude * Math.PI) / 180;
  return {
    x: Math.floor(((longitude + 180) / 360) * side),
    y: Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * side),
  };
}

describe("the PMTiles writer", () => {
  it("numbers tiles along the Hilbert curve as the spec (and the reader) does", () => {
    const random = seededRandom(3);
    for (let sample = 0; sample < 500; sample++) {
      const z = Math.floor(random() * 20);
      const x = Math.floor(random() * 2 ** z);
      const y = Math.floor(random() * 2 ** z);
      expect(zxyToTileId(z, x, y), `${z}/${x}/${y}`).toBe(readerTileId(z, x, y));
    }
    expect(zxyToTileId(0, 0, 0)).toBe(0);
    expect(zxyToTileId(1, 0, 0)).toBe(1);
  });

  it("splits a large directory into leaves and stores repeated tiles once", async () => {
    const random = seededRandom(11);
    const tiles: TileInput[] = [];
    for (let x = 0; x < 128; x++) {
      for (let y = 0; y < 128; y++) {
        // Random sizes make the directory incompressible enough to need leaves; every 7th tile repeats one content.
        const size = (x * 128 + y) % 7 === 0 ? 8 : 4 + Math.floor(random() * 300);
        const data = (x * 128 + y) % 7 === 0 ? new Uint8Array(8).fill(1) : Uint8Array.from({ length: size }, () => Math.floor(random() * 256));
        tiles.push({ z: 7, x, y, data });
      }
    }
    const bytes = writeArchive({ tiles, metadata: {}, bounds: [-180, -85, 180, 85], center: [0, 0, 7] });
    const archive = new PMTiles(new BytesSource(bytes));
    const header = await archive.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.numAddressedTiles).toBe(16_384);
    expect(header.numTileContents).toBeLessThan(16_384);
    for (const index of [0, 1, 7, 4095, 10_000, 16_383]) {
      const tile = tiles[index]!;
      const read = await archive.getZxy(tile.z, tile.x, tile.y);
      expect(Buffer.compare(new Uint8Array(read!.data), tile.data), `${tile.z}/${tile.x}/${tile.y}`).toBe(0);
    }
    // The header says the tiles are gzip-compressed; the stored bytes are, too.
    expect(header.tileCompression).toBe(2);
    expect([...bytes.subarray(header.tileDataOffset, header.tileDataOffset + 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(bytes.subarray(header.rootDirectoryOffset, header.rootDirectoryOffset + header.rootDirectoryLength)).length).toBeGreaterThan(0);
  }, 30_000);
});
