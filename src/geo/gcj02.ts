import type { LngLat } from "./crs";

/**
 * GCJ-02 ("Mars coordinates"), the offset datum of Chinese web maps (AMap, Tencent), and BD-09 (Baidu).
 * The forward formulas are the widely published ones; the inverse is iterative (converges to < 1 mm).
 */

const SEMI_MAJOR_AXIS = 6378245.0;
const ECCENTRICITY_SQUARED = 0.006693421622965943;

function outsideChina([lng, lat]: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLatitude(x: number, y: number): number {
  let result = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  result += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  result += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  result += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return result;
}

function transformLongitude(x: number, y: number): number {
  let result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  result += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  result += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  result += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return result;
}

export function wgs84ToGcj02(lngLat: LngLat): LngLat {
  if (outsideChina(lngLat)) return [lngLat[0], lngLat[1]];
  const [lng, lat] = lngLat;
  let deltaLat = transformLatitude(lng - 105.0, lat - 35.0);
  let deltaLng = transformLongitude(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ECCENTRICITY_SQUARED * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  deltaLat = (deltaLat * 180.0) / (((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic)) * Math.PI);
  deltaLng = (deltaLng * 180.0) / ((SEMI_MAJOR_AXIS / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + deltaLng, lat + deltaLat];
}

/** Inverse by fixed-point iteration: find w with wgs84ToGcj02(w) = g. */
export function gcj02ToWgs84(gcj: LngLat): LngLat {
  if (outsideChina(gcj)) return [gcj[0], gcj[1]];
  let guess: LngLat = [gcj[0], gcj[1]];
  for (let iteration = 0; iteration < 30; iteration++) {
    const forward = wgs84ToGcj02(guess);
    const errorLng = forward[0] - gcj[0];
    const errorLat = forward[1] - gcj[1];
    guess = [guess[0] - errorLng, guess[1] - errorLat];
    if (Math.abs(errorLng) < 1e-10 && Math.abs(errorLat) < 1e-10) break;
  }
  return guess;
}

const BAIDU_PI = (Math.PI * 3000.0) / 180.0;

export function gcj02ToBd09([lng, lat]: LngLat): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * BAIDU_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * BAIDU_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

export function bd09ToGcj02([lng, lat]: LngLat): LngLat {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BAIDU_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BAIDU_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

export function wgs84ToBd09(lngLat: LngLat): LngLat {
  return gcj02ToBd09(wgs84ToGcj02(lngLat));
}

/**
 * BD-09 → WGS-84. The published BD-09 → GCJ-02 formula is itself approximate (a few centimetres), so the result is
 * refined by fixed-point iteration on the forward transform, like gcj02ToWgs84, to under a millimetre.
 */
export function bd09ToWgs84(bd: LngLat): LngLat {
  let guess = gcj02ToWgs84(bd09ToGcj02(bd));
  for (let iteration = 0; iteration < 30; iteration++) {
    const forward = wgs84ToBd09(guess);
    const errorLng = forward[0] - bd[0];
    const errorLat = forward[1] - bd[1];
    if (Math.abs(errorLng) < 1e-10 && Math.abs(errorLat) < 1e-10) break;
    guess = [guess[0] - errorLng, guess[1] - errorLat];
  }
  return guess;
}
