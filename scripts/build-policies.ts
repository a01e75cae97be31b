/**
 * Rebuilds geodata/policies/*.json from geodata/sources/gazette-2023.txt.
 * Usage: npx tsx scripts/build-policies.ts [--check]
 *   --check  write nothing; exit 1 when a committed file differs from a fresh build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPolicyCorpus, GAZETTE_PATH, POLICIES_DIR } from "./policies/index";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");

const files = buildPolicyCorpus(readFileSync(join(root, GAZETTE_PATH), "utf8"));
const outputDir = join(root, POLICIES_DIR);
const stale = existsSync(outputDir)
  ? readdirSync(outputDir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => `${POLICIES_DIR}/${name}`)
      .filter((path) => !files.has(path))
  : [];

let differences = 0;
for (const [path, content] of files) {
  const target = join(root, path);
  const current = existsSync(target) ? readFileSync(target, "utf8") : null;
  if (current === content) continue;
  differences += 1;
  if (check) {
    console.error(`${path}: ${current === null ? "missing" : "differs from a fresh build"}`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
for (const path of stale) {
  differences += 1;
  if (check) console.error(`${path}: not produced by the build`);
  else rmSync(join(root, path));
}

if (check) {
  if (differences > 0) process.exit(1);
  console.log(`${POLICIES_DIR}: ${files.size} files up to date`);
} else {
  console.log(`${POLICIES_DIR}: ${files.size} files, ${differences} written or removed`);
}
