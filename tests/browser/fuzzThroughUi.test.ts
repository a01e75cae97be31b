import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parcelName } from "../../src/i18n/defaultParcelName";
import { importFile } from "../../src/import/importFile";
import { importPastedCoordinates } from "../../src/import/pasteCoordinates";
import type { ImportResult } from "../../src/import/types";
import { APP_DATABASE, CURRENT_KEY, DRAFTS_STORE } from "../../src/state/database";
import { buildCorpus, type FuzzInput } from "../fuzz/corpus";
import { fuzzSeed, inputFormat, sampleCorpus } from "../fuzz/sample";
import { crsReasonText } from "../../src/i18n/messages.crs";
import { appState, waitForApp, whenIdle } from "./app";
import { openApp, type AppSession, type Page } from "./driver";
import { readGeodata } from "../support/testGeodata";
import type { Manifest } from "../../src/layers/manifestTypes";

const DISTRICT_AREA_KM2 = (readGeodata("manifest.json") as Manifest).district.publishedAreaKm2;
import { importMessageText } from "../../src/i18n/messages.import";

/*
 * The importer fuzz corpus (tests/fuzz/corpus.ts) through the real app: each input is uploaded through the site
 * check's file input or pasted into its paste box while a checked parcel is on screen. For every input the app must
 * raise no error, show the importer's own specific message, and leave the store exactly as it was (a refused file
 * changes nothing; the message lives in the input section, not in the store), the parcel and its report on screen and
 * the saved draft in IndexedDB. Inputs the importers accept as one parcel replace the parcel, as they should; those
 * are checked to show that parcel, then the known parcel is put back.
 *
 * FUZZ_SEED=<number> replays a run (the same variable as the node fuzz test); the seed is in every test's name.
 */

const baseUrl = inject("baseUrl");
const SEED = fuzzSeed();
/**
 * Left to the node fuzz test: putting 50 MB or a million lines into the paste box takes the browser about 30 s before
 * the importer sees the text (and refuses it at once). Files of that size are in the sample.
 */
const TOO_SLOW_FOR_THE_BROWSER = new Set(["paste-over-50M-characters", "paste-1M-lines", "paste-1M-junk-lines"]);
const CORPUS = buildCorpus(SEED);
const SAMPLE = sampleCorpus(CORPUS, SEED, { perCategory: 3, perFormat: 2, exclude: (input) => TOO_SLOW_FOR_THE_BROWSER.has(input.id) });
const REPLAY = `FUZZ_SEED=${SEED} npx vitest run --project browser tests/browser/fuzzThroughUi.test.ts`;

const FIXTURE_NAME = "key-zone-edge-4544.geojson";
const FIXTURE = readFileSync(new URL(`../fixtures/parcel/${FIXTURE_NAME}`, import.meta.url));
const FIXTURE_PARCEL_NAME = "重点开采区东界测试地块";

/**
 * Store fields (paths in `__dazuTest.getState()`) that may change when an import is refused, because they hold the
 * message. None: the import result and its message are the input section's own, so a refused input must leave every
 * field of the snapshot as it was.
 */
const MESSAGE_FIELDS: readonly string[] = [];

/** Files above this size go to the browser from a temporary file (Playwright refuses buffers over 50 MB). */
const FILE_FROM_DISK_BYTES = 8 * 1024 * 1024;
/** Pasted text above this length is put in the box directly instead of typed in by Playwright (which is slow). */
const TYPE_IN_CHARACTERS = 100_000;

/** The parts of the snapshot read here (see `stateSnapshot` in src/state/store.ts). */
interface SiteState {
  siteParcel: { name: string; geometry: { type: string; coordinates: unknown }; origin: string } | null;
  siteCheck: { type: string };
}

interface DraftRecord {
  query: { parcel: { name: string; geometry: unknown }; overrides: unknown; fee: unknown; mineral: unknown } | null;
  sketch: unknown;
}

/** What an input looks like to the user after it was read. */
interface ShownResult {
  error: { code: string | null; text: string } | null;
  crs: { code: string | null; text: string } | null;
  warnings: Array<{ code: string | null; text: string }>;
  choices: number;
}

interface Baseline {
  state: unknown;
  parcelName: string;
  reportText: string;
  hash: string;
}

let session: AppSession | undefined;
let baseline: Baseline;
let firstState: SiteState;
let firstDraft: DraftRecord | null;
let tempDir: string;
const timings: Array<{ id: string; ms: number; outcome: string }> = [];
/** Inputs whose message quotes text that Chromium and node decode differently. */
const decoderDifferences: string[] = [];
let started = 0;

function page(): Page {
  if (!session) throw new Error("the app is not open");
  return session.page;
}

/** Every path where two JSON values differ, up to `limit`. */
function differences(before: unknown, after: unknown, path = "", found: string[] = [], limit = 12): string[] {
  if (found.length >= limit || Object.is(before, after)) return found;
  const describe = (value: unknown) => JSON.stringify(value)?.slice(0, 160) ?? String(value);
  if (typeof before !== "object" || typeof after !== "object" || before === null || after === null || Array.isArray(before) !== Array.isArray(after)) {
    found.push(`${path || "(root)"}: ${describe(before)} → ${describe(after)}`);
    return found;
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    differences(
      (before as Record<string, unknown>)[key],
      (after as Record<string, unknown>)[key],
      Array.isArray(before) ? `${path}[${key}]` : path ? `${path}.${key}` : key,
      found,
      limit,
    );
  }
  return found;
}

/**
 * Largest difference between two coordinate arrays of the same shape, in degrees; Infinity when the shapes differ.
 * Node and Chromium may round the projection maths differently in the last bit.
 */
function coordinateDifference(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b);
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return Number.POSITIVE_INFINITY;
  return a.reduce<number>((largest, item, index) => Math.max(largest, coordinateDifference(item, b[index])), 0);
}

/** The message with the input it quotes (「…」) left out. */
const withoutQuotes = (text: string): string => text.replace(/「[^」]*」/g, "「…」");

/** Whether Chromium decodes these bytes as GBK to other text than node does (their GBK tables differ in a few places). */
async function gbkDecodersDiffer(target: Page, bytes: Uint8Array): Promise<boolean> {
  const inBrowser = await target.evaluate(
    (base64) => new TextDecoder("gbk").decode(Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))),
    Buffer.from(bytes).toString("base64"),
  );
  return inBrowser !== new TextDecoder("gbk").decode(bytes);
}

function withoutMessageFields(state: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
  for (const path of MESSAGE_FIELDS) {
    const keys = path.split(".");
    let target: Record<string, unknown> | undefined = copy;
    for (const key of keys.slice(0, -1)) target = target?.[key] as Record<string, unknown> | undefined;
    if (target) delete target[keys[keys.length - 1]!];
  }
  return copy;
}

/** The unsaved work the app keeps in IndexedDB (see src/state/parcelStorage.ts), read directly. */
async function readDraft(target: Page): Promise<DraftRecord | null> {
  return target.evaluate(
    ({ databaseName, storeName, key }) =>
      new Promise<DraftRecord | null>((resolve, reject) => {
        const open = indexedDB.open(databaseName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(storeName)) {
            database.close();
            resolve(null);
            return;
          }
          const read = database.transaction(storeName, "readonly").objectStore(storeName).get(key);
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            database.close();
            resolve((read.result as DraftRecord | undefined) ?? null);
          };
        };
      }),
    { databaseName: APP_DATABASE, storeName: DRAFTS_STORE, key: CURRENT_KEY },
  );
}

/** Waits until the store stops changing (the map settled, lazy loads done), then answers with it. */
async function settledState(target: Page): Promise<unknown> {
  let previous = JSON.stringify(await appState(target));
  for (let attempt = 0; attempt < 40; attempt++) {
    await whenIdle(target);
    await target.waitForTimeout(250);
    const current = JSON.stringify(await appState(target));
    if (current === previous) return JSON.parse(current) as unknown;
    previous = current;
  }
  throw new Error("the store kept changing for 10 s with nothing to do");
}

async function takeBaseline(target: Page): Promise<Baseline> {
  const state = await settledState(target);
  return {
    state,
    parcelName: await target.locator("[data-site-parcel-name]").innerText(),
    reportText: (await target.locator("[data-site-report]").textContent()) ?? "",
    hash: new URL(target.url()).hash,
  };
}

async function useMode(target: Page, mode: "upload" | "paste"): Promise<void> {
  const field = target.locator(mode === "upload" ? "[data-site-file]" : "[data-site-paste]");
  if ((await field.count()) === 0) await target.locator(`[data-site-mode="${mode}"]`).click();
  await field.waitFor({ state: "attached" });
}

/** Puts the known parcel in place through the file input and waits for its report. */
async function placeKnownParcel(target: Page): Promise<void> {
  await useMode(target, "upload");
  await target.locator("[data-site-file]").setInputFiles({ name: FIXTURE_NAME, mimeType: "application/geo+json", buffer: FIXTURE });
  await target.waitForFunction(
    (name) => {
      const state = (window as unknown as { __dazuTest: { getState(): SiteState } }).__dazuTest.getState();
      return state.siteParcel?.name === name && state.siteCheck.type === "done";
    },
    FIXTURE_PARCEL_NAME,
    { timeout: 60_000 },
  );
  await target.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
}

/** Marks what the result area shows now, so the next result is told apart from it even when it is the same message. */
async function markShownResult(target: Page): Promise<void> {
  await target.evaluate(() => {
    for (const element of Array.from(document.querySelectorAll("[data-site-import] *"))) element.setAttribute("data-fuzz-seen", "");
  });
}

const FRESH_RESULT = "[data-site-import] :is([data-site-error], [data-site-crs-code]):not([data-fuzz-seen])";

async function shownResult(target: Page): Promise<ShownResult> {
  await target.locator(FRESH_RESULT).first().waitFor({ state: "attached", timeout: 90_000 });
  return target.evaluate(() => {
    const area = document.querySelector("[data-site-import]")!;
    const error = area.querySelector("[data-site-error]:not([data-fuzz-seen])");
    const crs = area.querySelector("[data-site-crs-code]:not([data-fuzz-seen])");
    return {
      error: error ? { code: error.getAttribute("data-site-error"), text: error.textContent ?? "" } : null,
      crs: crs ? { code: crs.getAttribute("data-site-crs-code"), text: crs.textContent ?? "" } : null,
      warnings: Array.from(area.querySelectorAll("[data-warning]:not([data-fuzz-seen])")).map((item) => ({
        code: item.getAttribute("data-warning"),
        text: item.textContent ?? "",
      })),
      choices: area.querySelectorAll("[data-site-choose]:not([data-fuzz-seen])").length,
    };
  });
}

/** Page errors, console errors and unhandled rejections since the app opened. */
async function pageProblems(target: Page): Promise<string[]> {
  const inPage = await target.evaluate(() => [...((window as unknown as { __fuzzProblems?: string[] }).__fuzzProblems ?? [])]);
  return [...session!.consoleErrors, ...inPage];
}

/**
 * Markup from the corpus's hostile text (`<img src=x onerror=alert(1)>`, `<svg onload=…>`, `javascript:` links)
 * rendered as elements anywhere in the document, or an `alert` that ran.
 */
async function injections(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [...((window as unknown as { __fuzzAlerts?: string[] }).__fuzzAlerts ?? [])];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tag = element.tagName.toLowerCase();
      const handler = element.getAttributeNames().some((name) => name.toLowerCase().startsWith("on"));
      const scriptLink = tag === "a" && /^\s*javascript:/i.test(element.getAttribute("href") ?? "");
      const planted = (tag === "img" && element.getAttribute("src") === "x") || (tag === "script" && /alert/.test(element.textContent ?? ""));
      if (handler || scriptLink || planted) found.push(element.outerHTML.slice(0, 160));
    }
    return found;
  });
}

/** Gives the input to the app as a user would; answers with what the importers were actually given. */
async function giveInput(
  target: Page,
  input: FuzzInput,
  data: { bytes: Uint8Array } | { pasted: string },
): Promise<{ fileName: string; bytes: Uint8Array } | { pasted: string }> {
  if ("pasted" in data) {
    await useMode(target, "paste");
    const box = target.locator("[data-site-paste]");
    let given: string;
    if (data.pasted.length <= TYPE_IN_CHARACTERS) {
      await box.fill(data.pasted);
      // The box normalises line breaks (and may drop control characters): the importer reads what the box holds.
      given = await box.inputValue();
    } else {
      await box.evaluate((element: HTMLTextAreaElement, text) => {
        element.value = text;
        element.dispatchEvent(new Event("input", { bubbles: true }));
      }, data.pasted);
      given = data.pasted.replace(/\r\n?/g, "\n");
      expect(await box.evaluate((element: HTMLTextAreaElement) => element.value.length), `${input.id}: length of the pasted text`).toBe(given.length);
    }
    await target.locator('[data-site-action="read-paste"]').click();
    return { pasted: given };
  }
  await useMode(target, "upload");
  await target.evaluate(() => delete (window as unknown as { __fuzzFileName?: string }).__fuzzFileName);
  const file = target.locator("[data-site-file]");
  const safeName = input.fileName.length < 200 && !/[\u0000-\u001f/\\]/.test(input.fileName);
  if (data.bytes.byteLength > FILE_FROM_DISK_BYTES && safeName) {
    const path = join(tempDir, input.fileName);
    writeFileSync(path, data.bytes);
    // Removed after the result is shown: the browser reads the file when the app asks for its bytes.
    await file.setInputFiles(path);
  } else {
    await file.setInputFiles({
      name: input.fileName,
      mimeType: "application/octet-stream",
      buffer: Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength),
    });
  }
  // The name as the browser handed it to the app (it may differ from the one given, e.g. without control characters).
  const fileName = await target.evaluate(() => (window as unknown as { __fuzzFileName?: string }).__fuzzFileName);
  if (fileName === undefined) throw new Error(`${input.id}: the file input reported no change event`);
  return { fileName, bytes: data.bytes };
}

describe(`importer fuzz inputs through the site check (FUZZ_SEED=${SEED})`, () => {
  beforeAll(async () => {
    started = performance.now();
    tempDir = mkdtempSync(join(tmpdir(), "dazu-ui-fuzz-"));
    session = await openApp(baseUrl, "/");
    const target = session.page;
    await waitForApp(target);
    await whenIdle(target);
    await target.evaluate(() => {
      const record = window as unknown as { __fuzzProblems: string[]; __fuzzFileName?: string };
      record.__fuzzProblems = [];
      window.addEventListener("unhandledrejection", (event) => record.__fuzzProblems.push(`unhandled rejection: ${String(event.reason)}`));
      window.addEventListener("error", (event) => record.__fuzzProblems.push(`error: ${event.message}`));
      const alerts: string[] = [];
      (window as unknown as { __fuzzAlerts: string[] }).__fuzzAlerts = alerts;
      window.alert = (message?: unknown) => alerts.push(`alert(${String(message)})`);
      // Runs before the app's own listener, which empties the input.
      document.addEventListener(
        "change",
        (event) => {
          const input = event.target as HTMLInputElement;
          if (input.matches?.("[data-site-file]")) record.__fuzzFileName = input.files?.[0]?.name;
        },
        true,
      );
    });
    await target.locator('[data-sheet-tab="site-check"]').click();
    await target.locator("[data-site-inputs]").waitFor({ state: "visible" });
    await placeKnownParcel(target);
    baseline = await takeBaseline(target);
    firstState = baseline.state as SiteState;
    expect(firstState.siteParcel?.name).toBe(FIXTURE_PARCEL_NAME);
    expect(baseline.parcelName).toBe(FIXTURE_PARCEL_NAME);
    // The draft is written shortly after the last change.
    firstDraft = await readDraft(target);
    for (let attempt = 0; attempt < 40 && firstDraft?.query?.parcel.name !== FIXTURE_PARCEL_NAME; attempt++) {
      await target.waitForTimeout(250);
      firstDraft = await readDraft(target);
    }
    expect(firstDraft?.query?.parcel.name, "the draft in IndexedDB").toBe(FIXTURE_PARCEL_NAME);
    expect(await pageProblems(target)).toEqual([]);
  });

  afterAll(async () => {
    const seconds = (performance.now() - started) / 1000;
    const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5);
    const outcomes = new Map<string, number>();
    for (const timing of timings) outcomes.set(timing.outcome, (outcomes.get(timing.outcome) ?? 0) + 1);
    console.info(
      `UI fuzz seed ${SEED}: ${timings.length} of ${SAMPLE.length} inputs (${[...outcomes].map(([outcome, count]) => `${count} ${outcome}`).join(", ")}) in ${seconds.toFixed(1)} s; GBK decoded differently from node: ${decoderDifferences.join(", ") || "none"}; slowest ${slowest.map((timing) => `${timing.id} ${(timing.ms / 1000).toFixed(1)} s`).join(", ")}`,
    );
    await session?.close();
    session = undefined;
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it("samples every category and every format of the corpus", () => {
    for (const category of new Set(CORPUS.map((input) => input.category))) {
      expect(SAMPLE.filter((input) => input.category === category).length, `${category} (FUZZ_SEED=${SEED})`).toBeGreaterThanOrEqual(2);
    }
    for (const format of new Set(CORPUS.map(inputFormat))) {
      // The corpus has one file of an unsupported format (.exe).
      expect(SAMPLE.filter((input) => inputFormat(input) === format).length, `${format} (FUZZ_SEED=${SEED})`).toBeGreaterThanOrEqual(
        Math.min(2, CORPUS.filter((input) => inputFormat(input) === format).length),
      );
    }
    expect(SAMPLE.length).toBeGreaterThanOrEqual(60);
    expect(SAMPLE.length).toBeLessThanOrEqual(100);
  });

  it.each(SAMPLE.map((input) => [input.id, input] as const))(`%s (FUZZ_SEED=${SEED})`, async (id, input) => {
    const target = page();
    const where = `${id} [${inputFormat(input)}] — replay: ${REPLAY}`;
    const problemsBefore = (await pageProblems(target)).length;
    const data = input.build?.() ?? (input.pasted !== undefined ? { pasted: input.pasted } : { bytes: input.bytes! });
    const inputStarted = performance.now();

    await markShownResult(target);
    const given = await giveInput(target, input, data);
    const shown = await shownResult(target);
    for (const name of readdirSync(tempDir)) rmSync(join(tempDir, name));
    // The page gives the importers the district's published area from the manifest; so does this reading.
    const options = { districtAreaKm2: DISTRICT_AREA_KM2 };
    const expected: ImportResult = "pasted" in given ? importPastedCoordinates(given.pasted, options) : await importFile(given.fileName, given.bytes, options);

    // (a) Nothing went wrong in the page, and nothing in the input became markup.
    expect((await pageProblems(target)).slice(problemsBefore), `${where}: page errors`).toEqual([]);
    expect(await injections(target), `${where}: elements made from the input`).toEqual([]);

    // (b) The message shown is the importers' own, specific one.
    if (!expected.ok) {
      expect(shown.error?.code, `${where}: error code shown (expected: ${importMessageText(expected.error, "en")})`).toBe(expected.error.code);
      if (
        !shown.error!.text.includes(importMessageText(expected.error, "zh")) &&
        "bytes" in given &&
        given.bytes.byteLength <= 1_000_000 &&
        (await gbkDecodersDiffer(target, given.bytes))
      ) {
        // The quoted input was decoded by another GBK table: the rest of the message must be the same.
        decoderDifferences.push(id);
        expect(withoutQuotes(shown.error!.text), `${where}: message shown (quoted input aside: GBK decoded differently)`).toContain(
          withoutQuotes(importMessageText(expected.error, "zh")),
        );
      } else {
        expect(shown.error!.text, `${where}: message shown`).toContain(importMessageText(expected.error, "zh"));
      }
      expect(["unexpected-error", "unreadable-file"], `${where}: generic message`).not.toContain(shown.error!.code);
      expect(shown.crs, `${where}: a refused input shows no reading`).toBeNull();
    } else {
      expect(shown.error, `${where}: the importers read this input, the app shows an error`).toBeNull();
      expect(shown.crs?.code, `${where}: CRS shown`).toBe(expected.crs.code);
      expect(shown.crs!.text, `${where}: the reason for the CRS`).toContain(crsReasonText(expected.crs.reason, "zh"));
      expect(
        shown.warnings.map((warning) => warning.code),
        `${where}: warnings shown`,
      ).toEqual(expected.warnings.map((warning) => warning.code));
      for (const [index, warning] of expected.warnings.entries())
        expect(shown.warnings[index]!.text, `${where}: warning ${warning.code}`).toContain(importMessageText(warning, "zh"));
      expect(shown.choices, `${where}: parcels listed to choose from`).toBe(expected.parcels.length > 1 ? expected.parcels.length : 0);
    }

    const replaced = expected.ok && expected.parcels.length === 1;
    if (replaced) {
      // A valid parcel: the app checks it instead of the known one, as it should; then the known parcel goes back.
      const parcel = expected.parcels[0]!;
      try {
        await target.waitForFunction(
          (name) => {
            const state = (window as unknown as { __dazuTest: { getState(): SiteState } }).__dazuTest.getState();
            return state.siteParcel?.name === name && (state.siteCheck.type === "done" || state.siteCheck.type === "failed");
          },
          parcel.name,
          { timeout: 60_000 },
        );
        const state = (await appState(target)) as SiteState;
        expect(state.siteCheck.type, `${where}: check of the imported parcel`).toBe("done");
        expect(state.siteParcel?.geometry.type, `${where}: the parcel checked is the one imported`).toBe(parcel.geometry.type);
        expect(
          coordinateDifference(state.siteParcel?.geometry.coordinates, JSON.parse(JSON.stringify(parcel.geometry.coordinates))),
          `${where}: the parcel checked is the one imported (largest difference, degrees)`,
        ).toBeLessThan(1e-9);
        // An unnamed parcel carries a marker that the page shows as the word of its language (地块).
        expect(await target.locator("[data-site-parcel-name]").textContent(), `${where}: parcel shown`).toBe(parcelName(parcel.name, "zh"));
        expect((await pageProblems(target)).slice(problemsBefore), `${where}: page errors while checking the imported parcel`).toEqual([]);
        expect(await injections(target), `${where}: elements made from the imported parcel's text`).toEqual([]);
      } finally {
        await placeKnownParcel(target);
        baseline = await takeBaseline(target);
      }
      expect(
        differences(withoutMessageFields(firstState), withoutMessageFields(baseline.state)).filter((path) => !/^(view|siteCheck\.checkedAt)/.test(path)),
        `${where}: the known parcel back`,
      ).toEqual([]);
    } else {
      // (c) The store is as it was. A paint later, so a change made right after the message shows would be seen too.
      await target.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const after = await appState(target);
      const changed = differences(withoutMessageFields(baseline.state), withoutMessageFields(after));
      // (d) The parcel and its report are still shown, and still in the address bar.
      const parcelName = await target.locator("[data-site-parcel-name]").innerText();
      const reportText = (await target.locator("[data-site-report]").textContent()) ?? "";
      const hash = new URL(target.url()).hash;
      const reportShown = await target.locator('[data-finding="mining-key-zone"]').isVisible();
      const before = baseline;
      if (changed.length > 0 || parcelName !== before.parcelName || reportText !== before.reportText || hash !== before.hash || !reportShown) {
        // Put the known parcel back so the next input starts from it, then fail this one.
        await placeKnownParcel(target);
        baseline = await takeBaseline(target);
      }
      expect(changed, `${where}: store fields changed`).toEqual([]);
      expect(parcelName, `${where}: parcel shown`).toBe(before.parcelName);
      expect(reportShown, `${where}: report shown`).toBe(true);
      expect(reportText === before.reportText, `${where}: the report is unchanged`).toBe(true);
      expect(hash, `${where}: the parcel in the address bar`).toBe(before.hash);
    }
    timings.push({ id, ms: performance.now() - inputStarted, outcome: !expected.ok ? "refused" : replaced ? "read as one parcel" : "read as several parcels" });
  });

  it(`keeps the parcel and report over the whole run, in the store, on screen and in the saved draft (FUZZ_SEED=${SEED})`, async () => {
    const target = page();
    const state = (await settledState(target)) as SiteState;
    expect(state.siteParcel, `replay: ${REPLAY}`).toEqual(firstState.siteParcel);
    expect(state.siteCheck.type).toBe("done");
    expect(await target.locator("[data-site-parcel-name]").innerText()).toBe(FIXTURE_PARCEL_NAME);
    // Nothing lost: the draft still holds the known parcel with the same inputs (written 0.4 s after a change).
    await target.waitForTimeout(1_000);
    const draft = await readDraft(target);
    expect(draft?.query, `the draft in IndexedDB, replay: ${REPLAY}`).toEqual(firstDraft?.query);
    expect(draft?.query?.parcel.geometry).toEqual(firstState.siteParcel?.geometry);
    expect(await pageProblems(target)).toEqual([]);

    // And a reload brings it back, checked again.
    await target.reload({ waitUntil: "load" });
    await waitForApp(target);
    await target.locator('[data-finding="mining-key-zone"]').waitFor({ state: "visible", timeout: 60_000 });
    expect(await target.locator("[data-site-parcel-name]").innerText()).toBe(FIXTURE_PARCEL_NAME);
    const reloaded = (await appState(target)) as SiteState;
    expect(reloaded.siteParcel).toEqual(firstState.siteParcel);
    expect(session!.consoleErrors).toEqual([]);
  });
});
