import type { HashCodec } from "../routing/router";

/** The hash parameter that carries a parcel; its payload is src/parcel/parcelHash.ts's (geometry, then the officer's inputs). */
export const PARCEL_PARAMETER = "parcel";
/** Longer parcels are left out of the address bar and the printed link (browsers and chat apps cut long URLs). */
export const MAX_LINK_PARCEL_CHARACTERS = 6000;

/**
 * The parcel the address carries: none, or a payload as written. It is decoded by the site check service
 * (src/siteCheck), which says so when a payload does not decode, so the route keeps it as text until then.
 */
export type ParcelLink = { type: "none" } | { type: "link"; payload: string };

export const PARCEL_LINK_NONE: ParcelLink = { type: "none" };

export const parcelLinkCodec: HashCodec<ParcelLink> = {
  keys: [PARCEL_PARAMETER],
  parse: (parameters) => {
    const payload = parameters.get(PARCEL_PARAMETER);
    return payload === undefined || payload === "" ? PARCEL_LINK_NONE : { type: "link", payload };
  },
  format: (link) => (link.type === "none" ? [] : [[PARCEL_PARAMETER, link.payload]]),
};

/** The link for a payload, or none when there is none or it is too long for an address. */
export function parcelLinkOf(payload: string | null): ParcelLink {
  return payload === null || payload === "" || payload.length > MAX_LINK_PARCEL_CHARACTERS ? PARCEL_LINK_NONE : { type: "link", payload };
}
