import { describe, expect, it } from "vitest";
import { memorialCodec } from "../memorials/memorialLinks";
import { encodeParcelForHash } from "../parcel/parcelHash";
import { MAX_LINK_PARCEL_CHARACTERS, parcelLinkCodec, parcelLinkOf } from "../parcel/parcelLink";
import { documentLinkCodec, featureLinkCodec } from "../state/policyLinks";
import { languageCodec, viewCodec } from "../state/viewRoutes";
import { parseHashParameters } from "./hashParameters";
import type { HashCodec } from "./router";

/** What the router hands a codec: only its own keys. */
function own<T>(codec: HashCodec<T>, hash: string): Map<string, string> {
  return new Map(parseHashParameters(hash).filter(([key]) => codec.keys.includes(key)));
}

/** parse ∘ format ∘ parse is parse, and format writes only the codec's own keys. */
function roundTrips<T>(codec: HashCodec<T>, hash: string): T {
  const value = codec.parse(own(codec, hash));
  const written = codec.format(value);
  for (const [key] of written) expect(codec.keys).toContain(key);
  expect(codec.parse(new Map(written))).toEqual(value);
  return value;
}

const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [105.7, 29.7],
      [105.71, 29.7],
      [105.71, 29.71],
      [105.7, 29.71],
      [105.7, 29.7],
    ],
  ],
};

describe("hash codecs", () => {
  it("round-trip an old full link, each reading only its own keys", () => {
    const link = `#v=11.5/29.70970/105.71810&layers=district,towns&op=towns:0.7&base=osm&lang=en&feature=memorials/memorial-rao-guoliang&doc=dzf-2023-13&clause=s1.p3&memorial=memorial-hu-zaiguo&parcel=${encodeParcelForHash(square)}&unknown=1`;
    expect(roundTrips(viewCodec, link)).toEqual({
      camera: { center: [105.7181, 29.7097], zoom: 11.5, bearing: 0, pitch: 0 },
      visibleLayers: ["district", "towns"],
      opacities: { towns: 0.7 },
      basemap: "osm",
    });
    expect(roundTrips(languageCodec, link)).toBe("en");
    expect(roundTrips(featureLinkCodec, link)).toEqual({ type: "feature", layerId: "memorials", featureId: "memorial-rao-guoliang" });
    expect(roundTrips(documentLinkCodec, link)).toEqual({ type: "document", documentId: "dzf-2023-13", clauseId: "s1.p3" });
    expect(roundTrips(memorialCodec, link)).toBe("memorial-hu-zaiguo");
    expect(roundTrips(parcelLinkCodec, link)).toEqual({ type: "link", payload: encodeParcelForHash(square) });
  });

  it("write nothing for the defaults", () => {
    for (const codec of [viewCodec, languageCodec, featureLinkCodec, documentLinkCodec, memorialCodec, parcelLinkCodec] as Array<HashCodec<unknown>>) {
      expect(codec.format(codec.parse(new Map()))).toEqual([]);
    }
  });

  it("ignore malformed view values one by one, keeping the rest", () => {
    expect(viewCodec.parse(own(viewCodec, "#v=99/29.7/105.7&layers=towns&op=towns:7,district:0.5&base=google"))).toEqual({
      visibleLayers: ["towns"],
      opacities: { district: 0.5 },
    });
    expect(languageCodec.parse(own(languageCodec, "#lang=fr"))).toBe("zh");
    expect(memorialCodec.parse(own(memorialCodec, "#memorial="))).toBeNull();
  });

  it("report a malformed feature or document link so its route can say so, and keep a parcel payload as text", () => {
    expect(featureLinkCodec.parse(own(featureLinkCodec, "#feature=memorials"))).toEqual({ type: "malformed", value: "memorials" });
    // An old link's sel= wins when valid, and is ignored on its own when not.
    expect(featureLinkCodec.parse(own(featureLinkCodec, "#sel=towns/a&feature=towns/b"))).toEqual({ type: "feature", layerId: "towns", featureId: "a" });
    expect(featureLinkCodec.parse(own(featureLinkCodec, "#sel=towns&feature=towns/b"))).toEqual({ type: "feature", layerId: "towns", featureId: "b" });
    expect(documentLinkCodec.parse(own(documentLinkCodec, "#doc=..%2Fetc")).type).toBe("malformed");
    // A parcel payload is decoded (and refused with a notice) by the site check service, so the route keeps it as text.
    expect(parcelLinkCodec.parse(own(parcelLinkCodec, "#parcel=zzz"))).toEqual({ type: "link", payload: "zzz" });
    expect(parcelLinkCodec.parse(own(parcelLinkCodec, "#parcel="))).toEqual({ type: "none" });
  });

  it("leave a parcel too long for an address out of it", () => {
    expect(parcelLinkOf(encodeParcelForHash(square))).toEqual({ type: "link", payload: encodeParcelForHash(square) });
    const ring = Array.from({ length: 2000 }, (_, index) => [105.7 + Math.cos(index) * 0.01 + index * 1e-6, 29.7 + Math.sin(index) * 0.01]);
    const large = { type: "Polygon" as const, coordinates: [[...ring, ring[0]!]] };
    expect(encodeParcelForHash(large).length).toBeGreaterThan(MAX_LINK_PARCEL_CHARACTERS);
    expect(parcelLinkOf(encodeParcelForHash(large))).toEqual({ type: "none" });
    expect(parcelLinkOf(null)).toEqual({ type: "none" });
  });
});
