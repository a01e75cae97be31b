/**
 * A convex power cell clipped to a non-convex district can fall apart where it crosses a bend of the outline.
 * A town is one piece, so each detached piece (all but the largest) goes to the town it shares the longest
 * border with. The pieces stay tiny (the build fails above MAX_DETACHED_KM2), and the towns still tile the district.
 */
import union from "@turf/union";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { closeRing, distanceToBoundary, multiPolygonArea, openRing, polygonArea, type Point, type Ring } from "./geom";

/** Larger detached pieces mean the diagram itself is wrong: fail rather than move them. */
export const MAX_DETACHED_KM2 = 1;
/** A piece's edge counts as shared with a town when its midpoint is this close (m) to that town's boundary. */
const SHARED_EDGE_TOLERANCE_M = 0.01;

export interface DetachedPiece {
  from: number;
  to: number;
  areaKm2: number;
}

function toGeometry(polygons: readonly Ring[][]): MultiPolygon {
  return { type: "MultiPolygon", coordinates: polygons.map((rings) => rings.map((ring) => closeRing(ring))) };
}

function fromGeometry(geometry: Polygon | MultiPolygon): Ring[][] {
  const polygons: Position[][][] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => openRing(ring.map((position) => [position[0] as number, position[1] as number] as Point))));
}

/** Move every detached piece to its longest-bordering neighbour; returns what moved. Mutates `towns`. */
export function reassignDetachedPieces(towns: Ring[][][], label: (index: number) => string): DetachedPiece[] {
  const moved: DetachedPiece[] = [];
  towns.forEach((polygons, index) => {
    if (polygons.length <= 1) return;
    const ordered = [...polygons].sort((a, b) => polygonArea(b) - polygonArea(a));
    towns[index] = [ordered[0] as Ring[]];
    for (const piece of ordered.slice(1)) {
      const areaKm2 = polygonArea(piece) / 1e6;
      if (areaKm2 > MAX_DETACHED_KM2) throw new Error(`${label(index)}: a detached piece of ${areaKm2.toFixed(2)} km²`);
      const shared = towns.map(() => 0);
      const outer = piece[0] as Ring;
      for (let k = 0; k < outer.length; k++) {
        const p = outer[k] as Point;
        const q = outer[(k + 1) % outer.length] as Point;
        const middle: Point = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
        towns.forEach((other, j) => {
          if (j !== index && distanceToBoundary(middle, other) < SHARED_EDGE_TOLERANCE_M)
            shared[j] = (shared[j] as number) + Math.hypot(q[0] - p[0], q[1] - p[1]);
        });
      }
      const to = shared.indexOf(Math.max(...shared));
      if ((shared[to] as number) === 0) throw new Error(`${label(index)}: a detached piece borders no other town`);
      const merged = union({
        type: "FeatureCollection",
        features: [
          { type: "Feature", properties: {}, geometry: toGeometry(towns[to] as Ring[][]) },
          { type: "Feature", properties: {}, geometry: toGeometry([piece]) },
        ],
      });
      if (!merged) throw new Error(`${label(index)}: union failed`);
      towns[to] = fromGeometry(merged.geometry);
      moved.push({ from: index, to, areaKm2 });
    }
  });
  towns.forEach((polygons, index) => {
    if (polygons.length !== 1)
      throw new Error(`${label(index)}: ${polygons.length} parts after reassigning detached pieces (${multiPolygonArea(polygons) / 1e6} km²)`);
  });
  return moved;
}
