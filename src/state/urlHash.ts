import { decodeHashText, encodeHashText, parseHashParameters } from "../routing/hashParameters";
import { isLanguage, type Language } from "../i18n/messages";
import { isBasemapId, type BasemapId } from "./basemapSlice";
import type { LayerViewStates } from "./layersSlice";
import { featureSelection, type Selection } from "./selection";
import type { CameraView } from "./viewSlice";

/*
 * The URL hash carries the shareable state, compactly; every parameter is optional and absent means "default":
 *
 *   #v=<zoom>/<lat>/<lng>[/<bearing>/<pitch>]   camera; bearing/pitch only when either is not 0
 *   &layers=<id>,<id>                            the visible layers, only when they differ from the manifest's defaults
 *                                                ("layers=" with nothing after it: all hidden)
 *   &op=<id>:<opacity>,…                         opacities (0..1) that differ from the manifest's
 *   &base=osm|tianditu-vector|tianditu-imagery   online basemap; absent: the offline one
 *   &lang=en                                     English; absent: Chinese
 *   &sel=<layerId>/<featureId>                   the selected feature (left out when feature= names the same one;
 *                                                feature= alone also selects, see src/state/policyLinks.ts)
 *
 * e.g. #v=11.2/29.70970/105.71810&layers=district,towns,memorials&op=fee-zones:0.7&lang=en&sel=memorials/memorial-dazu
 * Parameters this module does not own (e.g. feature=, doc=) are kept as they are, after ours.
 * A malformed value is ignored on its own; the rest of the hash still applies.
 */

/** The shareable part of the state; a missing field means "the default". */
export interface HashState {
  camera?: CameraView;
  visibleLayers?: string[];
  opacities?: Record<string, number>;
  basemap?: BasemapId;
  language?: Language;
  selection?: Selection;
}

export type HashParameter = [key: string, value: string];

export interface ParsedHash {
  state: HashState;
  /** Parameters owned by other modules, in their original order. */
  otherParameters: HashParameter[];
}

const OWN_KEYS = new Set(["v", "layers", "op", "base", "lang", "sel"]);

const decode = decodeHashText;
const encode = encodeHashText;

/** Rounds for the URL and drops trailing zeros ("11.20" → "11.2", "-0" → "0"). */
function compactNumber(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

function parseCamera(value: string): CameraView | undefined {
  const parts = value.split("/");
  if (parts.length !== 3 && parts.length !== 5) return undefined;
  if (!parts.every((part) => /^-?\d+(\.\d+)?$/.test(part))) return undefined;
  const [zoom, latitude, longitude, bearing = 0, pitch = 0] = parts.map(Number) as number[];
  if (zoom === undefined || latitude === undefined || longitude === undefined) return undefined;
  if (zoom < 0 || zoom > 24 || Math.abs(latitude) > 85.06 || Math.abs(longitude) > 180 || pitch < 0 || pitch > 85) {
    return undefined;
  }
  return { center: [longitude, latitude], zoom, bearing, pitch };
}

function parseOpacities(value: string): Record<string, number> | undefined {
  const opacities: Record<string, number> = {};
  for (const item of value.split(",")) {
    const [layerId, opacityText] = item.split(":");
    if (!layerId || opacityText === undefined || !/^\d+(\.\d+)?$/.test(opacityText)) continue;
    const opacity = Number(opacityText);
    if (opacity <= 1) opacities[layerId] = opacity;
  }
  return Object.keys(opacities).length > 0 ? opacities : undefined;
}

function parseSelection(value: string): Selection | undefined {
  const slash = value.indexOf("/");
  if (slash <= 0 || slash === value.length - 1) return undefined;
  return featureSelection(value.slice(0, slash), value.slice(slash + 1));
}

/** The state said by these parameters; keys this module does not own are skipped, malformed values ignored. */
export function hashStateOfParameters(parameters: Iterable<readonly [string, string]>): HashState {
  const state: HashState = {};
  let featureLink: string | undefined;
  for (const [key, value] of parameters) {
    switch (key) {
      case "v": {
        const camera = parseCamera(value);
        if (camera) state.camera = camera;
        break;
      }
      case "layers":
        state.visibleLayers = value === "" ? [] : value.split(",").filter((id) => id !== "");
        break;
      case "op": {
        const opacities = parseOpacities(value);
        if (opacities) state.opacities = opacities;
        break;
      }
      case "base":
        if (isBasemapId(value)) state.basemap = value;
        break;
      case "lang":
        if (isLanguage(value)) state.language = value;
        break;
      case "sel": {
        const selection = parseSelection(value);
        if (selection) state.selection = selection;
        break;
      }
      case "feature":
        featureLink = value;
        break;
    }
  }
  // A feature link (`feature=`, written by the inspector) selects its feature when there is no `sel=`.
  if (!state.selection && featureLink !== undefined) {
    const selection = parseSelection(featureLink);
    if (selection) state.selection = selection;
  }
  return state;
}

export function parseHash(hash: string): ParsedHash {
  const parameters = parseHashParameters(hash);
  return {
    state: hashStateOfParameters(parameters),
    otherParameters: parameters.filter(([key]) => !OWN_KEYS.has(key)).map(([key, value]) => [key, value] as HashParameter),
  };
}

function formatCamera(camera: CameraView): string {
  const parts = [compactNumber(camera.zoom, 2), compactNumber(camera.center[1], 5), compactNumber(camera.center[0], 5)];
  const bearing = compactNumber(camera.bearing, 1);
  const pitch = compactNumber(camera.pitch, 1);
  if (bearing !== "0" || pitch !== "0") parts.push(bearing, pitch);
  return parts.join("/");
}

/** The parameters for a state, in this module's order, leaving out whatever is default. */
export function hashParametersOfState(state: HashState, otherParameters: readonly HashParameter[] = []): HashParameter[] {
  const parameters: HashParameter[] = [];
  if (state.camera) parameters.push(["v", formatCamera(state.camera)]);
  if (state.visibleLayers) parameters.push(["layers", state.visibleLayers.join(",")]);
  if (state.opacities && Object.keys(state.opacities).length > 0) {
    const items = Object.entries(state.opacities).map(([layerId, opacity]) => `${layerId}:${compactNumber(opacity, 2)}`);
    parameters.push(["op", items.join(",")]);
  }
  if (state.basemap && state.basemap !== "none") parameters.push(["base", state.basemap]);
  if (state.language && state.language !== "zh") parameters.push(["lang", state.language]);
  if (state.selection?.type === "feature") {
    const value = `${state.selection.layerId}/${state.selection.featureId}`;
    // Said once: a `feature=` link naming the same feature already carries the selection.
    if (!otherParameters.some(([key, other]) => key === "feature" && other === value)) parameters.push(["sel", value]);
  }
  return parameters;
}

/** The hash for a state, "" when everything is default and nothing else is carried. */
export function formatHash(state: HashState, otherParameters: readonly HashParameter[] = []): string {
  const own = hashParametersOfState(state, otherParameters).map(([key, value]) => `${key}=${encode(value)}`);
  const others = otherParameters.filter(([key]) => !OWN_KEYS.has(key)).map(([key, value]) => `${encode(key)}=${encode(value)}`);
  const all = [...own, ...others];
  return all.length > 0 ? `#${all.join("&")}` : "";
}

export interface ShareableState {
  camera: CameraView | null;
  layers: LayerViewStates;
  layerDefaults: LayerViewStates;
  /** Manifest order, so `layers=` lists ids in a stable order. */
  layerOrder: readonly string[];
  basemap: BasemapId;
  language: Language;
  selection: Selection;
}

/** The hash state for the app state, leaving out whatever equals the defaults. */
export function hashStateOf(shareable: ShareableState): HashState {
  const state: HashState = {};
  if (shareable.camera) state.camera = shareable.camera;
  const visible = shareable.layerOrder.filter((id) => shareable.layers[id]?.visible);
  const defaultVisible = shareable.layerOrder.filter((id) => shareable.layerDefaults[id]?.visible);
  if (visible.join(",") !== defaultVisible.join(",")) state.visibleLayers = visible;
  const opacities: Record<string, number> = {};
  for (const id of shareable.layerOrder) {
    const opacity = shareable.layers[id]?.opacity;
    const defaultOpacity = shareable.layerDefaults[id]?.opacity;
    if (opacity !== undefined && defaultOpacity !== undefined && compactNumber(opacity, 2) !== compactNumber(defaultOpacity, 2)) {
      opacities[id] = opacity;
    }
  }
  if (Object.keys(opacities).length > 0) state.opacities = opacities;
  if (shareable.basemap !== "none") state.basemap = shareable.basemap;
  if (shareable.language !== "zh") state.language = shareable.language;
  if (shareable.selection.type !== "none") state.selection = shareable.selection;
  return state;
}

/** Layer states from the hash: defaults, then the hash's visible list and opacities; unknown layer ids are dropped. */
export function layersFromHash(state: HashState, defaults: LayerViewStates): LayerViewStates {
  const visible = state.visibleLayers ? new Set(state.visibleLayers) : null;
  return Object.fromEntries(
    Object.entries(defaults).map(([id, layerDefault]) => [
      id,
      {
        visible: visible ? visible.has(id) : layerDefault.visible,
        opacity: state.opacities?.[id] ?? layerDefault.opacity,
      },
    ]),
  );
}

/**
 * The hash with one parameter set, or removed when `value` is null, leaving every other parameter as it was.
 * Modules that own other parameters (feature=, doc=) write through this, so they never drop this module's state.
 */
export function withHashParameter(hash: string, key: string, value: string | null): string {
  const body = hash.startsWith("#") ? hash.slice(1) : hash;
  const pairs = body.split("&").filter((pair) => pair !== "");
  const encodedKey = encode(key);
  const index = pairs.findIndex((pair) => decode(pair.split("=")[0] ?? "") === key);
  const replacement = value === null ? [] : [`${encodedKey}=${encode(value)}`];
  if (index < 0) pairs.push(...replacement);
  else pairs.splice(index, 1, ...replacement);
  return pairs.length > 0 ? `#${pairs.join("&")}` : "";
}
