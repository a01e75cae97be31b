import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DEBIAN_PACKAGE = "postgresql-15-postgis-3";
const POSTGRES_ROOT = "/usr/lib/postgresql";
const EXTENSION_ROOT = "/usr/share/postgresql";

/** A throwaway PostgreSQL + PostGIS cluster: its data and its unix socket live in one temp directory, no TCP. */
export interface PostgisCluster {
  /** Runs SQL through psql (unaligned, tuples only, stop at the first error) and returns its standard output. */
  sql(script: string): string;
  stop(): void;
}

export type ClusterStart = { cluster: PostgisCluster; version: string } | { skipped: string };

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** The newest installed PostgreSQL whose share directory holds the PostGIS extension. */
function findInstallation(): { binDir: string; version: string } | null {
  if (!existsSync(POSTGRES_ROOT)) return null;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((version) => existsSync(join(POSTGRES_ROOT, version, "bin", "initdb")) && existsSync(join(EXTENSION_ROOT, version, "extension", "postgis.control")))
    .sort((a, b) => Number(b) - Number(a));
  const version = versions[0];
  return version ? { binDir: join(POSTGRES_ROOT, version, "bin"), version } : null;
}

function installAsRoot(): void {
  console.log(`[bench] PostGIS not found: apt-get install -y ${DEBIAN_PACKAGE}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let result = spawnSync("apt-get", ["install", "-y", DEBIAN_PACKAGE], { stdio: "inherit", env });
  if (result.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    result = spawnSync("apt-get", ["install", "-y", DEBIAN_PACKAGE], { stdio: "inherit", env });
  }
}

function userId(name: string): { uid: number; gid: number } | null {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function failure(step: string, result: SpawnSyncReturns<string>): Error {
  return new Error(
    `${step} failed (${result.status ?? result.error?.message}): ${(result.stderr || result.stdout || "").trim().split("\n").slice(-3).join(" | ")}`,
  );
}

/**
 * Starts a cluster of its own in a temp directory, so the bench never touches a server the machine already runs.
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user (runuser); psql, a
 * client, runs as whoever we are and reaches the socket through the directory, which root may always enter.
 * As root with PostGIS missing it is installed first, as `npm test` does for the browser; otherwise skipped.
 */
export function startPostgisCluster(): ClusterStart {
  let installation = findInstallation();
  if (!installation && isRoot() && existsSync("/usr/bin/apt-get")) {
    installAsRoot();
    installation = findInstallation();
  }
  if (!installation) return { skipped: `PostgreSQL with PostGIS not installed (${DEBIAN_PACKAGE}); run the bench as root to install it` };
  const { binDir, version } = installation;
  const serverUser = isRoot() ? userId("postgres") : null;
  if (isRoot() && !serverUser) return { skipped: "running as root and there is no postgres user to run the server as" };
  const directory = mkdtempSync(join(tmpdir(), "bench-postgis-"));
  const dataDir = join(directory, "data");
  if (serverUser) {
    chownSync(directory, serverUser.uid, serverUser.gid);
    chmodSync(directory, 0o700);
  }
  const asServer = (command: string, args: string[]): SpawnSyncReturns<string> =>
    serverUser
      ? spawnSync("runuser", ["-u", "postgres", "--", join(binDir, command), ...args], { encoding: "utf8", cwd: directory })
      : spawnSync(join(binDir, command), args, { encoding: "utf8", cwd: directory });
  const removeDirectory = () => rmSync(directory, { recursive: true, force: true });
  const init = asServer("initdb", ["-D", dataDir, "-U", "bench", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  if (init.status !== 0) {
    removeDirectory();
    throw failure("initdb", init);
  }
  // A benchmark database that is thrown away after the run: no durability, no TCP listener.
  const serverOptions = `-k ${directory} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_parallel_workers_per_gather=0`;
  const start = asServer("pg_ctl", ["-D", dataDir, "-l", join(directory, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
  if (start.status !== 0) {
    removeDirectory();
    throw failure("pg_ctl start", start);
  }
  const cluster: PostgisCluster = {
    sql(script) {
      const result = spawnSync("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", directory, "-U", "bench", "-d", "postgres"], {
        input: script,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      if (result.status !== 0) throw failure("psql", result);
      return result.stdout;
    },
    stop() {
      asServer("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      removeDirectory();
    },
  };
  return { cluster, version };
}
