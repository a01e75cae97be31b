import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startAppServer } from "./appServer";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the built app is served, ending in "/". */
    baseUrl: string;
  }
}

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Builds and serves the app once for every browser test; DAZU_BASE_URL skips this and uses a running server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.DAZU_BASE_URL;
  if (external) {
    project.provide("baseUrl", external.endsWith("/") ? external : `${external}/`);
    return async () => undefined;
  }
  const started = Date.now();
  const server = await startAppServer({ root: repositoryRoot });
  console.log(`[browser tests] app built and served at ${server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide("baseUrl", server.baseUrl);
  return () => server.close();
}
