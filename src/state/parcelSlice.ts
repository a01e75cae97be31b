import type { StateCreator } from "zustand/vanilla";
import type { BuildingUse, FeeAnswers } from "../check/fee";
import { DEFAULT_CHECK_OPTIONS, type CheckReport } from "../check/types";
import { EMPTY_CASE_DETAILS, EMPTY_FEE_INPUTS, type CaseDetails, type FeeInputs, type FindingOverride, type SiteParcel } from "../parcel/types";

/** Where the check of the current parcel stands. The report of a finished check stays until the next parcel is checked. */
export type SiteCheck = { type: "idle" } | { type: "running" } | { type: "done"; report: CheckReport; checkedAt: string } | { type: "failed"; message: string };

export const SITE_CHECK_IDLE: SiteCheck = { type: "idle" };

/** Everything about one site query that is saved with it: the parcel and the officer's inputs to its report. */
export interface SiteQuery {
  parcel: SiteParcel;
  overrides: Readonly<Record<string, FindingOverride>>;
  fee: FeeInputs;
  mineral: string | null;
  /** Absent in queries saved before case details were kept. */
  caseDetails?: CaseDetails;
}

export interface ParcelSlice {
  siteParcel: SiteParcel | null;
  siteCheck: SiteCheck;
  /** By layer id: findings the officer marked as not applying. */
  findingOverrides: Readonly<Record<string, FindingOverride>>;
  feeInputs: FeeInputs;
  intendedMineral: string | null;
  caseDetails: CaseDetails;
  /** Caution distance around memorial points, metres (the protection areas are not mapped, so this is the officer's call). */
  cautionDistanceMetres: number;
  setCautionDistance(metres: number): void;
  /**
   * A new parcel to check. Overrides and fee answers belong to the old one's findings and are dropped; floor areas and
   * the intended mineral describe the project and are kept, as is the officer; the case number belongs to the old one.
   */
  setSiteParcel(parcel: SiteParcel): void;
  /** A saved or persisted query, as it was. */
  restoreSiteQuery(query: SiteQuery): void;
  clearSiteParcel(): void;
  setSiteCheck(check: SiteCheck): void;
  setFindingOverride(layerId: string, override: FindingOverride | null): void;
  setFloorArea(use: BuildingUse, squareMetres: number): void;
  setFeeAnswers(answers: FeeAnswers): void;
  setIntendedMineral(mineral: string | null): void;
  setCaseDetails(details: Partial<CaseDetails>): void;
}

export const createParcelSlice: StateCreator<ParcelSlice, [], [], ParcelSlice> = (set) => ({
  siteParcel: null,
  siteCheck: SITE_CHECK_IDLE,
  findingOverrides: {},
  feeInputs: EMPTY_FEE_INPUTS,
  cautionDistanceMetres: DEFAULT_CHECK_OPTIONS.cautionDistanceMetres,
  setCautionDistance: (metres) => set({ cautionDistanceMetres: metres }),
  intendedMineral: null,
  caseDetails: EMPTY_CASE_DETAILS,
  setSiteParcel: (parcel) =>
    set((state) => ({
      siteParcel: parcel,
      siteCheck: SITE_CHECK_IDLE,
      findingOverrides: {},
      feeInputs: { floorAreas: state.feeInputs.floorAreas, answers: {} },
      caseDetails: { caseNumber: "", officer: state.caseDetails.officer },
    })),
  restoreSiteQuery: (query) =>
    set({
      siteParcel: query.parcel,
      siteCheck: SITE_CHECK_IDLE,
      findingOverrides: query.overrides,
      feeInputs: query.fee,
      intendedMineral: query.mineral,
      caseDetails: query.caseDetails ?? EMPTY_CASE_DETAILS,
    }),
  clearSiteParcel: () =>
    set((state) => ({
      siteParcel: null,
      siteCheck: SITE_CHECK_IDLE,
      findingOverrides: {},
      feeInputs: EMPTY_FEE_INPUTS,
      caseDetails: { caseNumber: "", officer: state.caseDetails.officer },
    })),
  setSiteCheck: (check) => set({ siteCheck: check }),
  setFindingOverride: (layerId, override) =>
    set((state) => {
      const next = { ...state.findingOverrides };
      if (override) next[layerId] = override;
      else delete next[layerId];
      return { findingOverrides: next };
    }),
  setFloorArea: (use, squareMetres) =>
    set((state) => {
      const floorAreas = { ...state.feeInputs.floorAreas };
      if (Number.isFinite(squareMetres) && squareMetres > 0) floorAreas[use] = squareMetres;
      else delete floorAreas[use];
      return { feeInputs: { ...state.feeInputs, floorAreas } };
    }),
  setFeeAnswers: (answers) => set((state) => ({ feeInputs: { ...state.feeInputs, answers } })),
  setIntendedMineral: (mineral) => set({ intendedMineral: mineral }),
  setCaseDetails: (details) => set((state) => ({ caseDetails: { ...state.caseDetails, ...details } })),
});

/** The current query, or null when no parcel is set. */
export function siteQueryOf(state: ParcelSlice): SiteQuery | null {
  if (!state.siteParcel) return null;
  return { parcel: state.siteParcel, overrides: state.findingOverrides, fee: state.feeInputs, mineral: state.intendedMineral, caseDetails: state.caseDetails };
}
