import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FetchJson } from "../../src/layers/loadDataPackage";
import { invalid, valid } from "../../src/layers/validation";

const geodataDir = fileURLToPath(new URL("../../geodata/", import.meta.url));

/** Parsed JSON of a file of the committed data package, by path relative to `geodata/`. */
export function readGeodata(relativePath: string): unknown {
  return JSON.parse(readFileSync(join(geodataDir, relativePath), "utf8"));
}

/** A fetch that serves `geodata/` from disk (base URL ""): the network faked at its edge, the real data behind it. */
export const fetchGeodata: FetchJson = async (url) => {
  try {
    return valid(readGeodata(url));
  } catch {
    return invalid([`could not fetch ${url} (HTTP 404)`]);
  }
};
