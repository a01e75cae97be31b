import type { Position } from "geojson";
import type { ParcelGeometry } from "../check/types";

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
