import type { LngLat } from "./crs";
import { wgs84ToBd09, wgs84ToGcj02 } from "./gcj02";

/**
 * Links that open a place in the map apps people in China use. AMap expects GCJ-02 and Baidu BD-09, so the
 * WGS-84 positions of the data package are converted first; `geo:` (RFC 5870) takes WGS-84 as it is.
 */

const DECIMALS = 6;

function fixed(value: number): string {
  return value.toFixed(DECIMALS);
}

export interface NavigationLinks {
  amap: string;
  baidu: string;
  geo: string;
}

/**
 * Where a link points: a position to drop a pin at, or an address to search for — within `region` (Baidu takes an
 * administrative area's name, a district included) and within `city` for AMap, whose search URI takes a city's name,
 * telephone area code or city code, not a district.
 */
export type NavigationTarget = { type: "position"; position: LngLat; name: string } | { type: "address"; keyword: string; region: string; city: string };

/** The source name both apps ask callers to send with each link. */
const SOURCE = "webapp.dazu-policy-map";

/**
 * Keyword-search links for a place known only by its address: AMap's `search` URI (keyword, city) and Baidu's
 * `place/search` URI (query, region, output=html, src), and a `geo:0,0?q=` query for any other map app.
 */
export function addressSearchLinks(keyword: string, region: string, city: string): NavigationLinks {
  const query = encodeURIComponent(keyword);
  const area = encodeURIComponent(region);
  return {
    amap: `https://uri.amap.com/search?keyword=${query}&city=${encodeURIComponent(city)}&view=map&src=${SOURCE}&callnative=1`,
    baidu: `https://api.map.baidu.com/place/search?query=${query}&region=${area}&output=html&src=${SOURCE}`,
    geo: `geo:0,0?q=${encodeURIComponent(`${region}${keyword}`)}`,
  };
}

export function linksTo(target: NavigationTarget): NavigationLinks {
  return target.type === "position" ? navigationLinks(target.position, target.name) : addressSearchLinks(target.keyword, target.region, target.city);
}

export function navigationLinks(position: LngLat, name: string): NavigationLinks {
  const [gcjLng, gcjLat] = wgs84ToGcj02(position);
  const [bdLng, bdLat] = wgs84ToBd09(position);
  const encodedName = encodeURIComponent(name);
  return {
    amap: `https://uri.amap.com/marker?position=${fixed(gcjLng)},${fixed(gcjLat)}&name=${encodedName}&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/marker?location=${fixed(bdLat)},${fixed(bdLng)}&title=${encodedName}&content=${encodedName}&coord_type=bd09ll&output=html&src=${SOURCE}`,
    geo: `geo:${fixed(position[1])},${fixed(position[0])}?q=${fixed(position[1])},${fixed(position[0])}(${encodedName})`,
  };
}
