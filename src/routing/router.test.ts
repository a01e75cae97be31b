import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LayerFeature } from "../layers/layerData";
import type { FeatureLookup } from "../layers/featureLookup";
import { memorialCodec } from "../memorials/memorialLinks";
import { createAppStore, type AppState, type AppStore } from "../state/store";
import { fixtureManifest } from "../../tests/support/testManifest";
import { languageRoute, viewRoute } from "../state/viewRoutes";
import type { PolicyNavigator } from "../ui/policyNavigator";
import { registerPolicyRoutes } from "../ui/policyRoutes";
import { createRouter, type HashLocation, type Route, type Router } from "./router";
import { NO_NAMES } from "../layers/attributeValues";

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
    urlWithHash: (next) => `https://example.org/dazu/${next}`,
  };
  /** The user edits the address, or goes back: a hashchange. */
  const navigate = (next: string) => {
    hash = next;
    for (const listener of listeners) listener();
  };
  return { location, writes, navigate, current: () => hash, listenerCount: () => listeners.size };
}

const manifest = fixtureManifest();
const layerOrder = manifest.layers.map((layer) => layer.id);
const DEBOUNCE_MS = 50;

/** Knows one town, gulong; records flights and opened clauses. */
function fakePolicy() {
  const flights: string[] = [];
  const lookup = {
    layer: () => undefined,
    names: NO_NAMES,
    feature: (layerId: string, featureId: string) => (layerId === "towns" && featureId === "gulong" ? ({} as LayerFeature) : undefined),
  } satisfies FeatureLookup;
  const navigator: PolicyNavigator = {
    openFeature: () => true,
    flyToFeature: (layerId, featureId) => {
      flights.push(`${layerId}/${featureId}`);
      return true;
    },
    openClause: (documentId, clauseId) => store.getState().openReader(documentId, clauseId),
    revealLayer: () => {},
  };
  return { lookup, navigator, flights };
}

function memorialRoute(): Route<string | null, AppState> {
  return {
    name: "memorial",
    codec: memorialCodec,
    fromState: (state) => (state.memorialCard.type === "memorial" ? state.memorialCard.memorialId : null),
    apply: (memorialId) => (memorialId === null ? store.getState().closeMemorial() : store.getState().openMemorial(memorialId)),
  };
}

let store: AppStore;
let router: Router<AppState> | null = null;

/** The app's routes in the order the app registers them. */
function start(hash: string) {
  const fake = fakeLocation(hash);
  router = createRouter(store, fake.location, { debounceMs: DEBOUNCE_MS });
  router.register(languageRoute(store));
  router.register(viewRoute(store, layerOrder));
  const policy = fakePolicy();
  registerPolicyRoutes(router, store, policy.lookup, policy.navigator);
  return { ...fake, router, flights: policy.flights };
}

beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
  store.getState().initializeLayers(manifest);
});
afterEach(() => {
  router?.stop();
  router = null;
  vi.useRealTimers();
});

describe("router: address → store", () => {
  it("restores the store from the address on start", () => {
    start("#v=12/29.7/105.7&lang=en&feature=towns/gulong&layers=towns");
    const state = store.getState();
    expect(state.language).toBe("en");
    expect(state.selection).toEqual({ type: "feature", layerId: "towns", featureId: "gulong" });
    expect(state.view).toEqual({ type: "camera", origin: "app", center: [105.7, 29.7], zoom: 12, bearing: 0, pitch: 0 });
    expect(
      Object.entries(state.layers)
        .filter(([, layer]) => layer.visible)
        .map(([id]) => id),
    ).toEqual(["towns"]);
  });

  it("reads an old link's sel= as the selection and writes it back as feature=", () => {
    const { writes } = start("#v=12/29.7/105.7&sel=towns/gulong");
    expect(store.getState().selection).toEqual({ type: "feature", layerId: "towns", featureId: "gulong" });
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    expect(writes.at(-1)).toBe("#v=12/29.7/105.7&feature=towns/gulong");
  });

  it("drops a link to a feature that does not exist, with a notice", () => {
    const { current } = start("#lang=en&feature=towns/atlantis");
    expect(store.getState().selection.type).toBe("none");
    expect(store.getState().notices.map((notice) => notice.message)).toEqual(["notice.linkFeatureUnknown"]);
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    expect(current()).toBe("#lang=en");
  });

  it("follows a hashchange, and a missing parameter means its default", () => {
    const { navigate } = start("#lang=en&base=osm");
    expect(store.getState().basemap).toBe("osm");
    navigate("#lang=en");
    expect(store.getState().basemap).toBe("none");
    expect(store.getState().language).toBe("en");
  });

  it("hands a hashchange only to the routes whose value changed, and flies to a feature linked without a camera", () => {
    const { navigate, flights, current } = start("#v=12/29.7/105.7&layers=towns");
    store.getState().setLayerVisible("district", true);
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    const layersBefore = store.getState().layers;
    const viewBefore = store.getState().view;
    // The same view with a feature added: the view route is left alone (no new layer or camera objects).
    navigate(`${current()}&feature=towns/gulong`);
    expect(store.getState().layers).toBe(layersBefore);
    expect(store.getState().view).toBe(viewBefore);
    expect(store.getState().selection).toEqual({ type: "feature", layerId: "towns", featureId: "gulong" });
    expect(flights).toEqual([]);
    navigate("#layers=towns&doc=dzf-2023-13&clause=s1.p3");
    expect(store.getState().reader).toEqual({ type: "open", documentId: "dzf-2023-13", clauseId: "s1.p3" });
    expect(store.getState().selection.type).toBe("none");
    navigate("#feature=towns/gulong");
    expect(flights).toEqual(["towns/gulong"]);
    expect(store.getState().reader.type).toBe("closed");
  });
});

describe("router: store → address", () => {
  it("writes store changes once, debounced, in the routes' order, with unowned parameters kept after them", () => {
    const { writes, current } = start("#x=1&feature=towns/gulong&later=a%2Fb");
    store.getState().setLanguage("en");
    store.getState().setLayerOpacity("towns", 0.5);
    store.getState().setCamera({ center: [105.7, 29.7], zoom: 10, bearing: 0, pitch: 0 }, "map");
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    expect(writes).toEqual(["#lang=en&v=10/29.7/105.7&op=towns:0.5&feature=towns/gulong&x=1&later=a/b"]);
    expect(current()).toBe(writes[0]);
  });

  it("keeps a lazily registered feature's parameter until it registers, then lets it own it", () => {
    const { current } = start("#memorial=memorial-hu-zaiguo");
    store.getState().setLanguage("en");
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    expect(current()).toBe("#lang=en&memorial=memorial-hu-zaiguo");
    router!.register(memorialRoute());
    expect(store.getState().memorialCard).toEqual({ type: "memorial", memorialId: "memorial-hu-zaiguo" });
    store.getState().closeMemorial();
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    expect(current()).toBe("#lang=en");
  });

  it("does not write anything for a default state, nor the same address again", () => {
    const { writes } = start("");
    store.getState().setLanguage("zh");
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    expect(writes).toEqual([]);
    store.getState().setLanguage("en");
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    store.getState().setBasemap("none");
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    expect(writes).toEqual(["#lang=en"]);
  });

  it("gives the current view's link at once, before the debounced write", () => {
    const { writes } = start("");
    store.getState().select({ type: "feature", layerId: "towns", featureId: "gulong" });
    expect(router!.url()).toBe("https://example.org/dazu/#feature=towns/gulong");
    expect(writes).toEqual([]);
    router!.flush();
    expect(writes).toEqual(["#feature=towns/gulong"]);
  });

  it("listens once, refuses a second owner of a key, and stops both directions", () => {
    const { listenerCount, writes } = start("");
    expect(listenerCount()).toBe(1);
    expect(() => router!.register({ ...memorialRoute(), name: "again", codec: { ...memorialCodec, keys: ["lang"] } })).toThrow(
      /'lang' is already owned by the route 'language'/,
    );
    router!.stop();
    expect(listenerCount()).toBe(0);
    store.getState().setLanguage("en");
    vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    expect(writes).toEqual([]);
  });
});
