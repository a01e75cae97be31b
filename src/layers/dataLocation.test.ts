import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_BASE_URL, dataBaseUrl } from "./dataLocation";

describe("dataBaseUrl", () => {
  it("defaults to geodata/", () => {
    expect(dataBaseUrl("")).toBe(DEFAULT_DATA_BASE_URL);
    expect(dataBaseUrl("?lang=en")).toBe(DEFAULT_DATA_BASE_URL);
  });

  it("accepts a plain relative folder", () => {
    expect(dataBaseUrl("?data=tests/fixtures/layers/valid/")).toBe("tests/fixtures/layers/valid/");
    expect(dataBaseUrl("?data=tests/fixtures/app")).toBe("tests/fixtures/app/");
  });

  it("ignores anything that could leave the origin or the site", () => {
    for (const attempt of ["https://evil.example/", "//evil.example/", "/etc/", "../up/", "a/../../b/", "./x/", "a b/"]) {
      expect(dataBaseUrl(`?data=${encodeURIComponent(attempt)}`), attempt).toBe(DEFAULT_DATA_BASE_URL);
    }
  });
});
