import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Feature, Polygon } from "geojson";
import { deserialize } from "flatgeobuf/lib/mjs/geojson.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkParcel } from "../../src/check/checkParcel";
import type { Manifest } from "../../src/layers/manifestTypes";
import { EXIT, runCheckCommand } from "./runCheckCommand";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (path: string) => join(root, "tests/fixtures", path);
const geodata = join(root, "geodata/");

async function run(argv: string[]) {
  const chunks: Buffer[] = [];
  let stderr = "";
  const code = await runCheckCommand(argv, {
    stdout: (output) => void chunks.push(Buffer.from(output)),
    stderr: (text) => void (stderr += text),
    defaultDataDir: geodata,
    now: () => new Date("2026-12-03T08:00:00Z"),
  });
  const stdoutBytes = Buffer.concat(chunks);
  // Decoded keeping the byte-order mark, so a test can see it is there.
  return { code, stdout: new TextDecoder("utf-8", { ignoreBOM: true }).decode(stdoutBytes), stdoutBytes, stderr };
}

/** RFC 4180 rows (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text
    .slice(1)
    .trimEnd()
    .split("\r\n")
    .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((match) => match[1]!.replace(/^"|"$/g, "").replace(/""/g, '"')));
}

function byHeader(rows: string[][]): Array<Record<string, string>> {
  const [header, ...body] = rows;
  return body.map((row) => Object.fromEntries(header!.map((title, index) => [title, row[index] ?? ""])));
}

interface SummaryFeature {
  properties: Record<string, unknown> & { name: string; area_m2: number; area_mu: number; district: string; fee: string; warnings: string[] };
}

describe("npm run check", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "site-check-cli-"));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it("checks each parcel of a 界址点 TXT (EPSG:4523, X = northing) and prints one CSV row per parcel with GK areas", async () => {
    const { code, stdout, stderr } = await run([fixture("import/jzd-two-parcels-gbk.txt")]);
    expect(code).toBe(EXIT.ok);
    // The CRS and why, as the page says it.
    expect(stderr).toContain("EPSG:4523");
    expect(stderr).toContain("X (northing)");
    const rows = byHeader(parseCsv(stdout));
    expect(rows).toHaveLength(2);
    // 1000 m × 1000 m = 1 000 000 m² = 1500 亩; 300 m × 300 m less a 100 m × 100 m hole = 80 000 m² = 120 亩.
    expect(rows.map((row) => [row["地块名称"], row["宗地编号"], row["面积（m²）"], row["面积（亩）"]])).toEqual([
      ["宝顶测试地块", "DZ-001", "1000000.00", "1500.00"],
      ["回龙测试地块", "DZ-002", "80000.00", "120.00"],
    ]);
    expect(rows[0]!["是否在大足区外"]).toBe("否");
    // Both sites lie far from the schematic key zone; the exploration-block layer is clear.
    expect(rows.map((row) => row["矿产资源重点开采区"])).toEqual(["✔ 未涉及", "✔ 未涉及"]);
  });

  it("reads a zipped Shapefile in EPSG:4544 with two parcels, and says in English which fee question the first waits on", async () => {
    const { code, stdout, stderr } = await run([fixture("import/shp-4544-gbk.zip"), "--lang", "en"]);
    expect(code).toBe(EXIT.ok);
    expect(stderr).toContain("CGCS2000_3_Degree_GK_CM_105E");
    const rows = byHeader(parseCsv(stdout));
    // The 1 km square and a 200 m × 200 m square: 40 000 m² = 60 mu.
    // The Shapefile's number is in 编号.
    expect(rows.map((row) => [row["Parcel number"], row["Area (m²)"], row["Area (mu)"]])).toEqual([
      ["DZ-001", "1000000.00", "1500.00"],
      ["DZ-002", "40000.00", "60.00"],
    ]);
    // The big square straddles a town boundary, so the fee waits on the town; the small one lies in one 210 town.
    expect(rows[0]!["Infrastructure fee (rate or open question)"]).toBe("The site spans several towns: which one do the buildings stand in?");
    expect(rows[1]!["Infrastructure fee (rate or open question)"]).toBe("¥210/m²");
  });

  // The same 1 km GK square in every other format the page reads: KML/KMZ and CSV in lon/lat, CASS .dat and an X/Y CSV in GK metres.
  it.each(["square.kml", "square.kmz", "lonlat-two-parcels-gbk.csv", "square.dat", "square-xy.csv"])(
    "reads %s with the page's importer: the first parcel is the 1 000 000 m² square",
    async (name) => {
      const { code, stdout } = await run([fixture(`import/${name}`), "--format", "geojson"]);
      expect(code).toBe(EXIT.ok);
      const first = (JSON.parse(stdout) as { features: SummaryFeature[] }).features[0]!.properties;
      expect(first.area_m2).toBeCloseTo(1_000_000, 0);
      expect(first.area_mu).toBe(1500);
      expect(first.district).toBe("inside");
    },
  );

  it("flags a WGS-84 parcel far outside the district as outside, its layers as not applying, and warns on its row", async () => {
    const { code, stdout } = await run([fixture("cli/outside-district-wgs84.geojson"), "--format", "geojson"]);
    expect(code).toBe(EXIT.ok);
    const collection = JSON.parse(stdout) as { features: SummaryFeature[] };
    expect(collection.features).toHaveLength(1);
    const properties = collection.features[0]!.properties;
    expect(properties.district).toBe("outside");
    expect(properties["status:mining-key-zone"]).toBe("outside");
    expect(properties.fee).toBe("");
    expect(properties.warnings.join()).toContain("渝中区测试地块");
  });

  it("reports the schematic key zone's edge as undecided for a parcel across it (GK 400 m × 400 m)", async () => {
    const { code, stdout } = await run([fixture("parcel/key-zone-edge-4544.geojson"), "--format", "geojson"]);
    expect(code).toBe(EXIT.ok);
    const properties = (JSON.parse(stdout) as { features: SummaryFeature[] }).features[0]!.properties;
    expect(properties.area_m2).toBe(160_000);
    expect(properties.area_mu).toBe(240);
    expect(properties["status:mining-key-zone"]).toBe("undecided");
    const keyZone = (properties.findings as Array<{ layerId: string; overlaps: Array<{ squareMetres: number }> }>).find(
      (finding) => finding.layerId === "mining-key-zone",
    )!;
    // The trapezoid of the fixture's README: (172.14 + 17.45) / 2 × 400 = 37 918 m².
    expect(keyZone.overlaps[0]!.squareMetres).toBeGreaterThan(37_918 * 0.999);
    expect(keyZone.overlaps[0]!.squareMetres).toBeLessThan(37_918 * 1.001);
  });

  it("writes the CSV in GBK with --encoding gbk: the same rows, no byte-order mark, 宝顶 as B1 A6 B6 A5", async () => {
    const utf8 = await run([fixture("import/jzd-two-parcels-gbk.txt")]);
    const gbk = await run([fixture("import/jzd-two-parcels-gbk.txt"), "--encoding", "gbk"]);
    expect(gbk.code).toBe(EXIT.ok);
    const bytes = gbk.stdoutBytes;
    expect(bytes[0]).not.toBe(0xef);
    const secondLine = bytes.indexOf(0x0a) + 1;
    expect([...bytes.subarray(secondLine, secondLine + 4)]).toEqual([0xb1, 0xa6, 0xb6, 0xa5]);
    // GBK has no ✔ or ²: the nearest characters stand in, and nothing is lost, so nothing is said about it.
    expect(new TextDecoder("gbk").decode(bytes)).toBe(utf8.stdout.slice(1).replaceAll("✔", "√").replaceAll("²", "2"));
    expect(gbk.stderr).not.toContain("GBK");
  });

  it("says how many characters GBK could not write, and writes each as ?", async () => {
    const parcelFile = join(folder, "rare-name.geojson");
    const square = [
      [105.7, 29.7],
      [105.701, 29.7],
      [105.701, 29.701],
      [105.7, 29.701],
      [105.7, 29.7],
    ];
    writeFileSync(
      parcelFile,
      JSON.stringify({
        type: "FeatureCollection",
        features: [{ type: "Feature", properties: { name: "𠀀𠀁地块" }, geometry: { type: "Polygon", coordinates: [square] } }],
      }),
    );
    const { code, stdoutBytes, stderr } = await run([parcelFile, "--encoding", "GBK"]);
    expect(code).toBe(EXIT.ok);
    expect(new TextDecoder("gbk").decode(stdoutBytes).split("\r\n")[1]!.startsWith("??地块,")).toBe(true);
    expect(stderr).toContain("2 个字符无法用 GBK 表示");
    expect(stderr).toContain('2 characters have no GBK code and were written as "?"');
  });

  it("writes an XLSX workbook with --format xlsx --out: the header and the areas as numbers", async () => {
    const out = join(folder, "summary.xlsx");
    const { code, stdout } = await run([fixture("import/jzd-two-parcels-gbk.txt"), "--format", "xlsx", "--out", out]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe("");
    const { default: JSZip } = await import("jszip");
    const sheet = await (await JSZip.loadAsync(readFileSync(out))).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">地块名称</t></is></c>');
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">宝顶测试地块</t></is></c>');
    expect(sheet).toContain('<c r="C2" s="2"><v>1000000</v></c><c r="D2" s="2"><v>1500</v></c>');
    expect(readdirSync(folder)).toEqual(["summary.xlsx"]);
  });

  it("refuses --format xlsx without --out, and --encoding with a format other than CSV", async () => {
    const toTerminal = await run([fixture("import/jzd-two-parcels-gbk.txt"), "--format", "xlsx"]);
    expect(toTerminal.code).toBe(EXIT.usage);
    expect(toTerminal.stderr).toContain("--format xlsx needs --out");
    expect(toTerminal.stdout).toBe("");
    const encodedJson = await run([fixture("import/jzd-two-parcels-gbk.txt"), "--format", "json", "--encoding", "gbk"]);
    expect(encodedJson.code).toBe(EXIT.usage);
    expect((await run([fixture("import/jzd-two-parcels-gbk.txt"), "--encoding", "big5"])).code).toBe(EXIT.usage);
  });

  it("writes the report models as JSON, one per parcel, atomically to --out", async () => {
    const out = join(folder, "reports.json");
    const { code, stdout } = await run([fixture("import/jzd-two-parcels-gbk.txt"), "--format", "json", "--out", out]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe("");
    const models = JSON.parse(readFileSync(out, "utf8")) as Array<{
      format: string;
      sections: Array<{ id: string; blocks: Array<{ id: string; rows?: Array<{ id: string; value: { text: unknown } }> }> }>;
    }>;
    expect(models.map((model) => model.format)).toEqual(["dazu-site-check-report", "dazu-site-check-report"]);
    const facts = models[1]!.sections.find((section) => section.id === "parcel")!.blocks[0]!.rows!;
    expect(facts.find((row) => row.id === "name")!.value.text).toEqual({ plain: "回龙测试地块" });
    expect(facts.find((row) => row.id === "area-gk")!.value.text).toMatchObject({ unit: "all" });
    expect(readdirSync(folder)).toEqual(["reports.json"]);
    // The receipt names the data files the check used, with the first 12 hex digits of their SHA-256.
    const receipt = models[0]!.sections.find((section) => section.id === "receipt")!.blocks.find((block) => block.id === "file-hashes") as unknown as {
      rows: Array<{ id: string; cells: Array<{ text: unknown }> }>;
    };
    const manifestHash = createHash("sha256")
      .update(readFileSync(join(geodata, "manifest.json")))
      .digest("hex")
      .slice(0, 12);
    expect(receipt.rows.find((row) => row.id === "manifest.json")!.cells[1]!.text).toEqual({ plain: manifestHash });
    expect(receipt.rows.map((row) => row.id)).toContain("layers/mining-key-zone.geojson");
  });

  it("forces the CRS with --crs, and fails with the importer's own message when it does not fit the values", async () => {
    const forced = await run([fixture("import/geojson-4544-nocrs.geojson"), "--crs", "EPSG:4544", "--format", "geojson"]);
    expect(forced.code).toBe(EXIT.ok);
    expect(forced.stderr).toContain("按用户选择读取");
    expect((JSON.parse(forced.stdout) as { features: SummaryFeature[] }).features[0]!.properties.area_m2).toBe(1_000_000);

    const out = join(folder, "wrong.csv");
    const wrong = await run([fixture("import/geojson-4544-nocrs.geojson"), "--crs", "EPSG:4326", "--out", out]);
    expect(wrong.code).toBe(EXIT.importFailed);
    expect(wrong.stderr).toContain("超出地球范围");
    expect(wrong.stderr).toContain("off the globe");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a parcel larger than the district, whose area it reads from the data package's manifest", async () => {
    const square = [
      [540000, 3260000],
      [580000, 3260000],
      [580000, 3300000],
      [540000, 3300000],
      [540000, 3260000],
    ];
    const crs = { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::4544" } };
    const file = join(folder, "huge.geojson");
    writeFileSync(
      file,
      JSON.stringify({ type: "FeatureCollection", crs, features: [{ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [square] } }] }),
    );
    const refused = await run([file]);
    expect(refused.code).toBe(EXIT.importFailed);
    // 40 km × 40 km = 1600 km², more than the 1436 km² of geodata/manifest.json's district block.
    expect(refused.stderr).toContain("比整个大足区（约 1436 km²）还大");
    expect(refused.stderr).toContain("(about 1436 km²)");
  });

  it("leaves an existing --out file as it was when the input is malformed", async () => {
    const out = join(folder, "summary.csv");
    writeFileSync(out, "yesterday's summary\n");
    const { code, stdout, stderr } = await run([fixture("cli/truncated.geojson"), "--out", out]);
    expect(code).toBe(EXIT.importFailed);
    expect(stdout).toBe("");
    expect(stderr).toContain("不是有效的 JSON");
    expect(stderr).toContain("is not valid JSON");
    expect(readFileSync(out, "utf8")).toBe("yesterday's summary\n");
    expect(readdirSync(folder)).toEqual(["summary.csv"]);
  });

  it("exits 3 and leaves no temporary file when the output cannot be written", async () => {
    const out = join(folder, "no-such-folder", "summary.csv");
    const { code, stderr } = await run([fixture("import/shp-4544-gbk.zip"), "--out", out]);
    expect(code).toBe(EXIT.failed);
    expect(stderr).toContain("Could not write");
    expect(readdirSync(folder)).toEqual([]);
  });

  it("refuses unknown options and a missing file with the usage and exit code 2", async () => {
    expect((await run(["--format", "xml", fixture("cli/truncated.geojson")])).code).toBe(EXIT.usage);
    const missing = await run([]);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain("usage: npm run check");
    expect((await run([join(folder, "no-such-file.geojson")])).code).toBe(EXIT.importFailed);
  });

  it("reads a large (FlatGeobuf) layer from disk near each parcel, with the same overlaps as checking the whole layer", async () => {
    // The package with its synthetic large layer made a restricting one, so the check uses it.
    const data = join(folder, "data");
    mkdirSync(data);
    for (const entry of ["layers", "policies", "examples", "mining-policy.json"]) symlinkSync(join(geodata, entry), join(data, entry));
    const manifest = JSON.parse(readFileSync(join(geodata, "manifest.json"), "utf8")) as Manifest;
    const large = manifest.layers.find((layer) => layer.id === "synthetic-parcels")!;
    large.role = "restricts";
    writeFileSync(join(data, "manifest.json"), JSON.stringify(manifest));
    const features: Array<Feature<Polygon>> = [];
    for await (const feature of deserialize(new Uint8Array(readFileSync(join(geodata, "examples/synthetic-parcels.fgb")))))
      features.push(feature as Feature<Polygon>);
    expect(features).toHaveLength(5000);
    // A site drawn exactly on one synthetic parcel, which also touches or overlaps whatever lies next to it.
    const site = features[0]!;
    const parcelFile = join(folder, "on-synthetic-parcel.geojson");
    writeFileSync(
      parcelFile,
      JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "合成地块上的测试地块" }, geometry: site.geometry }] }),
    );

    const { code, stdout } = await run([parcelFile, "--format", "geojson", "--data", data]);
    expect(code).toBe(EXIT.ok);
    const properties = (JSON.parse(stdout) as { features: SummaryFeature[] }).features[0]!.properties;
    const finding = (
      properties.findings as Array<{ layerId: string; status: string; overlaps: Array<{ name: string; squareMetres: number; shareOfParcel: number }> }>
    ).find((candidate) => candidate.layerId === "synthetic-parcels")!;
    expect(finding.overlaps.find((overlap) => overlap.name === site.properties!["name"])!.shareOfParcel).toBeCloseTo(1, 6);

    const whole = checkParcel(site.geometry, [{ definition: large, features }]).findings.find((candidate) => candidate.layerId === "synthetic-parcels")!;
    expect(properties["status:synthetic-parcels"]).toBe(whole.status);
    expect(finding.overlaps.map((overlap) => [overlap.name, overlap.squareMetres])).toEqual(
      whole.overlaps.map((overlap) => [overlap.name, overlap.overlapSquareMetres]),
    );
  });

  it("runs as a command: a malformed file exits non-zero and writes nothing", async () => {
    const out = join(folder, "out.csv");
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ["--import", "tsx", join(root, "scripts/check.ts"), fixture("cli/truncated.geojson"), "--out", out],
        { cwd: root },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stderr }),
      );
      child.stdin?.end();
    });
    expect(result.code).toBe(EXIT.importFailed);
    expect(result.stderr).toContain("truncated.geojson");
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
