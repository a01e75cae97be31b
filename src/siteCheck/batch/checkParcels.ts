import { createInlineChecker } from "../../check/checkClient";
import { estimateFee, type FeeEstimate, type FeeTown } from "../../check/fee";
import type { CheckReport } from "../../check/types";
import type { ImportedParcel, StoredImportMessage, CrsGuess } from "../../import/types";
import type { DataPackage } from "../../layers/layerData";
import type { FetchJson } from "../../layers/loadDataPackage";
import { feeTownsOf } from "../../parcel/feeTowns";
import { findingCitations, type ReportInput } from "../../parcel/reportInput";
import type { SiteParcel } from "../../parcel/types";
import { createCheckEngine, type CheckLayerPlan, type LayerNotChecked, type ReadNearbyLayer } from "../checkEngine";
import { createClauseQuotes } from "../clauseQuotes";
import { buildReport } from "../report/buildReport";
import type { ReportModel } from "../report/reportModel";

/** One checked parcel: what the check found, the fee question it waits on, and the report model the page builds. */
export interface CheckedParcel {
  parcel: SiteParcel;
  /** The parcel's attributes as the file gives them (宗地编号, 用途 …). */
  properties: Record<string, string | number>;
  report: CheckReport;
  notChecked: LayerNotChecked[];
  feeTowns: FeeTown[];
  /** The fee with no floor areas given: its open questions, or the town whose rate applies. */
  fee: FeeEstimate;
  /** What the report model was built from; the print renders the parcel's receipt from both. */
  reportInput: ReportInput;
  model: ReportModel;
}

export interface CheckParcelsInput {
  dataPackage: DataPackage;
  /** The data package folder, ending in "/". */
  dataBase: string;
  readJson: FetchJson;
  fileName: string;
  parcels: readonly ImportedParcel[];
  crs: CrsGuess;
  warnings: readonly StoredImportMessage[];
  checkedAt: string;
  /** Reads a large layer's features near a parcel: the file on disk in Node; by default, range requests as in the page. */
  readNearby?: ReadNearbyLayer;
  /** The receipt's file hashes, given the layers the check reads. */
  fileHashes(plan: CheckLayerPlan): Promise<Array<{ file: string; sha256: string }>>;
  /** A link that reopens a parcel's query (the page's `#parcel=` link), or null; none when absent. */
  linkOf?(parcel: SiteParcel): string | null;
}

/**
 * Checks every parcel of an import in this thread, through the check engine the page uses (the worker runs the
 * same checkParcel), and builds each parcel's report model with the clause texts it cites.
 */
export async function checkParcels(input: CheckParcelsInput): Promise<CheckedParcel[]> {
  const engine = createCheckEngine(input.dataPackage, async () => createInlineChecker(), input.readNearby);
  const quotes = createClauseQuotes(`${input.dataBase}policies/`, input.readJson);
  const layerDocuments = (layerId: string) => input.dataPackage.manifest.layers.find((layer) => layer.id === layerId)?.sourceDocuments ?? [];
  const isPointLayer = (layerId: string) => input.dataPackage.manifest.layers.find((layer) => layer.id === layerId)?.geometryType === "point";
  const layerFileHashes = await input.fileHashes(engine.plan);
  const results: CheckedParcel[] = [];
  for (const imported of input.parcels) {
    const parcel: SiteParcel = {
      name: imported.name,
      geometry: imported.geometry,
      origin: "file",
      fileName: input.fileName,
      crs: input.crs,
      sourceCoordinates: imported.sourceCoordinates,
      ...(imported.vertexLabels ? { vertexLabels: imported.vertexLabels } : {}),
      ...(imported.statedAreaHectares !== undefined ? { statedAreaHectares: imported.statedAreaHectares } : {}),
    };
    const run = await engine.check(parcel.geometry, {});
    const feeTowns = feeTownsOf(run.report);
    const fee = estimateFee(feeTowns, [], {});
    await quotes.load(run.report.findings.flatMap((finding) => findingCitations(finding, layerDocuments(finding.layerId))));
    const reportInput: ReportInput = {
      parcel,
      report: run.report,
      checkedAt: input.checkedAt,
      dataPackageVersion: input.dataPackage.manifest.version,
      overrides: {},
      layerDocuments,
      quotes: quotes.quotes,
      feeTowns,
      fee: null,
      feeAnswers: {},
      mining: null,
      layerFileHashes,
      notChecked: run.notChecked,
      link: input.linkOf?.(parcel) ?? null,
    };
    results.push({
      parcel,
      properties: imported.properties,
      report: run.report,
      notChecked: run.notChecked,
      feeTowns,
      fee,
      reportInput,
      model: buildReport(reportInput, isPointLayer),
    });
  }
  return results;
}
