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

export function navigationLinks(position: LngLat, name: string): NavigationLinks {
  const [gcjLng, gcjLat] = wgs84ToGcj02(position);
  const [bdLng, bdLat] = wgs84ToBd09(position);
  const encodedName = encodeURIComponent(name);
  return {
    amap: `https://uri.amap.com/marker?position=${fixed(gcjLng)},${fixed(gcjLat)}&name=${encodedName}&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/marker?location=${fixed(bdLat)},${fixed(bdLng)}&title=${encodedName}&content=${encodedName}&coord_type=bd09ll&output=html&src=webapp.dazu-policy-map`,
    geo: `geo:${fixed(position[1])},${fixed(position[0])}?q=${fixed(position[1])},${fixed(position[0])}(${encodedName})`,
  };
}
