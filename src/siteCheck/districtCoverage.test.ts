import type { Feature, Geometry } from "geojson";
import { describe, expect, it } from "vitest";
import { checkParcel } from "../check/checkParcel";
import { gaussKrugerRectangle as rectangle } from "../geo/gaussKrugerRectangle";
import type { LayerDefinition } from "../layers/manifestTypes";
import { districtCoverage, withDistrictCoverage } from "./districtCoverage";

const E = 569_000;
const N = 3_287_000;
const OUTLINE: Feature<Geometry>[] = [{ type: "Feature", geometry: rectangle(E, N, E + 10_000, N + 10_000), properties: {} }];

describe("district coverage", () => {
  it("a 200 m × 100 m site across the district's west edge: 10 000 m² inside, 10 000 m² outside", () => {
    const coverage = districtCoverage(rectangle(E - 100, N + 500, E + 100, N + 600), OUTLINE);
    expect(coverage.position).toBe("partly");
    expect(coverage.insideSquareMetres).toBeCloseTo(10_000, 3);
    expect(coverage.outsideSquareMetres).toBeCloseTo(10_000, 3);
  });

  it("wholly inside, and wholly outside with its whole area outside", () => {
    expect(districtCoverage(rectangle(E + 100, N + 100, E + 200, N + 200), OUTLINE).position).toBe("inside");
    const outside = districtCoverage(rectangle(E - 300, N + 100, E - 100, N + 250), OUTLINE);
    expect(outside).toMatchObject({ position: "outside", insideSquareMetres: 0 });
    expect(outside.outsideSquareMetres).toBeCloseTo(30_000, 3);
  });

  it("a site wholly outside gets no per-layer clear; one partly outside keeps its findings", () => {
    const definition = {
      id: "zone",
      title: { zh: "区", en: "Zone" },
      group: "mining",
      geometryType: "polygon",
      geometryQuality: "schematic",
      qualityNote: { zh: "", en: "" },
      positionalAccuracyM: 100,
      role: "restricts",
      sourceDocuments: [],
      visible: true,
      style: { color: "#c00", opacity: 0.5 },
      legend: [],
    } as LayerDefinition;
    const zone: Feature<Geometry> = {
      type: "Feature",
      geometry: rectangle(E + 5000, N + 5000, E + 6000, N + 6000),
      properties: { id: "z", name: "z", source: [] },
    };
    const site = rectangle(E - 3000, N + 100, E - 2000, N + 250);
    const report = withDistrictCoverage(checkParcel(site, [{ definition, features: [zone] }]), districtCoverage(site, OUTLINE));
    expect(report.findings.map((finding) => finding.status)).toEqual(["outside"]);
    expect(report.findings[0]!.reason.code).toBe("site.reason.outsideDistrict");
    const straddling = rectangle(E - 100, N + 500, E + 100, N + 600);
    const partly = withDistrictCoverage(checkParcel(straddling, [{ definition, features: [zone] }]), districtCoverage(straddling, OUTLINE));
    expect(partly.findings.map((finding) => finding.status)).toEqual(["clear"]);
    expect(partly.district?.position).toBe("partly");
  });
});
