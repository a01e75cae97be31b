/**
 * UI strings of the installed app: the notice of a new release and of large layers that need the network; merged
 * into `MESSAGES` (messages.ts). Chinese is the source; the English table must carry the same keys.
 */
const zh = {
  "pwa.updateAvailable": "新版本可用 — 重新加载",
  "pwa.onlineOnlyLayers": "离线：以下大型图层需要网络，暂时无法显示或用于地块核查：{layers}。其他图层、检索、文件阅读和核查照常可用。",
} as const;

const en: Record<keyof typeof zh, string> = {
  "pwa.updateAvailable": "A new version is available — reload",
  "pwa.onlineOnlyLayers":
    "Offline: these large layers need the network and cannot be shown or used in site checks for now: {layers}. The other layers, search, the documents and site checks work as usual.",
};

export const PWA_MESSAGES = { zh, en } as const;
