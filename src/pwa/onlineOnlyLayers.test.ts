import { describe, expect, it } from "vitest";
import type { DataPackage, LayerLoad } from "../layers/layerData";
import { createAppStore, type AppStore } from "../state/store";
import { fixtureManifest } from "../../tests/support/testManifest";
import { ONLINE_ONLY_NOTICE_ID, onlineOnlyLayerTitles, watchOnlineOnlyLayers, type Connectivity } from "./onlineOnlyLayers";

const EMPTY: LayerLoad = { type: "loaded", data: { type: "FeatureCollection", features: [] } };
const TILED: LayerLoad = { type: "tiled", tilesUrl: "geodata/big.pmtiles", sourceLayer: "big", checkUrl: "geodata/big.fgb", featureCount: 10 };

/** The fixture package with the named layers large (tiled) and the rest loaded. */
function packageWithTiled(...tiledIds: string[]): DataPackage {
  const manifest = fixtureManifest();
  return { manifest, layers: new Map(manifest.layers.map((layer) => [layer.id, tiledIds.includes(layer.id) ? TILED : EMPTY])) };
}

/** A network switch the test flips, telling listeners as the window's events would. */
function fakeConnectivity(online: boolean): Connectivity & { set(online: boolean): void } {
  const listeners: Array<() => void> = [];
  return {
    isOnline: () => online,
    onChange: (listener) => void listeners.push(listener),
    set: (next) => {
      online = next;
      for (const listener of listeners) listener();
    },
  };
}

// Each test makes its own store.
let store: AppStore;

function onlineOnlyNotice(): { params?: Record<string, string | number> } | undefined {
  return store.getState().notices.find((notice) => notice.id === ONLINE_ONLY_NOTICE_ID);
}

describe("online-only layers", () => {
  it("names the large layers in manifest order and language", () => {
    const dataPackage = packageWithTiled("memorials", "towns");
    expect(onlineOnlyLayerTitles(dataPackage, "zh")).toEqual(["镇街界", "烈士纪念设施"]);
    expect(onlineOnlyLayerTitles(dataPackage, "en")).toEqual(["Town and subdistrict boundaries", "Martyrs' memorial facilities"]);
    expect(onlineOnlyLayerTitles(packageWithTiled(), "zh")).toEqual([]);
  });

  it("says which layers need the network while offline, and stops saying it when the network is back", () => {
    store = createAppStore();
    const network = fakeConnectivity(true);
    watchOnlineOnlyLayers(store, packageWithTiled("extraction-blocks", "fee-zones"), network);
    expect(onlineOnlyNotice()).toBeUndefined();

    network.set(false);
    expect(onlineOnlyNotice()?.params).toEqual({ layers: "配套费征收标准分区、开采规划区块" });
    store.getState().toggleLanguage();
    expect(onlineOnlyNotice()?.params).toEqual({ layers: "Infrastructure fee zones, Planned extraction blocks" });

    network.set(true);
    expect(onlineOnlyNotice()).toBeUndefined();
  });

  it("starts offline with the notice shown, and never shows it for a package without large layers", () => {
    store = createAppStore();
    watchOnlineOnlyLayers(store, packageWithTiled("district"), fakeConnectivity(false));
    expect(onlineOnlyNotice()?.params).toEqual({ layers: "大足区界" });

    store = createAppStore();
    const network = fakeConnectivity(false);
    watchOnlineOnlyLayers(store, packageWithTiled(), network);
    network.set(true);
    network.set(false);
    expect(store.getState().notices).toEqual([]);
  });
});
