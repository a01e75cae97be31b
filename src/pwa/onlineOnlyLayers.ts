import type { Language } from "../i18n/messages";
import { localized } from "../i18n/translate";
import type { DataPackage } from "../layers/layerData";
import type { AppStore } from "../state/store";

export const ONLINE_ONLY_NOTICE_ID = "online-only-layers";

/** Whether the browser has a network, and word when that changes (`navigator.onLine` with the window's events). */
export interface Connectivity {
  isOnline(): boolean;
  onChange(listener: () => void): void;
}

export const browserConnectivity: Connectivity = {
  isOnline: () => navigator.onLine,
  onChange: (listener) => {
    window.addEventListener("online", listener);
    window.addEventListener("offline", listener);
  },
};

/** Titles of the large layers (PMTiles + FlatGeobuf), which are read from the server and never kept offline. */
export function onlineOnlyLayerTitles(dataPackage: DataPackage, language: Language): string[] {
  return dataPackage.manifest.layers.filter((layer) => dataPackage.layers.get(layer.id)?.type === "tiled").map((layer) => localized(layer.title, language));
}

/**
 * While the browser is offline, says which large layers cannot be shown or checked; the notice goes when the
 * network is back. A package without large layers never shows it.
 */
export function watchOnlineOnlyLayers(store: AppStore, dataPackage: DataPackage, connectivity: Connectivity = browserConnectivity): void {
  if (onlineOnlyLayerTitles(dataPackage, "zh").length === 0) return;
  const render = () => {
    store.getState().dismissNotice(ONLINE_ONLY_NOTICE_ID);
    if (connectivity.isOnline()) return;
    const { language } = store.getState();
    const layers = onlineOnlyLayerTitles(dataPackage, language).join(language === "en" ? ", " : "、");
    store.getState().showNotice({ id: ONLINE_ONLY_NOTICE_ID, message: "pwa.onlineOnlyLayers", params: { layers }, tone: "warning" });
  };
  connectivity.onChange(render);
  // The names follow the language toggle.
  store.subscribe((state, previous) => {
    if (state.language !== previous.language && !connectivity.isOnline()) render();
  });
  render();
}
