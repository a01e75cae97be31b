import { describe, expect, it } from "vitest";
import { READER_CLOSED } from "./policySlice";
import { readPolicyLinks, withDocumentLink, withFeatureLink } from "./policyLinks";
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

  it("writes and removes the links without touching the other parameters", () => {
    const start = "#v=11/29.7/105.7&layers=towns&lang=en&x=1";
    const withFeature = withFeatureLink(start, featureSelection("memorials", "memorial-rao-guoliang"));
    expect(withFeature).toBe(`${start}&feature=memorials/memorial-rao-guoliang`);
    const withDocument = withDocumentLink(withFeature, { type: "open", documentId: "dzfb-2023-47", clauseId: "s1" });
    expect(withDocument).toBe(`${withFeature}&doc=dzfb-2023-47&clause=s1`);
    expect(withDocumentLink(withDocument, { type: "open", documentId: "dzfb-2023-47", clauseId: null })).toBe(`${withFeature}&doc=dzfb-2023-47`);
    expect(withFeatureLink(withDocumentLink(withDocument, READER_CLOSED), SELECTION_NONE)).toBe(start);
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
