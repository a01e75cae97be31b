import { beforeEach, describe, expect, it } from "vitest";
import { featureSelection } from "../state/selection";
import { createAppStore, type AppStore } from "../state/store";
import { fixtureManifest } from "../../tests/support/testManifest";
import { createFakeMapAdapter } from "../../tests/support/fakeMapAdapter";
import type { FeatureHit } from "./mapAdapter";
import { syncMapWithStore } from "./syncMapWithStore";

const manifest = fixtureManifest();
const camera = { center: [105.7, 29.7] as [number, number], zoom: 11, bearing: 0, pitch: 0 };

let store: AppStore;
let hits: FeatureHit[];
let fake: ReturnType<typeof createFakeMapAdapter>;

beforeEach(() => {
  store = createAppStore();
  store.getState().initializeLayers(manifest);
  hits = [];
  fake = createFakeMapAdapter(() => hits);
  syncMapWithStore(store, fake.adapter, manifest);
});

describe("map ↔ store sync", () => {
  it("passes only the changed layer property to the map", () => {
    store.getState().setLayerOpacity("fee-zones", 0.3);
    store.getState().setLayerVisible("towns", false);
    expect(fake.calls).toEqual([
      ["setLayerOpacity", "fee-zones", 0.3],
      ["setLayerVisible", "towns", false],
    ]);
  });

  it("records the user's camera moves without moving the map back", () => {
    fake.moveCamera(camera, "map");
    expect(store.getState().view).toEqual({ type: "camera", origin: "map", ...camera });
    expect(fake.calls).toEqual([]);
  });

  it("moves the map when the app sets the view, and takes the report back without looping", () => {
    store.getState().setCamera(camera, "app");
    expect(fake.calls).toEqual([["jumpTo", { type: "camera", origin: "app", ...camera }]]);
    fake.moveCamera(camera, "app");
    expect(store.getState().view.origin).toBe("map");
    expect(fake.calls).toHaveLength(1);
  });

  it("fits the district on reset and keeps the URL free of a camera for it", () => {
    fake.moveCamera(camera, "map");
    store.getState().resetView();
    expect(fake.calls).toEqual([["fitBounds", manifest.district.bounds]]);
    fake.moveCamera({ ...camera, zoom: 9.5 }, "app");
    expect(store.getState().view.type).toBe("district");
  });

  it("selects the overlay under a click before the town beneath it, and clears on empty clicks", () => {
    hits = [
      { layerId: "towns", featureId: "gulong" },
      { layerId: "memorials", featureId: "memorial-gulong" },
    ];
    fake.click({ x: 10, y: 10 });
    expect(store.getState().selection).toEqual(featureSelection("memorials", "memorial-gulong"));
    expect(fake.calls).toContainEqual(["highlightFeature", featureSelection("memorials", "memorial-gulong")]);
    hits = [];
    fake.click({ x: 10, y: 10 });
    expect(store.getState().selection.type).toBe("none");
  });

  it("shows one notice however many basemap tiles fail", () => {
    fake.failBasemap();
    fake.failBasemap();
    expect(store.getState().notices.map((notice) => notice.message)).toEqual(["notice.basemapFailed"]);
  });

  it("forwards basemap, key and language changes", () => {
    store.getState().setTiandituToken("abc");
    store.getState().setBasemap("tianditu-vector");
    store.getState().setLanguage("en");
    expect(fake.calls).toEqual([
      ["setBasemap", "none", "abc"],
      ["setBasemap", "tianditu-vector", "abc"],
      ["setLanguage", "en"],
    ]);
  });
});
