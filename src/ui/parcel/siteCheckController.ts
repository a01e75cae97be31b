import type { Position } from "geojson";
import { PARCEL_PARAMETER } from "./siteCheckEntry";
import type { ParcelChecker } from "../../check/checkClient";
import type { CheckLayer, ParcelGeometry } from "../../check/types";
import type { ImportedParcel, ImportMessage } from "../../import/types";
import { validateParcel } from "../../import/validateParcel";
import type { DataPackage } from "../../layers/layerData";
import type { LayerDefinition, LocalizedText } from "../../layers/manifestTypes";
import type { MapAdapter } from "../../map/mapAdapter";
import { sketchGeometry, type SketchShape } from "../../map/sketch/sketchState";
import type { MapSnapshot } from "../../map/sketch/sketchTypes";
import { encodeParcelForHash } from "../../parcel/parcelHash";
import { MAX_LINK_PARCEL_CHARACTERS, PARCEL_LINK_NONE } from "../../parcel/parcelLink";
import { shortFileHash } from "../../parcel/sha256";
import type { SiteParcel } from "../../parcel/types";
import { siteQueryOf, type SiteQuery } from "../../state/parcelSlice";
import type { ParcelStorage, StorageFailure } from "../../state/parcelStorage";
import type { AppStore } from "../../state/store";
import { withHashParameter } from "../../state/urlHash";

const DRAFT_DELAY_MS = 400;
const STORAGE_NOTICE_ID = "site-storage";

export type SiteProblem = { source: "sketch" | "link"; messages: ImportMessage[] } | null;

export interface SiteCheckController {
  /** Layers that restrict or inform but could not be checked by the last check (failed to load or to read). */
  notChecked(): ReadonlyArray<{ layerId: string; title: LocalizedText }>;
  /** Checks a parcel (already validated) and shows it; `fit` moves the camera to it. */
  submit(parcel: SiteParcel, options: { fit: boolean }): Promise<void>;
  /** Checks the current parcel again, keeping overrides and fee inputs (after an option such as the caution distance changed). */
  recheck(): Promise<void>;
  /** A saved query with its overrides and fee inputs; re-checked against the current data. */
  restore(query: SiteQuery, options: { fit: boolean }): Promise<void>;
  clear(): void;
  /** The last map picture taken after a check, for the print layout. */
  snapshot(): MapSnapshot | null;
  /** Fits the map to the parcel and takes a fresh picture (before printing). */
  refreshSnapshot(): Promise<MapSnapshot | null>;
  onSnapshot(listener: (snapshot: MapSnapshot) => void): () => void;
  /** What went wrong with the last drawn or linked parcel (the current parcel is unchanged), or null. */
  problem(): SiteProblem;
  onProblem(listener: (problem: SiteProblem) => void): () => void;
  /** The current sketch, as last reported by the map. */
  sketch(): SketchShape | null;
  /** A link that reopens the current query, or null when the parcel is too large for one. */
  link(): string | null;
  /** First 12 hex digits of the SHA-256 of every data file the check used. */
  fileHashes(extraFiles: readonly string[]): Promise<Array<{ file: string; sha256: string }>>;
  /**
   * At start-up: the `#parcel=` link in the address bar, or the unsaved work of the last visit — the work wins when
   * it is the same parcel (a reload), since it also has the name, input CRS, overrides and fee inputs. True when a
   * parcel was opened.
   */
  start(options: { fit: boolean }): Promise<boolean>;
  storageFailed(failure: StorageFailure): void;
}

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

function sourceCoordinatesOf(geometry: ParcelGeometry): Array<Array<Array<[number, number]>>> {
  const pairs = (positions: Position[]) => positions.map((position): [number, number] => [position[0]!, position[1]!]);
  switch (geometry.type) {
    case "Point":
      return [[pairs([geometry.coordinates])]];
    case "LineString":
      return [[pairs(geometry.coordinates)]];
    case "Polygon":
      return [geometry.coordinates.map(pairs)];
    case "MultiPolygon":
      return geometry.coordinates.map((rings) => rings.map(pairs));
  }
}

/** A drawn or linked geometry through the same validation as imports (self-intersections, zero area …). */
export function validateSiteGeometry(geometry: ParcelGeometry, name: string): { ok: true; geometry: ParcelGeometry } | { ok: false; errors: ImportMessage[] } {
  const parcel: ImportedParcel = { name, geometry, sourceCoordinates: sourceCoordinatesOf(geometry), properties: {} };
  const result = validateParcel(parcel);
  return result.ok ? { ok: true, geometry: result.parcel.geometry } : { ok: false, errors: result.errors };
}

function sameGeometry(a: ParcelGeometry | undefined, b: ParcelGeometry): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Runs the site check: from a parcel (drawn, pasted, uploaded, linked, saved) to a report in the store, via the
 * check worker; shows the parcel on the map; keeps the parcel in the address bar and the unsaved work in storage.
 */
export function createSiteCheckController(options: SiteCheckOptions): SiteCheckController {
  const { store, adapter, dataPackage, storage } = options;
  const checkLayers: CheckLayer[] = [];
  /** Large layers, read by the parcel's box from their indexed file for each check. */
  const tiledLayers: Array<{ definition: LayerDefinition; checkUrl: string }> = [];
  const failedLayers: Array<{ layerId: string; title: LocalizedText }> = [];
  for (const layer of dataPackage.manifest.layers) {
    const load = dataPackage.layers.get(layer.id);
    if (layer.role === "context") continue;
    if (load?.type === "loaded") checkLayers.push({ definition: layer, features: load.data.features });
    else if (load?.type === "tiled") tiledLayers.push({ definition: layer, checkUrl: load.checkUrl });
    else failedLayers.push({ layerId: layer.id, title: layer.title });
  }
  let notChecked = failedLayers;
  let checkerRequest: Promise<ParcelChecker> | null = null;
  const checker = () => {
    checkerRequest ??= options.createChecker().then((created) => {
      created.setLayers(checkLayers);
      return created;
    });
    return checkerRequest;
  };

  /** Reads the tiled layers near the parcel and hands the checker the full set; those that cannot be read are listed. */
  const prepareLayers = async (geometry: ParcelGeometry): Promise<ParcelChecker> => {
    const ready = await checker();
    notChecked = failedLayers;
    if (tiledLayers.length === 0) return ready;
    const { readCheckLayer } = await import("../../check/flatgeobufSource");
    const reads = await Promise.all(tiledLayers.map(async (layer) => ({ layer, read: await readCheckLayer(layer.definition, layer.checkUrl, geometry) })));
    const extra: CheckLayer[] = [];
    const unread: Array<{ layerId: string; title: LocalizedText }> = [];
    for (const { layer, read } of reads) {
      if (read.ok) extra.push(read.value);
      else unread.push({ layerId: layer.definition.id, title: layer.definition.title });
    }
    notChecked = [...failedLayers, ...unread];
    ready.setLayers([...checkLayers, ...extra]);
    return ready;
  };

  let requestNumber = 0;
  let lastSnapshot: MapSnapshot | null = null;
  let currentProblem: SiteProblem = null;
  let currentSketch: SketchShape | null = null;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let storageNoticeShown = false;
  const snapshotListeners = new Set<(snapshot: MapSnapshot) => void>();
  const problemListeners = new Set<(problem: SiteProblem) => void>();
  const hashCache = new Map<string, Promise<string | null>>();

  const setProblem = (problem: SiteProblem) => {
    currentProblem = problem;
    for (const listener of problemListeners) listener(problem);
  };

  const storageFailed = (failure: StorageFailure) => {
    if (storageNoticeShown) return;
    storageNoticeShown = true;
    const message = failure.reason === "quota" ? "notice.siteStorageQuota" : failure.reason === "unavailable" ? "notice.siteStorageUnavailable" : "notice.siteStorageFailed";
    store.getState().showNotice({ id: STORAGE_NOTICE_ID, message, params: { message: failure.message }, tone: "warning" });
  };

  const saveDraftNow = () => {
    draftTimer = undefined;
    void storage.saveDraft(siteQueryOf(store.getState()), currentSketch).then((result) => {
      if (!result.ok) storageFailed(result);
    });
  };
  const saveDraftSoon = () => {
    if (draftTimer !== undefined) clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraftNow, DRAFT_DELAY_MS);
  };
  // A reload or a closed tab inside the delay would lose the last edit: write it out as the page goes.
  addEventListener("pagehide", () => {
    if (draftTimer === undefined) return;
    clearTimeout(draftTimer);
    saveDraftNow();
  });

  const takeSnapshot = async () => {
    try {
      await adapter.whenIdle();
      lastSnapshot = await adapter.snapshot();
      for (const listener of snapshotListeners) listener(lastSnapshot);
    } catch {
      // A lost WebGL context or a tainted canvas: the print layout says the map is missing.
    }
    return lastSnapshot;
  };

  const runCheck = async (fit: boolean) => {
    const parcel = store.getState().siteParcel;
    if (!parcel) return;
    const request = ++requestNumber;
    store.getState().setSiteCheck({ type: "running" });
    adapter.showParcel(parcel.geometry);
    if (fit) adapter.fitGeometry(parcel.geometry, { padding: options.fitPadding() });
    try {
      const ready = await prepareLayers(parcel.geometry);
      if (request !== requestNumber) return;
      const report = await ready.check(parcel.geometry, { cautionDistanceMetres: store.getState().cautionDistanceMetres });
      if (request !== requestNumber) return;
      store.getState().setSiteCheck({ type: "done", report, checkedAt: new Date().toISOString() });
      await takeSnapshot();
    } catch (error) {
      if (request !== requestNumber) return;
      store.getState().setSiteCheck({ type: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const submit = async (parcel: SiteParcel, submitOptions: { fit: boolean }) => {
    setProblem(null);
    store.getState().setSiteParcel(parcel);
    await runCheck(submitOptions.fit);
  };

  const restore = async (query: SiteQuery, restoreOptions: { fit: boolean }) => {
    setProblem(null);
    store.getState().restoreSiteQuery(query);
    if (query.parcel.origin === "drawn") {
      const shape = sketchShapeOf(query.parcel.geometry);
      if (shape) adapter.setSketch(shape);
    } else {
      adapter.stopSketch();
    }
    await runCheck(restoreOptions.fit);
  };

  const sketchShapeOf = (geometry: ParcelGeometry): SketchShape | null => {
    if (geometry.type === "Point") return { kind: "point", vertices: [[geometry.coordinates[0]!, geometry.coordinates[1]!]], finished: true };
    if (geometry.type === "LineString") return { kind: "line", vertices: geometry.coordinates.map((p) => [p[0]!, p[1]!] as [number, number]), finished: true };
    if (geometry.type === "Polygon" && geometry.coordinates.length === 1) {
      const ring = geometry.coordinates[0]!.map((p) => [p[0]!, p[1]!] as [number, number]);
      return { kind: "polygon", vertices: ring.slice(0, -1), finished: true };
    }
    return null;
  };

  // A finished sketch is the parcel: checked on finishing and after every vertex drag.
  adapter.onSketchChange((change) => {
    currentSketch = change.shape;
    saveDraftSoon();
    if (!change.shape?.finished || change.dragging) return;
    const geometry = sketchGeometry(change.shape);
    if (!geometry) return;
    const current = store.getState().siteParcel;
    if (current?.origin === "drawn" && sameGeometry(current.geometry, geometry)) return;
    const name = current?.origin === "drawn" ? current.name : options.drawnParcelName();
    const validated = validateSiteGeometry(geometry, name);
    if (!validated.ok) {
      setProblem({ source: "sketch", messages: validated.errors });
      return;
    }
    void submit({ name, geometry: validated.geometry, origin: "drawn" }, { fit: false });
  });

  store.subscribe((state, previous) => {
    if (
      state.siteParcel !== previous.siteParcel ||
      state.findingOverrides !== previous.findingOverrides ||
      state.feeInputs !== previous.feeInputs ||
      state.intendedMineral !== previous.intendedMineral
    ) {
      saveDraftSoon();
    }
  });

  const currentEncoded = () => {
    const parcel = store.getState().siteParcel;
    return parcel ? encodeParcelForHash(parcel.geometry) : null;
  };

  // A `#parcel=` link waits in the store (src/ui/parcel/siteCheckEntry.ts routes it); opening it takes it from there.
  const openLinkedParcel = async (): Promise<boolean> => {
    const linked = store.getState().linkedParcel;
    if (linked.type === "none") return false;
    store.getState().setLinkedParcel(PARCEL_LINK_NONE);
    if (linked.encoded === currentEncoded()) return true;
    if (linked.type === "malformed") {
      store.getState().showNotice({ id: "site-link", message: "notice.siteLinkInvalid", tone: "warning" });
      return true;
    }
    const name = options.linkedParcelName();
    const validated = validateSiteGeometry(linked.geometry, name);
    if (!validated.ok) {
      setProblem({ source: "link", messages: validated.errors });
      return true;
    }
    adapter.stopSketch();
    await submit({ name, geometry: validated.geometry, origin: "link" }, { fit: true });
    return true;
  };

  store.subscribe((state, previous) => {
    if (state.linkedParcel !== previous.linkedParcel && state.linkedParcel.type !== "none") void openLinkedParcel();
  });

  return {
    notChecked: () => notChecked,
    submit,
    recheck: () => runCheck(false),
    restore,
    clear: () => {
      requestNumber++;
      store.getState().clearSiteParcel();
      adapter.showParcel(null);
      adapter.stopSketch();
      setProblem(null);
    },
    snapshot: () => lastSnapshot,
    refreshSnapshot: async () => {
      const parcel = store.getState().siteParcel;
      if (parcel) adapter.fitGeometry(parcel.geometry, { animate: false });
      return takeSnapshot();
    },
    onSnapshot: (listener) => {
      snapshotListeners.add(listener);
      return () => void snapshotListeners.delete(listener);
    },
    problem: () => currentProblem,
    onProblem: (listener) => {
      problemListeners.add(listener);
      return () => void problemListeners.delete(listener);
    },
    sketch: () => currentSketch,
    link: () => {
      const encoded = currentEncoded();
      if (encoded === null || encoded.length > MAX_LINK_PARCEL_CHARACTERS) return null;
      const language = store.getState().language;
      const hash = withHashParameter(language === "en" ? "#lang=en" : "", PARCEL_PARAMETER, encoded);
      return `${location.origin}${location.pathname}${location.search}${hash}`;
    },
    fileHashes: async (extraFiles) => {
      const files = [
        "manifest.json",
        ...new Set(checkLayers.flatMap((layer) => (layer.definition.file ? [layer.definition.file] : []))),
        ...extraFiles,
      ];
      // Large layers are read in ranges, never whole: their files are named but not hashed ("" in the receipt).
      const ranged = [...new Set(tiledLayers.map((layer) => layer.checkUrl.slice(options.dataBaseUrl.length)))].map((file) => ({ file, sha256: "" }));
      const hashes = await Promise.all(
        files.map(async (file) => {
          let pending = hashCache.get(file);
          if (!pending) {
            pending = fetch(`${options.dataBaseUrl}${file}`)
              .then(async (response) => (response.ok ? shortFileHash(new Uint8Array(await response.arrayBuffer())) : null))
              .catch(() => null);
            hashCache.set(file, pending);
          }
          return { file, sha256: (await pending) ?? "—" };
        }),
      );
      // Imported official layers live in this browser, not in the package: their stored data is hashed instead.
      const imported = await Promise.all(
        checkLayers
          .filter((layer) => layer.definition.imported)
          .map(async (layer) => ({
            file: `${layer.definition.imported!.fileName} (${layer.definition.id})`,
            sha256: await shortFileHash(new TextEncoder().encode(JSON.stringify(layer.features))),
          })),
      );
      return [...hashes, ...ranged, ...imported];
    },
    start: async (startOptions) => {
      const result = await storage.loadDraft();
      if (!result.ok) storageFailed(result);
      const draft = result.ok ? result.value : null;
      const linked = store.getState().linkedParcel;
      const sameParcel = draft?.query && linked.type !== "none" && linked.encoded === encodeParcelForHash(draft.query.parcel.geometry);
      if (linked.type !== "none" && !sameParcel) return openLinkedParcel();
      if (sameParcel) store.getState().setLinkedParcel(PARCEL_LINK_NONE);
      if (!draft) return false;
      if (draft.query) await restore(draft.query, startOptions);
      // An unfinished sketch (or one being edited) comes back as it was left.
      if (draft.sketch && !(draft.query?.parcel.origin === "drawn" && draft.sketch.finished)) adapter.setSketch(draft.sketch);
      return draft.query !== null;
    },
    storageFailed,
  };
}
