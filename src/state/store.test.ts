import { describe, expect, it } from "vitest";
import { SELECTION_NONE, featureSelection } from "./selection";
import { createAppStore, stateSnapshot, type AppStore } from "./store";
import { fixtureManifest } from "../../tests/support/testManifest";
import { VIEW_DISTRICT } from "./viewSlice";

let store: AppStore;

function freshStore(): AppStore {
  store = createAppStore();
  store.getState().initializeLayers(fixtureManifest());
  return store;
}

describe("app store", () => {
  it("starts from the manifest's defaults and named empty values", () => {
    const state = freshStore().getState();
    expect(state.layers.towns).toEqual({ visible: true, opacity: 0.9 });
    expect(state.layers["development-axes"]).toEqual({ visible: false, opacity: 0.9 });
    expect(state.selection).toBe(SELECTION_NONE);
    expect(state.view).toBe(VIEW_DISTRICT);
    expect(state.basemap).toBe("none");
    expect(state.language).toBe("zh");
  });

  it("changes layers immutably and ignores unknown ids", () => {
    const before = freshStore().getState().layers;
    store.getState().setLayerVisible("towns", false);
    store.getState().setLayerOpacity("fee-zones", 1.7);
    store.getState().setLayerVisible("nope", true);
    const after = store.getState().layers;
    expect(after).not.toBe(before);
    expect(before.towns?.visible).toBe(true);
    expect(after.towns?.visible).toBe(false);
    expect(after["fee-zones"]?.opacity).toBe(1);
    expect(after.nope).toBeUndefined();
  });

  it("does not notify when nothing changes", () => {
    freshStore();
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().setLayerVisible("towns", true);
    store.getState().clearSelection();
    store.getState().select(featureSelection("towns", "gulong"));
    store.getState().select(featureSelection("towns", "gulong"));
    expect(notified).toBe(1);
  });

  it("shows one notice per id", () => {
    freshStore();
    const notice = { id: "basemap", message: "notice.basemapFailed", tone: "warning" } as const;
    store.getState().showNotice(notice);
    store.getState().showNotice(notice);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismissNotice("basemap");
    expect(store.getState().notices).toHaveLength(0);
  });

  it("resets the view with a fresh object each time", () => {
    freshStore();
    store.getState().resetView();
    const first = store.getState().view;
    store.getState().resetView();
    expect(store.getState().view).not.toBe(first);
    expect(store.getState().view).toEqual(VIEW_DISTRICT);
  });

  it("snapshots as JSON without the 天地图 key", () => {
    freshStore();
    store.getState().setTiandituToken("secret-key");
    const snapshot = stateSnapshot(store.getState());
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(JSON.stringify(snapshot)).not.toContain("secret-key");
    expect(snapshot.hasTiandituToken).toBe(true);
  });
});
