import type { StateCreator } from "zustand/vanilla";

/** Why the browser gave no position; each has its own message. */
export type LocateFailure = "denied" | "unavailable" | "timeout" | "unsupported" | "insecure";

/** The user's GPS fix, as far as the app knows it. Not part of the URL: a position is private. */
export type UserLocation =
  | { type: "none" }
  | { type: "locating" }
  | {
      type: "located";
      /** [longitude, latitude], WGS-84. */
      lngLat: [number, number];
      /** The browser's 95 % radius, metres. */
      accuracyMetres: number;
      timestamp: number;
    }
  | { type: "failed"; reason: LocateFailure };

export const USER_LOCATION_NONE: UserLocation = { type: "none" };

/** The memorial card: closed, or open on one memorial (`#memorial=<id>`). */
export type MemorialCard = { type: "none" } | { type: "memorial"; memorialId: string };

export const MEMORIAL_CARD_NONE: MemorialCard = { type: "none" };

export interface FieldSlice {
  userLocation: UserLocation;
  memorialCard: MemorialCard;
  setUserLocation(location: UserLocation): void;
  openMemorial(memorialId: string): void;
  closeMemorial(): void;
}

export const createFieldSlice: StateCreator<FieldSlice, [], [], FieldSlice> = (set) => ({
  userLocation: USER_LOCATION_NONE,
  memorialCard: MEMORIAL_CARD_NONE,
  setUserLocation: (userLocation) => set({ userLocation }),
  openMemorial: (memorialId) =>
    set((state) =>
      state.memorialCard.type === "memorial" && state.memorialCard.memorialId === memorialId ? state : { memorialCard: { type: "memorial", memorialId } },
    ),
  closeMemorial: () => set((state) => (state.memorialCard.type === "none" ? state : { memorialCard: MEMORIAL_CARD_NONE })),
});
