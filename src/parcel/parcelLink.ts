import type { ParcelGeometry } from "../check/types";
import type { HashCodec } from "../routing/router";
import { decodeParcelFromHash, encodeParcelForHash } from "./parcelHash";

/** The hash parameter that carries a parcel; its payload is src/parcel/parcelHash.ts's. */
export const PARCEL_PARAMETER = "parcel";
/** Longer parcels are left out of the address bar and the printed link (browsers and chat apps cut long URLs). */
export const MAX_LINK_PARCEL_CHARACTERS = 6000;

/** A parcel in the address: none, one that decodes, or a payload that does not (kept until the site check has said so). */
export type ParcelLink =
  | { type: "none" }
  | { type: "parcel"; encoded: string; geometry: ParcelGeometry }
  | { type: "malformed"; encoded: string };

export const PARCEL_LINK_NONE: ParcelLink = { type: "none" };

export const parcelLinkCodec: HashCodec<ParcelLink> = {
  keys: [PARCEL_PARAMETER],
  parse: (parameters) => {
    const encoded = parameters.get(PARCEL_PARAMETER);
    if (encoded === undefined || encoded === "") return PARCEL_LINK_NONE;
    const decoded = decodeParcelFromHash(encoded);
    return decoded.ok ? { type: "parcel", encoded, geometry: decoded.geometry } : { type: "malformed", encoded };
  },
  format: (link) => (link.type === "none" ? [] : [[PARCEL_PARAMETER, link.encoded]]),
};

const linkCache = new WeakMap<ParcelGeometry, ParcelLink>();

/** The link for a parcel, or none when it is too long for an address; remembered per geometry object. */
export function parcelLinkOf(geometry: ParcelGeometry): ParcelLink {
  let link = linkCache.get(geometry);
  if (!link) {
    const encoded = encodeParcelForHash(geometry);
    link = encoded.length <= MAX_LINK_PARCEL_CHARACTERS ? { type: "parcel", encoded, geometry } : PARCEL_LINK_NONE;
    linkCache.set(geometry, link);
  }
  return link;
}
