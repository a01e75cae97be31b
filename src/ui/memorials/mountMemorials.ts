import type { DataPackage } from "../../layers/layerData";
import type { MapAdapter } from "../../map/mapAdapter";
import { memorialIdFromHash, type ShareEnvironment } from "../../memorials/memorialLinks";
import type { UserLocation } from "../../state/fieldSlice";
import type { AppStore } from "../../state/store";
import { browserHashLocation, type HashLocation } from "../../state/syncUrlHash";
import type { PanelSheet } from "../sheet/panelSheet";

export interface MemorialsOptions {
  store: AppStore;
  dataPackage: DataPackage;
  sheet: PanelSheet;
  adapter: MapAdapter;
  /** The data package folder, ending in "/" (policies/ is inside it). */
  dataBaseUrl: string;
  hashLocation?: HashLocation;
  share?: ShareEnvironment;
  locate?: () => Promise<UserLocation>;
  /** Called when the finder could not be loaded. */
  onError?: (error: unknown) => void;
}

export const MEMORIALS_TAB = "memorials";

/**
 * The memorial finder's always-loaded part: adds the "纪念设施" tab, and loads the finder itself
 * (src/ui/memorials/memorialFinder.ts, with its notice text) only when it is needed — the tab is first shown, or the
 * page is opened with (or moves to) a `#memorial=` link. Nothing of it is needed for the first map. Returns a function
 * that unmounts it.
 */
export function mountMemorials(options: MemorialsOptions): () => void {
  const { sheet } = options;
  const hashLocation = options.hashLocation ?? browserHashLocation();
  const pane = sheet.addTab({ id: MEMORIALS_TAB, label: "memorials.tab", order: 20, ownHeading: true });

  let disposed = false;
  let unmount: (() => void) | null = null;
  let loading: Promise<void> | null = null;
  const load = (firstHash: boolean) => {
    loading ??= import("./memorialFinder")
      .then(({ mountMemorialFinder }) => {
        if (!disposed) unmount = mountMemorialFinder({ ...options, hashLocation }, pane, { firstHash });
      })
      .catch(options.onError ?? ((error: unknown) => console.error(error)));
    return loading;
  };

  // Each of these only starts the loading once; the finder then watches the tab and the address bar itself.
  const linked = () => memorialIdFromHash(hashLocation.readHash()) !== null;
  if (linked()) void load(true);
  const stopSheet = sheet.onChange(({ tabId }) => {
    if (tabId === MEMORIALS_TAB) void load(true);
  });
  const stopHash = hashLocation.onHashChange(() => {
    if (linked()) void load(false);
  });
  return () => {
    disposed = true;
    stopSheet();
    stopHash();
    unmount?.();
  };
}
