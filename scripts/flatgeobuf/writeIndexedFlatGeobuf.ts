import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { serialize } from "flatgeobuf/lib/mjs/geojson.js";

/** Entries per R-tree node, FlatGeobuf's default. */
const INDEX_NODE_SIZE = 16;
const NODE_BYTES = 40;
const MAGIC_BYTES = 8;
/** The header's `index_node_size` field: its vtable slot (4 + 2 × field number 9). */
const INDEX_NODE_SIZE_SLOT = 22;

type Box = [number, number, number, number];

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case "Point":
      return [geometry.coordinates];
    case "MultiPoint":
    case "LineString":
      return geometry.coordinates;
    case "MultiLineString":
    case "Polygon":
      return geometry.coordinates.flat();
    case "MultiPolygon":
      return geometry.coordinates.flat(2);
    case "GeometryCollection":
      return geometry.geometries.flatMap(positionsOf);
  }
}

function boxOf(feature: Feature): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positionsOf(feature.geometry!) as Array<[number, number]>) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/** Position of (x, y) in 0…65535² along a Hilbert curve (the classic iterative form, as FlatGeobuf's reference writer). */
function hilbert(x: number, y: number): number {
  let column = x;
  let row = y;
  let distance = 0;
  for (let half = 1 << 15; half >= 1; half >>= 1) {
    const right = (column & half) > 0 ? 1 : 0;
    const lower = (row & half) > 0 ? 1 : 0;
    distance += half * half * ((3 * right) ^ lower);
    if (lower === 0) {
      if (right === 1) {
        column = 65535 - column;
        row = 65535 - row;
      }
      [column, row] = [row, column];
    }
  }
  return distance;
}

/** Node index ranges per tree level, leaves first; the root is node 0 (FlatGeobuf's `generateLevelBounds`). */
function levelBounds(count: number, nodeSize: number): Array<[number, number]> {
  const counts = [count];
  let level = count;
  do {
    level = Math.ceil(level / nodeSize);
    counts.push(level);
  } while (level !== 1);
  let end = counts.reduce((sum, value) => sum + value, 0);
  return counts.map((levelCount) => {
    end -= levelCount;
    return [end, end + levelCount] as [number, number];
  });
}

/** Finds the `index_node_size` field in the size-prefixed header table (FlatBuffers layout) and sets it. */
function setIndexNodeSize(bytes: Uint8Array, nodeSize: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerStart = MAGIC_BYTES + 4;
  const table = headerStart + view.getUint32(headerStart, true);
  const vtable = table - view.getInt32(table, true);
  const vtableLength = view.getUint16(vtable, true);
  const fieldOffset = INDEX_NODE_SIZE_SLOT < vtableLength ? view.getUint16(vtable + INDEX_NODE_SIZE_SLOT, true) : 0;
  if (fieldOffset === 0) throw new Error("the FlatGeobuf header has no index_node_size field to set");
  view.setUint16(table + fieldOffset, nodeSize, true);
}

/**
 * A FlatGeobuf file with its spatial index, which the library's own `serialize` leaves out: features sorted along a
 * Hilbert curve of their box centres, then a packed R-tree (node boxes + offsets) between header and features, so
 * a reader finds the features in a rectangle with a few range requests. Deterministic for the same input.
 */
export function writeIndexedFlatGeobuf(collection: FeatureCollection, nodeSize = INDEX_NODE_SIZE): Uint8Array {
  if (collection.features.length === 0) throw new Error("an indexed FlatGeobuf file needs at least one feature");
  const boxed = collection.features.map((feature, order) => ({ feature, box: boxOf(feature), order }));
  const extent = boxed.reduce<Box>(
    (all, { box }) => [Math.min(all[0], box[0]), Math.min(all[1], box[1]), Math.max(all[2], box[2]), Math.max(all[3], box[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  const width = extent[2] - extent[0] || 1;
  const height = extent[3] - extent[1] || 1;
  const keyed = boxed.map((item) => {
    const x = Math.floor((65535 * ((item.box[0] + item.box[2]) / 2 - extent[0])) / width);
    const y = Math.floor((65535 * ((item.box[1] + item.box[3]) / 2 - extent[1])) / height);
    return { ...item, key: hilbert(x, y) };
  });
  keyed.sort((a, b) => b.key - a.key || a.order - b.order);

  const plain = serialize({ type: "FeatureCollection", features: keyed.map((item) => item.feature) });
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const featuresStart = MAGIC_BYTES + 4 + view.getUint32(MAGIC_BYTES, true);
  const header = plain.slice(0, featuresStart);
  setIndexNodeSize(header, nodeSize);
  const features = plain.subarray(featuresStart);

  const offsets: number[] = [];
  for (let offset = 0; offset < features.length; offset += 4 + view.getUint32(featuresStart + offset, true)) offsets.push(offset);
  if (offsets.length !== keyed.length) throw new Error(`found ${offsets.length} features after serializing ${keyed.length}`);

  const levels = levelBounds(keyed.length, nodeSize);
  const tree = new Uint8Array(levels.reduce((sum, [start, end]) => sum + end - start, 0) * NODE_BYTES);
  const treeView = new DataView(tree.buffer);
  const boxes: Box[] = [];
  const writeNode = (index: number, box: Box, offset: number) => {
    boxes[index] = box;
    box.forEach((value, part) => treeView.setFloat64(index * NODE_BYTES + part * 8, value, true));
    treeView.setBigUint64(index * NODE_BYTES + 32, BigInt(offset), true);
  };
  keyed.forEach((item, position) => writeNode(levels[0]![0] + position, item.box, offsets[position]!));
  for (let level = 0; level < levels.length - 1; level++) {
    const [start, end] = levels[level]!;
    let parent = levels[level + 1]![0];
    for (let first = start; first < end; first += nodeSize) {
      const children = boxes.slice(first, Math.min(first + nodeSize, end));
      const box: Box = [
        Math.min(...children.map((child) => child[0])),
        Math.min(...children.map((child) => child[1])),
        Math.max(...children.map((child) => child[2])),
        Math.max(...children.map((child) => child[3])),
      ];
      writeNode(parent++, box, first);
    }
  }
  const file = new Uint8Array(header.length + tree.length + features.length);
  file.set(header, 0);
  file.set(tree, header.length);
  file.set(features, header.length + tree.length);
  return file;
}
