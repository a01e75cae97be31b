import { isLanguage, type Language } from "../i18n/messages";
import type { HashCodec } from "../routing/router";
import type { AppRoute } from "./appRouter";
import type { AppStore } from "./store";
import { hashParametersOfState, hashStateOf, hashStateOfParameters, layersFromHash, type HashState } from "./urlHash";

/*
 * The view in the address: `lang=` (routed from the first moment, so the loading page is in the link's language)
 * and the camera, layers, opacities and basemap (`v=`, `layers=`, `op=`, `base=`, see src/state/urlHash.ts), routed
 * once the manifest is known.
 */

export const languageCodec: HashCodec<Language> = {
  keys: ["lang"],
  parse: (parameters) => {
    const value = parameters.get("lang");
    return value !== undefined && isLanguage(value) ? value : "zh";
  },
  format: (language) => (language === "zh" ? [] : [["lang", language]]),
};

export function languageRoute(store: AppStore): AppRoute<Language> {
  return {
    name: "language",
    codec: languageCodec,
    fromState: (state) => state.language,
    apply: (language) => store.getState().setLanguage(language),
  };
}

export type ViewHashState = Omit<HashState, "language" | "selection">;

const VIEW_KEYS = ["v", "layers", "op", "base"] as const;

export const viewCodec: HashCodec<ViewHashState> = {
  keys: VIEW_KEYS,
  parse: (parameters) => {
    const { language: _language, selection: _selection, ...view } = hashStateOfParameters(parameters);
    return view;
  },
  format: (view) => hashParametersOfState({ camera: view.camera, visibleLayers: view.visibleLayers, opacities: view.opacities, basemap: view.basemap }),
};

/** Anything the address leaves out goes back to its default, except the camera, which stays where it is. */
export function viewRoute(store: AppStore, layerOrder: readonly string[]): AppRoute<ViewHashState> {
  return {
    name: "view",
    codec: viewCodec,
    fromState: (state) =>
      hashStateOf({
        camera: state.view.type === "camera" ? state.view : null,
        layers: state.layers,
        layerDefaults: state.layerDefaults,
        layerOrder,
        basemap: state.basemap,
        language: "zh",
        selection: { type: "none" },
      }),
    apply: (view) => {
      const state = store.getState();
      state.setBasemap(view.basemap ?? "none");
      state.replaceLayers(layersFromHash(view, state.layerDefaults));
      if (view.camera) state.setCamera(view.camera, "app");
    },
  };
}
