import { readFile } from "node:fs/promises";
import { readFeatureCount } from "../../src/layers/flatgeobufReader";
import type { DataPackage } from "../../src/layers/layerData";
import { loadDataPackage, type FetchJson } from "../../src/layers/loadDataPackage";
import { invalid, valid, type Validation } from "../../src/layers/validation";

/** Reads a package file by its path (the loader's "URL" is a path here, the folder ending in "/"). */
export const readJsonFile: FetchJson = async (path) => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return invalid([`could not read ${path}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  try {
    return valid(JSON.parse(text));
  } catch {
    return invalid([`${path} is not valid JSON`]);
  }
};

/** A FlatGeobuf file read whole from disk (a bureau's disk, not a network: no range requests needed). */
export async function readBytes(path: string): Promise<Validation<Uint8Array>> {
  try {
    return valid(new Uint8Array(await readFile(path)));
  } catch (error) {
    return invalid([`could not read ${path}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** The data package in `folder` through the page's own loader, its files read from disk. */
export async function loadDataPackageFromFolder(folder: string): Promise<Validation<DataPackage>> {
  const base = folder.endsWith("/") ? folder : `${folder}/`;
  return loadDataPackage(base, readJsonFile, async (path) => {
    const bytes = await readBytes(path);
    return bytes.ok ? readFeatureCount(bytes.value) : invalid(bytes.errors);
  });
}
