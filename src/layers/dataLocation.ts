/** Where the data package is served, relative to the page: `geodata/` beside the app. */
export const DEFAULT_DATA_BASE_URL = "geodata/";

/**
 * The data package folder for this page. `?data=<folder>/` points the app at another package on the same
 * origin (e.g. `?data=tests/fixtures/layers/valid/` on the dev server, or a test's fixture); anything that is not a
 * plain relative folder is ignored, so a crafted link cannot load data from elsewhere.
 */
export function dataBaseUrl(search: string): string {
  const requested = new URLSearchParams(search).get("data");
  if (requested === null) return DEFAULT_DATA_BASE_URL;
  const folder = requested.endsWith("/") ? requested : `${requested}/`;
  const isPlainRelativeFolder = /^[A-Za-z0-9_\-./]+$/.test(folder) && !folder.startsWith("/") && !folder.startsWith(".") && !folder.split("/").includes("..");
  return isPlainRelativeFolder ? folder : DEFAULT_DATA_BASE_URL;
}
