import Flatbush from "flatbush";
import type { MultiPolygon, Polygon } from "geojson";
import type { PlanarBox } from "./projectToGaussKruger";

/** One ring of a prepared polygon: its edges are `firstEdge` … `endEdge - 1`, in ring order. */
export interface PreparedRing {
  firstEdge: number;
  endEdge: number;
  part: number;
  isHole: boolean;
  /** +1 when the ring runs with the polygon's interior on its left (outer anticlockwise, hole clockwise), else −1. */
  side: number;
  /** Twice the ring's area, signed so that outer rings count positive and holes negative. */
  orientedTwiceArea: number;
  perimeter: number;
  closed: boolean;
  /** The ring's first position, which planarGeometry's tests take as "a point of the ring". */
  firstX: number;
  firstY: number;
}

/**
 * A polygon's edges in flat arrays with an R-tree over them, built once and reused for every candidate, as GEOS's
 * PreparedGeometry is: point-in-polygon, boundary distances and crossings then look only at nearby edges.
 * Zero-length edges (repeated vertices) are left out: they bound nothing and cross nothing.
 */
export interface PreparedPolygon {
  geometry: Polygon | MultiPolygon;
  edgeCount: number;
  /** Edge k runs from (edges[4k], edges[4k+1]) to (edges[4k+2], edges[4k+3]). */
  edges: number[];
  edgeRing: number[];
  rings: PreparedRing[];
  box: PlanarBox;
  /** Null for small polygons, where scanning every edge is quicker than searching a tree. */
  index: Flatbush | null;
  /**
   * Every ring is closed (first vertex repeated last) and has at least three edges, so the edges are the whole
   * boundary and every vertex lies on one. Callers fall back to the unprepared functions otherwise.
   */
  wellFormed: boolean;
  simple?: boolean;
}

/** Below this many edges a linear scan beats an R-tree search. */
const INDEX_MIN_EDGES = 48;

/**
 * Only polygons with an edge index are kept: a parcel is prepared once and met by every candidate, whereas caching
 * every small zone a batch touches would hold a copy of the whole layer. The last two small polygons are remembered,
 * as a small parcel and one candidate are asked about several times in a row.
 */
const cache = new WeakMap<Polygon | MultiPolygon, PreparedPolygon>();
/** The two small polygons asked for most recently, newest first: a small parcel and its current candidate. */
const recentSmall: Array<PreparedPolygon | null> = [null, null];

export function preparePolygon(geometry: Polygon | MultiPolygon): PreparedPolygon {
  const newest = recentSmall[0];
  if (newest && newest.geometry === geometry) return newest;
  const older = recentSmall[1];
  if (older && older.geometry === geometry) {
    recentSmall[1] = newest ?? null;
    recentSmall[0] = older;
    return older;
  }
  const cached = cache.get(geometry);
  if (cached) return cached;
  const prepared = buildPrepared(geometry);
  if (prepared.index) {
    cache.set(geometry, prepared);
  } else {
    recentSmall[1] = newest ?? null;
    recentSmall[0] = prepared;
  }
  return prepared;
}

function buildPrepared(geometry: Polygon | MultiPolygon): PreparedPolygon {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  // Plain arrays of doubles live on the heap; small typed arrays would each need an off-heap buffer.
  const edges: number[] = [];
  const edgeRing: number[] = [];
  const rings: PreparedRing[] = [];
  const box: PlanarBox = [Infinity, Infinity, -Infinity, -Infinity];
  let edgeCount = 0;
  let wellFormed = polygons.length > 0;
  for (let part = 0; part < polygons.length; part++) {
    const polygon = polygons[part]!;
    if (polygon.length === 0) wellFormed = false;
    for (let ringInPart = 0; ringInPart < polygon.length; ringInPart++) {
      const ring = polygon[ringInPart]!;
      const firstEdge = edgeCount;
      let twiceArea = 0;
      let perimeter = 0;
      const originX = ring[0]?.[0] ?? 0;
      const originY = ring[0]?.[1] ?? 0;
      for (let vertex = 1; vertex < ring.length; vertex++) {
        const x1 = ring[vertex - 1]![0]!;
        const y1 = ring[vertex - 1]![1]!;
        const x2 = ring[vertex]![0]!;
        const y2 = ring[vertex]![1]!;
        if (x1 === x2 && y1 === y2) continue;
        edges.push(x1, y1, x2, y2);
        edgeRing.push(rings.length);
        edgeCount++;
        twiceArea += (x1 - originX) * (y2 - originY) - (x2 - originX) * (y1 - originY);
        perimeter += Math.hypot(x2 - x1, y2 - y1);
        if (x1 < box[0]) box[0] = x1;
        if (y1 < box[1]) box[1] = y1;
        if (x1 > box[2]) box[2] = x1;
        if (y1 > box[3]) box[3] = y1;
      }
      const isHole = ringInPart > 0;
      const side = twiceArea > 0 !== isHole ? 1 : -1;
      const first = ring[0];
      const last = ring[ring.length - 1];
      const closed = !!first && !!last && first[0] === last[0] && first[1] === last[1];
      if (!closed || edgeCount - firstEdge < 3) wellFormed = false;
      rings.push({
        firstEdge,
        endEdge: edgeCount,
        part,
        isHole,
        side,
        orientedTwiceArea: side * twiceArea,
        perimeter,
        closed,
        firstX: originX,
        firstY: originY,
      });
    }
  }
  let index: Flatbush | null = null;
  if (edgeCount >= INDEX_MIN_EDGES) {
    index = new Flatbush(edgeCount);
    for (let edge = 0; edge < edgeCount; edge++) {
      const x1 = edges[edge * 4]!;
      const y1 = edges[edge * 4 + 1]!;
      const x2 = edges[edge * 4 + 2]!;
      const y2 = edges[edge * 4 + 3]!;
      index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }
    index.finish();
  }
  return { geometry, edgeCount, edges, edgeRing, rings, box, index, wellFormed };
}

/** Crossing parity of a ray from (x, y) towards +x for every ring, the same test as planarGeometry's ringContains. */
const parityScratch: { parity: Uint8Array } = { parity: new Uint8Array(16) };

function toggleRayCrossing(edges: number[], edge: number, x: number, y: number): boolean {
  // ringContains takes each edge as (previous → index); here the edge runs start → end, so "i" is the end.
  const xj = edges[edge * 4]!;
  const yj = edges[edge * 4 + 1]!;
  const xi = edges[edge * 4 + 2]!;
  const yi = edges[edge * 4 + 3]!;
  return yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi;
}

/** Same answer as planarGeometry's polygonContainsPoint, looking only at the edges a horizontal ray can meet. */
export function preparedContainsPoint(polygon: PreparedPolygon, x: number, y: number): boolean {
  if (x < polygon.box[0] || x > polygon.box[2] || y < polygon.box[1] || y > polygon.box[3]) return false;
  const ringCount = polygon.rings.length;
  if (parityScratch.parity.length < ringCount) parityScratch.parity = new Uint8Array(ringCount * 2);
  const parity = parityScratch.parity;
  parity.fill(0, 0, ringCount);
  const { edges, edgeRing } = polygon;
  if (polygon.index) {
    const found = polygon.index.search(x, y, polygon.box[2], y);
    for (let position = 0; position < found.length; position++) {
      const edge = found[position]!;
      if (toggleRayCrossing(edges, edge, x, y)) parity[edgeRing[edge]!]! ^= 1;
    }
  } else {
    for (let edge = 0; edge < polygon.edgeCount; edge++) {
      if (toggleRayCrossing(edges, edge, x, y)) parity[edgeRing[edge]!]! ^= 1;
    }
  }
  // A part contains the point when its outer ring does and none of its holes does.
  let inside = false;
  for (let ring = 0; ring < ringCount; ring++) {
    const info = polygon.rings[ring]!;
    if (info.isHole) {
      if (parity[ring]) inside = false;
    } else {
      if (inside) return true;
      inside = parity[ring] === 1;
    }
  }
  return inside;
}

export function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether two segments share any point (crossing, touching or overlapping along a line). */
export function segmentsMeet(edges: number[], first: number, otherEdges: number[], second: number): boolean {
  const ax = edges[first * 4]!;
  const ay = edges[first * 4 + 1]!;
  const bx = edges[first * 4 + 2]!;
  const by = edges[first * 4 + 3]!;
  const cx = otherEdges[second * 4]!;
  const cy = otherEdges[second * 4 + 1]!;
  const dx = otherEdges[second * 4 + 2]!;
  const dy = otherEdges[second * 4 + 3]!;
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  const o1 = Math.sign(orientation(ax, ay, bx, by, cx, cy));
  const o2 = Math.sign(orientation(ax, ay, bx, by, dx, dy));
  const o3 = Math.sign(orientation(cx, cy, dx, dy, ax, ay));
  const o4 = Math.sign(orientation(cx, cy, dx, dy, bx, by));
  if (o1 === 0 && o2 === 0) return true;
  return o1 * o2 <= 0 && o3 * o4 <= 0;
}

function edgeBox(polygon: PreparedPolygon, edge: number): PlanarBox {
  const { edges } = polygon;
  const x1 = edges[edge * 4]!;
  const y1 = edges[edge * 4 + 1]!;
  const x2 = edges[edge * 4 + 2]!;
  const y2 = edges[edge * 4 + 3]!;
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

function ringsOfPart(polygon: PreparedPolygon, part: number): PreparedRing[] {
  return polygon.rings.filter((ring) => ring.part === part);
}

function ringContainsVertex(polygon: PreparedPolygon, ring: PreparedRing, x: number, y: number): boolean {
  let inside = false;
  for (let edge = ring.firstEdge; edge < ring.endEdge; edge++) if (toggleRayCrossing(polygon.edges, edge, x, y)) inside = !inside;
  return inside;
}

/**
 * True when the polygon is valid in the sense the edge-walking overlap needs: closed rings of at least three edges
 * whose edges meet only their two neighbours (and those only end to end, never doubling back), holes inside their
 * own outer ring and outside each other, and parts outside each other. Anything else goes to the general clipper.
 */
export function isSimplePolygon(polygon: PreparedPolygon): boolean {
  if (polygon.simple !== undefined) return polygon.simple;
  polygon.simple = computeSimple(polygon);
  return polygon.simple;
}

function areNeighbours(polygon: PreparedPolygon, first: number, second: number): boolean {
  const ring = polygon.rings[polygon.edgeRing[first]!]!;
  if (polygon.edgeRing[second] !== polygon.edgeRing[first]) return false;
  const count = ring.endEdge - ring.firstEdge;
  const gap = Math.abs(first - second);
  return gap === 1 || gap === count - 1;
}

/** Neighbouring edges meet at their shared vertex; they must not also run back along each other. */
function neighboursOverlap(edges: number[], first: number, second: number): boolean {
  const ax = edges[first * 4]!;
  const ay = edges[first * 4 + 1]!;
  const bx = edges[first * 4 + 2]!;
  const by = edges[first * 4 + 3]!;
  const cx = edges[second * 4]!;
  const cy = edges[second * 4 + 1]!;
  const dx = edges[second * 4 + 2]!;
  const dy = edges[second * 4 + 3]!;
  if (orientation(ax, ay, bx, by, cx, cy) !== 0 || orientation(ax, ay, bx, by, dx, dy) !== 0) return false;
  return (bx - ax) * (dx - cx) + (by - ay) * (dy - cy) < 0;
}

function computeSimple(polygon: PreparedPolygon): boolean {
  if (!polygon.wellFormed) return false;
  const { edges } = polygon;
  for (let edge = 0; edge < polygon.edgeCount; edge++) {
    const [minX, minY, maxX, maxY] = edgeBox(polygon, edge);
    const near = polygon.index ? polygon.index.search(minX, minY, maxX, maxY) : null;
    const nearCount = near ? near.length : polygon.edgeCount;
    for (let position = near ? 0 : edge + 1; position < nearCount; position++) {
      const other = near ? near[position]! : position;
      if (other <= edge) continue;
      if (areNeighbours(polygon, edge, other)) {
        if (neighboursOverlap(edges, edge, other)) return false;
        // A three-edge ring's edges are all neighbours; any other meeting than the shared vertices is checked above.
        continue;
      }
      if (segmentsMeet(edges, edge, edges, other)) return false;
    }
  }
  // The rings do not meet, so one vertex tells where a whole ring lies.
  const partCount = polygon.rings.reduce((count, ring) => Math.max(count, ring.part + 1), 0);
  for (let part = 0; part < partCount; part++) {
    const [outer, ...holes] = ringsOfPart(polygon, part);
    if (!outer || outer.isHole) return false;
    for (const hole of holes) {
      if (!ringContainsVertex(polygon, outer, hole.firstX, hole.firstY)) return false;
      for (const otherHole of holes) {
        if (otherHole !== hole && ringContainsVertex(polygon, otherHole, hole.firstX, hole.firstY)) return false;
      }
    }
    for (let otherPart = 0; otherPart < partCount; otherPart++) {
      if (otherPart === part) continue;
      const otherOuter = ringsOfPart(polygon, otherPart)[0];
      if (otherOuter && ringContainsVertex(polygon, otherOuter, outer.firstX, outer.firstY)) return false;
    }
  }
  return true;
}
