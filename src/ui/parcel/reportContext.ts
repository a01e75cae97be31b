import { BUILDING_USES, estimateFee, FEE_CITATIONS, type FeeEstimate, type FeeTown } from "../../check/fee";
import { fetchJson } from "../../layers/loadDataPackage";
import type { DataPackage } from "../../layers/layerData";
import { feeTownsOf } from "../../parcel/feeTowns";
import { mineralRules, parseMiningPolicy, type MineralRules, type MiningPolicy } from "../../parcel/miningPolicy";
import { findingCitations, type ReportInput } from "../../parcel/reportRecord";
import type { AppStore } from "../../state/store";
import { createClauseQuotes, type ClauseQuotes } from "./clauseQuotes";
import type { SiteCheckController } from "./siteCheckController";

export const MINING_POLICY_FILE = "mining-policy.json";

export interface FeeView {
  towns: FeeTown[];
  estimate: FeeEstimate;
}

/**
 * What the report panel, the print layout and the exports share: the current report with its fee estimate and
 * mineral rules, plus what arrives later (clause texts, the mining policy, file hashes). `onChange` fires when any
 * of the late parts arrives.
 */
export interface ReportContext {
  quotes: ClauseQuotes;
  layerDocuments(layerId: string): readonly string[];
  /** Point layers report the nearest feature; area layers a boundary within their accuracy. */
  isPointLayer(layerId: string): boolean;
  fee(): FeeView | null;
  miningPolicy(): MiningPolicy | null | "failed";
  mining(): MineralRules | null;
  input(): ReportInput | null;
  /**
   * Parks of imported official data (standing in for the schematic parks) that the checked site overlaps: evidence
   * for the fee question about a park's 四至, which the officer still answers.
   */
  officialParkOverlaps(): Array<{ name: string; shareOfParcel: number; fileName: string }>;
  /** Whether official park boundaries were imported (so "no overlap" is itself evidence). */
  hasOfficialParks(): boolean;
  onChange(listener: () => void): () => void;
}

/** The schematic layer of the parks named in 13号; official data standing in for it informs the fee question. */
const PARKS_LAYER_ID = "parks";

export function createReportContext(store: AppStore, dataPackage: DataPackage, dataBaseUrl: string, controller: SiteCheckController): ReportContext {
  const quotes = createClauseQuotes(`${dataBaseUrl}policies/`);
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  let policy: MiningPolicy | null | "failed" = null;
  let policyRequested = false;
  let hashes: Array<{ file: string; sha256: string }> = [];
  let hashesFor = "";

  const layerDocuments = (layerId: string) => dataPackage.manifest.layers.find((layer) => layer.id === layerId)?.sourceDocuments ?? [];

  const loadPolicy = () => {
    if (policyRequested) return;
    policyRequested = true;
    void fetchJson(`${dataBaseUrl}${MINING_POLICY_FILE}`).then((result) => {
      policy = result.ok ? (parseMiningPolicy(result.value) ?? "failed") : "failed";
      const citations = policy === "failed" ? [] : [...policy.policy_classes.map((policyClass) => policyClass.clause), ...policy.minimum_scales.rows.map((row) => row.source)];
      void quotes.load(citations).then(changed);
      changed();
    });
  };

  const fee = (): FeeView | null => {
    const check = store.getState().siteCheck;
    if (check.type !== "done") return null;
    const towns = feeTownsOf(check.report);
    const { floorAreas, answers } = store.getState().feeInputs;
    const areas = BUILDING_USES.flatMap((use) => (floorAreas[use] ? [{ use, squareMetres: floorAreas[use]! }] : []));
    return { towns, estimate: estimateFee(towns, areas, answers) };
  };

  const mining = (): MineralRules | null => {
    const mineral = store.getState().intendedMineral;
    return mineral && policy && policy !== "failed" ? mineralRules(policy, mineral) : null;
  };

  // A new report: load the clauses it cites, the fee rules, and hash the files it used.
  store.subscribe((state, previous) => {
    if (state.siteCheck === previous.siteCheck && state.intendedMineral === previous.intendedMineral) return;
    const check = state.siteCheck;
    if (check.type !== "done") return;
    loadPolicy();
    const citations = [
      ...check.report.findings.flatMap((finding) => findingCitations(finding, layerDocuments(finding.layerId))),
      ...Object.values(FEE_CITATIONS),
    ];
    void quotes.load(citations).then(changed);
    const extra = state.intendedMineral ? [MINING_POLICY_FILE] : [];
    const key = `${check.checkedAt}|${extra.join()}`;
    if (key !== hashesFor) {
      hashesFor = key;
      void controller.fileHashes(extra).then((result) => {
        if (hashesFor !== key) return;
        hashes = result;
        changed();
      });
    }
  });

  return {
    quotes,
    layerDocuments,
    isPointLayer: (layerId) => dataPackage.manifest.layers.find((layer) => layer.id === layerId)?.geometryType === "point",
    fee,
    miningPolicy: () => {
      loadPolicy();
      return policy;
    },
    mining,
    input: () => {
      const state = store.getState();
      const check = state.siteCheck;
      if (!state.siteParcel || check.type !== "done") return null;
      const feeView = fee();
      return {
        parcel: state.siteParcel,
        report: check.report,
        checkedAt: check.checkedAt,
        dataPackageVersion: dataPackage.manifest.version,
        overrides: state.findingOverrides,
        layerDocuments,
        quotes: quotes.quotes,
        feeTowns: feeView?.towns ?? [],
        fee: feeView && feeView.estimate.lines.length > 0 ? feeView.estimate : null,
        mining: mining(),
        layerFileHashes: hashes,
        notChecked: controller.notChecked(),
        link: controller.link(),
      };
    },
    officialParkOverlaps: () => {
      const check = store.getState().siteCheck;
      if (check.type !== "done") return [];
      return check.report.findings.flatMap((finding) => {
        const origin = dataPackage.manifest.layers.find((layer) => layer.id === finding.layerId)?.imported;
        if (origin?.replaces !== PARKS_LAYER_ID) return [];
        return finding.overlaps.map((overlap) => ({ name: overlap.name, shareOfParcel: overlap.shareOfParcel, fileName: origin.fileName }));
      });
    },
    hasOfficialParks: () => dataPackage.manifest.layers.some((layer) => layer.imported?.replaces === PARKS_LAYER_ID),
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
