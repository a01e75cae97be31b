/**
 * UI strings of the panel sheet, the memorials tab and the field answers; merged into `MESSAGES` (messages.ts). Those
 * of the memorial finder and card, which load on demand, are in messages.memorialFinder.ts. Chinese is the source;
 * the English table must carry the same keys (the type checks it).
 */
const zh = {
  "compass.N": "北",
  "compass.NE": "东北",
  "compass.E": "东",
  "compass.SE": "东南",
  "compass.S": "南",
  "compass.SW": "西南",
  "compass.W": "西",
  "compass.NW": "西北",
  "sheet.label": "地图面板",
  "sheet.tabsLabel": "面板内容",
  "sheet.handlePeek": "面板已收起。点按展开",
  "sheet.handleHalf": "面板半屏。点按展开到全屏",
  "sheet.handleFull": "面板全屏。点按收起",
  "sheet.handleHint": "上下方向键调整面板高度",
  "memorials.tab": "纪念设施",
  // Shown by the notice area, which is there before the finder loads.
  "memorials.unknownMemorial": "链接中的纪念设施“{id}”不存在。",
  "field.heading": "我是否在限制范围内",
  "field.intro": "按 GPS 精度 ±{accuracy} 加上各图层的位置误差判断；图层为示意，结果仅供参考，不能作为法律依据。",
  "field.inside": "在范围内（距边界 {distance}，超出 ±{uncertainty} 误差）",
  "field.outside": "不在范围内（距边界 {distance}，超出 ±{uncertainty} 误差）",
  "field.uncertain": "不确定：距边界 {distance}，在你的位置与图层的误差 ±{uncertainty} 之内，界内界外都有可能",
  "field.pointInside": "就在 {name} 附近（{distance}，误差 ±{uncertainty}）",
  "field.pointOutside": "不在附近（最近：{name}，{distance}，超出 ±{uncertainty} 误差）",
  "field.pointUncertain": "不确定：距 {name} {distance}，在其位置误差 ±{uncertainty}（含你的定位精度）之内",
  "field.noGeometry": "位置未公布，无法判断",
  "field.districtEdge": "你在大足区边界附近（距区界 {distance}，在 ±{uncertainty} 误差之内），无法确定是否在区内。",
  "field.districtOutside": "你在大足区外，距区界约 {distance}。",
  "field.districtFarOutside": "你远在大足区外（距区界约 {distance}）：以下距离按你现在的位置计算，限制范围的判断只对区内有意义。",
  "field.loading": "正在计算…",
} as const;

export type MemorialMessageKey = keyof typeof zh;

const en: Record<MemorialMessageKey, string> = {
  "compass.N": "N",
  "compass.NE": "NE",
  "compass.E": "E",
  "compass.SE": "SE",
  "compass.S": "S",
  "compass.SW": "SW",
  "compass.W": "W",
  "compass.NW": "NW",
  "sheet.label": "Map panel",
  "sheet.tabsLabel": "Panel contents",
  "sheet.handlePeek": "Panel collapsed. Tap to expand",
  "sheet.handleHalf": "Panel at half height. Tap to expand to full screen",
  "sheet.handleFull": "Panel at full screen. Tap to collapse",
  "sheet.handleHint": "Arrow keys up and down change the panel height",
  "memorials.tab": "Memorials",
  "memorials.unknownMemorial": "The memorial “{id}” in the link does not exist.",
  "field.heading": "Am I inside a restricted area?",
  "field.intro":
    "Judged with the GPS accuracy ±{accuracy} plus each layer's positional error; the layers are schematic, so this is guidance only, not a legal determination.",
  "field.inside": "Inside ({distance} from the boundary, beyond the ±{uncertainty} error)",
  "field.outside": "Outside ({distance} from the boundary, beyond the ±{uncertainty} error)",
  "field.uncertain": "Uncertain: {distance} from the edge, within the ±{uncertainty} uncertainty of your position and the layer, so either side is possible",
  "field.pointInside": "Right by {name} ({distance}, error ±{uncertainty})",
  "field.pointOutside": "Not nearby (nearest: {name}, {distance}, beyond the ±{uncertainty} error)",
  "field.pointUncertain": "Uncertain: {distance} from {name}, within the ±{uncertainty} uncertainty of its position (and yours)",
  "field.noGeometry": "Location unpublished; cannot tell",
  "field.districtEdge":
    "You are near the edge of Dazu District ({distance} from it, within the ±{uncertainty} uncertainty): cannot tell whether you are inside.",
  "field.districtOutside": "You are outside Dazu District, about {distance} from its boundary.",
  "field.districtFarOutside":
    "You are far outside Dazu District (about {distance} from its boundary): the distances below are from where you are, and the restricted-area answers only matter inside the district.",
  "field.loading": "Working it out…",
};

export const MEMORIAL_MESSAGES = { zh, en };
