import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { afterEach, describe, expect, inject, it } from "vitest";
import { gaussKrugerToLngLat } from "../../src/geo/crs";
import { downloadExport, openSiteCheck, tableRows, uploadAndCheckAll } from "./batchSteps";
import type { AppSession, Page } from "./driver";

const baseUrl = inject("baseUrl");
let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** RFC 4180 fields: quoted fields may hold commas, quotes (doubled) and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      record.push(field);
      field = "";
    } else if (character === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index++;
    } else field += character;
  }
  expect(field, "the file ends with CRLF").toBe("");
  expect(record).toEqual([]);
  return records;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A sheet's cells by row: inline strings as text, numbers as numbers, a cell with no value as "". */
function sheetRows(xml: string): Array<Array<string | number>> {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  return [...document.getElementsByTagNameNS(MAIN, "row")].map((row) =>
    [...row.getElementsByTagNameNS(MAIN, "c")].map((cell) => {
      if (cell.getAttribute("t") === "inlineStr") return cell.getElementsByTagNameNS(MAIN, "t")[0]!.textContent!;
      const value = cell.getElementsByTagNameNS(MAIN, "v")[0];
      return value ? Number(value.textContent) : "";
    }),
  );
}

/** The table's column ids in order, and each row's status per restricting layer (its data-status), by row. */
async function tableColumns(page: Page): Promise<{ ids: string[]; statuses: Array<Record<string, string>> }> {
  const ids = await page.locator("[data-batch-table] thead th").evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).dataset.column!));
  const statuses = await page
    .locator("[data-batch-row]")
    .evaluateAll((rows) =>
      rows.map((row) =>
        Object.fromEntries([...row.querySelectorAll<HTMLElement>("td[data-status]")].map((cell) => [cell.dataset.column!, cell.dataset.status!])),
      ),
    );
  return { ids, statuses };
}

/** Hand-worked (tests/fixtures/parcel/README.md): name, number, m², 亩, outside the district. */
const FOUR_PARCELS = [
  ["A-01 重点开采区东界", "DZ-2024-001", "160000.00", "240.00", "部分在区外"],
  ["B-02 城区", "DZ-2024-002", "40000.00", "60.00", "否"],
  ["C-03 区外", "DZ-2024-003", "40000.00", "60.00", "全部在区外"],
  ["D-04 小地块", "DZ-2024-004", "10000.00", "15.00", "否"],
];

describe("the batch exports, downloaded from the page", () => {
  it("writes the CSV (UTF-8 with BOM, and GBK), the workbook, GeoJSON and JSON with one row per parcel, as the table shows them", async () => {
    session = await openSiteCheck(baseUrl);
    const { page } = session;
    await uploadAndCheckAll(page);
    const table = await tableRows(page);
    const { ids, statuses } = await tableColumns(page);
    const statusColumns = ids.filter((id) => id.startsWith("status:"));
    expect(statusColumns).toContain("status:mining-key-zone");

    // CSV, UTF-8: a byte-order mark, a header row, then one row per parcel in the file's order, CRLF.
    const csv = await downloadExport(page, "csv");
    expect(csv.name).toBe("批量核查-batch-four-parcels-4544.csv");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const utf8Text = new TextDecoder("utf-8", { fatal: true }).decode(csv.bytes);
    const records = parseCsv(utf8Text);
    expect(records).toHaveLength(5);
    const [header, ...rows] = records as [string[], ...string[][]];
    expect(header).toHaveLength(ids.length);
    expect(header.slice(0, 4)).toEqual(["地块名称", "宗地编号", "面积（m²）", "面积（亩）"]);
    expect(header[ids.indexOf("status:mining-key-zone")]).toBe("矿产资源重点开采区");
    expect(header.slice(-3)).toEqual(["城市建设配套费（估算或待答问题）", "是否在大足区外", "提示"]);
    expect(rows.map((row) => [...row.slice(0, 4), row[ids.indexOf("district")]])).toEqual(FOUR_PARCELS);
    expect(rows.map((row) => row[ids.indexOf("status:mining-key-zone")])).toEqual(["? 无法判定", "✔ 未涉及", "○ 区外不适用", "✔ 未涉及"]);
    // Every other cell is what the table shows in that row and column.
    rows.forEach((row, index) => expect(Object.fromEntries(ids.map((id, column) => [id, row[column]]))).toEqual(table[index]));

    // CSV, GBK: the same rows in the Windows Chinese code page, no byte-order mark; not UTF-8 at all.
    const gbk = await downloadExport(page, "csv-gbk");
    expect(gbk.name).toBe("批量核查-batch-four-parcels-4544-GBK.csv");
    expect([...gbk.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk.bytes)).toThrow();
    // 地块 is B5 D8 BF E9 in GBK: the first bytes of the file.
    expect([...gbk.bytes.subarray(0, 4)]).toEqual([0xb5, 0xd8, 0xbf, 0xe9]);
    const gbkText = new TextDecoder("gbk").decode(gbk.bytes);
    // GBK has no ✔ or ²: the nearest marks stand in for them, and nothing else differs.
    expect(gbkText).toBe(
      utf8Text
        .replace(/^\uFEFF/, "")
        .replaceAll("✔", "√")
        .replaceAll("²", "2"),
    );
    expect(parseCsv(gbkText).map((row) => row.slice(0, 2))).toEqual([["地块名称", "宗地编号"], ...FOUR_PARCELS.map((row) => row.slice(0, 2))]);

    // XLSX: a zip package whose one sheet holds the header and the rows, areas as numbers.
    const xlsx = await downloadExport(page, "xlsx");
    expect(xlsx.name).toBe("批量核查-batch-four-parcels-4544.xlsx");
    expect([...xlsx.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const zip = await JSZip.loadAsync(xlsx.bytes);
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('<sheet name="核查汇总"');
    const sheet = sheetRows(await zip.file("xl/worksheets/sheet1.xml")!.async("string"));
    expect(sheet[0]).toEqual(header);
    expect(sheet.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ["A-01 重点开采区东界", "DZ-2024-001", 160_000, 240],
      ["B-02 城区", "DZ-2024-002", 40_000, 60],
      ["C-03 区外", "DZ-2024-003", 40_000, 60],
      ["D-04 小地块", "DZ-2024-004", 10_000, 15],
    ]);
    sheet.slice(1).forEach((row, index) => expect(row.slice(4)).toEqual(rows[index]!.slice(4)));

    // GeoJSON: one feature per parcel in WGS-84, the summary and every restricting layer's finding as properties.
    const geojson = await downloadExport(page, "geojson");
    expect(geojson.name).toBe("批量核查-batch-four-parcels-4544.geojson");
    const collection = JSON.parse(geojson.bytes.toString("utf8")) as {
      type: string;
      features: Array<{
        geometry: { type: string; coordinates: number[][][] };
        properties: Record<string, unknown> & { findings: Array<{ layerId: string; status: string; reason: string }> };
      }>;
    };
    expect(collection.type).toBe("FeatureCollection");
    expect(
      collection.features.map(({ properties }) => [properties.name, properties.number, properties.area_m2, properties.area_mu, properties.district]),
    ).toEqual([
      ["A-01 重点开采区东界", "DZ-2024-001", 160_000, 240, "partly"],
      ["B-02 城区", "DZ-2024-002", 40_000, 60, "inside"],
      ["C-03 区外", "DZ-2024-003", 40_000, 60, "outside"],
      ["D-04 小地块", "DZ-2024-004", 10_000, 15, "inside"],
    ]);
    // B-02's first corner, E 569 600 N 3 287 000 in EPSG:4544, is where the file put it.
    const [longitude, latitude] = collection.features[1]!.geometry.coordinates[0]![0]!;
    const expected = gaussKrugerToLngLat([569_600, 3_287_000]);
    expect(longitude).toBeCloseTo(expected[0], 7);
    expect(latitude).toBeCloseTo(expected[1], 7);
    collection.features.forEach((feature, index) => {
      for (const column of statusColumns) {
        const layerId = column.slice("status:".length);
        expect(feature.properties[column], `${column} of parcel ${index}`).toBe(statuses[index]![column]);
        const finding = feature.properties.findings.find((candidate) => candidate.layerId === layerId);
        expect(finding?.status, `${layerId} finding of parcel ${index}`).toBe(statuses[index]![column]);
        expect(finding?.reason).not.toBe("");
      }
    });

    // JSON: its format and version, then one entry per parcel with its summary and findings.
    const json = await downloadExport(page, "json");
    expect(json.name).toBe("批量核查-batch-four-parcels-4544.json");
    const file = JSON.parse(json.bytes.toString("utf8")) as {
      format: string;
      formatVersion: number;
      language: string;
      parcels: Array<{
        summary: { name: string; number: string; areaSquareMetres: number; district: string };
        findings: Array<{ layerId: string; status: string }>;
      }>;
    };
    expect([file.format, file.formatVersion, file.language]).toEqual(["dazu-site-check-batch", 1, "zh"]);
    expect(file.parcels.map(({ summary }) => [summary.name, summary.number, summary.areaSquareMetres, summary.district])).toEqual([
      ["A-01 重点开采区东界", "DZ-2024-001", 160_000, "partly"],
      ["B-02 城区", "DZ-2024-002", 40_000, "inside"],
      ["C-03 区外", "DZ-2024-003", 40_000, "outside"],
      ["D-04 小地块", "DZ-2024-004", 10_000, "inside"],
    ]);
    expect(file.parcels.map((parcel) => parcel.findings.find((finding) => finding.layerId === "mining-key-zone")?.status)).toEqual([
      "undecided",
      "clear",
      "outside",
      "clear",
    ]);
    expect(session.consoleErrors).toEqual([]);
  });

  it("writes English headers and words when the page is in English", async () => {
    session = await openSiteCheck(baseUrl, { hash: "#lang=en" });
    const { page } = session;
    await uploadAndCheckAll(page);
    const { ids } = await tableColumns(page);

    const csv = await downloadExport(page, "csv");
    expect(csv.name).toBe("batch-check-batch-four-parcels-4544.csv");
    const [header, ...rows] = parseCsv(new TextDecoder().decode(csv.bytes)) as [string[], ...string[][]];
    expect(header.slice(0, 4)).toEqual(["Parcel name", "Parcel number", "Area (m²)", "Area (mu)"]);
    expect(header.slice(-3)).toEqual(["Infrastructure fee (rate or open question)", "Outside the district", "Warnings"]);
    expect(rows.map((row) => [row[0], row[ids.indexOf("district")], row[ids.indexOf("status:mining-key-zone")]])).toEqual([
      ["A-01 重点开采区东界", "partly", "? Cannot be decided"],
      ["B-02 城区", "no", "✔ Clear"],
      ["C-03 区外", "wholly", "○ Outside: does not apply"],
      ["D-04 小地块", "no", "✔ Clear"],
    ]);
    // No Chinese word of the interface is left in the English file: only the parcels' own names are Chinese.
    const chinese = new Set(["重点开采区东界", "城区", "区外", "小地块"]);
    for (const cell of [...header, ...rows.flatMap((row) => row.slice(1))]) {
      const words = cell.match(/[\u4e00-\u9fff]+/g) ?? [];
      expect(
        words.filter((word) => !chinese.has(word)),
        cell,
      ).toEqual([]);
    }

    const xlsx = await downloadExport(page, "xlsx");
    expect(xlsx.name).toBe("batch-check-batch-four-parcels-4544.xlsx");
    const zip = await JSZip.loadAsync(xlsx.bytes);
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('<sheet name="Summary"');
    expect(sheetRows(await zip.file("xl/worksheets/sheet1.xml")!.async("string"))[0]).toEqual(header);
    expect(session.consoleErrors).toEqual([]);
  });
});
