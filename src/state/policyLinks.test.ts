import { describe, expect, it } from "vitest";
import { READER_CLOSED } from "./policySlice";
import { documentLinkCodec, documentLinkOf, featureLinkCodec, featureLinkOf, readPolicyLinks } from "./policyLinks";
import { featureSelection, SELECTION_NONE } from "./selection";
import { formatHash, parseHash } from "./urlHash";

describe("policy links in the URL hash", () => {
  it("reads a feature link and a document link beside the view state", () => {
    const links = readPolicyLinks("#v=11/29.7/105.7&lang=en&feature=memorials/memorial-rao-guoliang&doc=dzf-2023-13&clause=s1.p3");
    expect(links.feature).toEqual({ type: "feature", layerId: "memorials", featureId: "memorial-rao-guoliang" });
    expect(links.document).toEqual({ type: "document", documentId: "dzf-2023-13", clauseId: "s1.p3" });
    expect(readPolicyLinks("#doc=dzfb-2023-47").document).toEqual({ type: "document", documentId: "dzfb-2023-47", clauseId: null });
    expect(readPolicyLinks("#lang=en")).toEqual({ feature: { type: "none" }, document: { type: "none" } });
  });

  it("reads a citation written into doc=, and reports malformed values instead of guessing", () => {
    expect(readPolicyLinks("#doc=dzf-2023-13%23s1.p1").document).toEqual({ type: "document", documentId: "dzf-2023-13", clauseId: "s1.p1" });
    expect(readPolicyLinks("#feature=memorials").feature).toEqual({ type: "malformed", value: "memorials" });
    expect(readPolicyLinks("#feature=/x").feature.type).toBe("malformed");
    expect(readPolicyLinks("#feature=a/b%20c").feature.type).toBe("malformed");
    expect(readPolicyLinks("#feature=a%3Cb/c").feature.type).toBe("malformed");
    expect(readPolicyLinks("#doc=..%2Fetc").document.type).toBe("malformed");
    expect(readPolicyLinks("#doc=dzf-2023-13&clause=%3Cb%3E").document.type).toBe("malformed");
  });

  it("writes the links for the selection and the open reader, and nothing when there is none", () => {
    expect(featureLinkCodec.format(featureLinkOf(featureSelection("memorials", "memorial-rao-guoliang")))).toEqual([
      ["feature", "memorials/memorial-rao-guoliang"],
    ]);
    expect(featureLinkCodec.format(featureLinkOf(SELECTION_NONE))).toEqual([]);
    expect(documentLinkCodec.format(documentLinkOf({ type: "open", documentId: "dzfb-2023-47", clauseId: "s1" }))).toEqual([
      ["doc", "dzfb-2023-47"],
      ["clause", "s1"],
    ]);
    expect(documentLinkCodec.format(documentLinkOf({ type: "open", documentId: "dzfb-2023-47", clauseId: null }))).toEqual([["doc", "dzfb-2023-47"]]);
    expect(documentLinkCodec.format(documentLinkOf(READER_CLOSED))).toEqual([]);
  });

  it("lets a feature link select on its own, and does not repeat it as sel=", () => {
    const parsed = parseHash("#lang=en&feature=memorials/memorial-rao-guoliang");
    expect(parsed.state.selection).toEqual(featureSelection("memorials", "memorial-rao-guoliang"));
    expect(formatHash(parsed.state, parsed.otherParameters)).toBe("#lang=en&feature=memorials/memorial-rao-guoliang");
    // sel= wins when both are there, and stays when the feature link names another feature.
    expect(parseHash("#sel=towns/a&feature=towns/b").state.selection).toEqual(featureSelection("towns", "a"));
    expect(formatHash({ selection: featureSelection("towns", "a") }, [["feature", "towns/b"]])).toBe("#sel=towns/a&feature=towns/b");
  });
});
