import type { FeatureCollection } from "geojson";
import type { Language } from "../i18n/messages";
import type { BasemapId } from "../state/basemapSlice";
import type { Selection } from "../state/selection";
import type { CameraOrigin, CameraView } from "../state/viewSlice";
import type { FocusMark, UserLocationMark } from "./mapMarks";
import type { SketchMethods } from "./sketch/sketchTypes";

export interface ScreenPoint {
  x: number;
  y: number;
}

/** A box in CSS pixels of the map canvas. */
export interface ScreenBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** CSS pixels kept clear on each side of the canvas when fitting. */
export interface CameraPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** [west, south, east, north] in degrees. */
export type LngLatBounds = [number, number, number, number];

export interface PointerPosition {
  /** [longitude, latitude] */
  lngLat: [number, number];
  point: ScreenPoint;
}

export interface FeatureHit {
  layerId: string;
  featureId: string;
}

export type Unsubscribe = () => void;

/**
 * Everything the rest of the app may ask of the map. Only `src/map` knows MapLibre; the rest talks to this, and
 * tests talk to a fake of it.
 */
export interface MapAdapter extends SketchMethods {
  setLayerVisible(layerId: string, visible: boolean): void;
  setLayerOpacity(layerId: string, opacity: number): void;
  setBasemap(basemap: BasemapId, tiandituToken: string): void;
  highlightFeature(selection: Selection): void;
  setLanguage(language: Language): void;
  /** Moves the camera for the app; the resulting camera report carries origin "app". */
  jumpTo(camera: CameraView): void;
  /** `padding` keeps part of the canvas clear, e.g. the part a bottom sheet covers; `animate: false` jumps. */
  fitBounds(bounds: LngLatBounds, options?: { animate?: boolean; padding?: CameraPadding }): void;
  /** Fits the map to one loaded feature; false when the feature is not there. */
  fitFeature(layerId: string, featureId: string): boolean;
  /** Features under a point, topmost first, one hit per feature. */
  featuresAt(point: ScreenPoint): FeatureHit[];
  onPointerMove(listener: (position: PointerPosition | null) => void): Unsubscribe;
  /** After every camera change ends; origin "app" for moves this adapter was asked to make. */
  onCameraMove(listener: (camera: CameraView, origin: CameraOrigin) => void): Unsubscribe;
  onClick(listener: (point: ScreenPoint) => void): Unsubscribe;
  /** Basemap tiles failed to load (offline, blocked, bad key); overlays are unaffected. */
  onBasemapError(listener: () => void): Unsubscribe;
  /** Any other map error, as a message. */
  onError(listener: (message: string) => void): Unsubscribe;
  /** The WebGL context was lost (true) or restored (false); MapLibre rebuilds the map on restore. */
  onGraphicsContext?(listener: (lost: boolean) => void): Unsubscribe;
  getCenter(): [number, number];
  /** Resolves at the next idle map, after everything asked so far has been drawn. */
  whenIdle(): Promise<void>;
  /** Distinct features of a manifest layer drawn anywhere in the current view. */
  renderedFeatureCount(layerId: string): number;
  /** A geographic box projected to canvas CSS pixels (the enclosing box when the map is rotated). */
  screenBoxOf(bounds: LngLatBounds): ScreenBox;
  /** Shows the user's GPS fix (dot and accuracy circle) over the data, or removes it with null. */
  setUserLocation(mark: UserLocationMark | null): void;
  /** Marks where a focused feature may be (a labelled uncertainty circle, or a ring when exact); null clears it. */
  setFocusMark(mark: FocusMark | null): void;
  /** Draws the parcels of a batch check coloured by the property `worst` (their worst status); null removes them. */
  setBatchParcels(parcels: FeatureCollection | null): void;
}
