import type { Position } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../../src/import/importFile";
import { importPastedCoordinates } from "../../src/import/pasteCoordinates";
import { IMPORT_ERROR_CODES, type ImportResult, type StoredImportMessage } from "../../src/import/types";
import { crsReasonBilingual } from "../../src/i18n/messages.crs";
import { buildCorpus, type FuzzCategory, type FuzzInput } from "./corpus";
import { fuzzSeed } from "./sample";
import { importMessageText } from "../../src/i18n/messages.import";

/** FUZZ_SEED=<number> replays a run; FUZZ_SEED=random draws a new seed. The seed is in every test's name. */
const SEED = fuzzSeed();
const SLOW_MACHINE_FACTOR = 10;
const corpus = buildCorpus(SEED);
const KNOWN_CODES = new Set<string>(IMPORT_ERROR_CODES);
const CATEGORIES: FuzzCategory[] = [
  "fixture-truncated",
  "fixture-mutated",
  "geojson",
  "kml",
  "kmz",
  "shapefile",
  "csv",
  "txt",
  "cass",
  "paste",
  "random-bytes",
  "limits",
];

/** A fresh result's message carries a code, a text key and parameters only: the text is rendered where it is shown. */
function codedMessageProblems(message: StoredImportMessage, where: string): string[] {
  const rendered = "zh" in message || "en" in message || !("key" in message);
  return [...(rendered ? [`${where}: text rendered into the message instead of a key`] : []), ...messageProblems(message, where)];
}

function messageProblems(message: StoredImportMessage, where: string): string[] {
  const problems: string[] = [];
  if (typeof message.code !== "string" || message.code === "") problems.push(`${where}: no code`);
  const zh = importMessageText(message, "zh");
  const en = importMessageText(message, "en");
  if (!/[\u4e00-\u9fff]/.test(zh)) problems.push(`${where}: zh text missing or without Chinese: ${zh}`);
  if (!/[A-Za-z]{3}/.test(en)) problems.push(`${where}: en text missing: ${en}`);
  for (const text of [zh, en]) {
    if (/\bundefined\b|\[object Object\]/.test(text)) problems.push(`${where}: text shows a programming value: ${text.slice(0, 200)}`);
    if (text.length > 4000) problems.push(`${where}: text of ${text.length} characters echoes too much input`);
  }
  return problems;
}

function coordinateProblems(coordinates: unknown, where: string): string[] {
  if (!Array.isArray(coordinates)) return [`${where}: coordinates not an array`];
  if (coordinates.length > 0 && typeof coordinates[0] === "number") {
    const [longitude, latitude] = coordinates as Position;
    const valid = Number.isFinite(longitude) && Number.isFinite(latitude) && Math.abs(longitude!) <= 180 && Math.abs(latitude!) <= 90;
    return valid ? [] : [`${where}: position ${JSON.stringify(coordinates)} is not a finite longitude/latitude`];
  }
  const problems: string[] = [];
  for (const [index, item] of coordinates.entries()) {
    problems.push(...coordinateProblems(item, `${where}[${index}]`));
    if (problems.length > 0) break;
  }
  return problems;
}

/** Everything a caller may rely on, whatever the input: a typed result, specific codes, clean output. */
function resultProblems(result: unknown): string[] {
  if (typeof result !== "object" || result === null || !("ok" in result)) return [`not an ImportResult: ${String(result)}`];
  const typed = result as ImportResult;
  if (!typed.ok) {
    const problems = codedMessageProblems(typed.error, "error");
    if (!KNOWN_CODES.has(typed.error.code)) problems.push(`error code "${typed.error.code}" is not one of IMPORT_ERROR_CODES`);
    if (typed.error.code === "unexpected-error") problems.push(`caught crash: ${importMessageText(typed.error, "en")}`);
    return problems;
  }
  const problems: string[] = [];
  if (!Array.isArray(typed.parcels) || typed.parcels.length === 0) problems.push("ok without parcels");
  for (const [index, parcel] of typed.parcels.entries()) {
    const where = `parcel ${index}`;
    if (typeof parcel.name !== "string") problems.push(`${where}: name is ${typeof parcel.name}`);
    if (!["Polygon", "MultiPolygon", "LineString", "Point"].includes(parcel.geometry.type)) problems.push(`${where}: geometry type ${parcel.geometry.type}`);
    problems.push(...coordinateProblems(parcel.geometry.coordinates, `${where}.geometry`));
    if (Object.getPrototypeOf(parcel.properties) !== Object.prototype) problems.push(`${where}: properties are not a plain object`);
    for (const [key, value] of Object.entries(parcel.properties)) {
      const plain = typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
      if (!plain) problems.push(`${where}: property "${key}" is ${typeof value}`);
    }
    for (const value of parcel.sourceCoordinates.flat(3)) {
      if (typeof value !== "number" || !Number.isFinite(value)) problems.push(`${where}: source coordinate ${String(value)}`);
    }
    for (const label of parcel.vertexLabels?.flat(2) ?? []) if (typeof label !== "string") problems.push(`${where}: vertex label is ${typeof label}`);
  }
  problems.push(...messageProblems({ code: "reason", ...crsReasonBilingual(typed.crs.reason) }, "crs.reason"));
  for (const [index, warning] of typed.warnings.entries()) problems.push(...codedMessageProblems(warning, `warning ${index} (${warning.code})`));
  return problems;
}

async function run(input: FuzzInput): Promise<unknown> {
  const built = input.build?.() ?? (input.pasted !== undefined ? { pasted: input.pasted } : { bytes: input.bytes! });
  const started = performance.now();
  const result = "pasted" in built ? importPastedCoordinates(built.pasted) : await importFile(input.fileName, built.bytes);
  timings.push({ id: input.id, ms: performance.now() - started });
  return result;
}

const timings: { id: string; ms: number }[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

describe(`importers under fuzz (FUZZ_SEED=${SEED})`, () => {
  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
    if (process.env.FUZZ_VERBOSE) {
      const total = timings.reduce((sum, timing) => sum + timing.ms, 0);
      const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5);
      console.info(
        `fuzz seed ${SEED}: ${timings.length} inputs in ${(total / 1000).toFixed(1)} s of import time; slowest ${slowest.map((timing) => `${timing.id} ${timing.ms.toFixed(0)} ms`).join(", ")}`,
      );
    }
  });

  it("has at least 300 inputs, every category represented", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const category of CATEGORIES)
      expect(
        corpus.some((input) => input.category === category),
        category,
      ).toBe(true);
  });

  it.each(corpus.map((input) => [input.id, input] as const))(
    `%s (seed ${SEED})`,
    async (id, input) => {
      let result: unknown;
      try {
        result = await run(input);
      } catch (error) {
        throw new Error(`${id} (FUZZ_SEED=${SEED}) threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      const ms = timings[timings.length - 1]!.ms;
      expect(resultProblems(result), `${id} (FUZZ_SEED=${SEED})`).toEqual([]);
      if (input.expectCode) {
        const typed = result as ImportResult;
        expect(typed.ok ? "ok" : typed.error.code, `${id} (FUZZ_SEED=${SEED}): ${typed.ok ? "" : importMessageText(typed.error, "en")}`).toBe(input.expectCode);
      }
      // `maxMs` is what a refusal costs on a quiet machine; ten times that still catches a parser doing the work it
      // should refuse (a billion laughs or a bomb takes minutes) without failing a run on a loaded, shared machine.
      if (input.maxMs) expect(ms, `${id} (FUZZ_SEED=${SEED}) took ${ms.toFixed(0)} ms`).toBeLessThan(input.maxMs * SLOW_MACHINE_FACTOR);
    },
    30_000,
  );

  it("leaves no unhandled rejection behind", async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled.map(String)).toEqual([]);
  });
});
