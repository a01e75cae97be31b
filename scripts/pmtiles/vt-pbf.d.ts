declare module "vt-pbf" {
  /** geojson-vt tiles by layer name → one MVT protobuf (uncompressed). */
  export function fromGeojsonVt(layers: Record<string, { features: unknown[] }>, options?: { version?: number; extent?: number }): Uint8Array;
}
