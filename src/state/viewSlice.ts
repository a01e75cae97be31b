import type { StateCreator } from "zustand/vanilla";

/** Who moved the camera: the user on the map ("map"), or the app (URL, reset button); the map only follows "app". */
export type CameraOrigin = "map" | "app";

export interface CameraView {
  /** [longitude, latitude] */
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The whole district in view (the start, and the reset button), or an explicit camera. */
export type ViewState = { type: "district"; origin: CameraOrigin } | ({ type: "camera"; origin: CameraOrigin } & CameraView);

export const VIEW_DISTRICT: ViewState = { type: "district", origin: "app" };

export interface ViewSlice {
  view: ViewState;
  setCamera(camera: CameraView, origin: CameraOrigin): void;
  /** Always a new object, so asking twice still moves the map back. */
  resetView(): void;
}

export const createViewSlice: StateCreator<ViewSlice, [], [], ViewSlice> = (set) => ({
  view: VIEW_DISTRICT,
  setCamera: (camera, origin) => set({ view: { type: "camera", origin, ...camera } }),
  resetView: () => set({ view: { type: "district", origin: "app" } }),
});
