import { CRS_DEFINITIONS } from "../../src/geo/crs";
import type { Language } from "../../src/i18n/messages";
import type { CrsOverride, ImportCrsCode } from "../../src/import/types";
import type { CsvEncoding } from "../../src/siteCheck/batch/exports/batchCsv";

export type OutputFormat = "csv" | "json" | "geojson" | "xlsx";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["csv", "json", "geojson", "xlsx"];
const CSV_ENCODINGS: readonly CsvEncoding[] = ["utf-8", "gbk"];
const CRS_CODES: readonly ImportCrsCode[] = [...(Object.keys(CRS_DEFINITIONS) as ImportCrsCode[]), "GCJ-02"];

export interface CheckCommandOptions {
  file: string;
  format: OutputFormat;
  /** The CSV's character encoding: UTF-8 with a byte-order mark, or GBK. */
  encoding: CsvEncoding;
  /** Where to write the output; null for standard output. */
  out: string | null;
  crsOverride: CrsOverride | null;
  language: Language;
  /** The data package folder (manifest.json and the layer files). */
  dataDir: string | null;
}

export const USAGE = `usage: npm run check -- <file> [--format csv|json|geojson|xlsx] [--encoding utf-8|gbk] [--out <path>] [--crs ${CRS_CODES.join("|")}] [--swap-axes] [--lang zh|en] [--data <folder>]`;

export type ParsedOptions = { ok: true; options: CheckCommandOptions } | { ok: false; error: string };

/** The command line's arguments, or what is wrong with them (said in English and Chinese, like the importers). */
export function parseCheckOptions(argv: readonly string[]): ParsedOptions {
  let file: string | null = null;
  let format: OutputFormat = "csv";
  let encoding: CsvEncoding | null = null;
  let out: string | null = null;
  let crs: ImportCrsCode | null = null;
  let swapAxes = false;
  let language: Language = "zh";
  let dataDir: string | null = null;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined || next.startsWith("--")) throw new Error(`${argument} needs a value / ${argument} 缺少取值`);
      return next;
    };
    try {
      switch (argument) {
        case "--format": {
          const given = value().toLowerCase();
          if (!OUTPUT_FORMATS.includes(given as OutputFormat))
            return { ok: false, error: `unknown format "${given}" (${OUTPUT_FORMATS.join(", ")}) / 不支持的输出格式「${given}」` };
          format = given as OutputFormat;
          break;
        }
        case "--encoding": {
          const given = value()
            .toLowerCase()
            .replace(/^utf8$/, "utf-8");
          if (!CSV_ENCODINGS.includes(given as CsvEncoding))
            return { ok: false, error: `unknown encoding "${given}" (${CSV_ENCODINGS.join(", ")}) / 不支持的编码「${given}」` };
          encoding = given as CsvEncoding;
          break;
        }
        case "--out":
          out = value();
          break;
        case "--crs": {
          const given = value().toUpperCase();
          const code = CRS_CODES.find((candidate) => candidate.toUpperCase() === given);
          if (!code) return { ok: false, error: `unknown CRS "${given}" (${CRS_CODES.join(", ")}) / 不支持的坐标系「${given}」` };
          crs = code;
          break;
        }
        case "--swap-axes":
          swapAxes = true;
          break;
        case "--lang": {
          const given = value();
          if (given !== "zh" && given !== "en") return { ok: false, error: `unknown language "${given}" (zh, en) / 不支持的语言「${given}」` };
          language = given;
          break;
        }
        case "--data":
          dataDir = value();
          break;
        default:
          if (argument.startsWith("--")) return { ok: false, error: `unknown option ${argument} / 未知选项 ${argument}` };
          if (file !== null) return { ok: false, error: `one file at a time (got "${file}" and "${argument}") / 一次只能核查一个文件` };
          file = argument;
      }
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }
  if (file === null) return { ok: false, error: "no file given / 未指定文件" };
  if (encoding !== null && format !== "csv") return { ok: false, error: "--encoding applies to --format csv only / --encoding 仅用于 CSV 输出" };
  // A workbook is a zip archive: written to a terminal it would be noise.
  if (format === "xlsx" && out === null) return { ok: false, error: "--format xlsx needs --out <path> / XLSX 输出须用 --out 指定文件" };
  if (swapAxes && crs === null) return { ok: false, error: "--swap-axes needs --crs / --swap-axes 须与 --crs 一起使用" };
  return {
    ok: true,
    options: { file, format, encoding: encoding ?? "utf-8", out, crsOverride: crs ? { code: crs, swappedAxes: swapAxes } : null, language, dataDir },
  };
}
