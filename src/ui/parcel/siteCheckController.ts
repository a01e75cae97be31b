import { createCheckEngine } from "../../siteCheck/checkEngine";
import { createSiteCheckService, type SiteCheckService } from "../../siteCheck/siteCheckService";
import { fetchJson } from "../../layers/loadDataPackage";
import type { DataPackage } from "../../layers/layerData";
import type { MapAdapter } from "../../map/mapAdapter";
import type { ParcelChecker } from "../../check/checkClient";
import type { ParcelStorage } from "../../state/parcelStorage";
import type { AppStore } from "../../state/store";
import { PARCEL_PARAMETER, parcelLinkOf } from "../../parcel/parcelLink";
import { withHashParameter } from "../../state/urlHash";

export interface SiteCheckOptions {
  store: AppStore;
  adapter: MapAdapter;
  dataPackage: DataPackage;
  /** The data package folder, ending in "/". */
  dataBaseUrl: string;
  /** Made on the first check, so a visit that checks nothing starts no worker and copies no layers to one. */
  createChecker(): Promise<ParcelChecker>;
  storage: ParcelStorage;
  /** Camera padding for the panel covering part of the map (phones), in CSS px. */
  fitPadding(): { top: number; bottom: number; left: number; right: number } | undefined;
  /** Name of a parcel drawn on the map (in the UI language). */
  drawnParcelName(): string;
  linkedParcelName(): string;
}

/**
 * The site check service (src/siteCheck) wired to the page: data files fetched over HTTP, the parcel kept in the
 * store's `linkedParcel` (which the router writes to the address bar), a `#parcel=` link that arrives followed, and
 * the unsaved work written as the page goes.
 */
export type SiteCheckController = Omit<SiteCheckService, "start"> & {
  /** At start-up: the `#parcel=` link in the address bar, or the unsaved work of the last visit. */
  start(startOptions: { fit: boolean }): Promise<boolean>;
  /** A link that reopens the current query, or null when the parcel is too large for one. */
  link(): string | null;
};

export function createSiteCheckController(options: SiteCheckOptions): SiteCheckController {
  const { store, adapter, dataPackage } = options;

  // The service's own writes are not links arriving: only a payload the router put in the store is opened.
  let writing = false;
  const writeParcelToAddress = (value: string | null) => {
    writing = true;
    try {
      store.getState().setLinkedParcel(parcelLinkOf(value));
    } finally {
      writing = false;
    }
  };
  const linkFor = (payload: string) => {
    const language = store.getState().language;
    const hash = withHashParameter(language === "en" ? "#lang=en" : "", PARCEL_PARAMETER, payload);
    return `${location.origin}${location.pathname}${location.search}${hash}`;
  };

  const service = createSiteCheckService({
    store,
    dataPackage,
    engine: createCheckEngine(dataPackage, options.createChecker),
    map: adapter,
    storage: options.storage,
    dataBaseUrl: options.dataBaseUrl,
    readDataFile: (file) =>
      fetch(`${options.dataBaseUrl}${file}`)
        .then(async (response) => (response.ok ? new Uint8Array(await response.arrayBuffer()) : null))
        .catch(() => null),
    readJson: fetchJson,
    writeLink: writeParcelToAddress,
    linkFor,
    fitPadding: options.fitPadding,
    drawnParcelName: options.drawnParcelName,
    linkedParcelName: options.linkedParcelName,
  });

  const linkedValue = () => {
    const linked = store.getState().linkedParcel;
    return linked.type === "link" ? linked.payload : undefined;
  };
  store.subscribe((state, previous) => {
    if (writing || state.linkedParcel === previous.linkedParcel || state.linkedParcel.type !== "link") return;
    void service.openLink(state.linkedParcel.payload);
  });
  // A reload or a closed tab inside the draft delay would lose the last edit: write it out as the page goes.
  addEventListener("pagehide", () => service.flushDraft());

  return {
    ...service,
    start: (startOptions) => service.start({ ...startOptions, linked: linkedValue() }),
    link: () => {
      const payload = service.linkPayload();
      return payload === null ? null : linkFor(payload);
    },
  };
}
