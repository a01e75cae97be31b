import type { Position } from "geojson";
import type { BuildingUse, FeeAnswers, FeeEstimate, FeeTown } from "../check/fee";
import type { CheckReport, FindingStatus, LayerFinding } from "../check/types";
import { lngLatToGaussKruger } from "../geo/crs";
import type { LocalizedText } from "../layers/manifestTypes";
import type { MineralRules, MiningPolicy } from "./miningPolicy";
import type { CaseDetails, FindingOverride, SiteParcel } from "./types";

/** A cited clause with its text, once the policy document is loaded (text null when it could not be). */
export interface ClauseQuote {
  citation: string;
  documentId: string;
  clauseId: string;
  docNumber: string | null;
  shortTitle: LocalizedText | null;
  text: string | null;
  /** Where the clause sits in the document's own numbering ("一、（一）"), never the internal id; null until loaded. */
  label?: LocalizedText | null;
}

/** Report order: what stops a project first, what is merely checked last. */
export const STATUS_ORDER: readonly FindingStatus[] = ["restricted", "caution", "undecided", "info", "no-data", "outside", "clear"];

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
  /** The officer's answers to the fee questions (which town, park 四至, 智凤's 城市建设用地范围). */
  feeAnswers: FeeAnswers;
  mining: MineralRules | null;
  /**
   * What the officer can still fill in on screen; absent where nobody does (a batch, the command line), and then
   * the report has only what was decided.
   */
  work?: ReportWork;
  layerFileHashes: ReadonlyArray<{ file: string; sha256: string }>;
  /** Layers that could not be loaded and so were not checked. */
  notChecked: ReadonlyArray<{ layerId: string; title: LocalizedText }>;
  link: string | null;
  /** The officer's case number and name, when given (the command line has none). */
  caseDetails?: CaseDetails;
}

/** The inputs of a report being worked on: floor areas, park evidence, the mineral choice. */
export interface ReportWork {
  floorAreas: Partial<Record<BuildingUse, number>>;
  /** Parks of imported official data the site overlaps (evidence for the park question), and whether any were imported. */
  officialParks: { overlaps: Array<{ name: string; shareOfParcel: number; fileName: string }>; imported: boolean };
  /** The mining rules, once loaded ("failed" when they could not be), and the mineral chosen. */
  miningPolicy: MiningPolicy | "failed" | null;
  mineral: string | null;
}
