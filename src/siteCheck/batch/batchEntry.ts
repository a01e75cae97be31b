import type { FeeEstimate, FeeQuestion, FeeTown } from "../../check/fee";
import type { FeatureOverlap, FindingReason, FindingStatus, LayerFinding, ParcelGeometry } from "../../check/types";
import type { LocalizedText } from "../../layers/manifestTypes";
import type { CheckRun, LayerNotChecked } from "../checkEngine";

/** One finding as the summary, the map colours and the findings export read it. */
export interface BatchFinding {
  layerId: string;
  title: LocalizedText;
  status: FindingStatus;
  reason: FindingReason;
  overlaps: Array<Pick<FeatureOverlap, "name" | "overlapSquareMetres" | "shareOfParcel">>;
}

/** What a batch keeps of a parcel's check: a full CheckedParcel has the same shape, with more in it. */
export interface BatchOutcome {
  report: {
    parcel: { gaussKrugerSquareMetres: number };
    district?: { position: "inside" | "partly" | "outside" };
    findings: BatchFinding[];
  };
  notChecked: LayerNotChecked[];
  /** The fee with no floor areas given: the questions it waits on, or the town whose rate applies. */
  fee: { questions: Array<Pick<FeeQuestion, "id">>; town: Pick<FeeTown, "rate"> | null };
}

/** A parcel of a batch with its outcome: what the summary rows and the exports read. */
export interface BatchEntry extends BatchOutcome {
  parcel: { name: string; geometry: ParcelGeometry };
  properties: Record<string, string | number>;
}

/** Statuses that say nothing beyond themselves: a finding with one of them keeps no reason unless its layer restricts. */
const QUIET_STATUSES: ReadonlySet<FindingStatus> = new Set(["clear", "no-data"]);

function leanFinding(finding: LayerFinding): BatchFinding {
  return {
    layerId: finding.layerId,
    title: finding.title,
    status: finding.status,
    reason: finding.reason,
    overlaps: finding.overlaps.map((overlap) => ({
      name: overlap.name,
      overlapSquareMetres: overlap.overlapSquareMetres,
      shareOfParcel: overlap.shareOfParcel,
    })),
  };
}

/**
 * The lean copy of one check kept for every parcel of a batch (tens of thousands fit in memory): every restricting
 * layer's finding, the other findings only where they say something, no nearest features, feature properties or
 * published summaries. The full report of a parcel is built again when its row is opened.
 */
export function batchOutcomeOf(run: CheckRun, fee: FeeEstimate, restrictingLayerIds: ReadonlySet<string>): BatchOutcome {
  const { report } = run;
  return {
    report: {
      parcel: { gaussKrugerSquareMetres: report.parcel.gaussKrugerSquareMetres },
      ...(report.district ? { district: { position: report.district.position } } : {}),
      findings: report.findings.filter((finding) => restrictingLayerIds.has(finding.layerId) || !QUIET_STATUSES.has(finding.status)).map(leanFinding),
    },
    notChecked: run.notChecked,
    fee: { questions: fee.questions.map((question) => ({ id: question.id })), town: fee.town ? { rate: fee.town.rate } : null },
  };
}

/**
 * The worst status among the restricting layers, for the map's colour: overlaps, then cannot be decided, then the rest;
 * "no data" only when no restricting layer has data (a layer published without geometry would otherwise colour every parcel).
 */
export type WorstStatus = "restricted" | "undecided" | "caution" | "clear" | "no-data" | "outside" | "failed" | "pending";

const SEVERITY: readonly WorstStatus[] = ["restricted", "undecided", "caution", "outside", "clear", "no-data"];

export function worstStatus(outcome: BatchOutcome, restrictingLayerIds: ReadonlySet<string>): WorstStatus {
  let worst: WorstStatus | null = null;
  for (const finding of outcome.report.findings) {
    if (!restrictingLayerIds.has(finding.layerId)) continue;
    const status: WorstStatus = finding.status === "info" ? "clear" : finding.status;
    if (worst === null || SEVERITY.indexOf(status) < SEVERITY.indexOf(worst)) worst = status;
  }
  return worst ?? "no-data";
}
