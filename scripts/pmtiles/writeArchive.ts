import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { zxyToTileId } from "./tileId";

/** One tile's uncompressed contents (an MVT protobuf) at z/x/y. */
export interface TileInput {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  tiles: TileInput[];
  /** Written as the archive's JSON metadata (for vector tiles: `vector_layers`, `name`, `attribution`…). */
  metadata: Record<string, unknown>;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** [longitude, latitude, zoom] a viewer opens at. */
  center: [number, number, number];
}

/** One row of a PMTiles directory: `runLength` tiles from `tileId` on share one content; 0 points at a leaf directory. */
interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The header and the root directory must fit in the first 16 KiB, which a reader fetches in one request. */
const FIRST_REQUEST_BYTES = 16_384;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

/** Unsigned LEB128; arithmetic rather than bit operations, since ids and offsets exceed 32 bits. */
function writeVarint(bytes: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

/**
 * A directory as the spec lays it out, column by column so similar numbers sit together: the count, tile ids as
 * deltas, run lengths, lengths, then offsets — 0 meaning "right after the previous entry", else offset + 1.
 */
function serializeDirectory(entries: Entry[]): Uint8Array {
  const bytes: number[] = [];
  writeVarint(bytes, entries.length);
  let lastId = 0;
  for (const entry of entries) {
    writeVarint(bytes, entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) writeVarint(bytes, entry.runLength);
  for (const entry of entries) writeVarint(bytes, entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    const follows = previous !== undefined && entry.offset === previous.offset + previous.length;
    writeVarint(bytes, follows ? 0 : entry.offset + 1);
  });
  return gzipSync(Uint8Array.from(bytes), { level: 9 });
}

/** A root directory small enough for the first request, and the leaf directories it points to (possibly none). */
function buildDirectories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const root = serializeDirectory(entries);
  if (HEADER_BYTES + root.length <= FIRST_REQUEST_BYTES) return { root, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const leafParts: Uint8Array[] = [];
    const rootEntries: Entry[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += leafSize) {
      const leaf = serializeDirectory(entries.slice(start, start + leafSize));
      rootEntries.push({ tileId: entries[start]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const leafRoot = serializeDirectory(rootEntries);
    if (HEADER_BYTES + leafRoot.length <= FIRST_REQUEST_BYTES) return { root: leafRoot, leaves: Buffer.concat(leafParts) };
  }
}

function writeHeader(fields: {
  rootOffset: number;
  rootLength: number;
  metadataOffset: number;
  metadataLength: number;
  leavesOffset: number;
  leavesLength: number;
  tilesOffset: number;
  tilesLength: number;
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  center: [number, number, number];
}): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode("PMTiles"), 0);
  view.setUint8(7, 3);
  const sizes = [
    fields.rootOffset,
    fields.rootLength,
    fields.metadataOffset,
    fields.metadataLength,
    fields.leavesOffset,
    fields.leavesLength,
    fields.tilesOffset,
    fields.tilesLength,
    fields.addressedTiles,
    fields.tileEntries,
    fields.tileContents,
  ];
  sizes.forEach((value, index) => view.setBigUint64(8 + index * 8, BigInt(value), true));
  view.setUint8(96, 1); // clustered: tile contents are in tile id order
  view.setUint8(97, COMPRESSION_GZIP);
  view.setUint8(98, COMPRESSION_GZIP);
  view.setUint8(99, TILE_TYPE_MVT);
  view.setUint8(100, fields.minZoom);
  view.setUint8(101, fields.maxZoom);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = fields.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  view.setUint8(118, fields.center[2]);
  view.setInt32(119, e7(fields.center[0]), true);
  view.setInt32(123, e7(fields.center[1]), true);
  return header;
}

/**
 * A PMTiles v3 archive of gzip-compressed MVT tiles: header, root directory, metadata, leaf directories, tile
 * data — in that order, tiles sorted by tile id, identical tiles stored once. Deterministic for the same input.
 */
export function writeArchive(options: ArchiveOptions): Uint8Array {
  if (options.tiles.length === 0) throw new Error("an archive needs at least one tile");
  const sorted = options.tiles.map((tile) => ({ ...tile, tileId: zxyToTileId(tile.z, tile.x, tile.y) })).sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const parts: Uint8Array[] = [];
  const offsetsByHash = new Map<string, { offset: number; length: number }>();
  let tilesLength = 0;
  for (const tile of sorted) {
    if (entries.length > 0 && entries[entries.length - 1]!.tileId === tile.tileId) {
      throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} is given twice`);
    }
    const compressed = gzipSync(tile.data, { level: 9 });
    // gzip output carries no timestamp from zlib, so equal tiles compress to equal bytes.
    const hash = createHash("sha256").update(compressed).digest("hex");
    let stored = offsetsByHash.get(hash);
    if (!stored) {
      stored = { offset: tilesLength, length: compressed.length };
      offsetsByHash.set(hash, stored);
      parts.push(compressed);
      tilesLength += compressed.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === stored.offset && last.tileId + last.runLength === tile.tileId) last.runLength++;
    else entries.push({ tileId: tile.tileId, offset: stored.offset, length: stored.length, runLength: 1 });
  }

  const { root, leaves } = buildDirectories(entries);
  const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(options.metadata)), { level: 9 });
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const tilesOffset = leavesOffset + leaves.length;
  const zooms = sorted.map((tile) => tile.z);
  const header = writeHeader({
    rootOffset,
    rootLength: root.length,
    metadataOffset,
    metadataLength: metadata.length,
    leavesOffset,
    leavesLength: leaves.length,
    tilesOffset,
    tilesLength,
    addressedTiles: sorted.length,
    tileEntries: entries.length,
    tileContents: parts.length,
    minZoom: Math.min(...zooms),
    maxZoom: Math.max(...zooms),
    bounds: options.bounds,
    center: options.center,
  });
  // A plain Uint8Array: a Buffer's slice() would share memory, which byte-range readers do not expect.
  return new Uint8Array(Buffer.concat([header, root, metadata, leaves, ...parts]));
}
