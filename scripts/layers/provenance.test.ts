import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../src/layers/manifestTypes";
import { GEODATA_DIR, REPO_ROOT } from "./paths";
import { props, readGeodataJson, readLayer } from "./testSupport";

/** Document ids from the table in docs/data-model.md (`exec-meeting-44` … `exec-meeting-53` expanded). */
function documentIds(): Set<string> {
  const text = readFileSync(resolve(REPO_ROOT, "docs/data-model.md"), "utf8");
  const table = text.slice(text.indexOf("## Document ids"), text.indexOf("## Clause ids"));
  const ids = new Set<string>();
  for (const line of table.split("\n").filter((row) => row.startsWith("| `"))) {
    const found = [...line.matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1] as string);
    const range = /exec-meeting-(\d+)/;
    if (found.length === 2 && range.test(found[0]!) && range.test(found[1]!)) {
      const from = Number(range.exec(found[0]!)![1]);
      const to = Number(range.exec(found[1]!)![1]);
      for (let n = from; n <= to; n++) ids.add(`exec-meeting-${n}`);
    } else found.forEach((id) => ids.add(id));
  }
  return ids;
}

/** The clauses docs/data-model.md says the layers cite (ranges written out). */
const CITABLE = new Set([
  "dzf-2023-13#s1.p1",
  "dzf-2023-13#s1.p2",
  "dzf-2023-13#s1.p3",
  "dzf-2023-13#s3.para1",
  "dzfb-2023-32#s1.para1",
  "dzfb-2023-32#s3.p1.para1",
  "dzfb-2023-32#s3.p1.para2",
  "dzfb-2023-32#s3.p1.para3",
  "dzfb-2023-32#s3.p1.para4",
  "dzfb-2023-32#s3.p2.para2",
  "dzfb-2023-32#s3.p3.n5.para1",
  "dzfb-2023-32#box1.r1",
  "dzfb-2023-32#box1.r2",
  "dzfb-2023-32#s3.p3.n6.para1",
  "dzfb-2023-32#box2",
  ...[1, 2, 3, 4, 5, 6, 7].map((row) => `dzfb-2023-32#box2.r${row}`),
  "dzfb-2023-32#s4.n1.para2",
  ...[1, 2, 3, 4, 5, 6].map((n) => `dzfb-2023-47#s${n}`),
  "dzfb-2023-47#rules",
  "dzfb-2023-47#effective",
  "dzf-2023-7#s5.p1.para1",
  "dzf-2023-7#s5.p1.para2",
  "dzf-2023-8#s2.p2.para1",
  ...[1, 2, 3, 4].map((n) => `dzfb-2023-50#s1.p3.n3.i${n}`),
]);

const layerNames = readdirSync(resolve(GEODATA_DIR, "layers"))
  .filter((name) => name.endsWith(".geojson"))
  .map((name) => name.replace(/\.geojson$/, ""))
  .sort();

describe("every feature's provenance", () => {
  const documents = documentIds();

  it("reads the document table", () => {
    expect(documents.has("dzf-2023-13")).toBe(true);
    expect(documents.has("exec-meeting-50")).toBe(true);
    expect(documents.size).toBe(7 + 10);
  });

  for (const name of layerNames) {
    it(`${name}: id, name, source, geometry_quality, geometry_note`, () => {
      const features = readLayer(name).features;
      const ids = new Set<string>();
      for (const item of features) {
        const p = props(item);
        expect(typeof p["id"] === "string" && /^[a-z0-9-]+$/.test(p["id"] as string), `id ${String(p["id"])}`).toBe(true);
        expect(item.id, "feature id mirrors properties.id").toBe(p["id"]);
        expect(ids.has(p["id"] as string), `duplicate id ${String(p["id"])}`).toBe(false);
        ids.add(p["id"] as string);
        expect(typeof p["name"] === "string" && (p["name"] as string).length > 0).toBe(true);
        expect(Array.isArray(p["source"]) && (p["source"] as unknown[]).length > 0, `${String(p["id"])} source`).toBe(true);
        for (const citation of p["source"] as string[]) {
          const [document, clause] = citation.split("#");
          expect(documents.has(document!), `${citation}: unknown document`).toBe(true);
          expect(clause && /^[a-z0-9.]+$/.test(clause), `${citation}: clause`).toBe(true);
          expect(CITABLE.has(citation), `${citation} is not among the clauses data-model.md lists`).toBe(true);
        }
        expect(["official", "derived", "schematic"]).toContain(p["geometry_quality"]);
        expect(typeof p["geometry_note"] === "string" && (p["geometry_note"] as string).length > 20).toBe(true);
        expect(typeof p["geometry_note_en"] === "string" && (p["geometry_note_en"] as string).length > 20).toBe(true);
      }
    });
  }

  it("mining-policy.json cites only listed clauses", () => {
    const text = readFileSync(resolve(GEODATA_DIR, "mining-policy.json"), "utf8");
    for (const match of text.matchAll(/"(dzfb-2023-32#[a-z0-9.]+)"/g)) expect(CITABLE.has(match[1]!), match[1]).toBe(true);
  });
});

describe("manifest.json", () => {
  const manifest = readGeodataJson<Manifest>("manifest.json");
  const layer = (id: string) => {
    const found = manifest.layers.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no layer ${id}`);
    return found;
  };

  it("has the five policy groups, the synthetic example group and a version", () => {
    expect(manifest.groups.map((group) => [group.id, group.title.zh])).toEqual([
      ["admin", "行政区划与配套费"],
      ["mining", "矿产资源"],
      ["memorials", "烈士纪念设施"],
      ["urban", "城镇空间格局"],
      ["social", "残疾人就业扶持"],
      ["examples", "示例数据（合成）"],
    ]);
    expect(manifest.version).toMatch(/^2023\.\d+\.\d+$/);
  });

  it("has bounds equal to the district's bbox", () => {
    const ring = (readLayer("district").features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(manifest.district.bounds).toEqual([
      Math.min(...ring.map((p) => p[0]!)),
      Math.min(...ring.map((p) => p[1]!)),
      Math.max(...ring.map((p) => p[0]!)),
      Math.max(...ring.map((p) => p[1]!)),
    ]);
  });

  it("declares every layer file, with matching geometry types and known groups and documents", () => {
    const documents = documentIds();
    const groups = new Set(manifest.groups.map((group) => group.id));
    const declared = new Set(manifest.layers.map((entry) => entry.file));
    for (const name of layerNames) expect(declared.has(`layers/${name}.geojson`), name).toBe(true);
    for (const entry of manifest.layers) {
      expect(groups.has(entry.group), entry.id).toBe(true);
      entry.sourceDocuments.forEach((document) => expect(documents.has(document), `${entry.id}: ${document}`).toBe(true));
      // Large layers (display + check) have no GeoJSON file; the scale example's own tests read them.
      if (entry.file === undefined) continue;
      const types = new Set(readLayer(entry.file.replace(/^layers\/|\.geojson$/g, "")).features.map((item) => item.geometry.type));
      const allowed = { polygon: ["Polygon", "MultiPolygon"], line: ["LineString", "MultiLineString"], point: ["Point", "MultiPoint"] }[entry.geometryType];
      for (const type of types) expect(allowed, `${entry.id}: ${type}`).toContain(type);
      expect(entry.qualityNote.zh.length > 0 && entry.qualityNote.en.length > 0).toBe(true);
      expect(entry.positionalAccuracyM).toBeGreaterThan(0);
    }
  });

  it("sets roles and default visibility as specified", () => {
    const roles = Object.fromEntries(manifest.layers.map((entry) => [entry.id, entry.role]));
    expect(roles).toEqual({
      district: "context",
      towns: "context",
      "fee-tiers": "informs",
      parks: "informs",
      "mining-key-zone": "restricts",
      "mining-exploration-blocks": "restricts",
      "mining-extraction-blocks": "restricts",
      memorials: "restricts",
      "memorial-uncertainty": "informs",
      "urban-areas": "informs",
      "urban-axes": "informs",
      "urban-nodes": "informs",
      "disability-subsidy": "informs",
      "synthetic-parcels": "context",
    });
    const visible = manifest.layers.filter((entry) => entry.visible).map((entry) => entry.id);
    expect(visible).toEqual(["district", "towns", "fee-tiers", "mining-key-zone", "memorials"]);
  });

  it("styles the fee tiers 210/150/120 with a hatch on fee_split, and labels towns by name", () => {
    const fee = layer("fee-tiers");
    expect(fee.file).toBe("layers/towns.geojson");
    expect(fee.style.hatchProperty).toBe("fee_split");
    const color = fee.style.color;
    expect(typeof color === "object" && color.property).toBe("fee_tier");
    expect(typeof color === "object" && color.categories.map((pair) => pair[0])).toEqual([210, 150, 120]);
    expect(fee.legend.map((entry) => entry.value?.zh).slice(0, 3)).toEqual(["210 元/m²", "150 元/m²", "120 元/m²"]);
    expect(layer("towns").style.labelProperty).toBe("name");
    expect(layer("disability-subsidy").file).toBe("layers/towns.geojson");
  });

  it("has legend notes for the parks without published bounds", () => {
    const notes = layer("parks")
      .legend.filter((entry) => entry.note)
      .map((entry) => entry.label.zh);
    expect(notes).toEqual(["大足高新区", "大足工业园区"]);
  });
});
