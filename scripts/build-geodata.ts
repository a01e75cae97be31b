import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Rebuilds the whole data package: the policy corpus first (layers cite its clauses), then the layers. */
const scriptsDir = dirname(fileURLToPath(import.meta.url));
for (const script of ["build-policies.ts", "build-layers.ts"]) {
  console.log(`> ${script}`);
  execFileSync(process.execPath, ["--import", "tsx", join(scriptsDir, script), ...process.argv.slice(2)], { stdio: "inherit" });
}
