import type { Feature, Geometry } from "geojson";
import { isPolygonal, polygonOverlap } from "../check/overlap";
import { planarArea, pointsOf, polygonContainsPoint } from "../check/planarGeometry";
import { toGaussKruger } from "../check/projectToGaussKruger";
import type { CheckReport, DistrictCoverage, LayerFinding, ParcelGeometry } from "../check/types";

/** Areas below this (m²) are rounding, not land. */
const NEGLIGIBLE_SQUARE_METRES = 0.01;

/**
 * How much of a site lies in the district, GK planar m². A point or line has no area: its vertices decide, and the
 * figures are then 0.
 */
export function districtCoverage(parcel: ParcelGeometry, outline: readonly Feature<Geometry>[]): DistrictCoverage {
  const site = toGaussKruger(parcel).geometry;
  const parts = outline.map((feature) => toGaussKruger(feature.geometry).geometry).filter(isPolygonal);
  if (isPolygonal(site)) {
    const total = planarArea(site);
    const inside = Math.min(
      total,
      parts.reduce((sum, part) => sum + polygonOverlap(site, part, 0).squareMetres, 0),
    );
    const outside = Math.max(0, total - inside);
    const position = outside <= NEGLIGIBLE_SQUARE_METRES ? "inside" : inside <= NEGLIGIBLE_SQUARE_METRES ? "outside" : "partly";
    return { position, insideSquareMetres: inside, outsideSquareMetres: outside };
  }
  const vertices = pointsOf(site);
  const insideCount = vertices.filter((vertex) => parts.some((part) => polygonContainsPoint(part, vertex))).length;
  const position = insideCount === vertices.length ? "inside" : insideCount === 0 ? "outside" : "partly";
  return { position, insideSquareMetres: 0, outsideSquareMetres: 0 };
}

/**
 * The report with the district coverage on it. A site wholly outside gets no "clear" (nor "cannot be decided"): the
 * policies do not apply there, which is not the same as finding nothing.
 */
export function withDistrictCoverage(report: CheckReport, coverage: DistrictCoverage): CheckReport {
  if (coverage.position !== "outside") return { ...report, district: coverage };
  const findings = report.findings.map(
    (finding): LayerFinding =>
      finding.status === "clear" || finding.status === "undecided"
        ? { ...finding, status: "outside", reason: { code: "site.reason.outsideDistrict", params: {} } }
        : finding,
  );
  return { ...report, findings, district: coverage };
}
