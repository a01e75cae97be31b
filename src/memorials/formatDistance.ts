import type { DistanceAndDirection, FieldLayerAnswer } from "../check/fieldPosition";
import type { Language } from "../i18n/language";
import { translate } from "../i18n/translate";
import type { DistrictStanding } from "./districtStanding";

/** "850 m", "3.2 km", "12 km": metres to 10 m below 1 km, one decimal below 10 km, whole kilometres above. */
export function formatDistance(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return "–";
  if (metres < 10) return "<10 m";
  const tens = Math.round(metres / 10) * 10;
  if (tens < 1000) return `${tens} m`;
  const kilometres = metres / 1000;
  if (kilometres < 9.95) return `${kilometres.toFixed(1).replace(/\.0$/, "")} km`;
  return `${Math.round(kilometres)} km`;
}

/** "东北 3.2 km" in Chinese, "3.2 km NE" in English. */
export function formatDirectionDistance(distance: Pick<DistanceAndDirection, "distanceMetres" | "direction">, language: Language): string {
  const text = formatDistance(distance.distanceMetres);
  const direction = translate(language, `compass.${distance.direction}`);
  return language === "en" ? `${text} ${direction}` : `${direction} ${text}`;
}

/**
 * Where the fix stands against one restricted layer, never surer than GPS + layer accuracy allow, e.g.
 * "不确定：距边界 120 m，在你的位置与图层的误差 ±2 km 之内…". Point layers speak of the nearest feature instead of a
 * boundary, named by `nameOf` (its English name in English).
 */
export function formatFieldAnswer(
  answer: FieldLayerAnswer,
  geometryType: "polygon" | "line" | "point",
  language: Language,
  nameOf: (name: string) => string = (name) => name,
): string {
  const params = {
    distance: formatDistance(answer.distanceMetres),
    uncertainty: formatDistance(answer.uncertaintyMetres),
    name: nameOf(answer.nearestName),
  };
  if (geometryType === "point") {
    const key = answer.standing === "inside" ? "field.pointInside" : answer.standing === "outside" ? "field.pointOutside" : "field.pointUncertain";
    return translate(language, key, params);
  }
  const key = answer.standing === "inside" ? "field.inside" : answer.standing === "outside" ? "field.outside" : "field.uncertain";
  return translate(language, key, params);
}

/** What the finder says about the district once located; nothing when the fix is inside it. */
export function formatDistrictStanding(standing: DistrictStanding | null, language: Language): string | null {
  if (!standing || standing.type === "inside") return null;
  const distance = formatDistance(standing.distanceMetres);
  if (standing.type === "edge") return translate(language, "field.districtEdge", { distance, uncertainty: formatDistance(standing.uncertaintyMetres) });
  return translate(language, standing.type === "farOutside" ? "field.districtFarOutside" : "field.districtOutside", { distance });
}
