import type { Position } from "geojson";
import { BUILDING_USE_LABELS, type FeeEstimate, type FeeQuestion, type FeeTown } from "../check/fee";
import type { CheckReport, FindingStatus, LayerFinding, OverlapTolerance } from "../check/types";
import { lngLatToGaussKruger } from "../geo/crs";
import { toHectares, toMu } from "../geo/measure";
import type { LocalizedText } from "../layers/manifestTypes";
import type { MineralRules } from "./miningPolicy";
import type { FindingOverride, SiteParcel } from "./types";

/** A cited clause with its text, once the policy document is loaded (text null when it could not be). */
export interface ClauseQuote {
  citation: string;
  documentId: string;
  clauseId: string;
  docNumber: string | null;
  shortTitle: LocalizedText | null;
  text: string | null;
}

export const STATUS_LABELS: Record<FindingStatus, LocalizedText & { icon: string }> = {
  restricted: { icon: "✖", zh: "受限制", en: "Restricted" },
  caution: { icon: "⚠", zh: "需核实", en: "Caution" },
  info: { icon: "ℹ", zh: "涉及（提示）", en: "Informs" },
  "no-data": { icon: "—", zh: "无数据", en: "No data" },
  clear: { icon: "✔", zh: "未涉及", en: "Clear" },
};

/** Report order: what stops a project first, what is merely checked last. */
export const STATUS_ORDER: readonly FindingStatus[] = ["restricted", "caution", "info", "no-data", "clear"];

export const TOLERANCE_LABELS: Record<OverlapTolerance, LocalizedText> = {
  substantive: { zh: "实质重叠", en: "Substantive overlap" },
  sliver: { zh: "窄条重叠（窄于图层位置精度）", en: "Sliver (narrower than the layer's positional accuracy)" },
  touches: { zh: "仅边界相接", en: "Touches the boundary only" },
};

export const SCHEMATIC_CAVEAT: LocalizedText = {
  zh: "本结果依据示意性数据，仅为筛查参考，不构成法律认定。",
  en: "This result relies on schematic data: it is for screening only and is not a legal determination.",
};

export const REFERENCE_ONLY: LocalizedText = { zh: "仅供参考，不作为审批依据", en: "For reference only; not a basis for approval" };

export function sortFindings(findings: readonly LayerFinding[]): LayerFinding[] {
  return [...findings].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

/**
 * The clauses a finding rests on: the `source` of every feature it overlaps or is near, and of the published counts
 * of a layer without geometry — limited to the layer's own documents (a town feature also cites the subsidy and
 * population plans, which say nothing about fees).
 */
export function findingCitations(finding: LayerFinding, layerDocuments: readonly string[]): string[] {
  const citations = [
    ...finding.overlaps.flatMap((overlap) => overlap.source),
    ...(finding.nearest && finding.status !== "clear" ? finding.nearest.source : []),
    ...(finding.summary ?? []).map((row) => row.source),
  ];
  const relevant = citations.filter((citation) => layerDocuments.length === 0 || layerDocuments.includes(citation.split("#")[0] ?? ""));
  return [...new Set(relevant)];
}

/** Every position of the parcel with a label: the source's point labels where given, else J1, J2 … per ring. */
export interface LabelledVertex {
  label: string;
  part: number;
  ring: number;
  lngLat: [number, number];
  /** Northing (X), easting (Y) in CGCS2000 3° GK CM105°E, metres. */
  gaussKruger: { x: number; y: number };
  /** The numbers as given in the input CRS and order, when the parcel was imported. */
  source?: [number, number];
}

function rawRings(geometry: SiteParcel["geometry"]): Position[][][] {
  switch (geometry.type) {
    case "Point":
      return [[[geometry.coordinates]]];
    case "LineString":
      return [[geometry.coordinates]];
    case "Polygon":
      return [geometry.coordinates];
    case "MultiPolygon":
      return geometry.coordinates;
  }
}

/** The parcel's vertices, polygon rings without their closing repeat. */
export function labelledVertices(parcel: SiteParcel): LabelledVertex[] {
  const polygonal = parcel.geometry.type === "Polygon" || parcel.geometry.type === "MultiPolygon";
  const result: LabelledVertex[] = [];
  let counter = 0;
  rawRings(parcel.geometry).forEach((rings, part) =>
    rings.forEach((ring, ringIndex) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      const open = polygonal && ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
      const sourceRing = parcel.sourceCoordinates?.[part]?.[ringIndex];
      const labels = parcel.vertexLabels?.[part]?.[ringIndex];
      // Source rings may be unclosed or have had duplicates removed: use them only when they line up.
      const sourceMatches = sourceRing !== undefined && (sourceRing.length === open.length || sourceRing.length === open.length + 1);
      open.forEach((position, index) => {
        counter++;
        const lngLat: [number, number] = [position[0]!, position[1]!];
        const [easting, northing] = lngLatToGaussKruger(lngLat);
        const vertex: LabelledVertex = {
          label: (sourceMatches ? labels?.[index] : undefined) ?? `J${counter}`,
          part,
          ring: ringIndex,
          lngLat,
          gaussKruger: { x: northing, y: easting },
        };
        if (sourceMatches && sourceRing[index]) vertex.source = [sourceRing[index][0], sourceRing[index][1]];
        result.push(vertex);
      });
    }),
  );
  return result;
}

export interface ReportInput {
  parcel: SiteParcel;
  report: CheckReport;
  checkedAt: string;
  dataPackageVersion: string;
  overrides: Readonly<Record<string, FindingOverride>>;
  layerDocuments: (layerId: string) => readonly string[];
  quotes: ReadonlyMap<string, ClauseQuote>;
  feeTowns: readonly FeeTown[];
  fee: FeeEstimate | null;
  mining: MineralRules | null;
  layerFileHashes: ReadonlyArray<{ file: string; sha256: string }>;
  /** Layers that could not be loaded and so were not checked. */
  notChecked: ReadonlyArray<{ layerId: string; title: LocalizedText }>;
  link: string | null;
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

function areaRecord(squareMetres: number) {
  return { squareMetres: round(squareMetres, 2), hectares: round(toHectares(squareMetres), 4), mu: round(toMu(squareMetres), 2) };
}

function questionRecord(question: FeeQuestion) {
  return question.id === "town" ? { id: question.id, options: question.options.map((option) => option.name) } : question.id === "park" ? { id: question.id, options: question.options } : { id: question.id };
}

/** The whole report as plain data (the JSON export, and the source of the CSV): bilingual texts, rounded numbers. */
export function buildReportRecord(input: ReportInput) {
  const { parcel, report } = input;
  const quote = (citation: string) => {
    const found = input.quotes.get(citation);
    return { citation, docNumber: found?.docNumber ?? null, text: found?.text ?? null };
  };
  const vertices = labelledVertices(parcel);
  return {
    format: "dazu-site-check-report",
    formatVersion: 1,
    title: { zh: "地块核查报告", en: "Site check report" },
    referenceOnly: REFERENCE_ONLY,
    checkedAt: input.checkedAt,
    dataPackageVersion: input.dataPackageVersion,
    caveat: report.reliesOnSchematic ? SCHEMATIC_CAVEAT : null,
    parcel: {
      name: parcel.name,
      origin: parcel.origin,
      fileName: parcel.fileName ?? null,
      inputCrs: parcel.crs ? { code: parcel.crs.code, swappedAxes: parcel.crs.swappedAxes, reason: parcel.crs.reason } : null,
      geometryType: parcel.geometry.type,
      // The engine counts a polygon's closing repeat; a boundary's points are counted without it.
      vertexCount: vertices.length,
      area: {
        gaussKruger: areaRecord(report.parcel.gaussKrugerSquareMetres),
        ellipsoidal: areaRecord(report.parcel.ellipsoidalSquareMetres),
      },
      lengthMetres: round(report.parcel.lengthMetres, 2),
      vertices: vertices.map((vertex) => ({
        label: vertex.label,
        part: vertex.part + 1,
        ring: vertex.ring + 1,
        longitude: round(vertex.lngLat[0], 8),
        latitude: round(vertex.lngLat[1], 8),
        gaussKrugerX: round(vertex.gaussKruger.x, 3),
        gaussKrugerY: round(vertex.gaussKruger.y, 3),
        ...(vertex.source ? { source: vertex.source } : {}),
      })),
      wgs84: parcel.geometry,
    },
    findings: sortFindings(report.findings).map((finding) => {
      const override = input.overrides[finding.layerId];
      return {
        layerId: finding.layerId,
        title: finding.title,
        role: finding.role,
        status: finding.status,
        statusLabel: STATUS_LABELS[finding.status],
        reason: finding.reason,
        override: override ? { doesNotApply: true, reason: override.reason, at: override.at } : null,
        geometryQuality: finding.geometryQuality,
        positionalAccuracyMetres: finding.positionalAccuracyM,
        qualityNote: finding.qualityNote,
        overlaps: finding.overlaps.map((overlap) => ({
          featureId: overlap.featureId,
          name: overlap.name,
          area: areaRecord(overlap.overlapSquareMetres),
          sharePercent: round(overlap.shareOfParcel * 100, 2),
          tolerance: overlap.tolerance,
          toleranceLabel: TOLERANCE_LABELS[overlap.tolerance],
        })),
        nearest: finding.nearest
          ? {
              featureId: finding.nearest.featureId,
              name: finding.nearest.name,
              distanceMetres: round(finding.nearest.distanceMetres, 1),
              uncertaintyMetres: finding.nearest.uncertaintyMetres,
              withinCaution: finding.nearest.withinCaution,
              cannotExclude: finding.nearest.cannotExclude,
            }
          : null,
        summary: finding.summary ?? null,
        citations: findingCitations(finding, input.layerDocuments(finding.layerId)).map(quote),
      };
    }),
    notChecked: input.notChecked,
    fee: input.fee
      ? {
          towns: input.feeTowns.map((town) => ({ townId: town.townId, name: town.name, sharePercent: round(town.share * 100, 2), rate: town.rate, split: town.split, parks: town.parks })),
          chosenTown: input.fee.town?.name ?? null,
          openQuestions: input.fee.questions.map(questionRecord),
          lines: input.fee.lines.map((line) => ({
            use: line.use,
            useLabel: BUILDING_USE_LABELS[line.use],
            floorAreaSquareMetres: line.squareMetres,
            rateYuanPerSquareMetre: line.rate,
            amountYuan: line.amount,
            exemptPendingConfirmation: line.exemptPendingConfirmation,
            citation: line.citation,
          })),
          totalYuan: input.fee.total,
          rules: [...new Set(input.fee.lines.map((line) => line.citation))].map(quote),
        }
      : null,
    mining: input.mining
      ? {
          mineral: input.mining.mineral,
          classes: input.mining.classes.map((policyClass) => ({ id: policyClass.id, name: { zh: policyClass.name, en: policyClass.name_en }, citation: policyClass.clause, text: policyClass.text })),
          minimumScales: input.mining.minimumScales.map((row) => ({ ...row, text: input.quotes.get(row.source)?.text ?? null })),
        }
      : null,
    layerFiles: input.layerFileHashes,
    link: input.link,
  };
}

export type ReportRecord = ReturnType<typeof buildReportRecord>;
