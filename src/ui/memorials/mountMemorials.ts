import type { DataPackage } from "../../layers/layerData";
import type { MapAdapter } from "../../map/mapAdapter";
import { memorialCodec, type ShareEnvironment } from "../../memorials/memorialLinks";
import type { AppRouter } from "../../state/appRouter";
import type { UserLocation } from "../../state/fieldSlice";
import type { AppStore } from "../../state/store";
import type { PanelSheet } from "../sheet/panelSheet";
import { onDemand } from "../onDemand";

export interface MemorialsOptions {
  store: AppStore;
  dataPackage: DataPackage;
  sheet: PanelSheet;
  adapter: MapAdapter;
  /** The data package folder, ending in "/" (policies/ is inside it). */
  dataBaseUrl: string;
  router: AppRouter;
  share?: ShareEnvironment;
  locate?: () => Promise<UserLocation>;
  /** Called when the finder could not be loaded. */
  onError?: (error: unknown) => void;
}

export const MEMORIALS_TAB = "memorials";

/** How the finder opens a card the address asked for: keeping the camera of the page's first link (`v=`), or flying. */
export interface MemorialLinkArrival {
  keepsCamera: boolean;
}

/**
 * The memorial finder's always-loaded part: adds the "纪念设施" tab, routes `#memorial=<id>` to the store's open card
 * (so a link survives until the finder has loaded), and loads the finder itself (src/ui/memorials/memorialFinder.ts,
 * with its notice text) only when it is needed — the tab is first shown, or a card is opened (by a link). Nothing of
 * it is needed for the first map. Returns a function that unmounts it.
 */
export function mountMemorials(options: MemorialsOptions): () => void {
  const { sheet, store, router } = options;
  const pane = sheet.addTab({ id: MEMORIALS_TAB, label: "memorials.tab", order: 20, ownHeading: true });
  const arrival: MemorialLinkArrival = { keepsCamera: false };
  router.register<string | null>({
    name: "memorial",
    codec: memorialCodec,
    fromState: (state) => (state.memorialCard.type === "memorial" ? state.memorialCard.memorialId : null),
    apply: (memorialId, { initial, parameters }) => {
      if (memorialId === null) {
        store.getState().closeMemorial();
        return;
      }
      arrival.keepsCamera = initial && parameters.has("v");
      store.getState().openMemorial(memorialId);
    },
  });

  let disposed = false;
  let unmount: (() => void) | null = null;
  const finder = onDemand(() =>
    import("./memorialFinder")
      .then(({ mountMemorialFinder }) => {
        if (!disposed) unmount = mountMemorialFinder(options, pane, arrival);
      })
      .catch(options.onError ?? ((error: unknown) => console.error(error))),
  );
  const load = finder.load;

  // Each of these only starts the loading once; the finder then watches the tab and the store itself.
  if (store.getState().memorialCard.type === "memorial") void load();
  const stopSheet = sheet.onChange(({ tabId }) => {
    if (tabId === MEMORIALS_TAB) void load();
  });
  const stopStore = store.subscribe((state, previous) => {
    if (state.memorialCard !== previous.memorialCard && state.memorialCard.type === "memorial") void load();
  });
  return () => {
    disposed = true;
    stopSheet();
    stopStore();
    unmount?.();
  };
}
