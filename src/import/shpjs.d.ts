declare module "shpjs" {
  import type { Geometry } from "geojson";

  type Bytes = ArrayBuffer | ArrayBufferView | DataView;

  /** Geometries of a .shp in file order (null for null shapes); reprojected to WGS-84 only when `prj` is given. */
  export function parseShp(shp: Bytes, prj?: string | false): (Geometry | null)[];
  /** Records of a .dbf; `cpg` is a TextDecoder label (or a code page number). */
  export function parseDbf(dbf: Bytes, cpg?: string): Record<string, unknown>[];
}
