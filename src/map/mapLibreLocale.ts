import type { Language } from "../i18n/messages";
import { translate } from "../i18n/translate";

/** MapLibre's own control strings in the app's language. */
export function mapLibreLocale(language: Language): Record<string, string> {
  return {
    "NavigationControl.ZoomIn": translate(language, "control.zoomIn"),
    "NavigationControl.ZoomOut": translate(language, "control.zoomOut"),
    "NavigationControl.ResetBearing": translate(language, "control.resetBearing"),
    "FullscreenControl.Enter": translate(language, "control.fullscreenEnter"),
    "FullscreenControl.Exit": translate(language, "control.fullscreenExit"),
    "AttributionControl.ToggleAttribution": translate(language, "control.attribution"),
    "Map.Title": translate(language, "map.label"),
  };
}

/** System fonts that carry Chinese, for MapLibre's locally drawn ideographs. */
export const CJK_FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif';
