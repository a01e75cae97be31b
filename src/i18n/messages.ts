import { FILE_IMPORT_MESSAGES } from "./messages.fileImport";
import { BATCH_MESSAGES } from "./messages.batch";
import { MEMORIAL_MESSAGES } from "./messages.memorials";
import { OFFICIAL_DATA_MESSAGES } from "./messages.officialData";
import { PARCEL_MESSAGES } from "./messages.parcel";
import { POLICY_MESSAGES } from "./messages.policy";
import { PWA_MESSAGES } from "./messages.pwa";
import { WORKSPACE_MESSAGES } from "./messages.workspace";
import type { BATCH_PRINT_MESSAGES } from "./messages.batchPrint";
import type { INSPECTOR_MESSAGES } from "./messages.inspector";
import type { MEMORIAL_FINDER_MESSAGES } from "./messages.memorialFinder";

import { LANGUAGES, type Language } from "./language";

export { isLanguage, LANGUAGES, type Language } from "./language";

/** BCP 47 tag for `<html lang>` and number formatting. */
export const LANGUAGE_TAGS: Record<Language, string> = { zh: "zh-CN", en: "en" };

/**
 * Every UI string, keyed; `{name}` placeholders are filled by `translate`.
 * Chinese is the source language; the English table must carry the same keys (checked by the type and a test).
 */
const zh = {
  ...FILE_IMPORT_MESSAGES.zh,
  ...MEMORIAL_MESSAGES.zh,
  ...OFFICIAL_DATA_MESSAGES.zh,
  ...POLICY_MESSAGES.zh,
  ...PARCEL_MESSAGES.zh,
  ...WORKSPACE_MESSAGES.zh,
  ...BATCH_MESSAGES.zh,
  ...PWA_MESSAGES.zh,
  "app.title": "大足区规划政策地图",
  "app.loading": "正在加载地图数据…",
  "language.toggle": "English",
  "language.toggleLabel": "Switch to English",
  "share.button": "分享",
  "share.buttonLabel": "复制当前视图的链接（地图范围、图层、选中的要素、语言）",
  "share.text": "大足区规划政策地图：当前视图",
  "share.copied": "已复制本视图的链接",
  "share.copyManually": "请复制此链接：",
  "share.linkLabel": "本视图的链接",
  "panel.open": "图层",
  "panel.openLabel": "打开图层面板",
  "panel.close": "关闭",
  "panel.closeLabel": "关闭图层面板",
  "skip.map": "跳到地图",
  "skip.panel": "跳到面板",
  "panel.heading": "图层",
  "panel.label": "图层与图例",
  "basemap.heading": "底图",
  "basemap.label": "选择底图",
  "basemap.none": "离线底图（仅区界与镇街）",
  "basemap.osm": "OpenStreetMap（在线）",
  "basemap.tianditu-vector": "天地图 矢量（在线）",
  "basemap.tianditu-imagery": "天地图 影像（在线）",
  "basemap.offlineHint": "默认底图不访问网络。",
  "basemap.onlineHint": "在线底图从第三方服务器加载瓦片。",
  "basemap.tokenPrompt": "天地图需要您自己的密钥（tk），仅保存在本浏览器中。",
  "basemap.tokenLabel": "天地图密钥（tk）",
  "basemap.tokenSave": "使用此密钥",
  "basemap.tokenCancel": "取消",
  "basemap.tokenChange": "更换天地图密钥",
  "basemap.tokenMissing": "请先输入天地图密钥。",
  "notice.basemapFailed": "底图加载失败，叠加图层仍可使用。",
  "notice.mapGraphicsLost": "地图图形已丢失，正在恢复。如地图长时间空白，请刷新页面。",
  "notice.layersFailed": "{count} 个图层无法加载，其余图层可正常使用。",
  "notice.dismiss": "关闭提示",
  "layer.toggleLabel": "显示图层：{title}",
  "layer.opacity": "不透明度",
  "layer.opacityLabel": "{title} 不透明度",
  "layer.featureCount": "{count} 个要素",
  "layer.featureCountOne": "1 个要素",
  "layer.noGeometry": "无几何图形",
  "layer.failed": "此图层无法加载，已停用。",
  "layer.failedDetails": "问题详情",
  "layer.legend": "图例",
  "layer.summaryHeading": "公布数量（边界未公布，地图未绘制）",
  "layer.summaryCount": "{count} 处",
  "layer.importHint": "取得正式边界数据后，可在图层面板底部用“导入正式数据”替代示意图形。",
  "layer.sources": "依据：{sources}",
  "quality.label": "几何质量",
  "quality.heading": "几何质量：{quality}",
  "quality.official": "官方",
  "quality.derived": "派生",
  "quality.schematic": "示意",
  "quality.explain.official": "边界取自官方公布的图件或坐标。",
  "quality.explain.derived": "边界由官方资料推算或组合得出，可能与实际有偏差。",
  "quality.explain.schematic": "示意位置，仅表示大致范围，不能用于量算。",
  "quality.accuracy": "位置误差约 {metres} 米。",
  "quality.toggleLabel": "几何质量：{quality}，查看说明",
  "selection.heading": "已选要素",
  "selection.clear": "取消选择",
  "selection.layer": "图层：{title}",
  "selection.zoomTo": "缩放至此要素",
  "selection.details": "几何说明与依据",
  "map.resetView": "回到全区视图",
  "map.label": "大足区地图",
  "coordinates.heading": "光标坐标",
  "coordinates.centre": "地图中心坐标",
  "coordinates.wgs84": "WGS-84",
  "coordinates.gaussKruger": "CGCS2000 3°带 CM105°E",
  "coordinates.outsideZone": "超出 CM105°E 投影带",
  "fatal.heading": "无法加载地图数据",
  "fatal.intro": "数据包清单 manifest.json 无法加载或内容有误，地图无法显示。请将以下信息转告数据维护人员：",
  "fatal.retry": "重新加载",
  "fatal.webglHeading": "此浏览器无法显示地图",
  "fatal.webglIntro": "地图需要 WebGL 2。请换用较新的浏览器，或在浏览器设置中开启硬件加速。",
  "control.zoomIn": "放大",
  "control.zoomOut": "缩小",
  "control.resetBearing": "拖动旋转地图，点击恢复正北",
  "control.fullscreenEnter": "全屏",
  "control.fullscreenExit": "退出全屏",
  "control.attribution": "显示或隐藏版权信息",
  "attribution.tianditu": "天地图 © 国家地理信息公共服务平台",
} as const;

/** Keys of the tables loaded with the first screen. */
type FirstScreenKey = keyof typeof zh;

/**
 * Every key, also of the tables that load with the part of the UI that needs them (they register with `addMessages`
 * when imported, before that part renders).
 */
export type MessageKey =
  | FirstScreenKey
  | keyof (typeof INSPECTOR_MESSAGES)["zh"]
  | keyof (typeof MEMORIAL_FINDER_MESSAGES)["zh"]
  | keyof (typeof BATCH_PRINT_MESSAGES)["zh"];

const en: Record<FirstScreenKey, string> = {
  ...FILE_IMPORT_MESSAGES.en,
  ...MEMORIAL_MESSAGES.en,
  ...OFFICIAL_DATA_MESSAGES.en,
  ...POLICY_MESSAGES.en,
  ...PARCEL_MESSAGES.en,
  ...WORKSPACE_MESSAGES.en,
  ...BATCH_MESSAGES.en,
  ...PWA_MESSAGES.en,
  "app.title": "Dazu District Planning Policy Map",
  "app.loading": "Loading map data…",
  "language.toggle": "中文",
  "language.toggleLabel": "切换到中文",
  "share.button": "Share",
  "share.buttonLabel": "Copy a link to this view (map extent, layers, selected feature, language)",
  "share.text": "Dazu District Planning Policy Map: this view",
  "share.copied": "Link to this view copied",
  "share.copyManually": "Copy this link:",
  "share.linkLabel": "Link to this view",
  "panel.open": "Layers",
  "panel.openLabel": "Open the layer panel",
  "panel.close": "Close",
  "panel.closeLabel": "Close the layer panel",
  "skip.map": "Skip to the map",
  "skip.panel": "Skip to the panel",
  "panel.heading": "Layers",
  "panel.label": "Layers and legend",
  "basemap.heading": "Basemap",
  "basemap.label": "Choose a basemap",
  "basemap.none": "Offline (district and town boundaries only)",
  "basemap.osm": "OpenStreetMap (online)",
  "basemap.tianditu-vector": "Tianditu vector (online)",
  "basemap.tianditu-imagery": "Tianditu imagery (online)",
  "basemap.offlineHint": "The default basemap makes no network requests.",
  "basemap.onlineHint": "Online basemaps load tiles from third-party servers.",
  "basemap.tokenPrompt": "Tianditu needs your own key (tk); it is stored only in this browser.",
  "basemap.tokenLabel": "Tianditu key (tk)",
  "basemap.tokenSave": "Use this key",
  "basemap.tokenCancel": "Cancel",
  "basemap.tokenChange": "Change Tianditu key",
  "basemap.tokenMissing": "Enter a Tianditu key first.",
  "notice.basemapFailed": "The basemap failed to load; overlay layers still work.",
  "notice.mapGraphicsLost": "The map's graphics were lost and are being restored. If the map stays blank, reload the page.",
  "notice.layersFailed": "{count} layer(s) could not be loaded; the other layers work normally.",
  "notice.dismiss": "Dismiss notice",
  "layer.toggleLabel": "Show layer: {title}",
  "layer.opacity": "Opacity",
  "layer.opacityLabel": "{title} opacity",
  "layer.featureCount": "{count} features",
  "layer.featureCountOne": "1 feature",
  "layer.noGeometry": "No geometry",
  "layer.failed": "This layer could not be loaded and is disabled.",
  "layer.failedDetails": "What is wrong",
  "layer.legend": "Legend",
  "layer.summaryHeading": "Published counts (boundaries unpublished, not drawn)",
  "layer.summaryCount": "{count}",
  "layer.importHint": "Once official boundaries are available, use “Import official data” at the foot of the layer panel to replace the schematic shapes.",
  "layer.sources": "Sources: {sources}",
  "quality.label": "Geometry quality",
  "quality.heading": "Geometry quality: {quality}",
  "quality.official": "Official",
  "quality.derived": "Derived",
  "quality.schematic": "Schematic",
  "quality.explain.official": "Boundaries taken from officially published maps or coordinates.",
  "quality.explain.derived": "Boundaries inferred or assembled from official material; they may differ from the real ones.",
  "quality.explain.schematic": "Schematic placement showing the rough extent only; not for measurement.",
  "quality.accuracy": "Positional error about {metres} m.",
  "quality.toggleLabel": "Geometry quality: {quality}, show explanation",
  "selection.heading": "Selected feature",
  "selection.clear": "Clear selection",
  "selection.layer": "Layer: {title}",
  "selection.zoomTo": "Zoom to this feature",
  "selection.details": "Geometry note and sources",
  "map.resetView": "Reset view to the district",
  "map.label": "Map of Dazu District",
  "coordinates.heading": "Cursor position",
  "coordinates.centre": "Map centre",
  "coordinates.wgs84": "WGS-84",
  "coordinates.gaussKruger": "CGCS2000 3° GK CM105°E",
  "coordinates.outsideZone": "outside the CM105°E zone",
  "fatal.heading": "The map data could not be loaded",
  "fatal.intro": "The data package manifest (manifest.json) is missing or invalid, so the map cannot be shown. Please pass this on to the data maintainers:",
  "fatal.retry": "Reload",
  "fatal.webglHeading": "This browser cannot show the map",
  "fatal.webglIntro": "The map needs WebGL 2. Please use a recent browser, or turn on hardware acceleration in its settings.",
  "control.zoomIn": "Zoom in",
  "control.zoomOut": "Zoom out",
  "control.resetBearing": "Drag to rotate the map, click to reset north",
  "control.fullscreenEnter": "Enter fullscreen",
  "control.fullscreenExit": "Exit fullscreen",
  "control.attribution": "Toggle attribution",
  "attribution.tianditu": "Tianditu © National Platform for Common GeoSpatial Information Services",
};

// Typed with every key: the on-demand tables are added by `addMessages` before anything asks for their keys.
export const MESSAGES = { zh: { ...zh }, en: { ...en } } as Record<Language, Record<MessageKey, string>>;

/** Adds a table that loads on demand (see messages.inspector.ts). */
export function addMessages(table: Record<Language, Record<string, string>>): void {
  for (const language of LANGUAGES) Object.assign(MESSAGES[language], table[language]);
}
