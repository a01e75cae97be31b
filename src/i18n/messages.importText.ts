import type { BilingualText } from "../geo/crsTypes";
import { parcelName } from "./defaultParcelName";

/** Why a pasted line was not read. */
export type PastedLineProblem =
  | { type: "too-many-tokens"; limit: number }
  | { type: "token"; token: string; reason: "minutes-or-seconds-over-60" | "conflicting-hemispheres" | "unreadable-coordinate" }
  | { type: "one-number" }
  | { type: "many-numbers"; numbers: number }
  | { type: "same-axis" };

/** Why a 界址点 TXT line was not read. */
export type BoundaryLineProblem =
  | { type: "point-before-header" }
  | { type: "too-few-fields"; text: string }
  | { type: "coordinates-not-numbers"; text: string }
  | { type: "no-points"; parcel: string };

/** Why a CASS row was not read: too few fields, or which coordinate (field 3 is Y, field 4 is X) is not a number. */
export type CassRowProblem = { type: "too-few-fields"; fields: number } | { type: "not-a-number"; field: 3 | 4; value: string };

/** The parameters of the line-based formats' messages (pasted text, CSV, 界址点 TXT, CASS .dat), by text key. */
export interface ImportTextParams {
  "empty-input": Record<string, never>;
  "no-coordinates.pasted": Record<string, never>;
  "unreadable-line": { line: number; text: string; problem: PastedLineProblem };
  "unreadable-coordinate.pasted": { line: number; text: string; problem: PastedLineProblem };
  "mixed-axis-order": Record<string, never>;
  "extra-numbers-ignored": { lines: number };
  "hemisphere-marks-contradict-values": Record<string, never>;
  "empty-file.csv": { fileName: string };
  "csv-columns-not-found": { fileName: string; header: string[] };
  "unreadable-coordinate.csv": { fileName: string; row: number; column: string; value: string };
  "invalid-boundary-txt": { line: number; problem: BoundaryLineProblem };
  "unreadable-coordinate.boundary-txt": { line: number; problem: BoundaryLineProblem };
  "too-few-vertices.boundary-txt": { line: number; problem: BoundaryLineProblem };
  "invalid-boundary-txt.no-parcels": { fileName: string };
  "point-count-mismatch": { parcel: string; stated: number; read: number };
  "unsupported-projection.boundary-txt": { projection: string };
  "unsupported-zone.boundary-txt": { zoneWidth: number; zone: number; centralMeridian: number };
  "invalid-cass-dat": { line: number; text: string; problem: CassRowProblem };
  "empty-file.cass-dat": { fileName: string };
}

function pastedLineText(line: number, text: string, problem: PastedLineProblem): BilingualText {
  const said = ((): BilingualText => {
    switch (problem.type) {
      case "too-many-tokens":
        return {
          zh: `有超过 ${problem.limit} 个数或词。每行只写一个界址点：可选点号，两个坐标，可选高程。`,
          en: `has more than ${problem.limit} numbers or words. Write one boundary point per line: optional label, two coordinates, optional height.`,
        };
      case "token":
        if (problem.reason === "minutes-or-seconds-over-60")
          return { zh: `中的「${problem.token}」分或秒不小于 60。`, en: `"${problem.token}" has minutes or seconds of 60 or more.` };
        if (problem.reason === "conflicting-hemispheres")
          return { zh: `中的「${problem.token}」同时标了经度和纬度方向。`, en: `"${problem.token}" is marked both as longitude and latitude.` };
        return {
          zh: `中的「${problem.token}」无法读成坐标（支持 105.72、105°43′12″、105d43m12s、E105°43′12″ 等写法）。`,
          en: `"${problem.token}" cannot be read as a coordinate (accepted: 105.72, 105°43′12″, 105d43m12s, E105°43′12″ …).`,
        };
      case "one-number":
        return { zh: "只有一个数，每行应有一对坐标。", en: "has only one number; each line needs a coordinate pair." };
      case "many-numbers":
        return {
          zh: `有 ${problem.numbers} 个数，无法判断哪两个是坐标（每行：可选点号，然后两个坐标，可选高程）。`,
          en: `has ${problem.numbers} numbers and it is unclear which two are the coordinates (per line: optional point label, two coordinates, optional height).`,
        };
      case "same-axis":
        return { zh: "两个坐标标了同一方向（都是经度或都是纬度）。", en: "both coordinates are marked with the same axis (both longitude or both latitude)." };
    }
  })();
  return { zh: `第 ${line} 行「${text}」${said.zh}`, en: `Line ${line} "${text}": ${said.en}` };
}

function boundaryLineText(line: number, problem: BoundaryLineProblem): BilingualText {
  const said = ((): BilingualText => {
    switch (problem.type) {
      case "point-before-header":
        return {
          zh: "[地块坐标] 中的界址点行之前缺少以 @ 结尾的地块信息行。",
          en: "a boundary point row comes before any parcel header line (which ends with @).",
        };
      case "too-few-fields":
        return { zh: `「${problem.text}」应为「点号,圈号,X,Y」四项。`, en: `"${problem.text}" should have four fields: label, ring, X, Y.` };
      case "coordinates-not-numbers":
        return { zh: `「${problem.text}」中的 X、Y 不是数字。`, en: `X and Y in "${problem.text}" are not numbers.` };
      case "no-points":
        return { zh: `地块「${parcelName(problem.parcel, "zh")}」没有界址点。`, en: `parcel "${parcelName(problem.parcel, "en")}" has no boundary points.` };
    }
  })();
  return { zh: `第 ${line} 行：${said.zh}`, en: `Line ${line}: ${said.en}` };
}

function cassProblemText(problem: CassRowProblem): BilingualText {
  if (problem.type === "too-few-fields")
    return { zh: `：只有 ${problem.fields} 项，至少需要 4 项`, en: `: it has ${problem.fields} fields, at least 4 are needed` };
  const name = problem.field === 3 ? { zh: "第 3 项 Y（东坐标）", en: "field 3, Y (easting)," } : { zh: "第 4 项 X（北坐标）", en: "field 4, X (northing)," };
  return { zh: `：${name.zh}「${problem.value}」不是有限的数`, en: `: ${name.en} "${problem.value}" is not a finite number` };
}

/** A header quoted in a message: its cells joined, cut at 120 characters as the importers cut quoted text. */
function headerText(header: readonly string[], separator: string): string {
  const joined = header.join(separator);
  return joined.length > 120 ? `${joined.slice(0, 120)}…` : joined;
}

const BOUNDARY_SOURCE: BilingualText = { zh: "界址点文件的属性描述", en: "The boundary file's attribute block" };

export const IMPORT_TEXT_TEXT: { [Key in keyof ImportTextParams]: (params: ImportTextParams[Key]) => BilingualText } = {
  "empty-input": () => ({ zh: "没有输入任何坐标。", en: "Nothing was entered." }),
  "no-coordinates.pasted": () => ({
    zh: "没有读到任何坐标。每行写一个界址点，如「105.7181 29.7097」或「J1, 3287000.12, 35569000.45」。",
    en: 'No coordinates were found. Write one boundary point per line, e.g. "105.7181 29.7097" or "J1, 3287000.12, 35569000.45".',
  }),
  "unreadable-line": ({ line, text, problem }) => pastedLineText(line, text, problem),
  "unreadable-coordinate.pasted": ({ line, text, problem }) => pastedLineText(line, text, problem),
  "mixed-axis-order": () => ({
    zh: "各行经纬度的先后顺序不一致，已按 N/E 标记统一为经度在前。",
    en: "The lines give longitude and latitude in different orders; they were unified to longitude first using the N/E marks.",
  }),
  "extra-numbers-ignored": ({ lines }) => ({
    zh: `${lines} 行在两个坐标之后还有数（如高程），已忽略。`,
    en: `${lines} line${lines > 1 ? "s have" : " has"} a number after the two coordinates (such as a height); it was ignored.`,
  }),
  "hemisphere-marks-contradict-values": () => ({
    zh: "N/E 方向标记与数值不符（如纬度数值标了 E）。已按数值大小区分经纬度，请核对。",
    en: "The N/E marks contradict the values (e.g. a latitude marked E). Longitude and latitude were told apart by their size; please check.",
  }),
  "empty-file.csv": ({ fileName }) => ({ zh: `「${fileName}」没有内容。`, en: `"${fileName}" is empty.` }),
  "csv-columns-not-found": ({ fileName, header }) => ({
    zh: `「${fileName}」的表头「${headerText(header, "、")}」中找不到坐标列。请用 x/y、X/Y、lon/lat、经度/纬度 或 E/N（东坐标/北坐标）作列名。`,
    en: `No coordinate columns in the header of "${fileName}" (${headerText(header, ", ")}). Name them x/y, X/Y, lon/lat, 经度/纬度 or E/N (easting/northing).`,
  }),
  "unreadable-coordinate.csv": ({ fileName, row, column, value }) => ({
    zh: `「${fileName}」第 ${row} 行「${column}」列的值「${value}」不是坐标${value ? "" : "（空）"}。`,
    en: `"${fileName}", row ${row}: the value "${value}" in column "${column}" is not a coordinate${value ? "" : " (empty)"}.`,
  }),
  "invalid-boundary-txt": ({ line, problem }) => boundaryLineText(line, problem),
  "unreadable-coordinate.boundary-txt": ({ line, problem }) => boundaryLineText(line, problem),
  "too-few-vertices.boundary-txt": ({ line, problem }) => boundaryLineText(line, problem),
  "invalid-boundary-txt.no-parcels": ({ fileName }) => ({
    zh: `「${fileName}」中没有找到 [地块坐标] 段或地块。界址点坐标文件应含「[地块坐标]」及以 @ 结尾的地块信息行。`,
    en: `"${fileName}" has no [地块坐标] section or no parcel in it. A boundary-point file needs a "[地块坐标]" section with parcel header lines ending in @.`,
  }),
  "point-count-mismatch": ({ parcel, stated, read }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」的信息行写有 ${stated} 个界址点，实际读到 ${read} 个。`,
    en: `Parcel "${parcelName(parcel, "en")}": the header states ${stated} points, but ${read} were read.`,
  }),
  "unsupported-projection.boundary-txt": ({ projection }) => ({
    zh: `${BOUNDARY_SOURCE.zh}声明投影类型为「${projection}」，本工具只支持高斯-克吕格投影。`,
    en: `${BOUNDARY_SOURCE.en} declares the projection "${projection}"; only Gauss–Krüger is supported.`,
  }),
  "unsupported-zone.boundary-txt": ({ zoneWidth, zone, centralMeridian }) => ({
    zh: `${BOUNDARY_SOURCE.zh}声明 ${zoneWidth}° 分带第 ${zone} 带（中央经线 ${centralMeridian}°E）。大足区位于 3° 带第 35 带（中央经线 105°E），请在测绘软件中换带后再导入。`,
    en: `${BOUNDARY_SOURCE.en} declares ${zoneWidth}° zone ${zone} (central meridian ${centralMeridian}°E). Dazu lies in 3° zone 35 (central meridian 105°E); reproject in survey software first.`,
  }),
  "invalid-cass-dat": ({ line, text, problem }) => ({
    zh: `第 ${line} 行「${text}」不是 CASS 坐标数据行（点名,编码,Y(东),X(北),高程）${cassProblemText(problem).zh}。`,
    en: `Line ${line} "${text}" is not a CASS coordinate row (name, code, Y (easting), X (northing), height)${cassProblemText(problem).en}.`,
  }),
  "empty-file.cass-dat": ({ fileName }) => ({ zh: `「${fileName}」中没有坐标行。`, en: `"${fileName}" has no coordinate rows.` }),
};
