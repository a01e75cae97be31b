#!/usr/bin/env node
// Makes sure the browser tests can run: a Chromium binary and a CJK font (so Chinese labels render in
// screenshots). Installs them with apt-get when running as root on Debian; otherwise says what to install.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const installHint = "sudo apt-get install chromium fonts-wqy-zenhei";

function hasChromium() {
  return existsSync(chromiumPath);
}

function hasChineseFont() {
  const result = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return false;
  return result.stdout.trim().length > 0;
}

function isDebianRoot() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get");
}

function run(command, args) {
  console.log(`[ensure-browser] $ ${command} ${args.join(" ")}`);
  execFileSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

function describeMissing(missing) {
  return missing.join(" and ");
}

const missing = [];
if (!hasChromium()) missing.push(`Chromium (${chromiumPath})`);
if (!hasChineseFont()) missing.push("a CJK font (fc-list :lang=zh lists none)");

if (missing.length === 0) {
  process.exit(0);
}

console.log(`[ensure-browser] missing: ${describeMissing(missing)}`);

if (!isDebianRoot()) {
  console.error(
    `[ensure-browser] The browser tests need ${describeMissing(missing)}.\n` +
      `[ensure-browser] Install them with:\n\n    ${installHint}\n\n` +
      (process.env.CHROMIUM_PATH ? "" : "[ensure-browser] Or point CHROMIUM_PATH at an existing Chromium binary.\n"),
  );
  process.exit(1);
}

const packages = [];
if (!hasChromium()) packages.push("chromium");
if (!hasChineseFont()) packages.push("fonts-wqy-zenhei");
// fontconfig provides fc-list, which the font check itself relies on.
if (spawnSync("fc-list", ["--version"]).error) packages.push("fontconfig");

try {
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", ...packages]);
} catch (error) {
  console.error(`[ensure-browser] apt-get failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`[ensure-browser] Install manually with: ${installHint}`);
  process.exit(1);
}

const stillMissing = [];
if (!hasChromium()) {
  stillMissing.push(process.env.CHROMIUM_PATH ? `Chromium at CHROMIUM_PATH=${chromiumPath} (apt installs /usr/bin/chromium)` : `Chromium (${chromiumPath})`);
}
if (!hasChineseFont()) stillMissing.push("a CJK font");
if (stillMissing.length > 0) {
  console.error(`[ensure-browser] still missing after install: ${describeMissing(stillMissing)}`);
  process.exit(1);
}

const version = spawnSync(chromiumPath, ["--version"], { encoding: "utf8" }).stdout?.trim();
const release = existsSync("/etc/debian_version") ? readFileSync("/etc/debian_version", "utf8").trim() : "?";
console.log(`[ensure-browser] ready: ${version || chromiumPath} on Debian ${release}`);
