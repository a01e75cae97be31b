import { parcelName } from "./defaultParcelName";
import type { BilingualText } from "../geo/crsTypes";

type LngLat = [number, number];

function place([longitude, latitude]: LngLat): string {
  return `${longitude.toFixed(6)}°E, ${latitude.toFixed(6)}°N`;
}

function partName(part: number): BilingualText {
  return { zh: `第 ${part + 1} 部分`, en: `part ${part + 1}` };
}

/** The parameters each import message code takes; the importers return the code and these, the table below the text. */
export interface ImportMessageParams {
  "overlapping-parts": { parcel: string; parts: [number, number]; lngLat: LngLat };
  "hole-outside-shell": { parcel: string; part: number; parts: number; ring: number; lngLat: LngLat };
  "overlapping-holes": { parcel: string; part: number; parts: number; rings: [number, number]; lngLat: LngLat };
  "rings-organised-by-containment": { layer: string; rings: number };
  "missing-prj": { layer: string };
  "datum-not-stated": Record<string, never>;
  "unreadable-crs-statement": { statement: string };
}

export type ImportMessageCode = keyof ImportMessageParams;

/** Text of the import messages, zh-CN first and full English; `{code, params}` in, the two texts out. */
export const IMPORT_MESSAGE_TEXT: { [Code in ImportMessageCode]: (params: ImportMessageParams[Code]) => BilingualText } = {
  "overlapping-parts": ({ parcel, parts, lngLat }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」的${partName(parts[0]).zh}与${partName(parts[1]).zh}重叠或互相包含（约在 ${place(lngLat)}），面积会被重复计算。请合并为一个面或删去多余部分后重新导入。`,
    en: `Parcel "${parcelName(parcel, "en")}": ${partName(parts[0]).en} and ${partName(parts[1]).en} overlap or lie one inside the other (near ${place(lngLat)}), so their area would be counted twice. Merge them into one polygon or remove the extra part, then import again.`,
  }),
  "hole-outside-shell": ({ parcel, part, parts, ring, lngLat }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」${parts > 1 ? partName(part).zh : ""}的内圈 ${ring}（洞）不在外圈之内（约在 ${place(lngLat)}），不能从面积中扣除。请核对圈号或界址点后重新导入。`,
    en: `Parcel "${parcelName(parcel, "en")}"${parts > 1 ? `, ${partName(part).en}` : ""}: hole ${ring} is not inside the outer ring (near ${place(lngLat)}), so it cannot be subtracted from the area. Check the ring numbers or the points and import again.`,
  }),
  "overlapping-holes": ({ parcel, part, parts, rings, lngLat }) => ({
    zh: `地块「${parcelName(parcel, "zh")}」${parts > 1 ? partName(part).zh : ""}的内圈 ${rings[0]} 与内圈 ${rings[1]} 重叠或互相包含（约在 ${place(lngLat)}），面积会被重复扣除。请核对后重新导入。`,
    en: `Parcel "${parcelName(parcel, "en")}"${parts > 1 ? `, ${partName(part).en}` : ""}: holes ${rings[0]} and ${rings[1]} overlap or lie one inside the other (near ${place(lngLat)}), so their area would be subtracted twice. Check them and import again.`,
  }),
  "rings-organised-by-containment": ({ layer, rings }) => ({
    zh: `「${layer}」中有 ${rings} 个环的走向与其内外关系不符（如内圈与外圈同为顺时针）。已按包含关系读取（与 GDAL 相同）：位于另一环之内的环作为洞扣除。`,
    en: `"${layer}": ${rings} ring${rings > 1 ? "s run" : " runs"} in a direction that does not match ${rings > 1 ? "their" : "its"} nesting (e.g. a hole wound like its outer ring). Read by containment, as GDAL does: a ring inside another is a hole and is subtracted.`,
  }),
  "missing-prj": ({ layer }) => ({
    zh: `「${layer}」缺少 .prj 坐标系文件，已根据坐标数值判断坐标系，请核对。`,
    en: `"${layer}" has no .prj file; the coordinate system was inferred from the values — please check it.`,
  }),
  "datum-not-stated": () => ({
    zh: "文件没有说明坐标系，已按 CGCS2000 读取米制坐标。若坐标实为西安 80 或北京 54 坐标系，位置会偏差数十至上百米，从数值上看不出来：请向提供单位核实坐标系。",
    en: "The file does not state its coordinate system; the metre coordinates were read as CGCS2000. If they are in fact Xi'an 1980 or Beijing 1954, positions are off by tens to hundreds of metres, which the values cannot show: confirm the system with whoever supplied the file.",
  }),
  "unreadable-crs-statement": ({ statement }) => ({
    zh: `坐标系行「${statement}」无法识别（可写 EPSG 代码，如 EPSG:4544，或 CGCS2000、WGS84、GCJ-02、BD-09）。`,
    en: `The coordinate-system line "${statement}" is not recognised (write an EPSG code such as EPSG:4544, or CGCS2000, WGS84, GCJ-02, BD-09).`,
  }),
};

export function importMessageText<Code extends ImportMessageCode>(code: Code, params: ImportMessageParams[Code]): BilingualText {
  return IMPORT_MESSAGE_TEXT[code](params);
}
