import type { Feature, Geometry } from "geojson";
import { invalid, valid, type Validation } from "./validation";

/** A FlatGeobuf file: its URL (read with HTTP range requests) or its bytes (Node, tests). */
export type FlatGeobufInput = string | Uint8Array;

/** [west, south, east, north] in degrees, as FlatGeobuf's index is queried. */
export interface LngLatRect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** FlatGeobuf's array reader reads the whole underlying buffer from offset 0, so hand it an unshared copy. */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function featureId(feature: Feature): string {
  return String((feature.properties ?? {})["id"] ?? "");
}

/**
 * The features whose bounding box meets `rect`, found through the file's packed Hilbert R-tree: over HTTP only
 * the index nodes and features on the way are fetched. Ordered by feature id, so results do not depend on the
 * file's (Hilbert) order.
 */
export async function readFeaturesInRect(input: FlatGeobufInput, rect: LngLatRect): Promise<Feature<Geometry>[]> {
  const { deserialize } = await import("flatgeobuf/lib/mjs/geojson.js");
  const features: Feature<Geometry>[] = [];
  const source = typeof input === "string" ? input : ownBytes(input);
  for await (const feature of deserialize(source, { rect })) {
    const { id: _fileIndex, ...rest } = feature as Feature<Geometry>;
    features.push(rest);
  }
  return features.sort((a, b) => (featureId(a) < featureId(b) ? -1 : featureId(a) > featureId(b) ? 1 : 0));
}

/** The feature count in a FlatGeobuf file's header: one small range request. */
export async function readFeatureCount(input: FlatGeobufInput): Promise<Validation<number>> {
  try {
    if (typeof input === "string") {
      const { readMetadata } = await import("flatgeobuf/lib/mjs/generic.js");
      return valid((await readMetadata(input)).featuresCount);
    }
    const { deserialize } = await import("flatgeobuf/lib/mjs/geojson.js");
    let count: number | null = null;
    // Reading the header is enough; the first feature is never needed.
    const features = deserialize(ownBytes(input), { headerMetaFn: (header) => (count = header.featuresCount) });
    await features.next();
    await features.return(undefined);
    return count === null ? invalid(["the FlatGeobuf file has no header"]) : valid(count);
  } catch (error) {
    const where = typeof input === "string" ? input : "FlatGeobuf file";
    return invalid([`could not read the header of ${where}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}
