/** Readers for the hand-curated input tables in geodata/sources (each row cites its sources). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gcj02ToWgs84 } from "../../src/geo/gcj02";
import { parseCsv } from "./csv";
import { SOURCES_DIR } from "./paths";

export type TargetRule = "published" | "equal-share" | "park-remainder";

export interface TownRow {
  code: string;
  name: string;
  nameEn: string;
  kind: "镇" | "街道";
  seat: [number, number];
  seatConfidence: string;
  seatBasis: string;
  publishedAreaKm2: number | null;
  publishedAreaYear: string;
  publishedAreaConfidence: string;
  fitArea: boolean;
  targetRule: TargetRule;
  areaNote: string;
  areaSource: string;
  sources: string[];
}

export interface MemorialRow {
  id: string;
  name: string;
  kind: "纪念碑" | "烈士墓";
  address: string;
  townCode: string;
  clause: string;
  protectionRange: string;
  position: [number, number];
  uncertaintyM: number;
  locationBasis: string;
  confidence: string;
  sources: string[];
}

export interface LineRow {
  id: string;
  name: string;
  nameEn: string;
  vertices: Array<[number, number]>;
  confidence: string;
  basis: string;
  sources: string[];
}

export interface ParkRow {
  id: string;
  name: string;
  nameEn: string;
  level: string;
  administeredTownCodes: string[];
  areaKm2: number | null;
  areaNote: string;
  boundsPublished: boolean;
  feeClause: string;
  note: string;
  sources: string[];
}

function read(name: string, directory: string): Array<Record<string, string>> {
  return parseCsv(readFileSync(resolve(directory, name), "utf8"));
}

const list = (value: string | undefined): string[] =>
  (value ?? "")
    .split(" ; ")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`not a number: ${value}`);
  return parsed;
}

function required(row: Record<string, string>, key: string): string {
  const value = row[key];
  if (value === undefined || value.trim() === "") throw new Error(`missing ${key} in ${JSON.stringify(row).slice(0, 80)}`);
  return value;
}

export function readTowns(directory = SOURCES_DIR): TownRow[] {
  return read("towns.csv", directory).map((row) => {
    const kind = required(row, "kind");
    if (kind !== "镇" && kind !== "街道") throw new Error(`bad kind ${kind}`);
    const rule = required(row, "target_rule");
    if (rule !== "published" && rule !== "equal-share" && rule !== "park-remainder") throw new Error(`bad target_rule ${rule}`);
    const fitArea = required(row, "fit_area") === "yes";
    const publishedAreaKm2 = numberOrNull(row["published_area_km2"]);
    if (fitArea && (publishedAreaKm2 === null || rule !== "published")) throw new Error(`${row["name"]}: fit_area needs a published area`);
    return {
      code: required(row, "code"),
      name: required(row, "name"),
      nameEn: required(row, "name_en"),
      kind,
      seat: [Number(required(row, "seat_lon")), Number(required(row, "seat_lat"))],
      seatConfidence: required(row, "seat_confidence"),
      seatBasis: required(row, "seat_basis"),
      publishedAreaKm2,
      publishedAreaYear: row["published_area_year"] ?? "",
      publishedAreaConfidence: row["published_area_confidence"] ?? "",
      fitArea,
      targetRule: rule,
      areaNote: row["area_note"] ?? "",
      areaSource: row["area_source"] ?? "",
      sources: list(row["sources"]),
    };
  });
}

export function readMemorials(directory = SOURCES_DIR): MemorialRow[] {
  return read("memorials.csv", directory).map((row) => {
    const kind = required(row, "kind");
    if (kind !== "纪念碑" && kind !== "烈士墓") throw new Error(`bad memorial kind ${kind}`);
    return {
      id: required(row, "id"),
      name: required(row, "name"),
      kind,
      address: required(row, "address"),
      townCode: required(row, "town_code"),
      clause: required(row, "clause"),
      protectionRange: required(row, "protection_range"),
      position: [Number(required(row, "lon")), Number(required(row, "lat"))],
      uncertaintyM: Number(required(row, "uncertainty_m")),
      locationBasis: required(row, "location_basis"),
      confidence: required(row, "confidence"),
      sources: list(row["sources"]),
    };
  });
}

export function readLines(directory = SOURCES_DIR): LineRow[] {
  return read("lines.csv", directory).map((row) => ({
    id: required(row, "id"),
    name: required(row, "name"),
    nameEn: required(row, "name_en"),
    vertices: required(row, "vertices")
      .split(";")
      .map((pair) => {
        const [lon, lat] = pair.trim().split(/\s+/).map(Number);
        if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`bad vertex ${pair}`);
        return [lon, lat] as [number, number];
      }),
    confidence: required(row, "confidence"),
    basis: required(row, "basis"),
    sources: list(row["sources"]),
  }));
}

export function readParks(directory = SOURCES_DIR): ParkRow[] {
  return read("parks.csv", directory).map((row) => ({
    id: required(row, "id"),
    name: required(row, "name"),
    nameEn: required(row, "name_en"),
    level: row["level"] ?? "",
    administeredTownCodes: (row["administered_town_codes"] ?? "").split(/\s+/).filter((code) => code.length > 0),
    areaKm2: numberOrNull(row["area_km2"]),
    areaNote: row["area_note"] ?? "",
    boundsPublished: required(row, "bounds_published") === "yes",
    feeClause: required(row, "fee_clause"),
    note: required(row, "note"),
    sources: list(row["sources"]),
  }));
}

export interface VillageRow {
  /** 12-digit NBS code of the village/community. */
  code: string;
  /** 9-digit NBS code of its town (the first 9 digits of the 12-digit town code). */
  townCode: string;
  town: string;
  name: string;
  urCode: string;
  /** WGS-84, converted from the AMap GCJ-02 position; null where the row has none. */
  position: [number, number] | null;
  /** GCJ-02 as published; null where the row has none. */
  positionGcj02: [number, number] | null;
  coordinateNote: string;
}

/**
 * villages.csv: the district's villages/communities (Vonng/adcode, data/adcode/500111.csv, 2016-07 NBS codes),
 * some with an AMap (GCJ-02) position. A row with a coordinate_note is kept but its position is not usable.
 */
export function readVillages(directory = SOURCES_DIR): VillageRow[] {
  return read("villages.csv", directory).map((row) => {
    const townCode12 = required(row, "town_code");
    if (!/^\d{12}$/.test(townCode12) || !townCode12.endsWith("000")) throw new Error(`bad town_code ${townCode12}`);
    const lng = numberOrNull(row["lng_gcj02"]);
    const lat = numberOrNull(row["lat_gcj02"]);
    if ((lng === null) !== (lat === null)) throw new Error(`${row["name"]}: half a position`);
    const positionGcj02: [number, number] | null = lng === null || lat === null ? null : [lng, lat];
    return {
      code: required(row, "code"),
      townCode: townCode12.slice(0, 9),
      town: required(row, "town"),
      name: required(row, "name"),
      urCode: required(row, "ur_code"),
      position: positionGcj02 ? gcj02ToWgs84(positionGcj02) : null,
      positionGcj02,
      coordinateNote: row["coordinate_note"] ?? "",
    };
  });
}

/** The villages whose position can constrain the town diagram: a position and no note against it. */
export const usableVillagePoints = (villages: readonly VillageRow[]): VillageRow[] =>
  villages.filter((village) => village.position !== null && village.coordinateNote.trim() === "");
