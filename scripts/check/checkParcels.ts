import { readCheckLayer } from "../../src/check/flatgeobufSource";
import { createInlineChecker } from "../../src/check/checkClient";
import { estimateFee, type FeeEstimate, type FeeTown } from "../../src/check/fee";
import type { CheckReport } from "../../src/check/types";
import type { ImportedParcel, ImportMessage, CrsGuess } from "../../src/import/types";
import type { DataPackage } from "../../src/layers/layerData";
import type { FetchJson } from "../../src/layers/loadDataPackage";
import { invalid } from "../../src/layers/validation";
import { feeTownsOf } from "../../src/parcel/feeTowns";
import { shortFileHash } from "../../src/parcel/sha256";
import { findingCitations, type ReportInput } from "../../src/parcel/reportInput";
import type { SiteParcel } from "../../src/parcel/types";
import { createCheckEngine, type CheckLayerPlan, type LayerNotChecked, type ReadNearbyLayer } from "../../src/siteCheck/checkEngine";
import { createClauseQuotes } from "../../src/siteCheck/clauseQuotes";
import { buildReport } from "../../src/siteCheck/report/buildReport";
import type { ReportModel } from "../../src/siteCheck/report/reportModel";
import { readBytes } from "./diskDataPackage";

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
  warnings: readonly ImportMessage[];
  checkedAt: string;
}

/**
 * Large layers are read from their FlatGeobuf file on disk: the features near each parcel, as the page reads ranges.
 * Each file is read once per run, since a batch checks many parcels against it.
 */
function nearbyReaderFromDisk(): ReadNearbyLayer {
  const files = new Map<string, ReturnType<typeof readBytes>>();
  return async (definition, checkUrl, parcel, options) => {
    let file = files.get(checkUrl);
    if (!file) {
      file = readBytes(checkUrl);
      files.set(checkUrl, file);
    }
    const bytes = await file;
    return bytes.ok ? readCheckLayer(definition, bytes.value, parcel, options) : invalid(bytes.errors);
  };
}

/**
 * The receipt's file hashes: the manifest and every file the check reads. Unlike the page, which reads large layers
 * in ranges and so cannot hash them, the command line has them whole on disk and hashes them too.
 */
async function dataFileHashes(plan: CheckLayerPlan, dataBase: string): Promise<Array<{ file: string; sha256: string }>> {
  const files = new Set([
    "manifest.json",
    ...plan.staticLayers.flatMap((layer) => (layer.definition.file ? [layer.definition.file] : [])),
    ...plan.nearbyLayers.map((layer) => layer.checkUrl.slice(dataBase.length)),
  ]);
  return Promise.all(
    [...files].map(async (file) => {
      const bytes = await readBytes(dataBase + file);
      return { file, sha256: bytes.ok ? await shortFileHash(bytes.value) : "—" };
    }),
  );
}

/**
 * Checks every parcel of an import in this thread, through the check engine the page uses (the worker runs the
 * same checkParcel), and builds each parcel's report model with the clause texts it cites.
 */
export async function checkParcels(input: CheckParcelsInput): Promise<CheckedParcel[]> {
  const engine = createCheckEngine(input.dataPackage, async () => createInlineChecker(), nearbyReaderFromDisk());
  const quotes = createClauseQuotes(`${input.dataBase}policies/`, input.readJson);
  const layerDocuments = (layerId: string) => input.dataPackage.manifest.layers.find((layer) => layer.id === layerId)?.sourceDocuments ?? [];
  const isPointLayer = (layerId: string) => input.dataPackage.manifest.layers.find((layer) => layer.id === layerId)?.geometryType === "point";
  const layerFileHashes = await dataFileHashes(engine.plan, input.dataBase);
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
      link: null,
    };
    results.push({
      parcel,
      properties: imported.properties,
      report: run.report,
      notChecked: run.notChecked,
      feeTowns,
      fee,
      model: buildReport(reportInput, isPointLayer),
    });
  }
  return results;
}
