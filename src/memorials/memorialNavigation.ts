import type { NavigationTarget } from "../geo/navigationLinks";
import { positionCertainty, type Memorial } from "./memorials";

/** The region the apps search in: every memorial of the notice is in this district. */
export const MEMORIAL_SEARCH_REGION = "重庆市大足区";
/** AMap's search URI narrows by city (name, area code or city code), not by district: the municipality. */
export const MEMORIAL_SEARCH_CITY = "重庆";

const DISTRICT_PREFIX = /^(?:重庆市)?大足区/;
/** Words placing the memorial relative to a landmark ("半边寺旁边"): the landmark is what an app can find. */
const RELATIVE_SUFFIX = /(?:旁边|附近|旁)$/;
const TRAILING_ASIDE = /（[^（）]*）$/;

/** The published address as an app's search words: without the district (the region says it), an aside or "beside". */
export function searchableAddress(address: string): string {
  const keyword = address.trim().replace(DISTRICT_PREFIX, "").replace(TRAILING_ASIDE, "").replace(RELATIVE_SUFFIX, "").trim();
  return keyword === "" ? address.trim() : keyword;
}

/**
 * Where the navigation buttons take the user: to the point when it stands for the memorial (official data, or a
 * park-level position), to a search for the published address when the point only stands for the town (±5 km) —
 * a pin there would send the user to the wrong place.
 */
export function navigationTarget(memorial: Memorial): NavigationTarget {
  const certainty = positionCertainty(memorial);
  if (certainty.type === "approximate" && certainty.townLevel) {
    return { type: "address", keyword: searchableAddress(memorial.address), region: MEMORIAL_SEARCH_REGION, city: MEMORIAL_SEARCH_CITY };
  }
  return { type: "position", position: memorial.lngLat, name: memorial.name };
}
