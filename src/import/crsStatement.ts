import { crsFromEpsgCode, detectCrsFromCoordinates, type CrsDetection } from "../geo/crsDetect";
import { crsProblem, crsReasonPart, type CrsSource } from "../geo/crsTypes";
import type { SourcePosition } from "./types";

/** An EPSG code written in a statement: `EPSG:4544`, `EPSG 4523`, `epsg：4490`. */
export function epsgCodeIn(text: string): number | undefined {
  const match = /EPSG\s*[:：=]*\s*(\d{4,5})(?!\d)/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * True when a statement names Xi'an 1980 or Beijing 1954 — by name, or as "80/54 坐标系". Whole words only: the
 * digits 80 or 54 inside an EPSG code (4544) or a coordinate are not a datum.
 */
export function olderDatumIn(text: string): boolean {
  return /西安|北京|xi['’]?\s*an|beijing/i.test(text) || /(?<![\d.])(?:19)?(?:80|54)\s*(?:年)?\s*(?:坐标系|坐标|系)/.test(text);
}

/**
 * What a written coordinate-system statement says (a `坐标系=…` line in a pasted list or a boundary file):
 * an EPSG code, an older datum (refused), a web-map offset, or CGCS2000/WGS-84 with the family and zone prefix
 * taken from the values. Null when the statement names nothing recognisable.
 */
export function crsFromStatement(statement: string, pairs: readonly SourcePosition[], source: CrsSource): CrsDetection | null {
  const epsg = epsgCodeIn(statement);
  if (epsg !== undefined) return crsFromEpsgCode(epsg, source);
  if (olderDatumIn(statement)) return { ok: false, problem: crsProblem("older-datum-statement", { source, statement }) };
  const offset = /bd\s*-?\s*09|百度|baidu/i.test(statement) ? "BD-09" : /gcj\s*-?\s*02|火星|高德|腾讯|amap/i.test(statement) ? "GCJ-02" : undefined;
  const cgcs2000 = /cgcs\s*2000|2000\s*国家大地|国家\s*2000|china\s*2000/i.test(statement);
  const wgs84 = /wgs\s*-?\s*84/i.test(statement);
  if (!offset && !cgcs2000 && !wgs84) return null;
  const observed = detectCrsFromCoordinates(pairs);
  if (!observed.ok) return observed;
  const metres = observed.crs.code === "EPSG:4544" || observed.crs.code === "EPSG:4523";
  const code = offset && !metres ? offset : metres ? observed.crs.code : cgcs2000 ? "EPSG:4490" : "EPSG:4326";
  return {
    ok: true,
    crs: {
      code,
      swappedAxes: observed.crs.swappedAxes,
      confidence: "declared",
      reason: [crsReasonPart("statement", { source, statement, metres, crs: code })],
    },
  };
}
