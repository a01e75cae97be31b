import { LANGUAGE_TAGS, type Language } from "../../i18n/messages";
import { formatDistance } from "../../memorials/formatDistance";
import { positionCertainty, type Memorial } from "../../memorials/memorials";
// Its strings load with it.
import { translateMemorialFinder } from "../../i18n/messages.memorialFinder";

/** The published kind in the reader's language; an unknown kind is shown as published. */
export function kindLabel(kind: string, language: Language): string {
  if (kind === "纪念碑") return translateMemorialFinder(language, "memorials.kindMonument");
  if (kind === "烈士墓") return translateMemorialFinder(language, "memorials.kindTomb");
  return kind;
}

/** "2023年5月17日" / "May 17, 2023" from an ISO date; the ISO text itself when it is not one. */
export function formatIsoDate(isoDate: string, language: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[language], { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(date);
}

/** The badge on a list item for an approximate position ("示意 ±5 km"), or null for an exact one. */
export function approximateBadge(memorial: Memorial, language: Language): string | null {
  const certainty = positionCertainty(memorial);
  return certainty.type === "approximate"
    ? translateMemorialFinder(language, "memorials.approximateBadge", { radius: formatDistance(certainty.radiusMetres) })
    : null;
}

/** The card's headline about the position: "示意位置：±5 km，仅表示所在镇街。" and the like. */
export function positionHeadline(memorial: Memorial, language: Language): string {
  const certainty = positionCertainty(memorial);
  if (certainty.type === "exact") return translateMemorialFinder(language, "memorials.positionExact");
  const radius = formatDistance(certainty.radiusMetres);
  return translateMemorialFinder(language, certainty.townLevel ? "memorials.positionTown" : "memorials.positionApproximate", { radius });
}

/** The label on the map's uncertainty circle, or "" for an exact position. */
export function mapLabel(memorial: Memorial, language: Language): string {
  const certainty = positionCertainty(memorial);
  return certainty.type === "approximate" ? translateMemorialFinder(language, "memorials.mapLabel", { radius: formatDistance(certainty.radiusMetres) }) : "";
}

/** "与苏朝淼烈士墓、彭宗全烈士墓公布地址相同…", or null when the memorial has its own spot. */
export function sharedPositionText(memorial: Memorial, language: Language): string | null {
  const others = language === "en" ? memorial.sharedPositionWithEn : memorial.sharedPositionWith;
  if (others.length === 0) return null;
  const list = others.join(language === "en" ? ", " : "、");
  return translateMemorialFinder(language, others.length === 2 ? "memorials.sharedPosition" : "memorials.sharedPositionOther", { others: list });
}
