import proj4 from "proj4";
import type { LineString, MultiPolygon, Point, Polygon } from "geojson";
import {
  crsProblem,
  crsReasonPart,
  type CrsGuess,
  type CrsProblem,
  type CrsReason,
  type CrsSource,
  type CrsWarning,
  type ImportCrsCode,
  type LikelyMistakeParams,
  type Magnitude,
  type ObservedColumn,
  type SourcePosition,
  type ZoneOrigin,
} from "./crsTypes";
import { transform, type LngLat } from "./crs";
import { bd09ToWgs84, gcj02ToWgs84 } from "./gcj02";

export type CrsDetection = { ok: true; crs: CrsGuess } | { ok: false; problem: CrsProblem };

/** The district's published extent: E105°28′–106°02′, N29°23′–29°52′ (2023 mineral-resources plan). */
export const DAZU_EXTENT = {
  west: 105 + 28 / 60,
  east: 106 + 2 / 60,
  south: 29 + 23 / 60,
  north: 29 + 52 / 60,
} as const;

/** Central meridian of the 3° Gauss–Krüger zone (35) that covers the district. */
const DAZU_CENTRAL_MERIDIAN = 105;

function isProjected(code: ImportCrsCode): boolean {
  return code === "EPSG:4544" || code === "EPSG:4523";
}

// ---------------------------------------------------------------------------------------------------------------
// EPSG codes

function zoneError(centralMeridian: number, falseEasting: number, origin: ZoneOrigin): CrsDetection {
  return { ok: false, problem: crsProblem("unsupported-zone", { origin, centralMeridian, falseEasting }) };
}

function declared(code: ImportCrsCode, reason: CrsReason): CrsDetection {
  return { ok: true, crs: { code, swappedAxes: false, reason, confidence: "declared" } };
}

/** What an EPSG code means for this tool; `source` says where the code came from, e.g. a .prj file. */
export function crsFromEpsgCode(epsg: number, source: CrsSource): CrsDetection {
  const supported: Record<number, ImportCrsCode> = {
    4326: "EPSG:4326",
    4490: "EPSG:4490",
    4544: "EPSG:4544",
    4523: "EPSG:4523",
  };
  const code = supported[epsg];
  if (code) return declared(code, [crsReasonPart("epsg-declared", { source, epsg, crs: code })]);
  if (epsg === 4507) return declared("EPSG:4544", [crsReasonPart("epsg-4507", { source })]);
  const origin: ZoneOrigin = { kind: "epsg", source, epsg };
  if (epsg >= 4513 && epsg <= 4533) return zoneError((epsg - 4488) * 3, (epsg - 4488) * 1_000_000 + 500_000, origin);
  if (epsg >= 4534 && epsg <= 4554) return zoneError(75 + 3 * (epsg - 4534), 500_000, origin);
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4478;
    return zoneError(zone * 6 - 3, zone * 1_000_000 + 500_000, origin);
  }
  if (epsg >= 4502 && epsg <= 4512) return zoneError(75 + 6 * (epsg - 4502), 500_000, origin);
  const xian1980OrBeijing1954 = (epsg >= 2327 && epsg <= 2442) || (epsg >= 21413 && epsg <= 21483) || epsg === 4610 || epsg === 4214;
  if (xian1980OrBeijing1954) return { ok: false, problem: crsProblem("unsupported-datum", { source, datum: `EPSG:${epsg}`, known: true }) };
  const utm = epsg >= 32601 && epsg <= 32660;
  return { ok: false, problem: crsProblem("unsupported-epsg", { source, epsg, utm }) };
}

// ---------------------------------------------------------------------------------------------------------------
// WKT (.prj)

type WktValue = string | number | WktNode;
interface WktNode {
  keyword: string;
  values: WktValue[];
}

/** A small reader for WKT1 (OGC and Esri flavours) and WKT2; returns null when the text is not WKT. */
export function parseWkt(text: string): WktNode | null {
  let position = 0;
  const source = text.trim();

  function skipSpace(): void {
    while (position < source.length && /\s/.test(source[position]!)) position++;
  }

  function readValue(): WktValue | null {
    skipSpace();
    const character = source[position];
    if (character === undefined) return null;
    if (character === '"') {
      let result = "";
      position++;
      while (position < source.length) {
        if (source[position] === '"') {
          if (source[position + 1] === '"') {
            result += '"';
            position += 2;
            continue;
          }
          position++;
          return result;
        }
        result += source[position];
        position++;
      }
      return null;
    }
    const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(source.slice(position));
    if (number) {
      position += number[0].length;
      return Number(number[0]);
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(position));
    if (!word) return null;
    position += word[0].length;
    skipSpace();
    if (source[position] !== "[" && source[position] !== "(") return word[0];
    position++;
    const node: WktNode = { keyword: word[0].toUpperCase(), values: [] };
    skipSpace();
    if (source[position] === "]" || source[position] === ")") {
      position++;
      return node;
    }
    for (;;) {
      const value = readValue();
      if (value === null) return null;
      node.values.push(value);
      skipSpace();
      const separator = source[position];
      position++;
      if (separator === ",") continue;
      if (separator === "]" || separator === ")") return node;
      return null;
    }
  }

  const root = readValue();
  if (root === null || typeof root !== "object") return null;
  skipSpace();
  return position >= source.length ? root : null;
}

function childNodes(node: WktNode, ...keywords: string[]): WktNode[] {
  return node.values.filter((value): value is WktNode => typeof value === "object" && keywords.includes(value.keyword));
}

function findNode(node: WktNode, ...keywords: string[]): WktNode | undefined {
  for (const value of node.values) {
    if (typeof value !== "object") continue;
    if (keywords.includes(value.keyword)) return value;
    const found = findNode(value, ...keywords);
    if (found) return found;
  }
  return undefined;
}

function nodeName(node: WktNode | undefined): string {
  const first = node?.values[0];
  return typeof first === "string" ? first : "";
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function authorityCode(node: WktNode): number | undefined {
  const [authority] = childNodes(node, "AUTHORITY", "ID");
  if (!authority || typeof authority.values[0] !== "string" || authority.values[0].toUpperCase() !== "EPSG") return undefined;
  const code = Number(authority.values[1]);
  return Number.isInteger(code) ? code : undefined;
}

type Ellipsoid = "grs80" | "wgs84" | "xian80" | "krassovsky" | "unknown";

function ellipsoidOf(node: WktNode): { ellipsoid: Ellipsoid; datumName: string } {
  const datum = findNode(node, "DATUM", "TRF", "GEODETICDATUM");
  const datumName = nodeName(datum);
  const spheroid = findNode(node, "SPHEROID", "ELLIPSOID");
  const semiMajor = spheroid?.values[1];
  const inverseFlattening = spheroid?.values[2];
  const key = normalise(datumName);
  if (typeof semiMajor === "number" && typeof inverseFlattening === "number") {
    if (semiMajor === 6378137 && Math.abs(inverseFlattening - 298.257222101) < 1e-6) return { ellipsoid: "grs80", datumName };
    if (semiMajor === 6378137 && Math.abs(inverseFlattening - 298.257223563) < 1e-6) return { ellipsoid: "wgs84", datumName };
    if (semiMajor === 6378140) return { ellipsoid: "xian80", datumName };
    if (semiMajor === 6378245) return { ellipsoid: "krassovsky", datumName };
    return { ellipsoid: "unknown", datumName };
  }
  if (/china2000|cgcs2000|chinageodeticcoordinatesystem2000/.test(key)) return { ellipsoid: "grs80", datumName };
  if (/wgs1984|wgs84/.test(key)) return { ellipsoid: "wgs84", datumName };
  if (/xian/.test(key)) return { ellipsoid: "xian80", datumName };
  if (/beijing/.test(key)) return { ellipsoid: "krassovsky", datumName };
  return { ellipsoid: "unknown", datumName };
}

function parameters(node: WktNode): Map<string, number> {
  const result = new Map<string, number>();
  const collect = (current: WktNode): void => {
    for (const parameter of childNodes(current, "PARAMETER")) {
      const value = parameter.values[1];
      if (typeof value === "number") result.set(normalise(nodeName(parameter)), value);
    }
    for (const conversion of childNodes(current, "CONVERSION")) collect(conversion);
  };
  collect(node);
  return result;
}

function parameter(values: Map<string, number>, ...names: string[]): number | undefined {
  for (const name of names) {
    const value = values.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

const PRJ_SOURCE: CrsSource = { kind: "prj" };

/** Reads a .prj (or any WKT) and says which supported CRS it declares, or why it is not supported. */
export function detectCrsFromPrj(wkt: string, source: CrsSource = PRJ_SOURCE): CrsDetection {
  let root = parseWkt(wkt.replace(/^\uFEFF/, ""));
  if (root && (root.keyword === "COMPD_CS" || root.keyword === "COMPOUNDCRS")) {
    root = childNodes(root, "PROJCS", "PROJCRS", "PROJECTEDCRS", "GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS")[0] ?? null;
  }
  if (!root) return { ok: false, problem: crsProblem("invalid-prj", { source, start: wkt.trim().slice(0, 80) }) };
  const name = nodeName(root);
  const projected = ["PROJCS", "PROJCRS", "PROJECTEDCRS"].includes(root.keyword);
  const geographic = ["GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS", "BASEGEOGCRS"].includes(root.keyword);
  if (!projected && !geographic) return { ok: false, problem: crsProblem("not-a-crs", { source, keyword: root.keyword, name }) };

  const epsg = authorityCode(root);
  if (epsg !== undefined) return crsFromEpsgCode(epsg, { ...source, wktName: name });

  const { ellipsoid, datumName } = ellipsoidOf(root);
  if (ellipsoid === "xian80" || ellipsoid === "krassovsky") {
    return { ok: false, problem: crsProblem("unsupported-datum", { source, datum: datumName || name, known: true }) };
  }
  if (ellipsoid === "unknown") return { ok: false, problem: crsProblem("unsupported-datum", { source, datum: datumName, known: false }) };
  const datum = ellipsoid === "grs80" ? "CGCS2000" : "WGS-84";

  if (geographic) {
    const code = ellipsoid === "grs80" ? "EPSG:4490" : "EPSG:4326";
    return declared(code, [crsReasonPart("prj-geographic", { source, name, datum, crs: code })]);
  }

  const method = normalise(nodeName(findNode(root, "PROJECTION", "METHOD")));
  const transverseMercator = /gausskruger|transversemercator|tmerc/.test(method);
  const values = parameters(root);
  const nameKey = name.toLowerCase();
  const zoneFromName = /gk_zone_(\d+)|zone[_ ]?(\d+)/.exec(nameKey);
  const meridianFromName = /cm[_ ]?(\d+)e?/.exec(nameKey);
  const threeDegree = /3_degree|3-degree|3度/.test(nameKey);
  let centralMeridian = parameter(values, "centralmeridian", "longitudeofnaturalorigin", "longitudeofcenter", "longitudeoforigin");
  let falseEasting = parameter(values, "falseeasting");
  const scale = parameter(values, "scalefactor", "scalefactoratnaturalorigin") ?? 1;
  const latitudeOfOrigin = parameter(values, "latitudeoforigin", "latitudeofnaturalorigin") ?? 0;
  const falseNorthing = parameter(values, "falsenorthing") ?? 0;
  const zoneNumber = zoneFromName ? Number(zoneFromName[1] ?? zoneFromName[2]) : undefined;
  if (centralMeridian === undefined && zoneNumber !== undefined) centralMeridian = threeDegree || zoneNumber >= 25 ? zoneNumber * 3 : zoneNumber * 6 - 3;
  if (centralMeridian === undefined && meridianFromName) centralMeridian = Number(meridianFromName[1]);
  if (falseEasting === undefined) falseEasting = zoneNumber !== undefined ? zoneNumber * 1_000_000 + 500_000 : 500_000;
  const unit = childNodes(root, "UNIT", "LENGTHUNIT")[0] ?? findNode(findNode(root, "CS") ?? root, "LENGTHUNIT");
  const metresPerUnit = typeof unit?.values[1] === "number" ? unit.values[1] : 1;

  if (!transverseMercator || Math.abs(scale - 1) > 1e-9 || latitudeOfOrigin !== 0 || falseNorthing !== 0 || metresPerUnit !== 1) {
    const utm = transverseMercator && Math.abs(scale - 0.9996) < 1e-9;
    const methodName = nodeName(findNode(root, "PROJECTION", "METHOD"));
    return { ok: false, problem: crsProblem("unsupported-projection", { source, name, utm, method, methodName, scale, metresPerUnit }) };
  }
  if (centralMeridian === undefined) return { ok: false, problem: crsProblem("projection-without-meridian", { source, name }) };
  if (centralMeridian !== DAZU_CENTRAL_MERIDIAN || (falseEasting !== 500_000 && falseEasting !== 35_500_000)) {
    return zoneError(centralMeridian, falseEasting, { kind: "projection", source, name });
  }
  const code = falseEasting === 500_000 ? "EPSG:4544" : "EPSG:4523";
  return declared(code, [crsReasonPart("prj-gauss-kruger", { source, name, falseEasting, datum, crs: code })]);
}

// ---------------------------------------------------------------------------------------------------------------
// GeoJSON `crs` member (GeoJSON 2008; RFC 7946 dropped it but GDAL and many tools still write it)

const GEOJSON_SOURCE: CrsSource = { kind: "geojson-crs" };

/** Reads a GeoJSON `crs` member; null when the member is absent. */
export function detectCrsFromGeoJsonCrs(member: unknown): CrsDetection | null {
  if (member === undefined || member === null) return null;
  const unsupported = (text: string): CrsDetection => ({ ok: false, problem: crsProblem("unrecognised-geojson-crs", { crs: text }) });
  if (typeof member !== "object") return unsupported(String(member));
  const { type, properties } = member as { type?: unknown; properties?: { name?: unknown; code?: unknown } };
  if (type === "EPSG" && properties && (typeof properties.code === "number" || typeof properties.code === "string")) {
    return crsFromEpsgCode(Number(properties.code), GEOJSON_SOURCE);
  }
  if (type !== "name" || !properties || typeof properties.name !== "string") return unsupported(JSON.stringify(member).slice(0, 120));
  const name = properties.name.trim();
  if (/^urn:ogc:def:crs:OGC:[\d.]*:CRS84$/i.test(name) || /\/def\/crs\/OGC\/[\d.]+\/CRS84$/i.test(name) || name.toUpperCase() === "CRS84") {
    return declared("EPSG:4326", [crsReasonPart("geojson-crs84", { name })]);
  }
  const epsg = /^urn:ogc:def:crs:EPSG:[\d.]*:(\d+)$/i.exec(name) ?? /^EPSG:+(\d+)$/i.exec(name) ?? /\/def\/crs\/EPSG\/[\d.]+\/(\d+)$/i.exec(name);
  if (epsg) return crsFromEpsgCode(Number(epsg[1]), GEOJSON_SOURCE);
  return unsupported(name);
}

// ---------------------------------------------------------------------------------------------------------------
// Coordinate magnitudes

function magnitudeOf(value: number): Magnitude {
  if (value >= 73 && value <= 136) return "longitude";
  if (value >= 3 && value <= 54) return "latitude";
  if (value >= 100_000 && value < 1_000_000) return "easting";
  if (value >= 1_000_000 && value < 10_000_000) return "northing";
  if (value >= 10_000_000 && value < 100_000_000) return "zonedEasting";
  return "unknown";
}

/** True when (a, b) in either order is longitude/latitude or easting/northing — a usable coordinate pair. */
export function isPlausiblePair(a: number, b: number): boolean {
  const kinds = new Set([magnitudeOf(a), magnitudeOf(b)]);
  if (kinds.size !== 2) return false;
  return (kinds.has("longitude") && kinds.has("latitude")) || (kinds.has("northing") && (kinds.has("easting") || kinds.has("zonedEasting")));
}

function columnMagnitude(values: number[]): { magnitude: Magnitude; zones: Set<number>; firstOdd?: number } {
  const counts = new Map<Magnitude, number>();
  const zones = new Set<number>();
  for (const value of values) {
    const magnitude = magnitudeOf(value);
    counts.set(magnitude, (counts.get(magnitude) ?? 0) + 1);
    if (magnitude === "zonedEasting") zones.add(Math.floor(value / 1_000_000));
  }
  if (counts.size === 1) return { magnitude: [...counts.keys()][0]!, zones };
  const [majority] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const firstOdd = values.findIndex((value) => magnitudeOf(value) !== majority);
  return { magnitude: "unknown", zones, firstOdd };
}

function rangeOf(values: number[]): ObservedColumn["range"] {
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < minimum) minimum = value;
    if (value > maximum) maximum = value;
  }
  return minimum > maximum ? null : { minimum, maximum };
}

/**
 * Infers the CRS and axis order from the magnitudes of the given pairs (in input order). Degrees: in China
 * latitude (< 54) and longitude (> 73) cannot be confused. Metres: the northing has 7 digits here, the easting
 * 6 (EPSG:4544) or 8 with the zone number 35 in front (EPSG:4523).
 */
export function detectCrsFromCoordinates(pairs: readonly SourcePosition[]): CrsDetection {
  if (pairs.length === 0) return { ok: false, problem: crsProblem("no-coordinates", {}) };
  const first = pairs.map((pair) => pair[0]);
  const second = pairs.map((pair) => pair[1]);
  const firstColumn = columnMagnitude(first);
  const secondColumn = columnMagnitude(second);
  for (const [column, values, name] of [
    [firstColumn, first, "first"],
    [secondColumn, second, "second"],
  ] as const) {
    if (column.firstOdd !== undefined && column.firstOdd >= 0) {
      const index = column.firstOdd;
      const problem = crsProblem("inconsistent-magnitudes", { column: name, pointIndex: index, value: values[index]!, example: values[index === 0 ? 1 : 0]! });
      return { ok: false, problem };
    }
  }
  const a = firstColumn.magnitude;
  const b = secondColumn.magnitude;
  const observed = { first: { range: rangeOf(first), magnitude: a }, second: { range: rangeOf(second), magnitude: b } };

  const geographic = (a === "longitude" && b === "latitude") || (a === "latitude" && b === "longitude");
  if (geographic) {
    const swappedAxes = a === "latitude";
    return {
      ok: true,
      crs: { code: "EPSG:4326", swappedAxes, confidence: "inferred", reason: [crsReasonPart("values-degrees", { ...observed, swappedAxes })] },
    };
  }

  const eastingKinds: Magnitude[] = ["easting", "zonedEasting"];
  const projected = (eastingKinds.includes(a) && b === "northing") || (a === "northing" && eastingKinds.includes(b));
  if (projected) {
    const swappedAxes = a === "northing";
    const eastingColumn = swappedAxes ? secondColumn : firstColumn;
    if (eastingColumn.magnitude === "zonedEasting") {
      const zones = [...eastingColumn.zones];
      if (zones.length > 1) return { ok: false, problem: crsProblem("mixed-zones", { zones }) };
      const zone = zones[0]!;
      if (zone !== 35) {
        const threeDegree = zone >= 25 && zone <= 45;
        const centralMeridian = threeDegree ? zone * 3 : zone * 6 - 3;
        return zoneError(centralMeridian, zone * 1_000_000 + 500_000, { kind: "values", zone });
      }
    }
    const code = eastingColumn.magnitude === "zonedEasting" ? "EPSG:4523" : "EPSG:4544";
    return {
      ok: true,
      crs: { code, swappedAxes, confidence: "inferred", reason: [crsReasonPart("values-gauss-kruger", { ...observed, crs: code, swappedAxes })] },
    };
  }

  return { ok: false, problem: crsProblem("unrecognised-coordinates", observed) };
}

// ---------------------------------------------------------------------------------------------------------------
// Declared vs observed

/**
 * Checks a declared CRS against the magnitudes. A declaration that cannot be right (metres declared as degrees,
 * zone prefix present/absent) is replaced by what the values show, with a warning; a plausible one is kept,
 * and only the axis order is taken from the values.
 */
export function reconcileDeclaredCrs(declaredCrs: CrsGuess, pairs: readonly SourcePosition[]): { crs: CrsGuess; warnings: CrsWarning[] } {
  const observed = detectCrsFromCoordinates(pairs);
  if (!observed.ok) return { crs: declaredCrs, warnings: [] };
  const inferred = observed.crs;
  const sameFamily = isProjected(inferred.code) === isProjected(declaredCrs.code);
  const sameCode = !isProjected(declaredCrs.code) || inferred.code === declaredCrs.code;
  if (sameFamily && sameCode) {
    if (inferred.swappedAxes === declaredCrs.swappedAxes) return { crs: declaredCrs, warnings: [] };
    const axisOrder = { projected: isProjected(declaredCrs.code), swappedAxes: inferred.swappedAxes };
    return {
      crs: { ...declaredCrs, swappedAxes: inferred.swappedAxes, reason: [...declaredCrs.reason, crsReasonPart("axis-order-from-values", axisOrder)] },
      warnings: [{ code: "axis-order-from-values", params: axisOrder }],
    };
  }
  return {
    crs: inferred,
    warnings: [
      {
        code: "declared-crs-mismatch",
        params: { declared: declaredCrs.code, used: inferred.code, swappedAxes: inferred.swappedAxes, inferredReason: inferred.reason },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Conversion

/** One source pair (input order) → WGS-84 longitude/latitude. CGCS2000 and WGS-84 are taken as equal (< 1 m). */
export function sourceToWgs84(pair: SourcePosition, crs: Pick<CrsGuess, "code" | "swappedAxes">): LngLat {
  const ordered: [number, number] = crs.swappedAxes ? [pair[1], pair[0]] : [pair[0], pair[1]];
  switch (crs.code) {
    case "EPSG:4326":
    case "EPSG:4490":
      return ordered;
    case "EPSG:4544":
    case "EPSG:4523":
      return transform(ordered, crs.code, "EPSG:4326");
    case "GCJ-02":
      return gcj02ToWgs84(ordered);
    case "BD-09":
      return bd09ToWgs84(ordered);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Inside the district?

interface Hypothesis {
  id: string;
  mistake: LikelyMistakeParams;
  toLngLat: (pair: SourcePosition) => LngLat;
}

const tmercConverters = new Map<string, proj4.Converter>();
function gaussKrugerToLngLat(eastingNorthing: [number, number], centralMeridian: number, falseEasting: number): LngLat {
  const key = `${centralMeridian}/${falseEasting}`;
  let converter = tmercConverters.get(key);
  if (!converter) {
    converter = proj4(`+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`, "EPSG:4326");
    tmercConverters.set(key, converter);
  }
  const [longitude, latitude] = converter.forward(eastingNorthing);
  return [longitude as number, latitude as number];
}

function hypothesesFor(crs: Pick<CrsGuess, "code" | "swappedAxes">): Hypothesis[] {
  const result: Hypothesis[] = [];
  const add = (id: string, mistake: LikelyMistakeParams, toLngLat: Hypothesis["toLngLat"]): void => {
    result.push({ id, mistake, toLngLat });
  };
  const swap = (pair: SourcePosition, swapped: boolean): [number, number] => (swapped ? [pair[1], pair[0]] : [pair[0], pair[1]]);
  const other = !crs.swappedAxes;
  const swapSuffix = (swapped: boolean): string => (swapped === crs.swappedAxes ? "" : "-swap-axes");
  add("swap-axes", { kind: "swap-axes", projected: isProjected(crs.code) }, (pair) => sourceToWgs84(pair, { code: crs.code, swappedAxes: other }));
  if (isProjected(crs.code)) {
    const alternative = crs.code === "EPSG:4544" ? "EPSG:4523" : "EPSG:4544";
    for (const swapped of [crs.swappedAxes, other]) {
      add(`zone-prefix${swapSuffix(swapped)}`, { kind: "zone-prefix", prefixMissing: crs.code === "EPSG:4523", swapped: swapped !== crs.swappedAxes }, (pair) =>
        sourceToWgs84(pair, { code: alternative, swappedAxes: swapped }),
      );
    }
    for (const swapped of [crs.swappedAxes, other]) {
      for (const centralMeridian of [102, 108, 111, 99]) {
        for (const prefixed of [false, true]) {
          const falseEasting = prefixed ? (centralMeridian / 3) * 1_000_000 + 500_000 : 500_000;
          add(
            `central-meridian-${centralMeridian}${prefixed ? "-zoned" : ""}${swapSuffix(swapped)}`,
            { kind: "central-meridian", centralMeridian, prefixed, swapped: swapped !== crs.swappedAxes },
            (pair) => gaussKrugerToLngLat(swap(pair, swapped), centralMeridian, falseEasting),
          );
        }
      }
      add(`six-degree-zone-18${swapSuffix(swapped)}`, { kind: "six-degree-zone-18", swapped: swapped !== crs.swappedAxes }, (pair) =>
        gaussKrugerToLngLat(swap(pair, swapped), 105, 18_500_000),
      );
    }
    for (const swapped of [false, true])
      add(`degrees${swapped ? "-swap-axes" : ""}`, { kind: "degrees", latitudeFirst: swapped }, (pair) => swap(pair, swapped));
  } else {
    const asGiven = (pair: SourcePosition): LngLat => swap(pair, crs.swappedAxes);
    if (crs.code === "GCJ-02" || crs.code === "BD-09") add(crs.code === "GCJ-02" ? "not-gcj-02" : "not-bd-09", { kind: "not-offset", code: crs.code }, asGiven);
    if (crs.code !== "GCJ-02") add("gcj-02", { kind: "gcj-02" }, (pair) => gcj02ToWgs84(asGiven(pair)));
    if (crs.code !== "BD-09") add("bd-09", { kind: "bd-09" }, (pair) => bd09ToWgs84(asGiven(pair)));
    for (const [code, swapped] of [
      ["EPSG:4544", false],
      ["EPSG:4544", true],
      ["EPSG:4523", false],
      ["EPSG:4523", true],
    ] as const) {
      add(`${code === "EPSG:4544" ? "gauss-kruger" : "gauss-kruger-zoned"}${swapped ? "-swap-axes" : ""}`, { kind: "metres", code, swapped }, (pair) =>
        sourceToWgs84(pair, { code, swappedAxes: swapped }),
      );
    }
  }
  return result;
}

function isInside([longitude, latitude]: LngLat, margin: number): boolean {
  return (
    longitude >= DAZU_EXTENT.west - margin &&
    longitude <= DAZU_EXTENT.east + margin &&
    latitude >= DAZU_EXTENT.south - margin &&
    latitude <= DAZU_EXTENT.north + margin
  );
}

/** Approximate distance (m) from a point to the extent; 0 inside. */
function metresBeyondExtent([longitude, latitude]: LngLat): number {
  const clampedLatitude = Math.min(Math.max(latitude, -89), 89);
  const metresPerDegreeLongitude = 111_320 * Math.cos((clampedLatitude * Math.PI) / 180);
  const dx = longitude < DAZU_EXTENT.west ? DAZU_EXTENT.west - longitude : longitude > DAZU_EXTENT.east ? longitude - DAZU_EXTENT.east : 0;
  const dy = latitude < DAZU_EXTENT.south ? DAZU_EXTENT.south - latitude : latitude > DAZU_EXTENT.north ? latitude - DAZU_EXTENT.north : 0;
  return Math.hypot(dx * metresPerDegreeLongitude, dy * 110_574);
}

/** What the district check needs of an imported parcel: its name, WGS-84 geometry and the numbers as given. */
export interface LocatedParcel {
  name: string;
  geometry: Polygon | MultiPolygon | LineString | Point;
  sourceCoordinates: SourcePosition[][][];
}

/** Distinct vertices: rings without their closing repeat. */
function positionsOf(parcel: LocatedParcel): LngLat[] {
  const geometry = parcel.geometry;
  const open = (ring: number[][]): LngLat[] => {
    const points = ring.map((position): LngLat => [position[0]!, position[1]!]);
    const first = points[0];
    const last = points[points.length - 1];
    return points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? points.slice(0, -1) : points;
  };
  switch (geometry.type) {
    case "Point":
      return [[geometry.coordinates[0]!, geometry.coordinates[1]!]];
    case "LineString":
      return geometry.coordinates.map((position) => [position[0]!, position[1]!]);
    case "Polygon":
      return geometry.coordinates.flatMap(open);
    case "MultiPolygon":
      return geometry.coordinates.flat().flatMap(open);
  }
}

export interface LikelyMistake {
  /** Stable id, e.g. "swap-axes", "zone-prefix", "gcj-02", "central-meridian-108". */
  id: string;
  mistake: LikelyMistakeParams;
}

/**
 * The alternative readings of the source pairs (axes swapped, zone number, GCJ-02/BD-09 offset, another central
 * meridian …) under which every point falls inside Dazu's extent.
 */
export function likelyMistakes(
  pairs: readonly SourcePosition[],
  crs: Pick<CrsGuess, "code" | "swappedAxes"> | undefined,
  options: InsideDazuOptions = {},
): LikelyMistake[] {
  if (!crs || pairs.length === 0) return [];
  const margin = options.marginDegrees ?? DEFAULT_MARGIN_DEGREES;
  const step = Math.max(1, Math.floor(pairs.length / 500));
  const sample = pairs.filter((_, index) => index % step === 0 || index === pairs.length - 1);
  return hypothesesFor(crs)
    .filter((hypothesis) =>
      sample.every((pair) => {
        let lngLat: LngLat;
        try {
          lngLat = hypothesis.toLngLat(pair);
        } catch {
          return false;
        }
        return Number.isFinite(lngLat[0]) && Number.isFinite(lngLat[1]) && isInside(lngLat, margin);
      }),
    )
    .map(({ id, mistake }) => ({ id, mistake }));
}

const DEFAULT_MARGIN_DEGREES = 0.001;

export interface InsideDazuOptions {
  /**
   * Tolerance beyond the published extent, in degrees. Kept small (default 0.001° ≈ 100 m) so that a GCJ-02
   * offset (≈ 0.46 km) at the district's edge is still noticed.
   */
  marginDegrees?: number;
}

/** A parcel with vertices beyond Dazu's extent: how many, the farthest, and the readings that would put it inside. */
export interface OutsideDazu {
  parcel: string;
  verticesOutside: number;
  vertices: number;
  farthestLngLat: LngLat;
  metresBeyond: number;
  likelyMistakes: LikelyMistake[];
}

/**
 * Finds each parcel with vertices beyond Dazu's extent, and the likely mistakes: each alternative reading of the
 * source coordinates (axes swapped, zone number, GCJ-02/BD-09 offset, another central meridian …) that would put
 * the whole parcel inside. Pass the CRS the parcels were read with to get those suggestions.
 */
export function findOutsideDazu(
  parcels: readonly LocatedParcel[],
  crs?: Pick<CrsGuess, "code" | "swappedAxes">,
  options: InsideDazuOptions = {},
): OutsideDazu[] {
  const margin = options.marginDegrees ?? DEFAULT_MARGIN_DEGREES;
  const found: OutsideDazu[] = [];
  for (const parcel of parcels) {
    const positions = positionsOf(parcel);
    const outside = positions.filter((position) => !isInside(position, margin));
    if (outside.length === 0) continue;
    const farthest = outside.reduce((best, position) => (metresBeyondExtent(position) > metresBeyondExtent(best) ? position : best));
    found.push({
      parcel: parcel.name,
      verticesOutside: outside.length,
      vertices: positions.length,
      farthestLngLat: farthest,
      metresBeyond: metresBeyondExtent(farthest),
      likelyMistakes: likelyMistakes(parcel.sourceCoordinates.flat(2), crs, options),
    });
  }
  return found;
}
