import { createStore, type StoreApi } from "zustand/vanilla";
import { createBasemapSlice, type BasemapSlice } from "./basemapSlice";
import { createFieldSlice, type FieldSlice } from "./fieldSlice";
import { createLanguageSlice, type LanguageSlice } from "./languageSlice";
import { createLayersSlice, type LayersSlice } from "./layersSlice";
import { createNoticesSlice, type NoticesSlice } from "./noticesSlice";
import { createParcelLinkSlice, type ParcelLinkSlice } from "./parcelLinkSlice";
import { createParcelSlice, type ParcelSlice } from "./parcelSlice";
import { createPolicySlice, type PolicySlice } from "./policySlice";
import { createSelectionSlice, type SelectionSlice } from "./selectionSlice";
import { createViewSlice, type ViewSlice } from "./viewSlice";

export type AppState = LayersSlice &
  ViewSlice &
  BasemapSlice &
  LanguageSlice &
  SelectionSlice &
  NoticesSlice &
  PolicySlice &
  FieldSlice &
  ParcelSlice &
  ParcelLinkSlice;

export type AppStore = StoreApi<AppState>;

/** One store for the whole app, combined from typed slices; vanilla so the map and DOM code subscribe without a framework. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...parts) => ({
    ...createLayersSlice(...parts),
    ...createViewSlice(...parts),
    ...createBasemapSlice(...parts),
    ...createLanguageSlice(...parts),
    ...createSelectionSlice(...parts),
    ...createNoticesSlice(...parts),
    ...createPolicySlice(...parts),
    ...createFieldSlice(...parts),
    ...createParcelSlice(...parts),
    ...createParcelLinkSlice(...parts),
  }));
}

/** The data of the state (no actions) in JSON-safe form, for tests and debugging; the 天地图 key is reduced to a flag. */
export function stateSnapshot(state: AppState) {
  return {
    layers: state.layers,
    view: state.view,
    basemap: state.basemap,
    hasTiandituToken: state.tiandituToken !== "",
    language: state.language,
    selection: state.selection,
    notices: state.notices,
    reader: state.reader,
    userLocation: state.userLocation,
    memorialCard: state.memorialCard,
    siteParcel: state.siteParcel,
    siteCheck: state.siteCheck,
    findingOverrides: state.findingOverrides,
    feeInputs: state.feeInputs,
    intendedMineral: state.intendedMineral,
    cautionDistanceMetres: state.cautionDistanceMetres,
  };
}
