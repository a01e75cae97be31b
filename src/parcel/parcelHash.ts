import type { Position } from "geojson";
import { BUILDING_USES, type BuildingUse, type FeeAnswers } from "../check/fee";
import { DEFAULT_CHECK_OPTIONS, type ParcelGeometry } from "../check/types";
import type { FindingOverride } from "./types";

/*
 * A parcel in a link: `#parcel=<kind><data>`, WGS-84 at 6 decimals (≈ 0.1 m).
 *   kind: "a" Polygon, "m" MultiPolygon, "l" LineString, "p" Point
 *   data: rings separated by ".", MultiPolygon parts by "~"; a polygon ring's closing vertex is left out.
 * Each vertex is two integers (longitude, latitude in millionths of a degree), written as the difference from the
 * previous vertex of the whole geometry (the first from 0), zigzag-encoded, as 5-bit groups with a continuation bit
 * in the base64url alphabet — every character is URL-safe, so links survive e-mail and chat. A 20-vertex parcel
 * takes about 120 characters.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUE_OF = new Map([...ALPHABET].map((character, index) => [character, index]));
const SCALE = 1e6;
const CONTINUE = 32;

export type ParcelHashResult = { ok: true; geometry: ParcelGeometry } | { ok: false; reason: string };

function zigzag(value: number): number {
  return value < 0 ? -2 * value - 1 : 2 * value;
}

function unzigzag(value: number): number {
  return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
}

function writeValue(value: number, out: string[]): void {
  let remaining = zigzag(value);
  while (remaining >= CONTINUE) {
    out.push(ALPHABET[(remaining % CONTINUE) + CONTINUE]!);
    remaining = Math.floor(remaining / CONTINUE);
  }
  out.push(ALPHABET[remaining]!);
}

function isClosed(ring: Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

/** The parcel as the value of `parcel=` (without the key). */
export function encodeParcelForHash(geometry: ParcelGeometry): string {
  let previous: [number, number] = [0, 0];
  const encodeRing = (positions: Position[], dropClosing: boolean): string => {
    const ring = dropClosing && isClosed(positions) ? positions.slice(0, -1) : positions;
    const out: string[] = [];
    for (const position of ring) {
      const current: [number, number] = [Math.round(position[0]! * SCALE), Math.round(position[1]! * SCALE)];
      writeValue(current[0] - previous[0], out);
      writeValue(current[1] - previous[1], out);
      previous = current;
    }
    return out.join("");
  };
  switch (geometry.type) {
    case "Point":
      return `p${encodeRing([geometry.coordinates], false)}`;
    case "LineString":
      return `l${encodeRing(geometry.coordinates, false)}`;
    case "Polygon":
      return `a${geometry.coordinates.map((ring) => encodeRing(ring, true)).join(".")}`;
    case "MultiPolygon":
      return `m${geometry.coordinates.map((rings) => rings.map((ring) => encodeRing(ring, true)).join(".")).join("~")}`;
  }
}

/** Reads a `parcel=` value back; malformed or implausible values are refused with a reason (for the console). */
export function decodeParcelFromHash(text: string): ParcelHashResult {
  const kind = text[0];
  const body = text.slice(1);
  let previous: [number, number] = [0, 0];
  const decodeRing = (ringText: string): Position[] | string => {
    const values: number[] = [];
    let value = 0;
    let factor = 1;
    for (const character of ringText) {
      const digit = VALUE_OF.get(character);
      if (digit === undefined) return `unexpected character "${character}"`;
      value += (digit % CONTINUE) * factor;
      if (digit >= CONTINUE) {
        factor *= CONTINUE;
        if (factor > CONTINUE ** 8) return "number too long";
        continue;
      }
      values.push(unzigzag(value));
      value = 0;
      factor = 1;
    }
    if (factor !== 1) return "truncated number";
    if (values.length % 2 !== 0) return "odd number of coordinates";
    const positions: Position[] = [];
    for (let index = 0; index < values.length; index += 2) {
      const current: [number, number] = [previous[0] + values[index]!, previous[1] + values[index + 1]!];
      previous = current;
      const longitude = Number((current[0] / SCALE).toFixed(6));
      const latitude = Number((current[1] / SCALE).toFixed(6));
      if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) return "coordinate out of range";
      positions.push([longitude, latitude]);
    }
    return positions;
  };
  const polygon = (partText: string): Position[][] | string => {
    const rings: Position[][] = [];
    for (const ringText of partText.split(".")) {
      const ring = decodeRing(ringText);
      if (typeof ring === "string") return ring;
      if (ring.length < 3) return "a polygon ring needs 3 vertices";
      rings.push([...ring, [ring[0]![0]!, ring[0]![1]!]]);
    }
    return rings;
  };
  const fail = (reason: string): ParcelHashResult => ({ ok: false, reason });
  switch (kind) {
    case "p": {
      const ring = decodeRing(body);
      if (typeof ring === "string") return fail(ring);
      return ring.length === 1 ? { ok: true, geometry: { type: "Point", coordinates: ring[0]! } } : fail("a point needs exactly 1 vertex");
    }
    case "l": {
      const ring = decodeRing(body);
      if (typeof ring === "string") return fail(ring);
      return ring.length >= 2 ? { ok: true, geometry: { type: "LineString", coordinates: ring } } : fail("a line needs 2 vertices");
    }
    case "a": {
      const rings = polygon(body);
      return typeof rings === "string" ? fail(rings) : { ok: true, geometry: { type: "Polygon", coordinates: rings } };
    }
    case "m": {
      const parts: Position[][][] = [];
      for (const partText of body.split("~")) {
        const rings = polygon(partText);
        if (typeof rings === "string") return fail(rings);
        parts.push(rings);
      }
      return { ok: true, geometry: { type: "MultiPolygon", coordinates: parts } };
    }
    default:
      return fail(`unknown kind "${kind ?? ""}"`);
  }
}

/*
 * The officer's inputs that decided the report travel after the geometry, so a link or its QR code reopens the same
 * report: `<geometry>!<inputs>`, inputs being base64url of UTF-8 JSON with short keys (o overrides by layer id as
 * [reason, ISO time], f fee answers, a floor areas by use, m intended mineral, c caution distance in metres).
 * Links without "!" (older links) carry the geometry only.
 */
const INPUTS_SEPARATOR = "!";

/** A parcel and the inputs to its report, as a link carries them; absent inputs were not in the link. */
export interface ParcelLink {
  geometry: ParcelGeometry;
  overrides?: Record<string, FindingOverride>;
  answers?: FeeAnswers;
  floorAreas?: Partial<Record<BuildingUse, number>>;
  mineral?: string | null;
  cautionDistanceMetres?: number;
}

export type ParcelLinkResult = { ok: true; link: ParcelLink } | { ok: false; reason: string };

function bytesToBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let index = 0; index < bytes.length; index += 3) {
    const chunk = (bytes[index]! << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    const characters = index + 2 < bytes.length ? 4 : index + 1 < bytes.length ? 3 : 2;
    for (let position = 0; position < characters; position++) out += ALPHABET[(chunk >> (18 - 6 * position)) & 63]!;
  }
  return out;
}

function base64UrlToBytes(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 4) {
    const group = text.slice(index, index + 4);
    let chunk = 0;
    for (let position = 0; position < 4; position++) {
      const value = position < group.length ? VALUE_OF.get(group[position]!) : 0;
      if (value === undefined) return null;
      chunk = (chunk << 6) | value;
    }
    bytes.push((chunk >> 16) & 255);
    if (group.length > 2) bytes.push((chunk >> 8) & 255);
    if (group.length > 3) bytes.push(chunk & 255);
  }
  return Uint8Array.from(bytes);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function readInputs(value: unknown): Omit<ParcelLink, "geometry"> | string {
  if (!isRecord(value)) return "inputs are not an object";
  const inputs: Omit<ParcelLink, "geometry"> = {};
  if (value.o !== undefined) {
    if (!isRecord(value.o)) return "bad overrides";
    const overrides: Record<string, FindingOverride> = {};
    for (const [layerId, entry] of Object.entries(value.o)) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof entry[1] !== "string" || entry[0].trim() === "") return "bad override";
      overrides[layerId] = { reason: entry[0], at: entry[1] };
    }
    inputs.overrides = overrides;
  }
  if (value.f !== undefined) {
    if (!isRecord(value.f)) return "bad fee answers";
    const answers: FeeAnswers = {};
    if (typeof value.f.townId === "string") answers.townId = value.f.townId;
    if (typeof value.f.park === "string") answers.park = value.f.park;
    if (typeof value.f.insideUrbanConstructionLand === "boolean") answers.insideUrbanConstructionLand = value.f.insideUrbanConstructionLand;
    inputs.answers = answers;
  }
  if (value.a !== undefined) {
    if (!isRecord(value.a)) return "bad floor areas";
    const floorAreas: Partial<Record<BuildingUse, number>> = {};
    for (const use of BUILDING_USES) {
      const area = value.a[use];
      if (typeof area === "number" && Number.isFinite(area) && area > 0) floorAreas[use] = area;
    }
    inputs.floorAreas = floorAreas;
  }
  if (value.m !== undefined) {
    if (value.m !== null && typeof value.m !== "string") return "bad mineral";
    inputs.mineral = value.m;
  }
  if (value.c !== undefined) {
    if (typeof value.c !== "number" || !Number.isFinite(value.c) || value.c < 0 || value.c > 10_000) return "bad caution distance";
    inputs.cautionDistanceMetres = value.c;
  }
  return inputs;
}

/** The value of `parcel=` for a parcel and the inputs that decided its report (empty inputs are left out). */
export function encodeParcelLink(link: ParcelLink): string {
  const inputs: Record<string, unknown> = {};
  if (link.overrides && Object.keys(link.overrides).length > 0) {
    inputs.o = Object.fromEntries(Object.entries(link.overrides).map(([layerId, override]) => [layerId, [override.reason, override.at]]));
  }
  if (link.answers && Object.keys(link.answers).length > 0) inputs.f = link.answers;
  if (link.floorAreas && Object.keys(link.floorAreas).length > 0) inputs.a = link.floorAreas;
  if (link.mineral) inputs.m = link.mineral;
  if (link.cautionDistanceMetres !== undefined && link.cautionDistanceMetres !== DEFAULT_CHECK_OPTIONS.cautionDistanceMetres)
    inputs.c = link.cautionDistanceMetres;
  const geometry = encodeParcelForHash(link.geometry);
  return Object.keys(inputs).length === 0 ? geometry : `${geometry}${INPUTS_SEPARATOR}${bytesToBase64Url(new TextEncoder().encode(JSON.stringify(inputs)))}`;
}

/** The geometry part of a `parcel=` value (what `encodeParcelForHash` gives for the same parcel). */
export function parcelLinkGeometry(text: string): string {
  const separator = text.indexOf(INPUTS_SEPARATOR);
  return separator < 0 ? text : text.slice(0, separator);
}

/** Reads a `parcel=` value, old (geometry only) or new; malformed values are refused with a reason. */
export function decodeParcelLink(text: string): ParcelLinkResult {
  const separator = text.indexOf(INPUTS_SEPARATOR);
  const geometry = decodeParcelFromHash(separator < 0 ? text : text.slice(0, separator));
  if (!geometry.ok) return geometry;
  if (separator < 0) return { ok: true, link: { geometry: geometry.geometry } };
  const bytes = base64UrlToBytes(text.slice(separator + 1));
  if (!bytes) return { ok: false, reason: "inputs are not base64url" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: "inputs are not JSON" };
  }
  const inputs = readInputs(parsed);
  return typeof inputs === "string" ? { ok: false, reason: inputs } : { ok: true, link: { geometry: geometry.geometry, ...inputs } };
}
