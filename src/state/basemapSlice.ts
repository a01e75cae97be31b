import type { StateCreator } from "zustand/vanilla";

/** "none" is the offline basemap: background colour plus the manifest's context layers; the rest load tiles. */
export type BasemapId = "none" | "osm" | "tianditu-vector" | "tianditu-imagery";

export const BASEMAP_IDS: readonly BasemapId[] = ["none", "osm", "tianditu-vector", "tianditu-imagery"];

export const DEFAULT_BASEMAP: BasemapId = "none";

export function isBasemapId(value: unknown): value is BasemapId {
  return BASEMAP_IDS.includes(value as BasemapId);
}

export function needsTiandituToken(basemap: BasemapId): boolean {
  return basemap === "tianditu-vector" || basemap === "tianditu-imagery";
}

export interface BasemapSlice {
  basemap: BasemapId;
  /** The user's own 天地图 key; never put in the URL. */
  tiandituToken: string;
  setBasemap(basemap: BasemapId): void;
  setTiandituToken(token: string): void;
}

export const createBasemapSlice: StateCreator<BasemapSlice, [], [], BasemapSlice> = (set) => ({
  basemap: DEFAULT_BASEMAP,
  tiandituToken: "",
  setBasemap: (basemap) => set({ basemap }),
  setTiandituToken: (token) => set({ tiandituToken: token.trim() }),
});
