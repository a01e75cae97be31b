import Flatbush from "flatbush";
import type { PlanarBox } from "./projectToGaussKruger";

/** Candidate lookup by bounding box; the naive variant exists so tests can prove the index changes nothing. */
export interface CandidateFinder {
  candidates(box: PlanarBox, margin: number): number[];
}

/** Nearest candidates to a point, in increasing box distance (all of them for the naive finder). */
export interface NearestFinder extends CandidateFinder {
  nearestByBox(x: number, y: number, count: number): number[];
}

export function buildIndexedNearestFinder(boxes: PlanarBox[]): NearestFinder {
  if (boxes.length === 0) return { candidates: () => [], nearestByBox: () => [] };
  const index = new Flatbush(boxes.length);
  for (const box of boxes) index.add(box[0], box[1], box[2], box[3]);
  index.finish();
  return {
    candidates: (box, margin) => index.search(box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin).sort((a, b) => a - b),
    nearestByBox: (x, y, count) => index.neighbors(x, y, count),
  };
}

export function buildNaiveNearestFinder(boxes: PlanarBox[]): NearestFinder {
  const all = boxes.map((_, index) => index);
  return { candidates: () => all, nearestByBox: () => all };
}
