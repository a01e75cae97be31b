import { findOutsideDazu, grouped, type InsideDazuOptions, type LikelyMistake, type LocatedParcel } from "../geo/crsDetect";
import { likelyMistakeText } from "../i18n/messages.crs";
import type { BilingualText, CrsGuess, ImportMessage } from "./types";

function distanceText(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  const km = metres / 1000;
  return `${km < 100 ? km.toFixed(1) : grouped(Math.round(km))} km`;
}

/** The likely mistakes named in both languages, joined as alternatives ("…；或…" / "…; or …"). */
export function likelyMistakesText(mistakes: readonly LikelyMistake[]): BilingualText {
  const texts = mistakes.map((mistake) => likelyMistakeText(mistake.mistake));
  return { zh: texts.map((text) => text.zh).join("；或"), en: texts.map((text) => text.en).join("; or ") };
}

/**
 * Warns for each parcel with vertices beyond Dazu's extent, and names the likely mistakes that would put the whole
 * parcel inside. Pass the CRS the parcels were read with to get those suggestions.
 */
export function checkInsideDazu(
  parcels: readonly LocatedParcel[],
  crs?: Pick<CrsGuess, "code" | "swappedAxes">,
  options: InsideDazuOptions = {},
): ImportMessage[] {
  return findOutsideDazu(parcels, crs, options).map((found) => {
    const all = found.verticesOutside === found.vertices;
    const [longitude, latitude] = found.farthestLngLat;
    const where = `${longitude.toFixed(5)}°E, ${latitude.toFixed(5)}°N`;
    const beyond = distanceText(found.metresBeyond);
    const fitting = likelyMistakesText(found.likelyMistakes);
    const suggestion: BilingualText =
      found.likelyMistakes.length > 0
        ? {
            zh: `可能的原因：${fitting.zh}。按此读取后地块整体位于大足区内。`,
            en: `Likely cause: ${fitting.en}. Read that way, the whole parcel lies inside Dazu.`,
          }
        : {
            zh: "请核对坐标系、带号和 X/Y 顺序。",
            en: "Check the coordinate system, the zone number and the X/Y order.",
          };
    return {
      code: "outside-dazu",
      zh: `地块「${found.parcel}」${all ? "全部" : `有 ${found.verticesOutside}/${found.vertices} 个`}界址点落在大足区范围（东经 105°28′—106°02′，北纬 29°23′—29°52′）之外，最远超出约 ${beyond}（${where}）。${suggestion.zh}`,
      en: `Parcel "${found.parcel}": ${all ? "all" : `${found.verticesOutside} of ${found.vertices}`} vertices lie outside Dazu's extent (E105°28′–106°02′, N29°23′–29°52′), up to about ${beyond} beyond it (${where}). ${suggestion.en}`,
      detail: {
        parcel: found.parcel,
        verticesOutside: found.verticesOutside,
        vertices: found.vertices,
        farthestLngLat: found.farthestLngLat,
        metresBeyond: Math.round(found.metresBeyond),
        suggestions: found.likelyMistakes.map((mistake) => mistake.id),
      },
    };
  });
}
