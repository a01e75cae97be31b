import { describe, expect, it } from "vitest";
import { formatHashParameters, parseHashParameters } from "./hashParameters";

describe("hash parameters", () => {
  it("reads every parameter in order, decoded, and writes them back readable", () => {
    const parameters = parseHashParameters("#v=11/29.7/105.7&x=a%20b&op=towns:0.5,district:1&flag");
    expect(parameters).toEqual([
      ["v", "11/29.7/105.7"],
      ["x", "a b"],
      ["op", "towns:0.5,district:1"],
      ["flag", ""],
    ]);
    expect(formatHashParameters(parameters)).toBe("#v=11/29.7/105.7&x=a%20b&op=towns:0.5,district:1&flag=");
    expect(parseHashParameters(formatHashParameters([["名", "值&=#"]]))).toEqual([["名", "值&=#"]]);
  });

  it("leaves out what cannot be decoded, empty keys and a repeated key's later values", () => {
    expect(parseHashParameters("#a=%E4%B8&b=1&=2&b=3&&c=%zz")).toEqual([["b", "1"]]);
    expect(parseHashParameters("")).toEqual([]);
    expect(parseHashParameters("#")).toEqual([]);
    expect(formatHashParameters([])).toBe("");
  });
});
