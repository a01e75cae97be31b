import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, preview, type InlineConfig, type UserConfig } from "vite";

export interface AppServer {
  baseUrl: string;
  outDir: string;
  /** Replaces the served files with another build's, as a deployment publishes a new release. */
  deploy(builtDir: string): void;
  close(): Promise<void>;
}

export interface AppServerOptions {
  /** The folder holding index.html and vite.config.ts. */
  root: string;
  configFile?: string;
  /** A config to build with instead of the config file, e.g. `appConfig({ geodataDir })` for another data package. */
  config?: UserConfig;
}

function viteConfig(options: AppServerOptions, outDir: string): InlineConfig {
  return {
    ...(options.config ?? {}),
    root: options.root,
    configFile: options.config ? false : (options.configFile ?? join(options.root, "vite.config.ts")),
    // "test": the same production build with the browser-test hooks compiled in (src/main.ts); `npm run build` leaves them out.
    mode: "test",
    logLevel: "warn",
    clearScreen: false,
    build: { ...(options.config?.build ?? {}), outDir, emptyOutDir: true },
  };
}

/**
 * Builds the app with the repository's own Vite config (or `options.config`) into a new temporary folder, so a
 * developer's `dist/` is never touched; returns the folder, which the caller removes.
 */
export async function buildApp(options: AppServerOptions): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "dazu-browser-build-"));
  try {
    await build(viteConfig(options, outDir));
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Building the app for the browser tests failed (vite build, root ${options.root}):\n${detail}`, {
      cause: error,
    });
  }
  return outDir;
}

/** Builds the app once (see `buildApp`) and serves it with `vite preview` on a free loopback port. */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const outDir = await buildApp(options);
  const server = await preview({
    ...viteConfig(options, outDir),
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
    // `vite preview` reads files at each request, so the next request sees the new release.
    deploy: (builtDir) => {
      for (const entry of readdirSync(outDir)) rmSync(join(outDir, entry), { recursive: true, force: true });
      cpSync(builtDir, outDir, { recursive: true });
    },
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
