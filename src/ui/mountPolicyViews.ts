import type { FeatureCollection } from "geojson";
import { createFeatureLookup, type FeatureLookup } from "../layers/featureLookup";
import type { DataPackage } from "../layers/layerData";
import type { MapAdapter, ScreenPoint } from "../map/mapAdapter";
import type { PolicyLibrary } from "../policy/policyLibrary";
import type { AppStore } from "../state/store";
import type { AppRouter } from "../state/appRouter";
import type { AppShell } from "./appShell";
import { mountHoverTooltip } from "./inspector/hoverTooltip";
import { createPolicyNavigator, type PolicyNavigator } from "./policyNavigator";
import { onDemand } from "./onDemand";
import { mountSearchBox } from "./search/searchBox";
import { PHONE_QUERY } from "./sheet/panelSheet";
import { followReaderLinks, registerPolicyRoutes } from "./policyRoutes";
// The search box and the tooltip, always shown, are styled here too, so the sheet loads with the page.
import "../styles/policy.css";

export interface PolicyViewsParts {
  store: AppStore;
  dataPackage: DataPackage;
  adapter: MapAdapter;
  shell: AppShell;
  router: AppRouter;
  /** The data package folder, ending in "/"; the corpus is its `policies/`. */
  dataBaseUrl: string;
  /** Called when a part that loads on demand could not be loaded. */
  onError?: (error: unknown) => void;
  /** Settles once the map first went idle: the inspector loads then, if nothing asked for it before. */
  started?: Promise<unknown>;
}

interface LazyParts {
  store: AppStore;
  adapter: MapAdapter;
  lookup: FeatureLookup;
  library: PolicyLibrary;
  navigator: PolicyNavigator;
  onError(error: unknown): void;
}

/**
 * The corpus loader behind the same interface, its code (and the corpus validation) loaded with the first request:
 * until something asks for a document, nothing of it is needed.
 */
function policyLibraryOnDemand(policiesBaseUrl: string): PolicyLibrary {
  const library = onDemand(() => import("../policy/policyLibrary").then(({ createPolicyLibrary }) => createPolicyLibrary(policiesBaseUrl)));
  return {
    index: async () => (await library.load()).index(),
    document: async (documentId) => (await library.load()).document(documentId),
    allDocuments: async () => (await library.load()).allDocuments(),
    loadedDocument: (documentId) => library.loaded()?.loadedDocument(documentId),
  };
}

/**
 * The inspector loads once the map is first idle, or before when it is needed: something is selected (a link), a
 * document is opened (its feature links select and fly, and the fly must keep clear of the card), or the map is
 * clicked — that click is then passed on, so the inspector lists everything under it as if it had been listening
 * all along.
 */
function mountInspectorOnDemand(parts: LazyParts, container: HTMLElement, started: Promise<unknown> | undefined): () => void {
  const { store, adapter } = parts;
  let pendingClick: ScreenPoint | null = null;
  let unmount: (() => void) | null = null;
  let disposed = false;
  const stopWaiting = () => {
    stopEarlyClick();
    stopEarlySelection();
  };
  const inspector = onDemand(() =>
    import("./inspector/inspector")
      .then(({ mountInspector }) => {
        stopWaiting();
        if (disposed) return;
        let clickListener: ((point: ScreenPoint) => void) | null = null;
        const listening: MapAdapter = {
          ...adapter,
          onClick: (listener) => {
            clickListener = listener;
            return adapter.onClick(listener);
          },
        };
        unmount = mountInspector({ ...parts, adapter: listening, container });
        if (pendingClick && clickListener) (clickListener as (point: ScreenPoint) => void)(pendingClick);
        pendingClick = null;
      })
      .catch(parts.onError),
  );
  const load = () => void inspector.load();
  const stopEarlyClick = adapter.onClick((point) => {
    pendingClick = point;
    load();
  });
  const needed = (state: ReturnType<AppStore["getState"]>) => state.selection.type !== "none" || state.reader.type === "open";
  const stopEarlySelection = store.subscribe((state) => {
    if (needed(state)) load();
  });
  if (needed(store.getState())) load();
  void started?.then(load, load);
  return () => {
    disposed = true;
    stopWaiting();
    unmount?.();
  };
}

/** The document reader loads when a document is first opened; until then it has no element. */
function mountReaderOnDemand(parts: LazyParts, dataPackage: DataPackage, host: HTMLElement): { element(): HTMLElement | null; dispose(): void } {
  const { store } = parts;
  let reader: { element: HTMLElement; dispose(): void } | null = null;
  let disposed = false;
  const readerModules = onDemand(() =>
    Promise.all([import("./reader/readerPanel"), import("../policy/citationIndex")])
      .then(([{ mountReaderPanel }, { buildCitationIndex }]) => {
        stopWaiting();
        if (disposed) return;
        const layerData = new Map<string, FeatureCollection>();
        for (const [layerId, load] of dataPackage.layers) if (load.type === "loaded") layerData.set(layerId, load.data);
        const citationIndex = buildCitationIndex(dataPackage.manifest.layers, layerData);
        reader = mountReaderPanel({ ...parts, citationIndex, host });
      })
      .catch(parts.onError),
  );
  const load = () => void readerModules.load();
  const stopWaiting = store.subscribe((state) => {
    if (state.reader.type === "open") load();
  });
  if (store.getState().reader.type === "open") load();
  return {
    element: () => reader?.element ?? null,
    dispose: () => {
      disposed = true;
      stopWaiting();
      reader?.dispose();
    },
  };
}

/**
 * Click-through from the map to the policy text: the feature inspector and hover tooltip, the document reader,
 * the header search and `#feature=` / `#doc=` links, sharing one corpus loader and one navigator. The inspector
 * and the reader load on first use. Mount after the view route is registered, so links see the restored view.
 */
export function mountPolicyViews({ store, dataPackage, adapter, shell, router, dataBaseUrl, onError, started }: PolicyViewsParts): {
  navigator: PolicyNavigator;
  dispose(): void;
} {
  const library = policyLibraryOnDemand(`${dataBaseUrl}policies/`);
  const lookup = createFeatureLookup(dataPackage);
  const phone = window.matchMedia(PHONE_QUERY);

  let reader: { element(): HTMLElement | null; dispose(): void } | null = null;
  const navigator = createPolicyNavigator({
    store,
    adapter,
    lookup,
    mapContainer: shell.mapContainer,
    layerPanel: shell.panelBody,
    sheet: shell.sheet,
    overlays: () => {
      const readerElement = reader?.element();
      return [shell.selectionCard, ...(readerElement ? [readerElement] : [])];
    },
    readerCoversMap: () => phone.matches,
  });
  const lazyParts: LazyParts = { store, adapter, lookup, library, navigator, onError: onError ?? ((error) => console.error(error)) };
  const disposers = [
    mountInspectorOnDemand(lazyParts, shell.selectionCard, started),
    mountHoverTooltip(store, adapter, lookup, dataPackage.manifest, shell.mapArea),
    mountSearchBox({ store, dataPackage, library, navigator, container: shell.search }),
  ];
  reader = mountReaderOnDemand(lazyParts, dataPackage, shell.root);
  disposers.push(reader.dispose, followReaderLinks(shell.root, navigator));
  registerPolicyRoutes(router, store, lookup, navigator);
  return {
    navigator,
    dispose: () => {
      for (const dispose of disposers) dispose();
    },
  };
}
