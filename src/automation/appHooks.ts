import { stateSnapshot, type AppStore } from "../state/store";
import type { LngLatBounds, MapAdapter, ScreenBox, ScreenPoint } from "../map/mapAdapter";

/** What browser tests can ask the running app; the contract the browser test driver is written against. */
export interface DazuTestHooks {
  /** Manifest and layers loaded and the first map frame idle; rejects when the app cannot start. */
  ready: Promise<void>;
  /** The next idle map after pending changes. */
  whenIdle(): Promise<void>;
  /** Distinct features of a manifest layer drawn on the whole canvas. */
  renderedFeatureCount(layerId: string): number;
  /** The manifest's district bounds projected to canvas CSS pixels. */
  districtScreenBox(): ScreenBox;
  /** A JSON-safe snapshot of the store. */
  getState(): unknown;
  /** Every loading, validation and map error so far. */
  loadErrors(): string[];
  /** A [longitude, latitude] projected to canvas CSS pixels, e.g. to click a known place. */
  screenPointOf(lngLat: [number, number]): ScreenPoint;
}

declare global {
  interface Window {
    __dazuTest?: DazuTestHooks;
  }
}

/** The parts of the running app the hooks read; filled in as start-up proceeds. */
export interface TestHookTargets {
  store: AppStore;
  adapter: MapAdapter | null;
  districtBounds: LngLatBounds | null;
  errors: string[];
}

const EMPTY_BOX: ScreenBox = { x0: 0, y0: 0, x1: 0, y1: 0 };

/** Installs `window.__dazuTest`; returns functions that settle `ready`. */
export function installTestHooks(targets: TestHookTargets): { resolveReady: () => void; rejectReady: (reason: Error) => void } {
  let resolveReady: () => void = () => {};
  let rejectReady: (reason: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A test that does not wait on a failed start should not see an unhandled rejection.
  ready.catch(() => {});
  window.__dazuTest = {
    ready,
    whenIdle: async () => {
      await ready;
      await targets.adapter?.whenIdle();
    },
    renderedFeatureCount: (layerId) => targets.adapter?.renderedFeatureCount(layerId) ?? 0,
    districtScreenBox: () => (targets.adapter && targets.districtBounds ? targets.adapter.screenBoxOf(targets.districtBounds) : EMPTY_BOX),
    getState: () => JSON.parse(JSON.stringify(stateSnapshot(targets.store.getState()))) as unknown,
    loadErrors: () => [...targets.errors],
    screenPointOf: ([longitude, latitude]) => {
      const box = targets.adapter?.screenBoxOf([longitude, latitude, longitude, latitude]) ?? EMPTY_BOX;
      return { x: box.x0, y: box.y0 };
    },
  };
  return { resolveReady, rejectReady };
}
