import type { FeatureCollection } from "geojson";
import { createFeatureLookup } from "../layers/featureLookup";
import type { DataPackage } from "../layers/layerData";
import type { MapAdapter } from "../map/mapAdapter";
import { buildCitationIndex } from "../policy/citationIndex";
import { createPolicyLibrary } from "../policy/policyLibrary";
import type { AppStore } from "../state/store";
import type { HashLocation } from "../state/syncUrlHash";
import type { AppShell } from "./appShell";
import { mountHoverTooltip } from "./inspector/hoverTooltip";
import { mountInspector } from "./inspector/inspector";
import { createPolicyNavigator, type PolicyNavigator } from "./policyNavigator";
import { mountReaderPanel } from "./reader/readerPanel";
import { mountSearchBox } from "./search/searchBox";
import { PHONE_QUERY } from "./sheet/panelSheet";
import { syncPolicyLinks } from "./syncPolicyLinks";

export interface PolicyViewsParts {
  store: AppStore;
  dataPackage: DataPackage;
  adapter: MapAdapter;
  shell: AppShell;
  location: HashLocation;
  /** The data package folder, ending in "/"; the corpus is its `policies/`. */
  dataBaseUrl: string;
}

/**
 * Click-through from the map to the policy text: the feature inspector and hover tooltip, the document reader,
 * the header search and `#feature=` / `#doc=` links, sharing one corpus loader and one navigator.
 * Mount after `syncStoreWithHash`, so links see the restored view.
 */
export function mountPolicyViews({ store, dataPackage, adapter, shell, location, dataBaseUrl }: PolicyViewsParts): {
  navigator: PolicyNavigator;
  dispose(): void;
} {
  const library = createPolicyLibrary(`${dataBaseUrl}policies/`);
  const lookup = createFeatureLookup(dataPackage);
  const layerData = new Map<string, FeatureCollection>();
  for (const [layerId, load] of dataPackage.layers) if (load.type === "loaded") layerData.set(layerId, load.data);
  const citationIndex = buildCitationIndex(dataPackage.manifest.layers, layerData);
  const phone = window.matchMedia(PHONE_QUERY);

  let readerElement: HTMLElement | null = null;
  const navigator = createPolicyNavigator({
    store,
    adapter,
    lookup,
    mapContainer: shell.mapContainer,
    layerPanel: shell.panelBody,
    sheet: shell.sheet,
    overlays: () => [shell.selectionCard, ...(readerElement ? [readerElement] : [])],
    readerCoversMap: () => phone.matches,
  });
  const disposers = [
    mountInspector({ store, adapter, lookup, library, navigator, container: shell.selectionCard }),
    mountHoverTooltip(store, adapter, lookup, dataPackage.manifest, shell.mapArea),
    mountSearchBox({ store, dataPackage, library, navigator, container: shell.search }),
  ];
  const reader = mountReaderPanel({ store, library, citationIndex, lookup, navigator, host: shell.root });
  readerElement = reader.element;
  disposers.push(reader.dispose, syncPolicyLinks(store, location, lookup, navigator));
  return {
    navigator,
    dispose: () => {
      for (const dispose of disposers) dispose();
    },
  };
}
