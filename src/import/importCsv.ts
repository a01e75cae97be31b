import { crsReasonPart } from "../geo/crsTypes";
import { allSourcePairs, failure, finishImport, vertexLimitError } from "./assemble";
import { resolveCrs } from "./crsResolution";
import { normaliseCoordinateText, tokeniseCoordinateLine } from "./coordinateText";
import { importPastedCoordinates } from "./pasteCoordinates";
import { importMessage } from "./messages";
import { lineLimitError } from "./prescan";
import { clip, decodeText, fileBaseName, plainProperties } from "./text";
import type { ImportMessage, ImportOptions, ImportResult, ParcelDraft, SourcePosition } from "./types";

const DELIMITERS = [",", "\t", ";", "，", "；"] as const;

function detectDelimiter(line: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = line.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * RFC 4180 rows: quoted fields may hold the delimiter, doubled quotes and line breaks. Unquoted stretches are cut
 * out with slice rather than built a character at a time, so 50 MB parse in well under a second.
 */
export function parseCsvRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let row: string[] = [];
  let field = "";
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 34 && (field + text.slice(start, index)).trim() === "") {
      field = "";
      let cursor = index + 1;
      for (;;) {
        const quote = text.indexOf('"', cursor);
        if (quote < 0) {
          field += text.slice(cursor);
          index = text.length;
          break;
        }
        field += text.slice(cursor, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          field += '"';
          cursor = quote + 2;
          continue;
        }
        index = quote + 1;
        break;
      }
      start = index;
      continue;
    }
    if (code === delimiterCode) {
      row.push(field + text.slice(start, index));
      field = "";
      start = ++index;
      continue;
    }
    if (code === 10 || code === 13) {
      row.push(field + text.slice(start, index));
      rows.push(row);
      row = [];
      field = "";
      index += code === 13 && text.charCodeAt(index + 1) === 10 ? 2 : 1;
      start = index;
      continue;
    }
    index++;
  }
  field += text.slice(start);
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((cells) => cells.map((cell) => cell.trim()));
}

/** The first `count` lines with anything but whitespace, found without splitting the whole text. */
function firstNonBlankLines(text: string, count: number): string[] {
  const lines: string[] = [];
  const pattern = /[^\r\n]*\S[^\r\n]*/g;
  for (let match = pattern.exec(text); match && lines.length < count; match = pattern.exec(text)) lines.push(match[0]);
  return lines;
}

/** Header names are short; a longer cell is cut first, which also keeps the bracket pattern below linear. */
function normaliseHeader(header: string): string {
  return normaliseCoordinateText(header.slice(0, 100))
    .toLowerCase()
    .replace(/[([（【][^)\]）】]*[)\]）】]/g, "")
    .replace(/[\s_\-./]/g, "");
}

/** Coordinate column pairs by header; which is easting/northing is decided later from the values. */
const COORDINATE_PAIRS: [string[], string[]][] = [
  [
    ["lon", "lng", "long", "longitude", "经度", "东经"],
    ["lat", "latitude", "纬度", "北纬"],
  ],
  [
    ["x", "x坐标", "坐标x", "xzb", "xcoord"],
    ["y", "y坐标", "坐标y", "yzb", "ycoord"],
  ],
  [
    ["e", "east", "easting", "东坐标", "东", "横坐标", "东向坐标", "东坐标y", "y东坐标", "东坐标e", "东y", "东向坐标y"],
    ["n", "north", "northing", "北坐标", "北", "纵坐标", "北向坐标", "北坐标x", "x北坐标", "北坐标n", "北x", "北向坐标x"],
  ],
];
const GROUP_HEADERS = [
  "地块",
  "地块编号",
  "地块号",
  "地块名称",
  "宗地号",
  "宗地编号",
  "宗地代码",
  "parcel",
  "parcelid",
  "parcelname",
  "dkbh",
  "dkmc",
  "group",
  "polygon",
  "polygonid",
  "part",
];
const AMBIGUOUS_HEADERS = ["id", "编号", "name", "名称"];
const LABEL_HEADERS = ["点号", "界址点号", "点名", "point", "pointid", "pt", "label", "序号", "jzdh"];
const RING_HEADERS = ["圈号", "环号", "ring"];

/** Most title rows looked over above the header. */
const TITLE_ROWS = 3;

function coordinateColumns(headers: string[]): [number, number] | undefined {
  for (const [firstNames, secondNames] of COORDINATE_PAIRS) {
    const a = findColumn(headers, firstNames);
    const b = findColumn(headers, secondNames, new Set([a]));
    if (a >= 0 && b >= 0) return a < b ? [a, b] : [b, a];
  }
  return undefined;
}

function findColumn(headers: string[], names: readonly string[], exclude: ReadonlySet<number> = new Set()): number {
  return headers.findIndex((header, index) => !exclude.has(index) && names.includes(header));
}

function cellValue(cell: string): number | null {
  const tokens = tokeniseCoordinateLine(normaliseCoordinateText(cell), 2);
  if (tokens.length !== 1 || !tokens[0]!.value) return null;
  return tokens[0]!.value.value;
}

/**
 * CSV with a header naming the coordinate columns (x/y, lon/lat, 经度/纬度, X/Y, E/N …, Chinese or English),
 * one parcel, or several grouped by a parcel column. Without a header the lines are read like pasted points.
 */
export function importCsv(data: ArrayBuffer | Uint8Array | string, fileName: string, options: ImportOptions = {}): ImportResult {
  const text = typeof data === "string" ? data : decodeText(data).text;
  const tooMany = lineLimitError(text);
  if (tooMany) return failure(tooMany);
  const delimiter = detectDelimiter(firstNonBlankLines(text, TITLE_ROWS + 1).join("\n"));
  if (!delimiter) return importPastedCoordinates(text, options);
  const allRows = parseCsvRows(text, delimiter).filter((row) => row.some((cell) => cell !== ""));
  if (allRows.length === 0) return failure(importMessage("empty-file.csv", { fileName }));

  // Excel sheets often carry a title row (or a few) above the header: the header is the first row naming coordinates.
  const headerIndex = Math.max(
    0,
    allRows.slice(0, TITLE_ROWS + 1).findIndex((row) => coordinateColumns(row.map(normaliseHeader)) !== undefined),
  );
  const rows = allRows.slice(headerIndex);
  const headerRow = rows[0]!;
  const hasHeader = headerRow.some((cell) => cell !== "" && cellValue(cell) === null && !/^[A-Za-z]*\d+$/.test(cell));
  if (!hasHeader) return importPastedCoordinates(rows.map((row) => row.join(",")).join("\n"), options);

  const headers = headerRow.map(normaliseHeader);
  const columns = coordinateColumns(headers);
  if (!columns) {
    const header = headerRow.slice(0, 50).map((cell) => clip(cell, 80));
    return failure(importMessage("csv-columns-not-found", { fileName, header }, { header }));
  }
  const body = rows.slice(1);
  const used = new Set<number>(columns);
  const distinctShare = (column: number): number => new Set(body.map((row) => row[column] ?? "")).size / Math.max(1, body.length);
  let groupColumn = findColumn(headers, GROUP_HEADERS, used);
  if (groupColumn < 0) {
    const ambiguous = findColumn(headers, AMBIGUOUS_HEADERS, used);
    if (ambiguous >= 0 && distinctShare(ambiguous) < 1) groupColumn = ambiguous;
  }
  if (groupColumn >= 0) used.add(groupColumn);
  let labelColumn = findColumn(headers, LABEL_HEADERS, used);
  if (labelColumn < 0) {
    const ambiguous = findColumn(headers, AMBIGUOUS_HEADERS, used);
    if (ambiguous >= 0 && distinctShare(ambiguous) === 1) labelColumn = ambiguous;
  }
  if (labelColumn >= 0) used.add(labelColumn);
  const ringColumn = findColumn(headers, RING_HEADERS, used);

  interface Group {
    key: string;
    rings: Map<string, { positions: SourcePosition[]; labels: string[] }>;
  }
  const groups = new Map<string, Group>();
  for (const [rowIndex, row] of body.entries()) {
    const rowNumber = headerIndex + rowIndex + 2;
    const first = cellValue(row[columns[0]] ?? "");
    const second = cellValue(row[columns[1]] ?? "");
    if (first === null || second === null) {
      const bad = first === null ? columns[0] : columns[1];
      const column = clip(headerRow[bad] ?? "");
      return failure(importMessage("unreadable-coordinate.csv", { fileName, row: rowNumber, column, value: clip(row[bad] ?? "") }, { row: rowNumber, column }));
    }
    const key = groupColumn >= 0 ? (row[groupColumn] ?? "") : "";
    let group = groups.get(key);
    if (!group) {
      group = { key, rings: new Map() };
      groups.set(key, group);
    }
    const ringKey = ringColumn >= 0 ? (row[ringColumn] ?? "1") : "1";
    let ring = group.rings.get(ringKey);
    if (!ring) {
      ring = { positions: [], labels: [] };
      group.rings.set(ringKey, ring);
    }
    ring.positions.push([first, second]);
    ring.labels.push(labelColumn >= 0 ? clip(row[labelColumn] ?? "", 40) : String(ring.positions.length));
    const limit = vertexLimitError(rowIndex + 1);
    if (limit) return failure(limit);
  }

  const base = fileBaseName(fileName);
  const drafts: ParcelDraft[] = [...groups.values()].map((group, index) => {
    const rings = [...group.rings.values()];
    const draft: ParcelDraft = {
      name: clip(group.key, 200) || (groups.size > 1 ? `${base} ${index + 1}` : base),
      kind: "polygon",
      sourceCoordinates: [rings.map((ring) => ring.positions)],
      properties: groupColumn >= 0 ? plainProperties({ [headerRow[groupColumn]!]: group.key }) : {},
    };
    if (labelColumn >= 0) draft.vertexLabels = [rings.map((ring) => ring.labels)];
    return draft;
  });
  const resolution = resolveCrs(allSourcePairs(drafts), null, options);
  if (!resolution.ok) return failure(resolution.error);
  const columnNote = crsReasonPart("csv-columns", {
    columns: [clip(headerRow[columns[0]]!), clip(headerRow[columns[1]]!)],
    ...(groupColumn >= 0 ? { group: { column: clip(headerRow[groupColumn]!), parcels: groups.size } } : {}),
  });
  const crs = { ...resolution.crs, reason: [columnNote, ...resolution.crs.reason] };
  const warnings: ImportMessage[] = [...resolution.warnings];
  return finishImport(drafts, crs, warnings, options);
}
