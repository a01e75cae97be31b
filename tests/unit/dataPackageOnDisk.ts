import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureCollection } from "geojson";
import type { Manifest } from "../../src/layers/manifestTypes";
import type { PolicyDocument, PolicyIndex } from "../../src/policy/policyTypes";

const geodataDir = resolve(fileURLToPath(new URL("../../geodata", import.meta.url)));

function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(geodataDir, relativePath), "utf8")) as T;
}

/** The committed data package, read from disk the way the app reads it over HTTP. */
export function loadDataPackageFromDisk() {
  const manifest = readJson<Manifest>("manifest.json");
  // Large layers (display + check) have no GeoJSON file to read.
  const layerData = new Map<string, FeatureCollection>(
    manifest.layers.flatMap((layer) => (layer.file === undefined ? [] : [[layer.id, readJson<FeatureCollection>(layer.file)] as const])),
  );
  const index = readJson<PolicyIndex>("policies/index.json");
  const documents = index.documents.map((entry) => readJson<PolicyDocument>(`policies/${entry.file.replace(/^.*\//, "")}`));
  return { manifest, layerData, documents };
}
