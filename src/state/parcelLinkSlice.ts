import type { StateCreator } from "zustand/vanilla";
import { PARCEL_LINK_NONE, type ParcelLink } from "../parcel/parcelLink";

export interface ParcelLinkSlice {
  /**
   * A parcel that arrived in the address (`#parcel=`) and the site check has not opened yet: it loads on demand, so
   * the link waits here (and stays in the address) until it does. None once opened.
   */
  linkedParcel: ParcelLink;
  setLinkedParcel(link: ParcelLink): void;
}

export const createParcelLinkSlice: StateCreator<ParcelLinkSlice, [], [], ParcelLinkSlice> = (set) => ({
  linkedParcel: PARCEL_LINK_NONE,
  setLinkedParcel: (link) => set((state) => (state.linkedParcel === link ? state : { linkedParcel: link })),
});
