import { readdirSync, readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { concatBytes, gbk, utf16, utf8, writeDbf, writeShp, writeZip, type DbfField, type ShpPart, type ZipEntrySpec } from "./binary";

/** One input for the importers: a file (name and bytes) or pasted text, with what is known about the answer. */
export interface FuzzInput {
  id: string;
  category: FuzzCategory;
  fileName: string;
  bytes?: Uint8Array;
  /** Pasted text, read by importPastedCoordinates instead of importFile. */
  pasted?: string;
  /** Builds a large input only when its test runs, so the corpus does not hold hundreds of megabytes at once. */
  build?: () => { bytes: Uint8Array } | { pasted: string };
  /** The error code the input must produce, for the hand-written cases that target one limit or defence. */
  expectCode?: string;
  /** Longest the import may take (ms): refusals that must come before parsing. */
  maxMs?: number;
}

export type FuzzCategory =
  | "fixture-truncated"
  | "fixture-mutated"
  | "geojson"
  | "kml"
  | "kmz"
  | "shapefile"
  | "csv"
  | "txt"
  | "cass"
  | "paste"
  | "random-bytes"
  | "limits";

/** mulberry32: small, fast and good enough to spread inputs; the same seed gives the same corpus. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  bytes(length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    for (let index = 0; index < length; index++) bytes[index] = Math.floor(this.next() * 256);
    return bytes;
  }
}

/** Text an attacker or a careless export might put in a name or attribute. */
export const HOSTILE_TEXT = [
  "<img src=x onerror=alert(1)>",
  "javascript:alert(document.cookie)",
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">宝顶</a>',
  "'; DROP TABLE parcels; --",
  '{{constructor.constructor("alert(1)")()}}',
  "${alert(1)}",
  "\u202egnp.exe",
  "a\u0000b\u0007c\u001b[31m",
  "宝顶<b>地块</b>&amp;&#x3c;",
  "x<5 and y>3",
  "__proto__",
  "constructor",
  "𠀀𝟘😀",
  "x".repeat(5000),
  "",
  "   ",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
] as const;

/** Numbers that are not coordinates, or not numbers, as they might be written in text formats. */
const WEIRD_NUMBER_TEXT = [
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "-1e308",
  "1e999",
  "-0",
  "0",
  "1e-400",
  "0x10",
  "1_000",
  "+1",
  ".5",
  "5.",
  "1e",
  "--1",
  "９９",
  "105°99′",
  "",
  " ",
  "null",
  "x",
];

const CENTRE_LNG_LAT: [number, number] = [105.7181, 29.7035];
const CENTRE_GK: [number, number] = [569500, 3287500];

type Frame = "degrees" | "gk4544" | "gk4523" | "swapped-gk";

function ring(random: Random, frame: Frame, vertices = random.int(3, 8)): [number, number][] {
  const [cx, cy] = frame === "degrees" ? CENTRE_LNG_LAT : CENTRE_GK;
  const radius = frame === "degrees" ? random.pick([0.0005, 0.002, 0.01]) : random.pick([50, 200, 1000]);
  const points: [number, number][] = [];
  for (let index = 0; index < vertices; index++) {
    const angle = (2 * Math.PI * index) / vertices;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    if (frame === "gk4523") points.push([x + 35_000_000, y]);
    else if (frame === "swapped-gk") points.push([y, x]);
    else points.push([x, y]);
  }
  if (points.length > 0 && random.chance(0.7)) points.push([...points[0]!]);
  return points;
}

function numberText(random: Random, value: number): string {
  return random.chance(0.06) ? random.pick(WEIRD_NUMBER_TEXT) : String(value);
}

function gkFrame(random: Random): Frame {
  return random.pick(["degrees", "gk4544", "gk4523", "degrees"] as const);
}

function hostile(random: Random): string {
  return random.pick(HOSTILE_TEXT);
}

// ---- GeoJSON ---------------------------------------------------------------------------------------------------

const JSON_WEIRD_POSITION = [
  '"x"',
  "null",
  "{}",
  "[]",
  "[105.7]",
  "true",
  "[[105.7,29.7]]",
  '["105.7","29.7"]',
  "[1e999,29.7]",
  "[-0,-0]",
  "[1e308,1e308]",
  '[105.7,29.7,"z"]',
];
const JSON_WEIRD_VALUE = ['"x"', "null", "{}", "[]", "true", "0", "-1", '"Polygon"', "[[[]]]", "[null]", '{"type":"Point"}'];

function positionJson(random: Random, point: [number, number]): string {
  if (random.chance(0.04)) return random.pick(JSON_WEIRD_POSITION);
  const weird = (value: number): string => {
    if (!random.chance(0.04)) return String(value);
    return random.pick(["1e308", "-1e308", "1e999", "-0", "1e-400", "0", "123456789012345678901234567890"]);
  };
  return `[${weird(point[0])},${weird(point[1])}]`;
}

function ringJson(random: Random, frame: Frame): string {
  const vertices = random.chance(0.1) ? random.int(0, 2) : random.int(3, 8);
  return `[${ring(random, frame, vertices)
    .map((point) => positionJson(random, point))
    .join(",")}]`;
}

function geometryJson(random: Random, frame: Frame, depth = 0): string {
  const type = random.pick([
    "Polygon",
    "Polygon",
    "MultiPolygon",
    "LineString",
    "Point",
    "MultiPoint",
    "MultiLineString",
    "GeometryCollection",
    "Weird",
  ] as const);
  if (random.chance(0.05)) return random.pick(JSON_WEIRD_VALUE);
  switch (type) {
    case "Polygon":
      return `{"type":"Polygon","coordinates":${random.chance(0.05) ? random.pick(JSON_WEIRD_VALUE) : `[${ringJson(random, frame)}${random.chance(0.2) ? `,${ringJson(random, frame)}` : ""}]`}}`;
    case "MultiPolygon":
      return `{"type":"MultiPolygon","coordinates":[[${ringJson(random, frame)}],[${ringJson(random, frame)}]]}`;
    case "LineString":
      return `{"type":"LineString","coordinates":${ringJson(random, frame)}}`;
    case "MultiLineString":
      return `{"type":"MultiLineString","coordinates":[${ringJson(random, frame)}]}`;
    case "Point":
      return `{"type":"Point","coordinates":${positionJson(random, ring(random, frame, 1)[0]!)}}`;
    case "MultiPoint":
      return `{"type":"MultiPoint","coordinates":${ringJson(random, frame)}}`;
    case "GeometryCollection":
      return depth > 2
        ? "null"
        : `{"type":"GeometryCollection","geometries":[${geometryJson(random, frame, depth + 1)},${geometryJson(random, frame, depth + 1)}]}`;
    case "Weird":
      return `{"type":${random.pick(['"toString"', '"__proto__"', '"Polygonz"', "5", "null", '"GeometryCollection"'])},"coordinates":${ringJson(random, frame)}}`;
  }
}

function propertiesJson(random: Random): string {
  if (random.chance(0.1)) return random.pick(['"a string"', "[]", "5", "null", "true"]);
  const properties: Record<string, unknown> = {};
  const count = random.int(0, 5);
  for (let index = 0; index < count; index++) {
    const key = random.chance(0.3) ? hostile(random) : random.pick(["名称", "name", "用途", "面积(公顷)", "编号", "url", "note"]);
    properties[key] = random.pick<unknown>([
      hostile(random),
      random.int(-5, 5),
      random.next() * 1e6,
      true,
      false,
      null,
      { nested: { deeper: [hostile(random)] } },
      [1, [2, [3]]],
      "",
    ]);
  }
  let text = JSON.stringify(properties);
  if (random.chance(0.1)) text = text.replace(/}$/, `${count > 0 ? "," : ""}"__proto__":{"polluted":true}}`);
  return text;
}

function crsJson(random: Random, frame: Frame): string {
  const sensible = frame === "degrees" ? "urn:ogc:def:crs:OGC:1.3:CRS84" : frame === "gk4523" ? "urn:ogc:def:crs:EPSG::4523" : "urn:ogc:def:crs:EPSG::4544";
  return random.pick([
    `{"type":"name","properties":{"name":"${sensible}"}}`,
    `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${random.int(1, 99999)}"}}`,
    '{"type":"EPSG","properties":{"code":"x"}}',
    '"EPSG:4544"',
    "5",
    "[]",
    '{"type":"name","properties":{"name":null}}',
    '{"type":"link","properties":{"href":"javascript:alert(1)"}}',
  ]);
}

function geojsonText(random: Random): string {
  const frame = gkFrame(random);
  const features = Array.from({ length: random.int(0, 4) }, () =>
    random.chance(0.05)
      ? random.pick(["null", "5", '"feature"', "{}"])
      : `{"type":"Feature","properties":${propertiesJson(random)},"geometry":${geometryJson(random, frame)}}`,
  );
  const crs = random.chance(0.4) ? `"crs":${crsJson(random, frame)},` : "";
  switch (random.int(0, 5)) {
    case 0:
      return `{"type":"Feature",${crs}"properties":${propertiesJson(random)},"geometry":${geometryJson(random, frame)}}`;
    case 1:
      return geometryJson(random, frame);
    case 2:
      return `{"type":"FeatureCollection",${crs}"features":${random.chance(0.1) ? random.pick(JSON_WEIRD_VALUE) : `[${features.join(",")}]`}}`;
    case 3: {
      // Mixed coordinate systems in one file: one feature in degrees, one in GK metres.
      const other = frame === "degrees" ? "gk4544" : "degrees";
      return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":${geometryJson(random, frame)}},{"type":"Feature","properties":{},"geometry":${geometryJson(random, other)}}]}`;
    }
    default:
      return `{"type":"FeatureCollection",${crs}"features":[${features.join(",")}]}`;
  }
}

// ---- KML -------------------------------------------------------------------------------------------------------

function kmlCoordinates(random: Random, points: [number, number][]): string {
  return points
    .map(([x, y]) => {
      if (random.chance(0.05))
        return random.pick(["NaN,29.7", "Infinity,29.7", "1e308,1e308", "105.7", ",,,", "a,b", "105.7,29.7,0,5", "-0,-0", "105.7;29.7", ""]);
      return `${numberText(random, x)},${numberText(random, y)}${random.chance(0.3) ? ",0" : ""}`;
    })
    .join(random.pick([" ", "\n", "\t", "  \r\n "]));
}

function kmlGeometry(random: Random, depth = 0): string {
  const points = (vertices?: number): [number, number][] => ring(random, "degrees", vertices);
  switch (random.int(0, 6)) {
    case 0:
      return `<Point><coordinates>${kmlCoordinates(random, points(1))}</coordinates></Point>`;
    case 1:
      return `<LineString><coordinates>${kmlCoordinates(random, points())}</coordinates></LineString>`;
    case 2:
      return depth > 2 ? "<Point/>" : `<MultiGeometry>${kmlGeometry(random, depth + 1)}${kmlGeometry(random, depth + 1)}</MultiGeometry>`;
    case 3:
      return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(random, points(random.int(0, 2)))}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
    case 4:
      return `<Polygon><outerBoundaryIs><LinearRing></LinearRing></outerBoundaryIs><innerBoundaryIs>${random.chance(0.5) ? "<LinearRing><coordinates>1,2</coordinates></LinearRing>" : ""}</innerBoundaryIs></Polygon>`;
    default:
      return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(random, points())}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
  }
}

const escapeXml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

function kmlPlacemark(random: Random): string {
  const name = random.chance(0.5) ? escapeXml(hostile(random)) : "宝顶地块";
  const description = random.pick([`<![CDATA[${hostile(random)}<table><tr><td>用途</td><td>工业</td></tr></table>]]>`, escapeXml(hostile(random)), ""]);
  const data = random.chance(0.4)
    ? `<ExtendedData><Data name="${escapeXml(hostile(random)).replace(/"/g, "&quot;")}"><value>${escapeXml(hostile(random))}</value></Data></ExtendedData>`
    : "";
  return `<Placemark><name>${name}</name><description>${description}</description>${data}${kmlGeometry(random)}</Placemark>`;
}

function kmlText(random: Random): string {
  const placemarks = Array.from({ length: random.int(0, 3) }, () => kmlPlacemark(random)).join("\n");
  let body = placemarks;
  for (let level = random.int(0, 3); level > 0; level--) body = `<Folder><name>${escapeXml(hostile(random))}</name>${body}</Folder>`;
  const root = random.chance(0.05) ? "gpx" : "kml";
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></${root}>`;
  return random.chance(0.1) ? text.slice(0, random.int(1, text.length - 1)) : text;
}

// ---- Shapefile -------------------------------------------------------------------------------------------------

const FIXTURES = new URL("../fixtures/import/", import.meta.url);
const readFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

const PRJ_CHOICES = ["esri-4544.prj", "esri-4523.prj", "esri-4490.prj", "esri-4524.prj", "esri-xian1980-cm105.prj", "wkt2-4544.prj", "esri-32648.prj"];

function shapefileLayer(random: Random, name: string): ZipEntrySpec[] {
  const shapeType = random.pick([5, 5, 5, 15, 25, 3, 13, 1, 11, 8, 18]);
  const frame = random.pick(["gk4544", "gk4523", "degrees"] as const);
  const base = shapeType % 10;
  const records: (ShpPart[] | null)[] = Array.from({ length: random.int(1, 4) }, () => {
    if (random.chance(0.1)) return null;
    if (base === 1) return [ring(random, frame, 1)];
    const rings = [ring(random, frame)];
    if (random.chance(0.2)) rings.push(ring(random, frame));
    return rings;
  });
  if (random.chance(0.1)) {
    const weird = random.pick([Number.NaN, Number.POSITIVE_INFINITY, 1e308, -0, 5e-324]);
    const record = records.find((item) => item !== null);
    if (record) record[0]![0] = [weird, weird];
  }
  let shp = writeShp(shapeType, records);
  const shpView = new DataView(shp.buffer);
  const mutation = random.int(0, 14);
  if (mutation === 0) shpView.setInt32(32, random.pick([0, 2, 31, 99, -1, 1_000_000]), true);
  if (mutation === 1 && shp.byteLength > 108) shpView.setInt32(104, random.pick([-1, 0, 1, 2, 0x7fffffff, -0x40000000]));
  if (mutation === 2 && shp.byteLength > 152 && base !== 1) shpView.setInt32(144, random.pick([0, -1, 1_000_000, 0x7fffffff]), true);
  if (mutation === 3 && shp.byteLength > 152 && base !== 1) shpView.setInt32(148, random.pick([0, -1, 1_000_000, 0x7fffffff]), true);
  if (mutation === 4 && shp.byteLength > 156 && base !== 1 && base !== 8) shpView.setInt32(152, random.pick([1, 5, -3, 1000]), true);
  if (mutation === 5) shp = shp.slice(0, random.int(1, shp.byteLength - 1));
  if (mutation === 6) shpView.setInt32(0, random.int(0, 10_000));

  const encodeText = random.chance(0.5) ? gbk : utf8;
  const fields: DbfField[] = [
    { name: encodeText(random.pick(["名称", "NAME", "用途", "面积亩"])), type: "C", length: random.int(1, 60) },
    { name: encodeText(random.pick(["编号", "DKBH", "面积(公顷)"])), type: random.pick(["C", "N", "L", "D"] as const), length: random.int(1, 20) },
  ];
  const rows = records.map(() =>
    fields.map((field) => (field.type === "C" ? encodeText(hostile(random)) : utf8(random.pick(["12.5", "T", "20230601", "abc", "", "1e308", "-0"])))),
  );
  let dbf = writeDbf(fields, rows, random.pick([0, 0x4d, 0x57]));
  const dbfView = new DataView(dbf.buffer);
  if (mutation === 7) dbfView.setUint32(4, random.pick([0xffffffff, 0, 1000, 0x7fffffff]), true);
  if (mutation === 8) dbfView.setUint16(8, random.pick([0, 1, 32, 33, 65535]), true);
  if (mutation === 9) dbfView.setUint16(10, random.pick([0, 1, 65535]), true);
  if (mutation === 10) dbf = dbf.slice(0, random.int(1, dbf.byteLength - 1));
  if (mutation === 11) dbf[32 + 16] = 255;

  const entries: ZipEntrySpec[] = [{ name: `${name}.shp`, data: shp }];
  if (mutation !== 12) entries.push({ name: `${name}.dbf`, data: dbf });
  if (mutation === 13)
    entries.push({ name: `${name}.prj`, data: random.pick([random.bytes(200), utf8('GEOGCS["GCS_WGS_1984",DATUM['), utf8(""), utf8("A[".repeat(5000))]) });
  else if (random.chance(0.8)) {
    const prj = frame === "degrees" ? "esri-4490.prj" : frame === "gk4523" ? "esri-4523.prj" : random.chance(0.8) ? "esri-4544.prj" : random.pick(PRJ_CHOICES);
    entries.push({ name: `${name}.prj`, data: readFixture(`prj/${prj}`) });
  }
  if (random.chance(0.5)) entries.push({ name: `${name}.cpg`, data: utf8(random.pick(["UTF-8", "GBK", "936", "ANSI 936", "garbage-encoding", "", "\u0000"])) });
  if (mutation === 14) entries.shift();
  return entries;
}

// ---- Text formats ----------------------------------------------------------------------------------------------

function encodeTextFile(random: Random, text: string): Uint8Array {
  switch (random.int(0, 6)) {
    case 0:
      return concatBytes([new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text)]);
    case 1:
      return utf16(text, true);
    case 2:
      return utf16(text, false);
    case 3:
      return gbk(text);
    default:
      return utf8(text);
  }
}

function csvText(random: Random): string {
  const frame = gkFrame(random);
  const delimiter = random.pick([",", ",", ";", "\t", "，"]);
  const header = random.pick([
    ["x", "y"],
    ["经度", "纬度"],
    ["lon", "lat"],
    ["点号", "X坐标", "Y坐标"],
    ["地块编号", "点号", "经度", "纬度"],
    ["名称", "面积"],
    [hostile(random), hostile(random)],
    [],
  ]);
  const lines: string[] = header.length > 0 ? [header.join(delimiter)] : [];
  const points = ring(random, frame === "gk4544" ? "swapped-gk" : frame);
  for (const [index, [x, y]] of points.entries()) {
    const cells = [numberText(random, x), numberText(random, y)];
    if (header.length === 3) cells.unshift(`J${index + 1}`);
    if (header.length === 4) cells.unshift(random.chance(0.2) ? hostile(random) : "DK1", `J${index + 1}`);
    if (random.chance(0.05)) cells.push('"unbalanced');
    if (random.chance(0.05)) cells[0] = `"multi\nline${delimiter}cell"`;
    lines.push(cells.join(delimiter));
  }
  return lines.join(random.pick(["\n", "\r\n", "\r"]));
}

function boundaryTxt(random: Random): string {
  const attributes = [
    `坐标系=${random.pick(["2000国家大地坐标系", "西安80", "北京54", "WGS84", hostile(random), ""])}`,
    `几度分带=${random.pick(["3", "6", "0", "NaN", "", "1e308"])}`,
    `投影类型=${random.pick(["高斯克吕格", "UTM", "", hostile(random)])}`,
    `带号=${random.pick(["35", "36", "18", "0", "-1", "x"])}`,
  ];
  const lines = random.chance(0.8) ? ["[属性描述]", ...attributes.filter(() => random.chance(0.8))] : [];
  lines.push(random.chance(0.95) ? "[地块坐标]" : "[地块]");
  for (let parcel = random.int(0, 2); parcel > 0; parcel--) {
    if (random.chance(0.9))
      lines.push(
        `${random.int(0, 9)},${random.pick(["100.0000", "NaN", "", "-1"])},DK${parcel},${random.chance(0.4) ? hostile(random) : "测试地块"},${random.pick(["面", "线", "点", ""])},,,,@`,
      );
    const points = ring(random, "swapped-gk", random.chance(0.1) ? random.int(1, 2) : random.int(3, 6)).map(([x, y]) => [x, y + 35_000_000]);
    for (const [index, [x, y]] of points.entries()) {
      const fields = [`J${index + 1}`, random.pick(["1", "1", "2", "", "x"]), numberText(random, x!), numberText(random, y!)];
      lines.push(fields.slice(0, random.chance(0.05) ? 3 : 4).join(random.chance(0.1) ? "，" : ","));
    }
  }
  return lines.join(random.pick(["\n", "\r\n"]));
}

function cassText(random: Random): string {
  const frame = random.pick(["gk4544", "gk4523", "degrees"] as const);
  return ring(random, frame, random.chance(0.1) ? random.int(1, 2) : random.int(3, 7))
    .map(([x, y], index) => {
      const fields = [
        random.chance(0.2) ? hostile(random) : String(index + 1),
        random.pick(["", "JD", "ZD"]),
        numberText(random, x),
        numberText(random, y),
        numberText(random, 312.45),
      ];
      return fields.slice(0, random.chance(0.05) ? random.int(1, 3) : 5).join(random.chance(0.1) ? "，" : ",");
    })
    .join("\n");
}

const PASTE_TOKENS = [
  "105.7181",
  "29.7035",
  "3287000.12",
  "569000.45",
  "35569000.45",
  "J1",
  "#2",
  "地块2",
  "105°43′12″",
  "29°42′12″",
  "105d43m12s",
  "E105°43'12\"",
  "N29°42′",
  "东经105度43分12秒",
  "北纬29度42分",
  "105°61′",
  "29°42′70″",
  "NE105",
  "１０５.７",
  "1".repeat(400),
  "1e308",
  "-0",
  "Infinity",
  "NaN",
  ",",
  "，",
  ";",
  "\t",
  "<b>",
  "\u202e",
  "\u0000",
  "😀",
];

function pastedText(random: Random): string {
  const frame = gkFrame(random);
  const lines: string[] = [];
  for (const [index, [x, y]] of ring(random, frame === "gk4544" ? "swapped-gk" : frame).entries()) {
    if (random.chance(0.1)) lines.push(random.pick(["", "#2", "地块 2", hostile(random), "x y", "经度 纬度"]));
    const tokens = [numberText(random, x), numberText(random, y)];
    if (random.chance(0.2)) tokens.unshift(`J${index + 1}`);
    if (random.chance(0.1)) tokens.push(random.pick(PASTE_TOKENS));
    if (random.chance(0.1)) tokens[random.int(0, tokens.length - 1)] = random.pick(PASTE_TOKENS);
    lines.push(tokens.join(random.pick([" ", ",", "\t", "，", "; "])));
  }
  return lines.join("\n");
}

// ---- The corpus ------------------------------------------------------------------------------------------------

/** Every real fixture, by name, to cut and to damage. */
function fixtureFiles(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(md|sh)$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

function manyLines(count: number, line: (index: number) => string, separator = "\n"): string {
  let text = "";
  for (let index = 0; index < count; index++) text += index === 0 ? line(index) : separator + line(index);
  return text;
}

/** A .shp with one polygon of `count` vertices, written directly: a million [x, y] arrays would only feed the GC. */
function bigPolygonShp(count: number): Uint8Array {
  const content = 44 + 4 + 16 * count;
  const bytes = new Uint8Array(100 + 8 + content);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994);
  view.setInt32(24, bytes.byteLength / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  view.setInt32(100, 1);
  view.setInt32(104, content / 2);
  view.setInt32(108, 5, true);
  view.setInt32(144, 1, true);
  view.setInt32(148, count, true);
  for (let index = 0; index < count; index++) {
    view.setFloat64(156 + 16 * index, 569000 + (index % 1000), true);
    view.setFloat64(164 + 16 * index, 3287000 + Math.floor(index / 1000), true);
  }
  return bytes;
}

const MILLION = 1_000_000;

/** Deflated zeros that inflate to 60 MB: a zip bomb's payload, made once (about 60 kB). */
let bombPayload: Uint8Array | undefined;
const BOMB_BYTES = 60 * 1024 * 1024;
function bomb(): Uint8Array {
  bombPayload ??= new Uint8Array(deflateRawSync(new Uint8Array(BOMB_BYTES), { level: 9 }));
  return bombPayload;
}

const bombEntry = (name: string, declaredSize = BOMB_BYTES): ZipEntrySpec => ({ name, data: new Uint8Array(0), compressed: bomb(), declaredSize });

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE kml [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&lol9;</name><Point><coordinates>105.7181,29.7035</coordinates></Point></Placemark></kml>`;

const SQUARE_KML_POLYGON =
  "<Polygon><outerBoundaryIs><LinearRing><coordinates>105.713,29.699 105.723,29.699 105.723,29.708 105.713,29.708 105.713,29.699</coordinates></LinearRing></outerBoundaryIs></Polygon>";

/** Hand-written cases: each targets one limit or defence and names the code it must produce. */
function handWritten(): FuzzInput[] {
  const inputs: FuzzInput[] = [];
  const add = (input: Omit<FuzzInput, "category"> & { category?: FuzzCategory }): void => {
    inputs.push({ category: "limits", ...input });
  };
  const deep = (levels: number): string => `${"[".repeat(levels)}${"]".repeat(levels)}`;
  const square = "[[105.713,29.699],[105.723,29.699],[105.723,29.708],[105.713,29.708],[105.713,29.699]]";

  add({
    id: "geojson-100k-deep-coordinates",
    category: "geojson",
    fileName: "deep.geojson",
    bytes: utf8(`{"type":"Polygon","coordinates":${deep(100_000)}}`),
    expectCode: "too-deeply-nested",
    maxMs: 1000,
  });
  add({ id: "geojson-100k-deep-root", category: "geojson", fileName: "deep.json", bytes: utf8(deep(100_000)), expectCode: "too-deeply-nested", maxMs: 1000 });
  add({
    id: "geojson-100k-deep-properties",
    category: "geojson",
    fileName: "deep.geojson",
    bytes: utf8(`{"type":"Feature","properties":{"a":${deep(100_000)}},"geometry":{"type":"Polygon","coordinates":[${square}]}}`),
    expectCode: "too-deeply-nested",
    maxMs: 1000,
  });
  add({
    id: "geojson-100k-deep-crs",
    category: "geojson",
    fileName: "deep.geojson",
    bytes: utf8(`{"type":"Feature","crs":{"type":"name","properties":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}},"geometry":null}`),
    expectCode: "too-deeply-nested",
    maxMs: 1000,
  });
  let collection = `{"type":"Polygon","coordinates":[${square}]}`;
  for (let level = 0; level < 20_000; level++) collection = `{"type":"GeometryCollection","geometries":[${collection}]}`;
  add({
    id: "geojson-20k-nested-geometry-collections",
    category: "geojson",
    fileName: "collections.geojson",
    bytes: utf8(collection),
    expectCode: "too-deeply-nested",
    maxMs: 1000,
  });
  let shallowCollection = `{"type":"Polygon","coordinates":[${square}]}`;
  for (let level = 0; level < 40; level++) shallowCollection = `{"type":"GeometryCollection","geometries":[${shallowCollection}]}`;
  add({
    id: "geojson-40-nested-geometry-collections",
    category: "geojson",
    fileName: "collections.geojson",
    bytes: utf8(shallowCollection),
    expectCode: "invalid-geometry",
  });
  add({
    id: "geojson-1M-vertices",
    category: "geojson",
    fileName: "million.geojson",
    build: () => ({
      bytes: utf8(`{"type":"LineString","coordinates":[${manyLines(MILLION, (index) => `[105.${7000 + (index % 1000)},29.70${index % 10}]`, ",")}]}`),
    }),
    expectCode: "too-many-vertices",
    maxMs: 1500,
  });
  add({
    id: "geojson-300k-point-features",
    category: "geojson",
    fileName: "points.geojson",
    build: () => ({
      bytes: utf8(
        `{"type":"FeatureCollection","features":[${manyLines(300_000, () => '{"type":"Feature","geometry":{"type":"Point","coordinates":[105.7,29.7]}}', ",")}]}`,
      ),
    }),
    expectCode: "too-many-vertices",
    maxMs: 1500,
  });
  add({
    id: "geojson-nan-literal",
    category: "geojson",
    fileName: "nan.geojson",
    bytes: utf8('{"type":"Point","coordinates":[NaN,29.7]}'),
    expectCode: "invalid-json",
  });
  add({
    id: "geojson-truncated",
    category: "geojson",
    fileName: "cut.geojson",
    bytes: utf8('{"type":"Polygon","coordinates":[[[105.713,29.699],[105.7'),
    expectCode: "invalid-json",
  });
  add({
    id: "geojson-ring-of-two",
    category: "geojson",
    fileName: "two.geojson",
    bytes: utf8('{"type":"Polygon","coordinates":[[[105.713,29.699],[105.723,29.699]]]}'),
    expectCode: "too-few-vertices",
  });
  add({
    id: "geojson-empty-polygon",
    category: "geojson",
    fileName: "empty.geojson",
    bytes: utf8('{"type":"Polygon","coordinates":[]}'),
    expectCode: "no-coordinates",
  });
  add({
    id: "geojson-coordinates-string",
    category: "geojson",
    fileName: "x.geojson",
    bytes: utf8('{"type":"Polygon","coordinates":"x"}'),
    expectCode: "invalid-geometry",
  });
  add({
    id: "geojson-type-toString",
    category: "geojson",
    fileName: "x.geojson",
    bytes: utf8(`{"type":"toString","coordinates":[${square}]}`),
    expectCode: "not-geojson",
  });
  add({ id: "geojson-utf16le-bom", category: "geojson", fileName: "utf16.geojson", bytes: utf16(`{"type":"Polygon","coordinates":[${square}]}`, true) });
  add({ id: "geojson-utf16be-bom", category: "geojson", fileName: "utf16.geojson", bytes: utf16(`{"type":"Polygon","coordinates":[${square}]}`, false) });
  add({
    id: "geojson-utf16-no-bom",
    category: "geojson",
    fileName: "utf16.geojson",
    bytes: utf16(`{"type":"Polygon","coordinates":[${square}]}`, true, false),
  });
  add({
    id: "geojson-mixed-crs",
    category: "geojson",
    fileName: "mixed.geojson",
    bytes: utf8(
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[${square}]}},{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[569000,3287000],[570000,3287000],[570000,3288000],[569000,3287000]]]}}]}`,
    ),
    expectCode: "inconsistent-coordinates",
  });
  add({
    id: "geojson-negative-zero",
    category: "geojson",
    fileName: "zero.geojson",
    bytes: utf8('{"type":"Polygon","coordinates":[[[-0,-0],[-0,0],[0,-0],[-0,-0]]]}'),
    expectCode: "unrecognised-coordinates",
  });
  add({
    id: "csv-utf8-bom-and-utf16",
    category: "csv",
    fileName: "bom.csv",
    bytes: concatBytes([new Uint8Array([0xef, 0xbb, 0xbf]), utf8("经度,纬度\n105.713,29.699\n105.723,29.699\n105.723,29.708\n")]),
  });
  add({ id: "csv-utf16le", category: "csv", fileName: "utf16.csv", bytes: utf16("经度,纬度\r\n105.713,29.699\r\n105.723,29.699\r\n105.723,29.708\r\n", true) });
  add({
    id: "geojson-1e308",
    category: "geojson",
    fileName: "big.geojson",
    bytes: utf8('{"type":"Polygon","coordinates":[[[1e308,1e308],[1e308,-1e308],[-1e308,-1e308],[1e308,1e308]]]}'),
  });
  add({
    id: "geojson-1e999",
    category: "geojson",
    fileName: "inf.geojson",
    bytes: utf8('{"type":"Polygon","coordinates":[[[1e999,29.699],[105.723,29.699],[105.723,29.708],[1e999,29.699]]]}'),
  });

  add({ id: "kml-billion-laughs", category: "kml", fileName: "lol.kml", bytes: utf8(BILLION_LAUGHS), expectCode: "kml-entities-refused", maxMs: 500 });
  add({
    id: "kml-external-entity",
    category: "kml",
    fileName: "xxe.kml",
    bytes: utf8(
      `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name>${SQUARE_KML_POLYGON}</Placemark></kml>`,
    ),
    expectCode: "kml-entities-refused",
  });
  add({
    id: "kml-doctype-without-subset",
    category: "kml",
    fileName: "doctype.kml",
    bytes: utf8(
      `<?xml version="1.0"?><!DOCTYPE kml SYSTEM "http://example.com/kml.dtd"><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>${SQUARE_KML_POLYGON}</Placemark></kml>`,
    ),
  });
  add({
    id: "kml-100k-nested-folders",
    category: "kml",
    fileName: "folders.kml",
    bytes: utf8(
      `<kml xmlns="http://www.opengis.net/kml/2.2">${"<Folder>".repeat(100_000)}<Placemark>${SQUARE_KML_POLYGON}</Placemark>${"</Folder>".repeat(100_000)}</kml>`,
    ),
    expectCode: "too-deeply-nested",
    maxMs: 1000,
  });
  add({
    id: "kml-20k-nested-multigeometry",
    category: "kml",
    fileName: "multi.kml",
    bytes: utf8(
      `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>${"<MultiGeometry>".repeat(20_000)}${SQUARE_KML_POLYGON}${"</MultiGeometry>".repeat(20_000)}</Placemark></kml>`,
    ),
    expectCode: "too-deeply-nested",
    maxMs: 1000,
  });
  add({
    id: "kml-1M-vertices",
    category: "kml",
    fileName: "million.kml",
    build: () => ({
      bytes: utf8(
        `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><LineString><coordinates>${manyLines(MILLION, (index) => `105.${7000 + (index % 1000)},29.70${index % 10}`)}</coordinates></LineString></Placemark></kml>`,
      ),
    }),
    expectCode: "too-many-vertices",
    maxMs: 1500,
  });
  add({
    id: "kml-script-in-name-and-description",
    category: "kml",
    fileName: "script.kml",
    bytes: utf8(
      `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&lt;img src=x onerror=alert(1)&gt;</name><description><![CDATA[<script>alert(1)</script><a href="javascript:alert(1)">link</a>]]></description>${SQUARE_KML_POLYGON}</Placemark></kml>`,
    ),
  });
  add({
    id: "kml-utf16-bom",
    category: "kml",
    fileName: "utf16.kml",
    bytes: utf16(`<?xml version="1.0" encoding="UTF-16"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>${SQUARE_KML_POLYGON}</Placemark></kml>`, true),
  });
  add({
    id: "kml-gbk-declared",
    category: "kml",
    fileName: "gbk.kml",
    bytes: gbk(
      `<?xml version="1.0" encoding="GBK"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>宝顶地块</name>${SQUARE_KML_POLYGON}</Placemark></kml>`,
    ),
  });

  const kml = utf8(`<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>${SQUARE_KML_POLYGON}</Placemark></kml>`);
  add({
    id: "kmz-bomb-declared",
    category: "kmz",
    fileName: "bomb.kmz",
    bytes: writeZip([bombEntry("doc.kml")]),
    expectCode: "unzipped-too-large",
    maxMs: 500,
  });
  add({
    id: "kmz-bomb-understated",
    category: "kmz",
    fileName: "liar.kmz",
    bytes: writeZip([bombEntry("doc.kml", 1000)]),
    expectCode: "unzipped-too-large",
    maxMs: 1000,
  });
  add({
    id: "kmz-bomb-total",
    category: "kmz",
    fileName: "total.kmz",
    bytes: writeZip([bombEntry("a.kml", 40 * 1024 * 1024), bombEntry("b.kml", 40 * 1024 * 1024), bombEntry("c.kml", 40 * 1024 * 1024)]),
    expectCode: "unzipped-too-large",
    maxMs: 500,
  });
  add({
    id: "kmz-zip64-declared-5GB",
    category: "kmz",
    fileName: "zip64.kmz",
    bytes: writeZip([{ name: "doc.kml", data: kml, zip64Size: 5 * 1024 ** 3 }]),
    expectCode: "unzipped-too-large",
  });
  add({
    id: "kmz-encrypted",
    category: "kmz",
    fileName: "secret.kmz",
    bytes: writeZip([{ name: "doc.kml", data: kml, encrypted: true }]),
    expectCode: "zip-encrypted",
  });
  add({
    id: "kmz-bzip2",
    category: "kmz",
    fileName: "bzip2.kmz",
    bytes: writeZip([{ name: "doc.kml", data: kml, methodId: 12 }]),
    expectCode: "zip-unsupported-compression",
  });
  add({
    id: "kmz-too-many-entries",
    category: "kmz",
    fileName: "many.kmz",
    bytes: writeZip(Array.from({ length: 2001 }, (_, index) => ({ name: `f${index}.txt`, data: new Uint8Array(0), method: 0 as const }))),
    expectCode: "zip-too-many-entries",
  });
  add({
    id: "kmz-without-kml",
    category: "kmz",
    fileName: "empty.kmz",
    bytes: writeZip([{ name: "readme.txt", data: utf8("hello") }]),
    expectCode: "kmz-without-kml",
  });
  add({
    id: "kmz-path-traversal-and-proto-names",
    category: "kmz",
    fileName: "names.kmz",
    bytes: writeZip([
      { name: "../../evil.kml", data: kml },
      { name: "__proto__", data: kml },
      { name: "constructor.kml", data: kml },
    ]),
  });
  add({
    id: "kmz-size-overstated",
    category: "kmz",
    fileName: "short.kmz",
    bytes: writeZip([{ name: "doc.kml", data: kml, declaredSize: kml.byteLength + 10 }]),
    expectCode: "invalid-zip",
  });

  const square4544: ShpPart = [
    [569000, 3287000],
    [569000, 3288000],
    [570000, 3288000],
    [570000, 3287000],
    [569000, 3287000],
  ];
  const prj = readFixture("prj/esri-4544.prj");
  add({
    id: "shp-1M-vertices",
    category: "shapefile",
    fileName: "million.zip",
    build: () => ({
      bytes: writeZip([
        { name: "a.shp", data: bigPolygonShp(MILLION), method: 0 },
        { name: "a.prj", data: prj },
      ]),
    }),
    expectCode: "too-many-vertices",
    maxMs: 1500,
  });
  add({
    id: "shp-bomb-declared",
    category: "shapefile",
    fileName: "bomb.zip",
    bytes: writeZip([bombEntry("a.shp"), { name: "a.prj", data: prj }]),
    expectCode: "unzipped-too-large",
    maxMs: 500,
  });
  add({
    id: "shp-bomb-understated-dbf",
    category: "shapefile",
    fileName: "liar.zip",
    bytes: writeZip([{ name: "a.shp", data: writeShp(5, [[square4544]]) }, bombEntry("a.dbf", 2000), { name: "a.prj", data: prj }]),
    expectCode: "unzipped-too-large",
    maxMs: 1000,
  });
  const dbf = writeDbf([{ name: utf8("NAME"), type: "C", length: 10 }], [[utf8("a")]]);
  const hugeCount = dbf.slice();
  new DataView(hugeCount.buffer).setUint32(4, 0xffffffff, true);
  add({
    id: "dbf-4-billion-records",
    category: "shapefile",
    fileName: "records.zip",
    bytes: writeZip([
      { name: "a.shp", data: writeShp(5, [[square4544]]) },
      { name: "a.dbf", data: hugeCount },
      { name: "a.prj", data: prj },
    ]),
    expectCode: "invalid-dbf",
    maxMs: 500,
  });
  add({
    id: "dbf-over-a-million-values",
    category: "shapefile",
    fileName: "cells.zip",
    build: () => {
      const points = Array.from({ length: 100_000 }, (_, index): ShpPart[] => [[[569000 + (index % 1000), 3287000 + Math.floor(index / 1000)]]]);
      const fields: DbfField[] = Array.from({ length: 11 }, (_, index) => ({ name: utf8(`F${index}`), type: "C", length: 1 }));
      const cell = utf8("x");
      const row = fields.map(() => cell);
      return {
        bytes: writeZip([
          { name: "a.shp", data: writeShp(1, points) },
          {
            name: "a.dbf",
            data: writeDbf(
              fields,
              points.map(() => row),
            ),
          },
          { name: "a.prj", data: prj },
        ]),
      };
    },
    expectCode: "too-many-attributes",
    maxMs: 1500,
  });
  const gbkFields: DbfField[] = [
    { name: gbk("名称"), type: "C", length: 40 },
    { name: gbk("用途"), type: "C", length: 40 },
  ];
  const gbkRows = [[gbk("<img src=x onerror=alert(1)>"), gbk("javascript:alert(1)")]];
  add({
    id: "dbf-gbk-field-names-no-cpg",
    category: "shapefile",
    fileName: "gbk.zip",
    bytes: writeZip([
      { name: gbk("地块.shp"), data: writeShp(5, [[square4544]]) },
      { name: gbk("地块.dbf"), data: writeDbf(gbkFields, gbkRows) },
      { name: gbk("地块.prj"), data: prj },
    ]),
  });
  add({
    id: "dbf-gbk-field-names-utf8-cpg",
    category: "shapefile",
    fileName: "gbk.zip",
    bytes: writeZip([
      { name: "a.shp", data: writeShp(5, [[square4544]]) },
      { name: "a.dbf", data: writeDbf(gbkFields, gbkRows) },
      { name: "a.prj", data: prj },
      { name: "a.cpg", data: utf8("UTF-8") },
    ]),
  });
  const multipatch = writeShp(5, [[square4544]]);
  new DataView(multipatch.buffer).setInt32(32, 31, true);
  add({
    id: "shp-multipatch",
    category: "shapefile",
    fileName: "patch.zip",
    bytes: writeZip([{ name: "a.shp", data: multipatch }]),
    expectCode: "invalid-shapefile",
  });
  add({
    id: "shp-mixed-crs-layers",
    category: "shapefile",
    fileName: "mixed.zip",
    bytes: writeZip([
      { name: "a.shp", data: writeShp(5, [[square4544]]) },
      { name: "a.prj", data: prj },
      { name: "b.shp", data: writeShp(5, [[square4544.map(([x, y]): [number, number] => [x + 35_000_000, y])]]) },
      { name: "b.prj", data: readFixture("prj/esri-4523.prj") },
    ]),
    expectCode: "mixed-crs-layers",
  });
  add({
    id: "prj-100k-nested-brackets",
    category: "shapefile",
    fileName: "prj.zip",
    bytes: writeZip([
      { name: "a.shp", data: writeShp(5, [[square4544]]) },
      { name: "a.prj", data: utf8(`${"A[".repeat(100_000)}${"]".repeat(100_000)}`) },
    ]),
  });
  add({
    id: "zip-truncated-end-record",
    category: "shapefile",
    fileName: "cut.zip",
    bytes: readFixture("shp-4544-gbk.zip").slice(0, 300),
    expectCode: "invalid-zip",
  });

  add({
    id: "csv-1M-rows",
    category: "csv",
    fileName: "million.csv",
    build: () => ({ bytes: utf8(`x,y\n${manyLines(MILLION, (index) => `105.${7000 + (index % 1000)},29.70${index % 10}`)}`) }),
    expectCode: "too-many-vertices",
    maxMs: 1500,
  });
  add({
    id: "txt-1M-rows",
    category: "txt",
    fileName: "million.txt",
    build: () => ({
      bytes: utf8(
        `[地块坐标]\n${MILLION},1,DK1,a,面,,,,@\n${manyLines(MILLION, (index) => `J${index},1,${3287000 + (index % 1000)},${35569000 + (index % 997)}`)}`,
      ),
    }),
    expectCode: "too-many-vertices",
    maxMs: 1500,
  });
  add({
    id: "dat-1M-rows",
    category: "cass",
    fileName: "million.dat",
    build: () => ({ bytes: utf8(manyLines(MILLION, (index) => `${index},,${569000 + (index % 1000)},${3287000 + (index % 997)},300`)) }),
    expectCode: "too-many-vertices",
    maxMs: 1500,
  });
  const junkLines = (): string => "a\n".repeat(1_000_001);
  add({
    id: "paste-1M-junk-lines",
    category: "paste",
    fileName: "(pasted)",
    build: () => ({ pasted: junkLines() }),
    expectCode: "too-many-lines",
    maxMs: 1000,
  });
  add({
    id: "csv-1M-junk-lines",
    category: "csv",
    fileName: "junk.csv",
    build: () => ({ bytes: utf8(junkLines()) }),
    expectCode: "too-many-lines",
    maxMs: 1000,
  });
  add({
    id: "dat-1M-junk-lines",
    category: "cass",
    fileName: "junk.dat",
    build: () => ({ bytes: utf8(junkLines()) }),
    expectCode: "too-many-lines",
    maxMs: 1000,
  });
  add({
    id: "csv-header-of-100k-brackets",
    category: "csv",
    fileName: "brackets.csv",
    bytes: utf8(`${"(".repeat(100_000)},y\n1,2`),
    expectCode: "csv-columns-not-found",
    maxMs: 500,
  });
  add({ id: "csv-line-of-spaces-then-quote", category: "csv", fileName: "spaces.csv", bytes: utf8(`${" ".repeat(1_000_000)}"x,y\n1,2`), maxMs: 500 });
  add({
    id: "txt-bracket-then-50k-spaces",
    category: "txt",
    fileName: "spaces.txt",
    bytes: utf8(`[${" ".repeat(50_000)}a\n[地块坐标]\n`),
    expectCode: "invalid-boundary-txt",
    maxMs: 500,
  });
  add({
    id: "paste-1M-lines",
    category: "paste",
    fileName: "(pasted)",
    build: () => ({ pasted: manyLines(MILLION, (index) => `105.${7000 + (index % 1000)} 29.70${index % 10}`) }),
    expectCode: "too-many-vertices",
    maxMs: 1500,
  });
  add({
    id: "paste-one-line-of-500k-numbers",
    category: "paste",
    fileName: "(pasted)",
    build: () => ({ pasted: manyLines(500_000, String, " ") }),
    expectCode: "unreadable-line",
    maxMs: 1500,
  });
  add({
    id: "paste-over-50M-characters",
    category: "paste",
    fileName: "(pasted)",
    build: () => ({ pasted: `${" ".repeat(50 * 1024 * 1024 + 1)}105.7 29.7` }),
    expectCode: "input-too-large",
    maxMs: 500,
  });
  add({
    id: "file-over-50MB",
    fileName: "huge.geojson",
    build: () => ({ bytes: new Uint8Array(50 * 1024 * 1024 + 1) }),
    expectCode: "file-too-large",
    maxMs: 200,
  });
  add({ id: "file-empty", fileName: "empty.kml", bytes: new Uint8Array(0), expectCode: "empty-file" });
  add({
    id: "file-name-of-1000-characters",
    fileName: `${"名".repeat(1000)}\u0000<script>.geojson`,
    bytes: utf8('{"type":"Polygon","coordinates":[[[105.713,29.699],[105.723,29.699],[105.723,29.708],[105.713,29.699]]]}'),
  });
  add({ id: "file-unknown-extension", fileName: "<img src=x onerror=alert(1)>.exe", bytes: utf8("MZ"), expectCode: "unsupported-format" });
  return inputs;
}

/** At least 300 inputs: real fixtures cut and damaged, generated files per format, random bytes, and the hand-written cases. */
export function buildCorpus(seed: number): FuzzInput[] {
  const random = new Random(seed);
  const inputs: FuzzInput[] = [];
  const add = (category: FuzzCategory, fileName: string, bytes: Uint8Array): void => {
    inputs.push({ id: `${category}-${inputs.filter((input) => input.category === category).length + 1}`, category, fileName, bytes });
  };

  for (const name of fixtureFiles()) {
    const bytes = readFixture(name);
    for (let cut = 0; cut < 6; cut++) add("fixture-truncated", name, bytes.slice(0, random.int(1, bytes.byteLength - 1)));
    for (let damage = 0; damage < 4; damage++) {
      const copy = bytes.slice();
      for (let flips = random.int(1, 8); flips > 0; flips--) copy[random.int(0, copy.byteLength - 1)] = random.int(0, 255);
      add("fixture-mutated", name, copy);
    }
  }
  for (let index = 0; index < 70; index++) add("geojson", random.pick(["a.geojson", "a.json"]), encodeTextFile(random, geojsonText(random)));
  for (let index = 0; index < 40; index++) add("kml", "a.kml", utf8(kmlText(random)));
  for (let index = 0; index < 20; index++) {
    const entries: ZipEntrySpec[] = [
      { name: random.pick(["doc.kml", "layers/a.kml", "DOC.KML"]), data: utf8(kmlText(random)), method: random.pick([0, 8] as const) },
    ];
    if (random.chance(0.3)) entries.push({ name: gbk("图层/地块.kml"), data: gbk(kmlText(random)) });
    let bytes = writeZip(entries);
    if (random.chance(0.2)) bytes = bytes.slice(0, random.int(1, bytes.byteLength - 1));
    add("kmz", "a.kmz", bytes);
  }
  for (let index = 0; index < 50; index++) {
    const entries = shapefileLayer(random, random.chance(0.3) ? "地块" : "parcels");
    if (random.chance(0.15)) entries.push(...shapefileLayer(random, "second"));
    add("shapefile", "a.zip", writeZip(entries));
  }
  for (let index = 0; index < 30; index++) add("csv", "a.csv", encodeTextFile(random, csvText(random)));
  for (let index = 0; index < 25; index++) add("txt", "a.txt", encodeTextFile(random, boundaryTxt(random)));
  for (let index = 0; index < 20; index++) add("cass", "a.dat", encodeTextFile(random, cassText(random)));
  for (let index = 0; index < 30; index++) {
    inputs.push({ id: `paste-${index + 1}`, category: "paste", fileName: "(pasted)", pasted: pastedText(random) });
  }
  const prefixes: Record<string, Uint8Array> = {
    ".geojson": utf8('{"type":'),
    ".json": utf8("["),
    ".kml": utf8('<?xml version="1.0"?><kml>'),
    ".kmz": new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    ".zip": new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
    ".csv": utf8("x,y\n"),
    ".txt": utf8("[地块坐标]\n"),
    ".dat": utf8("1,,"),
  };
  for (const [extension, prefix] of Object.entries(prefixes)) {
    for (let index = 0; index < 3; index++) {
      const noise = random.bytes(random.int(1, 4096));
      add("random-bytes", `random${extension}`, index === 0 ? noise : concatBytes([prefix, noise]));
    }
  }
  return [...inputs, ...handWritten()];
}
