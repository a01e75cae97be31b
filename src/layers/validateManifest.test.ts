import { describe, expect, it } from "vitest";
import { readFixture } from "../../tests/fixtures/layers/readFixture";
import { validateManifest } from "./validateManifest";

type Editable = Record<string, any>;

function fixtureManifest(): Editable {
  return structuredClone(readFixture("valid/manifest.json")) as Editable;
}

function errorsOf(manifest: unknown): string[] {
  const result = validateManifest(manifest);
  return result.ok ? [] : result.errors;
}

describe("validateManifest", () => {
  it("accepts the valid fixture", () => {
    const result = validateManifest(fixtureManifest());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.layers.map((layer) => layer.id)).toContain("towns");
  });

  it("rejects a non-object", () => {
    expect(errorsOf([])).toEqual(["manifest must be a JSON object"]);
    expect(errorsOf(null)).toEqual(["manifest must be a JSON object"]);
  });

  it("names the layer and field for an out-of-range opacity", () => {
    const manifest = fixtureManifest();
    manifest.layers[2].style.opacity = 1.5;
    expect(errorsOf(manifest)).toEqual(["layer 'fee-zones': style.opacity must be between 0 and 1"]);
  });

  it("accepts a published count and refuses one that is not a whole number above 0", () => {
    const manifest = fixtureManifest();
    manifest.layers[4].publishedCount = 28;
    expect(errorsOf(manifest)).toEqual([]);
    manifest.layers[4].publishedCount = 2.5;
    expect(errorsOf(manifest)).toEqual([
      "layer 'extraction-blocks': publishedCount must be a whole number > 0 (how many features the source document publishes)",
    ]);
  });

  it("reports an unknown group", () => {
    const manifest = fixtureManifest();
    manifest.layers[0].group = "nowhere";
    expect(errorsOf(manifest)).toEqual(["layer 'district': unknown group 'nowhere'"]);
  });

  it("reports duplicate layer and group ids", () => {
    const manifest = fixtureManifest();
    manifest.layers.push(structuredClone(manifest.layers[1]));
    manifest.groups.push(structuredClone(manifest.groups[0]));
    const errors = errorsOf(manifest);
    expect(errors).toContain("duplicate layer id 'towns'");
    expect(errors).toContain("duplicate group id 'base'");
  });

  it("reports a missing file and a path that escapes the package", () => {
    const manifest = fixtureManifest();
    delete manifest.layers[0].file;
    manifest.layers[1].file = "../secrets.json";
    const errors = errorsOf(manifest);
    expect(errors).toContain("layer 'district': missing file");
    expect(errors).toContain("layer 'towns': file \"../secrets.json\" must be a relative path inside the data package");
  });

  it("reports bad colours, categories and enums", () => {
    const manifest = fixtureManifest();
    manifest.layers[2].style.color.categories.push([210, "#123456"]);
    manifest.layers[3].style.outlineColor = "blueish";
    manifest.layers[4].geometryType = "area";
    manifest.layers[5].legend[0].color = 12;
    const errors = errorsOf(manifest);
    expect(errors).toContain("layer 'fee-zones': style.color.categories[3] repeats the value 210");
    expect(errors).toContain("layer 'exploration-blocks': style.outlineColor \"blueish\" is not a colour");
    expect(errors).toContain("layer 'extraction-blocks': geometryType must be one of 'polygon', 'line', 'point' (got \"area\")");
    expect(errors).toContain("layer 'memorials': legend[0].color 12 is not a colour");
  });

  it("rejects ids that would not survive the URL hash", () => {
    const manifest = fixtureManifest();
    manifest.layers[0].id = "district,outline";
    expect(errorsOf(manifest)).toContain("layer 'district,outline': id must use only letters, digits, '-' and '_'");
  });

  it("rejects inverted bounds", () => {
    const manifest = fixtureManifest();
    manifest.district.bounds = [106, 29.4, 105.5, 29.8];
    expect(errorsOf(manifest)[0]).toMatch(/^district: bounds must be/);
  });

  it("checks the district block: an outline that is a layer with that file, a published area, a source", () => {
    const manifest = fixtureManifest();
    manifest.district.outline = { layer: "district", file: "layers/towns.geojson" };
    manifest.district.publishedAreaKm2 = 0;
    delete manifest.district.source;
    expect(errorsOf(manifest)).toEqual([
      "district: publishedAreaKm2 must be a number > 0",
      "district: source must cite the clause that publishes the district's area",
      "district: outline file 'layers/towns.geojson' is not the file of layer 'district'",
    ]);
    manifest.district.outline.layer = "outline";
    expect(errorsOf(manifest)).toContain("district: outline layer 'outline' is not a layer of the manifest");
    delete manifest.district;
    expect(errorsOf(manifest)).toEqual(["district must be an object with name, bounds, outline, publishedAreaKm2 and source"]);
  });

  it("lists every problem of the broken fixture at once", () => {
    const errors = errorsOf(readFixture("broken-manifest/manifest.json"));
    expect(errors).toEqual([
      "layer 'fee-zones': style.opacity must be between 0 and 1",
      "layer 'exploration-blocks': unknown group 'minerals'",
      "layer 'memorials': missing file",
      "duplicate layer id 'district'",
    ]);
  });

  describe("attributes", () => {
    const feeTier = () => ({
      key: "fee_tier",
      label: { zh: "城市基础设施配套费", en: "Urban infrastructure charge" },
      format: "feeRate",
      document: "dzf-2023-13",
    });

    it("accepts declared attributes with a vocabulary, a name layer and the layer's own document", () => {
      const manifest = fixtureManifest();
      manifest.layers[2].attributes = [
        feeTier(),
        { key: "kind", label: { zh: "类型", en: "Type" }, format: "text", values: { 镇: { zh: "镇", en: "Town" } } },
        { key: "towns", label: { zh: "涉及镇街", en: "Towns" }, format: "list", namesFrom: "towns" },
        { key: "fee_split", label: { zh: "分档", en: "Split tier" }, format: "flag", values: { true: { zh: "分两档", en: "Two tiers" } } },
      ];
      manifest.layers[2].internalProperties = ["seat"];
      expect(errorsOf(manifest)).toEqual([]);
    });

    it("names each broken declaration: English missing, unknown format, unknown name layer, a bad document id, a flag without words", () => {
      const manifest = fixtureManifest();
      manifest.layers[2].attributes = [
        { ...feeTier(), label: { zh: "城市基础设施配套费", en: "" } },
        { key: "kind", label: { zh: "类型", en: "Type" }, format: "words" },
        { key: "towns", label: { zh: "涉及镇街", en: "Towns" }, format: "list", namesFrom: "villages" },
        { key: "mineral", label: { zh: "矿种", en: "Mineral" }, format: "text", document: "../32" },
        { key: "fee_split", label: { zh: "分档", en: "Split tier" }, format: "flag" },
        { key: "level", label: { zh: "级别", en: "Level" }, format: "text", values: { 市级: { zh: "市级", en: "" } } },
      ];
      expect(errorsOf(manifest)).toEqual([
        `layer 'fee-zones': attribute 'fee_tier'.label must be {"zh": "…", "en": "…"} with both non-empty`,
        "layer 'fee-zones': attribute 'kind'.format must be one of 'text', 'list', 'number', 'boolean', 'flag', 'date', 'metres', 'uncertainty', 'squareKilometres', 'feeRate', 'areaByName', 'quote' (got \"words\")",
        `layer 'fee-zones': attribute 'towns'.namesFrom must be the id of a layer in this manifest (got "villages")`,
        `layer 'fee-zones': attribute 'mineral'.document must be a document id (got "../32")`,
        "layer 'fee-zones': attribute 'fee_split': a flag needs values.true, the words shown when it is set",
        `layer 'fee-zones': attribute 'level'.values["市级"] must be {"zh": "…", "en": "…"} with both non-empty`,
      ]);
    });

    it("reports a key declared twice, a provenance key, and a key both listed and internal", () => {
      const manifest = fixtureManifest();
      manifest.layers[2].attributes = [feeTier(), feeTier(), { key: "name", label: { zh: "名称", en: "Name" }, format: "text" }];
      manifest.layers[2].internalProperties = ["fee_tier"];
      expect(errorsOf(manifest)).toEqual([
        "layer 'fee-zones': attribute 'fee_tier' is declared twice",
        "layer 'fee-zones': attribute 'name' is provenance, shown on its own, never listed",
        "layer 'fee-zones': property 'fee_tier' is both an attribute and internal",
      ]);
    });
  });
});
