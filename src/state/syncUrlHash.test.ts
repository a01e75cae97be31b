import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAppStore, type AppStore } from "./store";
import { syncStoreWithHash, type HashLocation } from "./syncUrlHash";
import { fixtureManifest } from "../../tests/support/testManifest";

function fakeLocation(initial: string) {
  let hash = initial;
  const listeners = new Set<() => void>();
  const writes: string[] = [];
  const location: HashLocation = {
    readHash: () => hash,
    replaceHash: (next) => {
      hash = next;
      writes.push(next);
    },
    onHashChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const navigate = (next: string) => {
    hash = next;
    for (const listener of listeners) listener();
  };
  return { location, writes, navigate, current: () => hash };
}

const manifest = fixtureManifest();
const options = {
  layerOrder: manifest.layers.map((layer) => layer.id),
  isKnownFeature: (layerId: string, featureId: string) => layerId === "towns" && featureId === "gulong",
  debounceMs: 50,
};

let store: AppStore;
let stop: () => void = () => {};
beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
  store.getState().initializeLayers(manifest);
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe("store ↔ hash sync", () => {
  it("restores the store from the hash on start", () => {
    const { location } = fakeLocation("#v=12/29.7/105.7&lang=en&sel=towns/gulong&layers=towns&feature=x");
    stop = syncStoreWithHash(store, location, options);
    const state = store.getState();
    expect(state.language).toBe("en");
    expect(state.selection).toEqual({ type: "feature", layerId: "towns", featureId: "gulong" });
    expect(state.view).toEqual({ type: "camera", origin: "app", center: [105.7, 29.7], zoom: 12, bearing: 0, pitch: 0 });
    expect(Object.entries(state.layers).filter(([, layer]) => layer.visible).map(([id]) => id)).toEqual(["towns"]);
  });

  it("drops a selection of a feature that does not exist", () => {
    const { location } = fakeLocation("#sel=towns/atlantis");
    stop = syncStoreWithHash(store, location, options);
    expect(store.getState().selection.type).toBe("none");
  });

  it("writes store changes back once, debounced, keeping other parameters", () => {
    const { location, writes, current } = fakeLocation("#feature=towns/gulong");
    stop = syncStoreWithHash(store, location, options);
    store.getState().setLanguage("en");
    store.getState().setLayerOpacity("towns", 0.5);
    store.getState().setCamera({ center: [105.7, 29.7], zoom: 10, bearing: 0, pitch: 0 }, "map");
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(writes).toEqual(["#v=10/29.7/105.7&op=towns:0.5&lang=en&feature=towns/gulong"]);
    expect(current()).toBe(writes[0]);
  });

  it("follows hashchange, and a missing parameter means its default", () => {
    const { location, navigate } = fakeLocation("#lang=en&base=osm");
    stop = syncStoreWithHash(store, location, options);
    expect(store.getState().basemap).toBe("osm");
    navigate("#lang=en");
    expect(store.getState().basemap).toBe("none");
    expect(store.getState().language).toBe("en");
  });

  it("does not write anything for a default state", () => {
    const { location, writes } = fakeLocation("");
    stop = syncStoreWithHash(store, location, options);
    store.getState().setLanguage("zh");
    vi.advanceTimersByTime(60);
    expect(writes).toEqual([]);
  });
});
