import { parcelName } from "../i18n/defaultParcelName";
import type { Position } from "geojson";
import { BUILDING_USES, estimateFee, FEE_CITATIONS, type BuildingUse, type FeeAnswers, type FeeEstimate, type FeeTown } from "../check/fee";
import type { ParcelGeometry } from "../check/types";
import type { ImportedParcel, ImportMessage } from "../import/types";
import { validateParcel } from "../import/validateParcel";
import type { FetchJson } from "../layers/loadDataPackage";
import type { DataPackage } from "../layers/layerData";
import type { MapAdapter } from "../map/mapAdapter";
import { sketchGeometry, type SketchShape } from "../map/sketch/sketchState";
import type { MapSnapshot } from "../map/sketch/sketchTypes";
import { feeTownsOf } from "../parcel/feeTowns";
import { mineralRules, parseMiningPolicy, type MineralRules, type MiningPolicy } from "../parcel/miningPolicy";
import { decodeParcelLink, encodeParcelForHash, encodeParcelLink, parcelLinkGeometry } from "../parcel/parcelHash";
import { findingCitations, type ClauseQuote, type ReportInput } from "../parcel/reportInput";
import { shortFileHash } from "../parcel/sha256";
import type { CaseDetails, FindingOverride, SiteParcel } from "../parcel/types";
import { siteQueryOf, type SiteQuery } from "../state/parcelSlice";
import type { ParcelStorage, StorageFailure } from "../state/parcelStorage";
import type { AppStore } from "../state/store";
import type { CheckEngine, LayerNotChecked } from "./checkEngine";
import { createClauseQuotes } from "./clauseQuotes";
import type { ReportTarget } from "./report/reportModel";

export const MINING_POLICY_FILE = "mining-policy.json";
/** Longer parcels are left out of the address bar and the printed link (browsers and chat apps cut long URLs). */
export const MAX_LINK_PARCEL_CHARACTERS = 6000;
const DRAFT_DELAY_MS = 400;
const STORAGE_NOTICE_ID = "site-storage";
/** The schematic layer of the parks named in 13号; official data standing in for it informs the fee question. */
const PARKS_LAYER_ID = "parks";

export interface FeeView {
  towns: FeeTown[];
  estimate: FeeEstimate;
  answers: FeeAnswers;
}

export type SiteProblem = { source: "sketch" | "link"; messages: ImportMessage[] } | null;

/** The part of the map the site check uses (the fake map adapter provides it too). */
export type SiteMap = Pick<MapAdapter, "showParcel" | "fitGeometry" | "whenIdle" | "snapshot" | "setSketch" | "stopSketch" | "onSketchChange">;

/** What the service keeps besides the store: what arrives after a check, and what went wrong with a new parcel. */
export interface SiteCheckServiceState {
  /** What went wrong with the last drawn or linked parcel (the current parcel is unchanged), or null. */
  problem: SiteProblem;
  /** The last map picture taken after a check, for the print layout. */
  snapshot: MapSnapshot | null;
  /** The current sketch, as last reported by the map. */
  sketch: SketchShape | null;
  /** Layers that restrict or inform but were not checked by the last check. */
  notChecked: LayerNotChecked[];
  /** Clause texts loaded so far, by citation. */
  quotes: ReadonlyMap<string, ClauseQuote>;
  miningPolicy: MiningPolicy | null | "failed";
  /** First 12 hex digits of the SHA-256 of every data file the last check used ("" for files read in ranges). */
  fileHashes: Array<{ file: string; sha256: string }>;
}

export interface SiteCheckServiceOptions {
  store: AppStore;
  dataPackage: DataPackage;
  engine: CheckEngine;
  /** Null where there is no map (a command line): nothing is shown and no picture is taken. */
  map: SiteMap | null;
  storage: ParcelStorage;
  /** Reads a file of the data package (a path relative to its folder), or null when it cannot. */
  readDataFile(file: string): Promise<Uint8Array | null>;
  readJson: FetchJson;
  /** The data package folder, ending in "/" (large layers' URLs start with it). */
  dataBaseUrl: string;
  /** Where the parcel link goes after each check (the address bar), if anywhere. */
  writeLink?(payload: string | null): void;
  /** The full link (address and hash) that opens a `#parcel=` value, for the printed receipt and its QR code. */
  linkFor?(payload: string): string;
  /** Camera padding for the panel covering part of the map (phones), in CSS px. */
  fitPadding?(): { top: number; bottom: number; left: number; right: number } | undefined;
  /** Names of a parcel drawn on the map, and of one opened from a link (in the UI language). */
  drawnParcelName(): string;
  linkedParcelName(): string;
  now?(): Date;
}

export interface SiteCheckService {
  state(): SiteCheckServiceState;
  subscribe(listener: () => void): () => void;
  /** A parcel from an import or a paste (already validated), checked at once; `fit` moves the camera to it. */
  setParcel(parcel: SiteParcel, options: { fit: boolean }): Promise<void>;
  /** A finished drawing: validated like an import, then checked; a problem leaves the current parcel as it is. */
  setDrawnGeometry(geometry: ParcelGeometry): Promise<void>;
  /** A `#parcel=` value: decoded, validated, checked with the inputs it carries. False when it was not valid. */
  openLink(payload: string): Promise<boolean>;
  /** Checks the current parcel again, keeping overrides and fee inputs. */
  check(): Promise<void>;
  answerFee(change: Partial<FeeAnswers>): void;
  setFloorArea(use: BuildingUse, squareMetres: number): void;
  override(layerId: string, override: FindingOverride | null): void;
  setCautionDistance(metres: number): Promise<void>;
  setIntendedMineral(mineral: string | null): void;
  /** The case number and officer for the receipt: kept with the query, never written into the link. */
  setCaseDetails(details: Partial<CaseDetails>): void;
  /**
   * An input of the report on screen (src/siteCheck/report: a control's target and the value entered or chosen),
   * turned into the action above it stands for. False when the value is not one the target takes.
   */
  act(target: ReportTarget, value: string): boolean;
  /** A saved query with its overrides and fee inputs; re-checked against the current data. */
  restore(query: SiteQuery, options: { fit: boolean }): Promise<void>;
  save(name: string): Promise<boolean>;
  clear(): void;
  /** Fits the map to the parcel and takes a fresh picture (before printing). */
  refreshSnapshot(): Promise<MapSnapshot | null>;
  /** The `#parcel=` value that reopens the current query, or null when there is none or it is too long for a link. */
  linkPayload(): string | null;
  /**
   * At start-up: the linked parcel, or the unsaved work of the last visit — the work wins when it is the same
   * parcel (a reload), since it also has the name and input CRS. True when a parcel was opened.
   */
  start(options: { fit: boolean; linked: string | undefined }): Promise<boolean>;
  /** Writes the unsaved work now (the page is going away). */
  flushDraft(): void;
  storageFailed(failure: StorageFailure): void;
  fee(): FeeView | null;
  mining(): MineralRules | null;
  layerDocuments(layerId: string): readonly string[];
  isPointLayer(layerId: string): boolean;
  /** Parks of imported official data the checked site overlaps: evidence for the fee question about a park's 四至. */
  officialParkOverlaps(): Array<{ name: string; shareOfParcel: number; fileName: string }>;
  hasOfficialParks(): boolean;
  /** Everything the report is built from, or null before a check is done. */
  reportInput(): ReportInput | null;
  dispose(): void;
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
export function validateSiteGeometry(
  geometry: ParcelGeometry,
  name: string,
  districtAreaKm2: number,
): { ok: true; geometry: ParcelGeometry } | { ok: false; errors: ImportMessage[] } {
  const parcel: ImportedParcel = { name, geometry, sourceCoordinates: sourceCoordinatesOf(geometry), properties: {} };
  const result = validateParcel(parcel, districtAreaKm2);
  return result.ok ? { ok: true, geometry: result.parcel.geometry } : { ok: false, errors: result.errors };
}

function sameGeometry(a: ParcelGeometry | undefined, b: ParcelGeometry): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function sketchShapeOf(geometry: ParcelGeometry): SketchShape | null {
  if (geometry.type === "Point") return { kind: "point", vertices: [[geometry.coordinates[0]!, geometry.coordinates[1]!]], finished: true };
  if (geometry.type === "LineString") return { kind: "line", vertices: geometry.coordinates.map((p) => [p[0]!, p[1]!] as [number, number]), finished: true };
  if (geometry.type === "Polygon" && geometry.coordinates.length === 1) {
    const ring = geometry.coordinates[0]!.map((p) => [p[0]!, p[1]!] as [number, number]);
    return { kind: "polygon", vertices: ring.slice(0, -1), finished: true };
  }
  return null;
}

/**
 * The site check without a page: from a parcel (drawn, pasted, uploaded, linked, saved) to a checked report in the
 * store, and the officer's inputs to it (fee answers, overrides, caution distance). The page, a test or a command
 * line drive it; the views only render the store and this state and call these actions.
 */
export function createSiteCheckService(options: SiteCheckServiceOptions): SiteCheckService {
  const { store, dataPackage, engine, map, storage } = options;
  const now = options.now ?? (() => new Date());
  const quotes = createClauseQuotes(`${options.dataBaseUrl}policies/`, options.readJson);
  const listeners = new Set<() => void>();
  let state: SiteCheckServiceState = {
    problem: null,
    snapshot: null,
    sketch: null,
    notChecked: engine.plan.notLoaded,
    quotes: quotes.quotes,
    miningPolicy: null,
    fileHashes: [],
  };
  const update = (change: Partial<SiteCheckServiceState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };
  const unsubscribers: Array<() => void> = [];

  let requestNumber = 0;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let storageNoticeShown = false;
  let policyRequested = false;
  let hashesFor = "";
  const hashCache = new Map<string, Promise<string | null>>();

  const layerDocuments = (layerId: string) => dataPackage.manifest.layers.find((layer) => layer.id === layerId)?.sourceDocuments ?? [];

  const storageFailed = (failure: StorageFailure) => {
    if (storageNoticeShown) return;
    storageNoticeShown = true;
    const message =
      failure.reason === "quota" ? "notice.siteStorageQuota" : failure.reason === "unavailable" ? "notice.siteStorageUnavailable" : "notice.siteStorageFailed";
    store.getState().showNotice({ id: STORAGE_NOTICE_ID, message, params: { message: failure.message }, tone: "warning" });
  };

  const saveDraftNow = () => {
    draftTimer = undefined;
    void storage.saveDraft(siteQueryOf(store.getState()), state.sketch).then((result) => {
      if (!result.ok) storageFailed(result);
    });
  };
  const saveDraftSoon = () => {
    if (draftTimer !== undefined) clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraftNow, DRAFT_DELAY_MS);
  };

  const linkPayload = (): string | null => {
    const query = siteQueryOf(store.getState());
    if (!query) return null;
    const encoded = encodeParcelLink({
      geometry: query.parcel.geometry,
      overrides: { ...query.overrides },
      answers: query.fee.answers,
      floorAreas: query.fee.floorAreas,
      mineral: query.mineral,
      cautionDistanceMetres: store.getState().cautionDistanceMetres,
    });
    return encoded.length <= MAX_LINK_PARCEL_CHARACTERS ? encoded : null;
  };

  const takeSnapshot = async () => {
    if (!map) return null;
    try {
      await map.whenIdle();
      update({ snapshot: await map.snapshot() });
    } catch {
      // A lost WebGL context or a tainted canvas: the print layout says the map is missing.
    }
    return state.snapshot;
  };

  const fileHashes = async (extraFiles: readonly string[]) => {
    const files = [
      "manifest.json",
      ...new Set(engine.plan.staticLayers.flatMap((layer) => (layer.definition.file ? [layer.definition.file] : []))),
      ...extraFiles,
    ];
    // Large layers are read in ranges, never whole: their files are named but not hashed ("" in the receipt).
    const ranged = [...new Set(engine.plan.nearbyLayers.map((layer) => layer.checkUrl.slice(options.dataBaseUrl.length)))].map((file) => ({
      file,
      sha256: "",
    }));
    const hashes = await Promise.all(
      files.map(async (file) => {
        let pending = hashCache.get(file);
        if (!pending) {
          pending = options
            .readDataFile(file)
            .then((bytes) => (bytes ? shortFileHash(bytes) : null))
            .catch(() => null);
          hashCache.set(file, pending);
        }
        return { file, sha256: (await pending) ?? "—" };
      }),
    );
    // Imported official layers live in this browser, not in the package: their stored data is hashed instead.
    const imported = await Promise.all(
      engine.plan.staticLayers
        .filter((layer) => layer.definition.imported)
        .map(async (layer) => ({
          file: `${layer.definition.imported!.fileName} (${layer.definition.id})`,
          sha256: await shortFileHash(new TextEncoder().encode(JSON.stringify(layer.features))),
        })),
    );
    return [...hashes, ...ranged, ...imported];
  };

  const loadQuotes = (citations: readonly string[]) => void quotes.load(citations).then(() => update({ quotes: quotes.quotes }));

  const loadMiningPolicy = () => {
    if (policyRequested) return;
    policyRequested = true;
    void options.readJson(`${options.dataBaseUrl}${MINING_POLICY_FILE}`).then((result) => {
      const policy = result.ok ? (parseMiningPolicy(result.value) ?? "failed") : "failed";
      update({ miningPolicy: policy });
      if (policy !== "failed")
        loadQuotes([...policy.policy_classes.map((policyClass) => policyClass.clause), ...policy.minimum_scales.rows.map((row) => row.source)]);
    });
  };

  // A new report: load the clauses it cites, the mining rules, and hash the files it used.
  unsubscribers.push(
    store.subscribe((next, previous) => {
      if (next.siteCheck === previous.siteCheck && next.intendedMineral === previous.intendedMineral) return;
      const check = next.siteCheck;
      if (check.type !== "done") return;
      loadMiningPolicy();
      loadQuotes([...check.report.findings.flatMap((finding) => findingCitations(finding, layerDocuments(finding.layerId))), ...Object.values(FEE_CITATIONS)]);
      const extra = next.intendedMineral ? [MINING_POLICY_FILE] : [];
      const key = `${check.checkedAt}|${extra.join()}`;
      if (key === hashesFor) return;
      hashesFor = key;
      void fileHashes(extra).then((result) => {
        if (hashesFor === key) update({ fileHashes: result });
      });
    }),
  );

  unsubscribers.push(
    store.subscribe((next, previous) => {
      if (
        next.siteParcel !== previous.siteParcel ||
        next.findingOverrides !== previous.findingOverrides ||
        next.feeInputs !== previous.feeInputs ||
        next.intendedMineral !== previous.intendedMineral ||
        next.caseDetails !== previous.caseDetails
      ) {
        saveDraftSoon();
      }
    }),
  );

  const runCheck = async (fit: boolean) => {
    const parcel = store.getState().siteParcel;
    if (!parcel) return;
    const request = ++requestNumber;
    store.getState().setSiteCheck({ type: "running" });
    map?.showParcel(parcel.geometry);
    if (fit) map?.fitGeometry(parcel.geometry, { padding: options.fitPadding?.() });
    options.writeLink?.(linkPayload());
    try {
      const run = await engine.check(parcel.geometry, { cautionDistanceMetres: store.getState().cautionDistanceMetres });
      if (request !== requestNumber) return;
      update({ notChecked: run.notChecked });
      store.getState().setSiteCheck({ type: "done", report: run.report, checkedAt: now().toISOString() });
      await takeSnapshot();
    } catch (error) {
      if (request !== requestNumber) return;
      store.getState().setSiteCheck({ type: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const setParcel = async (parcel: SiteParcel, setOptions: { fit: boolean }) => {
    update({ problem: null });
    store.getState().setSiteParcel(parcel);
    await runCheck(setOptions.fit);
  };

  const restore = async (query: SiteQuery, restoreOptions: { fit: boolean }) => {
    update({ problem: null });
    store.getState().restoreSiteQuery(query);
    if (query.parcel.origin === "drawn") {
      const shape = sketchShapeOf(query.parcel.geometry);
      if (shape) map?.setSketch(shape);
    } else {
      map?.stopSketch();
    }
    await runCheck(restoreOptions.fit);
  };

  const setDrawnGeometry = async (geometry: ParcelGeometry) => {
    const current = store.getState().siteParcel;
    if (current?.origin === "drawn" && sameGeometry(current.geometry, geometry)) return;
    const name = current?.origin === "drawn" ? current.name : options.drawnParcelName();
    const validated = validateSiteGeometry(geometry, name, dataPackage.manifest.district.publishedAreaKm2);
    if (!validated.ok) {
      update({ problem: { source: "sketch", messages: validated.errors } });
      return;
    }
    await setParcel({ name, geometry: validated.geometry, origin: "drawn" }, { fit: false });
  };

  const openLink = async (payload: string): Promise<boolean> => {
    if (payload === linkPayload()) return true;
    const decoded = decodeParcelLink(payload);
    if (!decoded.ok) {
      store.getState().showNotice({ id: "site-link", message: "notice.siteLinkInvalid", tone: "warning" });
      return false;
    }
    const name = options.linkedParcelName();
    const validated = validateSiteGeometry(decoded.link.geometry, name, dataPackage.manifest.district.publishedAreaKm2);
    if (!validated.ok) {
      update({ problem: { source: "link", messages: validated.errors } });
      return false;
    }
    map?.stopSketch();
    const { link } = decoded;
    if (link.cautionDistanceMetres !== undefined) store.getState().setCautionDistance(link.cautionDistanceMetres);
    await restore(
      {
        parcel: { name, geometry: validated.geometry, origin: "link" },
        overrides: link.overrides ?? {},
        fee: { floorAreas: link.floorAreas ?? store.getState().feeInputs.floorAreas, answers: link.answers ?? {} },
        mineral: link.mineral === undefined ? store.getState().intendedMineral : link.mineral,
      },
      { fit: true },
    );
    return true;
  };

  // A finished sketch is the parcel: checked on finishing and after every vertex drag.
  if (map) {
    unsubscribers.push(
      map.onSketchChange((change) => {
        update({ sketch: change.shape });
        saveDraftSoon();
        if (!change.shape?.finished || change.dragging) return;
        const geometry = sketchGeometry(change.shape);
        if (geometry) void setDrawnGeometry(geometry);
      }),
    );
  }

  const fee = (): FeeView | null => {
    const check = store.getState().siteCheck;
    if (check.type !== "done") return null;
    const towns = feeTownsOf(check.report);
    const { floorAreas, answers } = store.getState().feeInputs;
    const areas = BUILDING_USES.flatMap((use) => (floorAreas[use] ? [{ use, squareMetres: floorAreas[use]! }] : []));
    return { towns, estimate: estimateFee(towns, areas, answers), answers };
  };

  const setCautionDistance = async (metres: number) => {
    store.getState().setCautionDistance(metres);
    await runCheck(false);
  };
  const answerFee = (change: Partial<FeeAnswers>) => {
    const answers: FeeAnswers = { ...store.getState().feeInputs.answers, ...change };
    for (const key of Object.keys(change) as Array<keyof FeeAnswers>) if (change[key] === undefined) delete answers[key];
    store.getState().setFeeAnswers(answers);
    options.writeLink?.(linkPayload());
  };
  const setIntendedMineral = (mineral: string | null) => {
    store.getState().setIntendedMineral(mineral);
    loadMiningPolicy();
  };

  const act = (target: ReportTarget, value: string): boolean => {
    switch (target.action) {
      case "caution-distance": {
        const metres = Number(value);
        if (value.trim() === "" || !Number.isFinite(metres) || metres < 0 || metres > 10_000) return false;
        void setCautionDistance(metres);
        return true;
      }
      case "floor-area":
        store.getState().setFloorArea(target.use, Number(value));
        return true;
      case "mineral":
        setIntendedMineral(value === "" ? null : value);
        return true;
      case "fee-question":
        switch (target.question) {
          case "town":
            // Another town has other parks and no 智凤 split: their answers go with the town.
            answerFee({ townId: value, park: undefined, insideUrbanConstructionLand: undefined });
            return true;
          case "park":
            answerFee({ park: value === "unknown" ? undefined : value });
            return true;
          case "urban":
            if (value !== "inside" && value !== "outside" && value !== "unknown") return false;
            answerFee({ insideUrbanConstructionLand: value === "unknown" ? undefined : value === "inside" });
            return true;
        }
    }
  };

  const officialParkOverlaps = () => {
    const check = store.getState().siteCheck;
    if (check.type !== "done") return [];
    return check.report.findings.flatMap((finding) => {
      const origin = dataPackage.manifest.layers.find((layer) => layer.id === finding.layerId)?.imported;
      if (origin?.replaces !== PARKS_LAYER_ID) return [];
      return finding.overlaps.map((overlap) => ({ name: overlap.name, shareOfParcel: overlap.shareOfParcel, fileName: origin.fileName }));
    });
  };
  const hasOfficialParks = () => dataPackage.manifest.layers.some((layer) => layer.imported?.replaces === PARKS_LAYER_ID);

  const mining = (): MineralRules | null => {
    const mineral = store.getState().intendedMineral;
    const policy = state.miningPolicy;
    return mineral && policy && policy !== "failed" ? mineralRules(policy, mineral) : null;
  };

  return {
    state: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    setParcel,
    setDrawnGeometry,
    openLink,
    check: () => runCheck(false),
    answerFee,
    setFloorArea: (use, squareMetres) => store.getState().setFloorArea(use, squareMetres),
    override: (layerId, override) => {
      store.getState().setFindingOverride(layerId, override);
      options.writeLink?.(linkPayload());
    },
    setCautionDistance,
    setCaseDetails: (details) => store.getState().setCaseDetails(details),
    setIntendedMineral,
    act,
    restore,
    save: async (name) => {
      const query = siteQueryOf(store.getState());
      if (!query) return false;
      const result = await storage.save(query, name.trim() || query.parcel.name);
      if (!result.ok) {
        storageFailed(result);
        return false;
      }
      store.getState().showNotice({
        id: "site-saved",
        message: "notice.siteSaved",
        params: { name: parcelName(result.value.name, store.getState().language) },
        tone: "info",
      });
      return true;
    },
    clear: () => {
      requestNumber++;
      store.getState().clearSiteParcel();
      map?.showParcel(null);
      map?.stopSketch();
      options.writeLink?.(null);
      update({ problem: null });
    },
    refreshSnapshot: async () => {
      const parcel = store.getState().siteParcel;
      if (parcel) map?.fitGeometry(parcel.geometry, { animate: false });
      return takeSnapshot();
    },
    linkPayload,
    start: async ({ fit, linked }) => {
      const result = await storage.loadDraft();
      if (!result.ok) storageFailed(result);
      const draft = result.ok ? result.value : null;
      // Compared as encoded: a link rounds coordinates to 6 decimals, the draft keeps them as imported.
      const sameParcel = draft?.query && linked !== undefined && parcelLinkGeometry(linked) === encodeParcelForHash(draft.query.parcel.geometry);
      if (linked !== undefined && !sameParcel) {
        await openLink(linked);
        return true;
      }
      if (!draft) return false;
      if (draft.query) await restore(draft.query, { fit });
      // An unfinished sketch (or one being edited) comes back as it was left.
      if (draft.sketch && !(draft.query?.parcel.origin === "drawn" && draft.sketch.finished)) map?.setSketch(draft.sketch);
      return draft.query !== null;
    },
    flushDraft: () => {
      if (draftTimer === undefined) return;
      clearTimeout(draftTimer);
      saveDraftNow();
    },
    storageFailed,
    fee,
    mining,
    layerDocuments,
    isPointLayer: (layerId) => dataPackage.manifest.layers.find((layer) => layer.id === layerId)?.geometryType === "point",
    officialParkOverlaps,
    hasOfficialParks,
    reportInput: () => {
      const current = store.getState();
      const check = current.siteCheck;
      if (!current.siteParcel || check.type !== "done") return null;
      const feeView = fee();
      return {
        parcel: current.siteParcel,
        report: check.report,
        checkedAt: check.checkedAt,
        dataPackageVersion: dataPackage.manifest.version,
        overrides: current.findingOverrides,
        layerDocuments,
        quotes: state.quotes,
        feeTowns: feeView?.towns ?? [],
        fee: feeView && feeView.estimate.lines.length > 0 ? feeView.estimate : null,
        feeAnswers: current.feeInputs.answers,
        mining: mining(),
        work: {
          floorAreas: current.feeInputs.floorAreas,
          officialParks: { overlaps: officialParkOverlaps(), imported: hasOfficialParks() },
          miningPolicy: state.miningPolicy,
          mineral: current.intendedMineral,
        },
        layerFileHashes: state.fileHashes,
        notChecked: state.notChecked,
        caseDetails: current.caseDetails,
        link: (() => {
          const payload = linkPayload();
          return payload !== null && options.linkFor ? options.linkFor(payload) : null;
        })(),
      };
    },
    dispose: () => {
      if (draftTimer !== undefined) clearTimeout(draftTimer);
      for (const unsubscribe of unsubscribers) unsubscribe();
      listeners.clear();
    },
  };
}
