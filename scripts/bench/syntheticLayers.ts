import type { Feature, Polygon } from "geojson";
import { gaussKrugerToLngLat } from "../../src/geo/crs";

/** Deterministic pseudo-random numbers so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The district's GK extent, roughly: E 546–600 km, N 3 250–3 306 km. */
const EXTENT = { minE: 548_000, maxE: 598_000, minN: 3_252_000, maxN: 3_304_000 };

/** Irregular parcel-like polygons (a jittered circle of `vertices` points), sized like land parcels and blocks. */
export function syntheticPolygons(count: number, vertices: number, seed: number): Feature<Polygon>[] {
  const random = seededRandom(seed);
  const features: Feature<Polygon>[] = [];
  for (let index = 0; index < count; index++) {
    const centreE = EXTENT.minE + random() * (EXTENT.maxE - EXTENT.minE);
    const centreN = EXTENT.minN + random() * (EXTENT.maxN - EXTENT.minN);
    const radius = 40 + random() * 260;
    const ring: Array<[number, number]> = [];
    for (let vertex = 0; vertex < vertices; vertex++) {
      const angle = (vertex / vertices) * 2 * Math.PI;
      const jitter = 0.75 + random() * 0.5;
      ring.push(gaussKrugerToLngLat([centreE + Math.cos(angle) * radius * jitter, centreN + Math.sin(angle) * radius * jitter]));
    }
    ring.push(ring[0]!);
    features.push({
      type: "Feature",
      properties: { id: `block-${index}`, name: `地块${index}`, source: ["official#import"] },
      geometry: { type: "Polygon", coordinates: [ring] },
    });
  }
  return features;
}

/** A 200-vertex site of about 1.2 km across in the middle of the district. */
export function benchmarkParcel(vertices = 200): Polygon {
  const ring: Array<[number, number]> = [];
  for (let vertex = 0; vertex < vertices; vertex++) {
    const angle = (vertex / vertices) * 2 * Math.PI;
    const radius = 600 + 120 * Math.sin(angle * 5);
    ring.push(gaussKrugerToLngLat([573_000 + Math.cos(angle) * radius, 3_278_000 + Math.sin(angle) * radius]));
  }
  ring.push(ring[0]!);
  return { type: "Polygon", coordinates: [ring] };
}

/**
 * Sites for a batch: the benchmark site's wavy outline at seeded places across the district, 150–600 m in radius
 * with 40–200 vertices, the range of a land-supply plan's parcels.
 */
export function benchmarkParcels(count: number, seed: number): Polygon[] {
  const random = seededRandom(seed);
  const sites: Polygon[] = [];
  for (let site = 0; site < count; site++) {
    const centreE = EXTENT.minE + 1000 + random() * (EXTENT.maxE - EXTENT.minE - 2000);
    const centreN = EXTENT.minN + 1000 + random() * (EXTENT.maxN - EXTENT.minN - 2000);
    const radius = 150 + random() * 450;
    const vertices = 40 + Math.floor(random() * 161);
    const phase = random() * 2 * Math.PI;
    const ring: Array<[number, number]> = [];
    for (let vertex = 0; vertex < vertices; vertex++) {
      const angle = (vertex / vertices) * 2 * Math.PI;
      const wave = radius * (1 + 0.2 * Math.sin(angle * 5 + phase));
      ring.push(gaussKrugerToLngLat([centreE + Math.cos(angle) * wave, centreN + Math.sin(angle) * wave]));
    }
    ring.push(ring[0]!);
    sites.push({ type: "Polygon", coordinates: [ring] });
  }
  return sites;
}
