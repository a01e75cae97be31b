import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, preview, type InlineConfig } from "vite";

export interface AppServer {
  baseUrl: string;
  outDir: string;
  close(): Promise<void>;
}

export interface AppServerOptions {
  /** The folder holding index.html and vite.config.ts. */
  root: string;
  configFile?: string;
}

/**
 * Builds the app once with the repository's own Vite config into a temporary folder (so a developer's
 * `dist/` is never touched) and serves it with `vite preview` on a free loopback port.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const outDir = mkdtempSync(join(tmpdir(), "dazu-browser-build-"));
  const shared: InlineConfig = {
    root: options.root,
    configFile: options.configFile ?? join(options.root, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    clearScreen: false,
    build: { outDir, emptyOutDir: true },
  };
  try {
    await build(shared);
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Building the app for the browser tests failed (vite build, root ${options.root}):\n${detail}`, {
      cause: error,
    });
  }

  const server = await preview({
    ...shared,
    preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | string | null;
  if (address === null || typeof address === "string") {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite preview did not report a TCP address (got ${String(address)})`);
  }
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    outDir,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
