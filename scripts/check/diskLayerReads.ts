import { readCheckLayer } from "../../src/check/flatgeobufSource";
import { invalid } from "../../src/layers/validation";
import { shortFileHash } from "../../src/parcel/sha256";
import type { CheckLayerPlan, ReadNearbyLayer } from "../../src/siteCheck/checkEngine";
import { readBytes } from "./diskDataPackage";

/**
 * Large layers are read from their FlatGeobuf file on disk: the features near each parcel, as the page reads ranges.
 * Each file is read once per run, since a batch checks many parcels against it.
 */
export function nearbyReaderFromDisk(): ReadNearbyLayer {
  const files = new Map<string, ReturnType<typeof readBytes>>();
  return async (definition, checkUrl, parcel, options) => {
    let file = files.get(checkUrl);
    if (!file) {
      file = readBytes(checkUrl);
      files.set(checkUrl, file);
    }
    const bytes = await file;
    return bytes.ok ? readCheckLayer(definition, bytes.value, parcel, options) : invalid(bytes.errors);
  };
}

/**
 * The receipt's file hashes: the manifest and every file the check reads. Unlike the page, which reads large layers
 * in ranges and so cannot hash them, the command line has them whole on disk and hashes them too.
 */
export function diskFileHashes(dataBase: string) {
  return async (plan: CheckLayerPlan): Promise<Array<{ file: string; sha256: string }>> => {
    const files = new Set([
      "manifest.json",
      ...plan.staticLayers.flatMap((layer) => (layer.definition.file ? [layer.definition.file] : [])),
      ...plan.nearbyLayers.map((layer) => layer.checkUrl.slice(dataBase.length)),
    ]);
    return Promise.all(
      [...files].map(async (file) => {
        const bytes = await readBytes(dataBase + file);
        return { file, sha256: bytes.ok ? await shortFileHash(bytes.value) : "—" };
      }),
    );
  };
}
