import { describe, expect, it } from "vitest";
import { requestedRange } from "./httpRanges";

describe("requestedRange", () => {
  it("reads the forms range readers send", () => {
    expect(requestedRange(undefined, 100)).toEqual({ type: "whole" });
    expect(requestedRange("bytes=0-16383", 100_000)).toEqual({ type: "range", start: 0, end: 16_383 });
    expect(requestedRange("bytes=10-", 100)).toEqual({ type: "range", start: 10, end: 99 });
    expect(requestedRange("bytes=-10", 100)).toEqual({ type: "range", start: 90, end: 99 });
  });

  it("clips a range past the end and refuses one that starts past it", () => {
    expect(requestedRange("bytes=0-16383", 1000)).toEqual({ type: "range", start: 0, end: 999 });
    expect(requestedRange("bytes=1000-", 1000)).toEqual({ type: "unsatisfiable" });
    expect(requestedRange("bytes=5-2", 1000)).toEqual({ type: "unsatisfiable" });
  });

  it("answers with the whole file for forms it does not handle", () => {
    expect(requestedRange("bytes=0-1,5-6", 100)).toEqual({ type: "whole" });
    expect(requestedRange("items=0-1", 100)).toEqual({ type: "whole" });
  });
});
