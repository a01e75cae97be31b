import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { checkedFixture } from "../../../../tests/support/checkedFixture";
import type { BatchExportInput } from "./batchExportInput";
import { batchCsv } from "./batchCsv";
import { batchGeoJson } from "./batchGeoJson";
import { batchXlsx } from "./batchXlsx";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A sheet's cells as the reader sees them: inline strings as text, numbers as numbers, by row. */
function readSheet(xml: string): Array<Array<string | number | null>> {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  return [...document.getElementsByTagNameNS(MAIN, "row")].map((row) =>
    [...row.getElementsByTagNameNS(MAIN, "c")].map((cell) => {
      const type = cell.getAttribute("t");
      if (type === "inlineStr") return cell.getElementsByTagNameNS(MAIN, "t")[0]!.textContent;
      const value = cell.getElementsByTagNameNS(MAIN, "v")[0];
      expect(type === null || type === "n").toBe(true);
      return value ? Number(value.textContent) : null;
    }),
  );
}

describe("batch exports of a checked 界址点 file (two parcels, EPSG:4523)", () => {
  let input: BatchExportInput;
  beforeAll(async () => {
    input = await checkedFixture("import/jzd-two-parcels-gbk.txt", "zh");
  }, 60_000);

  it("writes the summary CSV as UTF-8 with a byte-order mark, areas with two decimals", () => {
    const { bytes, replacedCharacters } = batchCsv(input, "utf-8");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(replacedCharacters).toBe(0);
    // The decoder drops the byte-order mark.
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]!.startsWith("地块名称,宗地编号,面积（m²）,面积（亩）,")).toBe(true);
    expect(lines[1]!.startsWith("宝顶测试地块,DZ-001,1000000.00,1500.00,")).toBe(true);
    expect(lines[2]!.startsWith("回龙测试地块,DZ-002,80000.00,120.00,")).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it("words the import warnings in the warnings column: coded ones from the table, stored ones as stored", () => {
    // A coded warning naming one parcel goes on its row only; a stored {code, zh, en} one about the file on every row.
    const coded = {
      code: "duplicate-vertices-removed",
      key: "duplicate-vertices-removed" as const,
      params: { parcel: "宝顶测试地块", removed: 2 },
      detail: { parcel: "宝顶测试地块" },
    };
    const stored = { code: "datum-not-stated", zh: "旧版本保存的警告。", en: "A warning stored by an earlier version." };
    const lines = new TextDecoder().decode(batchCsv({ ...input, importWarnings: [coded, stored] }, "utf-8").bytes).split("\r\n");
    expect(lines[1]).toContain("地块「宝顶测试地块」有 2 个与前一点重合的重复点，已去除。");
    expect(lines[1]).toContain("旧版本保存的警告。");
    expect(lines[2]).not.toContain("重复点");
    expect(lines[2]).toContain("旧版本保存的警告。");
    const english = new TextDecoder().decode(batchCsv({ ...input, language: "en", importWarnings: [coded, stored] }, "utf-8").bytes).split("\r\n");
    // CSV doubles the quotes inside a quoted cell.
    expect(english[1]).toContain('Parcel ""宝顶测试地块"": 2 vertexes repeating the previous one were removed.');
    expect(english[2]).toContain("A warning stored by an earlier version.");
  });

  it("writes the same CSV in GBK on request: no byte-order mark, 宝顶 as B1 A6 B6 A5, status marks as √", () => {
    const utf8 = new TextDecoder().decode(batchCsv(input, "utf-8").bytes);
    const { bytes, replacedCharacters } = batchCsv(input, "gbk");
    expect(replacedCharacters).toBe(0);
    expect(bytes[0]).not.toBe(0xef);
    const text = new TextDecoder("gbk").decode(bytes);
    expect(text).toBe(utf8.replaceAll("✔", "√").replaceAll("²", "2"));
    // 宝顶 is C9 BD B6 A5 in GBK: the first name's first bytes after the header line.
    const firstRow = bytes.indexOf(0x0a) + 1;
    expect([...bytes.slice(firstRow, firstRow + 4)]).toEqual([0xb1, 0xa6, 0xb6, 0xa5]);
  });

  it("writes an XLSX workbook that reads back: the header row, areas as numbers, Chinese names intact", async () => {
    const zip = await JSZip.loadAsync(await batchXlsx(input));
    expect(Object.keys(zip.files).sort()).toEqual(
      ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"].sort(),
    );
    const rows = readSheet(await zip.file("xl/worksheets/sheet1.xml")!.async("string"));
    expect(rows).toHaveLength(3);
    expect(rows[0]!.slice(0, 4)).toEqual(["地块名称", "宗地编号", "面积（m²）", "面积（亩）"]);
    expect(rows[0]).toContain("矿产资源重点开采区");
    expect(rows[1]!.slice(0, 4)).toEqual(["宝顶测试地块", "DZ-001", 1_000_000, 1500]);
    expect(rows[2]!.slice(0, 4)).toEqual(["回龙测试地块", "DZ-002", 80_000, 120]);
    const keyZone = rows[0]!.indexOf("矿产资源重点开采区");
    expect(rows[1]![keyZone]).toBe("✔ 未涉及");
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toContain('<sheet name="核查汇总"');
  });

  it("writes the parcels as GeoJSON with each finding as a property", () => {
    const collection = JSON.parse(batchGeoJson(input)) as {
      features: Array<{ geometry: { type: string }; properties: { name: string; area_m2: number; findings: Array<{ layerId: string; status: string }> } }>;
    };
    expect(collection.features.map((feature) => [feature.properties.name, feature.properties.area_m2])).toEqual([
      ["宝顶测试地块", 1_000_000],
      ["回龙测试地块", 80_000],
    ]);
    expect(collection.features[0]!.geometry.type).toBe("Polygon");
    expect(collection.features[0]!.properties.findings.find((finding) => finding.layerId === "mining-key-zone")!.status).toBe("clear");
  });
});

describe("batch XLSX of hostile names", () => {
  it("keeps a name that looks like a formula or markup as text, and drops characters XML cannot hold", async () => {
    const input = await checkedFixture("import/jzd-two-parcels-gbk.txt", "en");
    const renamed: BatchExportInput = {
      ...input,
      checked: input.checked.map((checked, index) => ({
        ...checked,
        parcel: { ...checked.parcel, name: index === 0 ? '=HYPERLINK("http://x")' : "<b>&amp;\u0001</b>" },
      })),
    };
    const zip = await JSZip.loadAsync(await batchXlsx(renamed));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).not.toContain("<f>");
    const rows = readSheet(sheet);
    expect(rows[0]![0]).toBe("Parcel name");
    expect(rows[1]![0]).toBe('=HYPERLINK("http://x")');
    expect(rows[2]![0]).toBe("<b>&amp;</b>");
  }, 60_000);
});
