import { translate } from "./i18n/translate";
import { dataBaseUrl } from "./layers/dataLocation";
import { layerLoadErrors, type DataPackage } from "./layers/layerData";
import { mergeImportedLayers } from "./layers/importedLayers";
import { loadDataPackage } from "./layers/loadDataPackage";
import { createMapAdapter } from "./map/createMapAdapter";
import type { MapAdapter } from "./map/mapAdapter";
import { syncMapWithStore } from "./map/syncMapWithStore";
import { registerAppUpdates } from "./pwa/appUpdates";
import { watchOnlineOnlyLayers } from "./pwa/onlineOnlyLayers";
import type { TestHookTargets } from "./automation/appHooks";
import { answerWithin, persistSettings, readStartupSettings, restoreSettings, STARTUP_READ_TIMEOUT_MS } from "./state/persistSettings";
import { openSettingsStorage } from "./state/settingsStorage";
import { createAppStore, type AppStore } from "./state/store";
import { openImportedLayerStorage } from "./state/layerStorage";
import { persistTiandituToken } from "./state/tiandituTokenStorage";
import { browserHashLocation } from "./routing/browserLocation";
import { createRouter } from "./routing/router";
import { hashStateOfParameters } from "./state/urlHash";
import { languageRoute, viewRoute } from "./state/viewRoutes";
import "./styles/app.css";
import { createAppShell, type AppShell } from "./ui/appShell";
import { mountCoordinateReadout } from "./ui/coordinateReadout";
import { showFatalError } from "./ui/fatalError";
import { mountLayerPanel } from "./ui/layerPanel";
import { createOfficialDataSection } from "./ui/officialData/officialDataSection";
import { mountMemorials } from "./ui/memorials/mountMemorials";
import { mountPolicyViews } from "./ui/mountPolicyViews";
import { mountNotices } from "./ui/noticeArea";
import { mountShareView } from "./ui/shareView";
import { mountSiteCheckEntry } from "./ui/parcel/siteCheckEntry";

const LAYERS_FAILED_NOTICE_ID = "layers-failed";
const STORAGE_TOO_SLOW = { ok: false, reason: "failed", message: "the browser's database did not answer in time" } as const;

function createMap(store: AppStore, shell: AppShell, dataPackage: DataPackage) {
  const state = store.getState();
  return createMapAdapter({
    container: shell.mapContainer,
    fullscreenContainer: shell.mapArea,
    dataPackage,
    layers: state.layers,
    basemap: state.basemap,
    tiandituToken: state.tiandituToken,
    selection: state.selection,
    language: state.language,
    camera: state.view.type === "camera" ? state.view : null,
    onResetView: () => store.getState().resetView(),
  });
}

async function start(mountPoint: HTMLElement): Promise<void> {
  const store = createAppStore();
  persistTiandituToken(store);
  const targets: TestHookTargets = { store, adapter: null, districtBounds: null, errors: [] };
  // The hooks browser tests drive the app with are compiled into test builds only (`vite build --mode test`); they
  // load beside the shell, so a test build draws its first screen as soon as a production build does.
  const automationLoad = import.meta.env.MODE === "test" ? import("./automation/appHooks") : null;

  // The one owner of the address bar. The language is routed before the manifest, for the loading and error pages;
  // every other route registers once its feature's always-loaded part mounts, and until then its parameters are kept.
  const router = createRouter(store, browserHashLocation());
  // What the link said, before the router writes the state back (dropping what is default, such as lang=zh).
  const openedWith = router.address();
  router.register(languageRoute(store));
  const shell = createAppShell(store, mountPoint);
  shell.panelBody.textContent = translate(store.getState().language, "app.loading");
  const automation = automationLoad ? await automationLoad : null;
  const { resolveReady, rejectReady } = automation ? automation.installTestHooks(targets) : { resolveReady: () => {}, rejectReady: () => {} };
  // The saved settings are read while the package downloads, and applied once the layers are known.
  const settingsStorage = openSettingsStorage();
  const savedSettings = readStartupSettings(settingsStorage);

  // Imported official layers are read while the package downloads, and merged into it before anything draws.
  const importedLayerStorage = openImportedLayerStorage();
  const [loaded, importedLayers] = await Promise.all([
    loadDataPackage(dataBaseUrl(location.search)),
    answerWithin(importedLayerStorage.listLayers(), STARTUP_READ_TIMEOUT_MS, STORAGE_TOO_SLOW),
  ]);
  if (!loaded.ok) {
    targets.errors.push(...loaded.errors);
    showFatalError(store, mountPoint, { type: "manifest", errors: loaded.errors });
    rejectReady(new Error(loaded.errors.join("\n")));
    return;
  }
  const merged = mergeImportedLayers(loaded.value, importedLayers.ok ? importedLayers.value : []);
  const dataPackage = merged.dataPackage;
  const { manifest } = dataPackage;
  targets.errors.push(...merged.problems);
  targets.districtBounds = manifest.district.bounds;
  targets.errors.push(...layerLoadErrors(dataPackage));
  if (automation) (await import("./automation/checkHook")).installCheckTestHook(dataPackage);
  if (automation) (await import("./automation/batchPrintHook")).installBatchPrintTestHook(store, dataPackage, dataBaseUrl(location.search));

  store.getState().initializeLayers(manifest);
  router.register(
    viewRoute(
      store,
      manifest.layers.map((layer) => layer.id),
    ),
  );
  // Settings the address does not state come from the last visit.
  restoreSettings(store, hashStateOfParameters(openedWith), await savedSettings);
  persistSettings(store, settingsStorage);
  const officialData = createOfficialDataSection({ store, dataPackage, storage: importedLayerStorage, reload: () => location.reload() });
  mountLayerPanel(store, dataPackage, shell.panelBody, officialData);
  mountNotices(store, shell.notices);
  watchOnlineOnlyLayers(store, dataPackage);
  mountShareView({ store, router, container: shell.headerActions });
  if (merged.problems.length > 0) {
    store
      .getState()
      .showNotice({ id: "imported-layers-skipped", message: "official.loadProblems", params: { count: merged.problems.length }, tone: "warning" });
  }
  if (!importedLayers.ok && importedLayers.reason !== "unavailable") {
    store
      .getState()
      .showNotice({ id: "imported-layers-unreadable", message: "official.storageUnreadable", params: { message: importedLayers.message }, tone: "warning" });
  }
  const failedLayers = [...dataPackage.layers.values()].filter((load) => load.type === "failed").length;
  if (failedLayers > 0) {
    store.getState().showNotice({
      id: LAYERS_FAILED_NOTICE_ID,
      message: "notice.layersFailed",
      params: { count: failedLayers },
      tone: "warning",
    });
  }

  let adapter: MapAdapter;
  let firstIdle: Promise<void>;
  try {
    ({ adapter, firstIdle } = createMap(store, shell, dataPackage));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    targets.errors.push(`map: ${detail}`);
    showFatalError(store, mountPoint, { type: "webgl", detail });
    rejectReady(new Error(detail));
    return;
  }
  targets.adapter = adapter;
  adapter.onError((message) => targets.errors.push(`map: ${message}`));
  syncMapWithStore(store, adapter, manifest);
  mountCoordinateReadout(store, adapter, shell.readout, firstIdle);
  const policyViews = mountPolicyViews({
    store,
    dataPackage,
    adapter,
    shell,
    router,
    dataBaseUrl: dataBaseUrl(location.search),
    started: firstIdle,
  });

  mountMemorials({ store, dataPackage, sheet: shell.sheet, adapter, router, dataBaseUrl: dataBaseUrl(location.search) });
  mountSiteCheckEntry({
    store,
    shell,
    dataPackage,
    adapter,
    dataBaseUrl: dataBaseUrl(location.search),
    started: firstIdle,
    router,
    onError: (error) => targets.errors.push(`site check: ${error instanceof Error ? error.message : String(error)}`),
  });

  await firstIdle;
  // After the first map, so installing the offline copy does not compete with the first visit's downloads.
  registerAppUpdates(store);
  // A link to a feature without a camera opens on that feature.
  const { selection, view } = store.getState();
  if (selection.type === "feature" && view.type === "district") {
    policyViews.navigator.flyToFeature(selection.layerId, selection.featureId);
    await adapter.whenIdle();
  }
  resolveReady();
}

const mountPoint = document.getElementById("app");
if (mountPoint) void start(mountPoint);
