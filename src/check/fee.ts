import feePolicyFile from "../../geodata/fee-policy.json";
import type { LocalizedText } from "../layers/manifestTypes";
import { parseFeePolicy, type BuildingUse, type FeePolicy, type FeeTier } from "./feePolicy";

/**
 * 城市基础设施配套费 estimate under 大足府发〔2023〕13号. The notice sets a rate per m² of floor area by town,
 * splits 智凤街道 by the (unpublished) 城市建设用地范围, and inside a recognised park's 四至 exempts production
 * buildings and charges 105 元/m² for offices and dormitories. Where the data cannot decide, the estimate asks.
 */

export type { BuildingUse } from "./feePolicy";
export { BUILDING_USES } from "./feePolicy";

function loadFeePolicy(): FeePolicy {
  const policy = parseFeePolicy(feePolicyFile);
  if (!policy) throw new Error("geodata/fee-policy.json is not a valid fee policy: run npm run geodata");
  return policy;
}

/** The rules, read from geodata/fee-policy.json once (bundled with the code that applies them). */
export const FEE_POLICY: FeePolicy = loadFeePolicy();

export const FEE_CITATIONS = {
  tier210: tierOf(210).clause,
  tier150: tierOf(150).clause,
  tier120: tierOf(120).clause,
  park: FEE_POLICY.parks.clause,
  management: FEE_POLICY.management.clause,
} as const;

function tierOf(rate: number): FeeTier {
  const tier = FEE_POLICY.tiers.find((candidate) => candidate.rate === rate);
  if (!tier) throw new Error(`geodata/fee-policy.json has no ${rate} tier`);
  return tier;
}

export interface FeeTown {
  townId: string;
  name: string;
  /** The town's English name, when the data gives one. */
  nameEn?: string;
  /** Share of the site in this town, 0..1. */
  share: number;
  /** The town's rate when it has one rate; null when split (智凤). */
  rate: number | null;
  split: boolean;
  /** Parks whose recognised bounds may include sites in this town (bounds unpublished, so the user is asked). */
  parks: string[];
}

export interface FeeAnswers {
  /** Which town the buildings stand in, when the site spans several. */
  townId?: string;
  /** 智凤街道 only. */
  insideUrbanConstructionLand?: boolean;
  /** The park whose recognised 四至 the site lies in, or "none". */
  park?: string;
}

export type FeeQuestion =
  | { id: "town"; options: Array<{ townId: string; name: string }> }
  | { id: "urban-construction-land" }
  | { id: "park"; options: string[] };

export interface FeeLine {
  use: BuildingUse;
  squareMetres: number;
  /** 元/m²; null while a question is open. */
  rate: number | null;
  amount: number | null;
  /** Exempt lines need the confirmation the notice requires (经确认后免缴). */
  exemptPendingConfirmation: boolean;
  citation: string;
}

export interface FeeEstimate {
  questions: FeeQuestion[];
  lines: FeeLine[];
  /** Sum of the lines when every rate is known. */
  total: number | null;
  town: FeeTown | null;
}

/** The clause of a town's rate; a rate 13号 does not list is cited by its lowest tier's clause, as before. */
function tierCitation(rate: number): string {
  return (FEE_POLICY.tiers.find((tier) => tier.rate === rate) ?? FEE_POLICY.tiers[FEE_POLICY.tiers.length - 1]!).clause;
}

export function estimateFee(towns: FeeTown[], floorAreas: Array<{ use: BuildingUse; squareMetres: number }>, answers: FeeAnswers): FeeEstimate {
  const questions: FeeQuestion[] = [];
  const present = towns.filter((town) => town.share > 0).sort((a, b) => b.share - a.share);
  let town: FeeTown | null = present.length === 1 ? present[0]! : null;
  if (present.length > 1) {
    town = present.find((candidate) => candidate.townId === answers.townId) ?? null;
    if (!town) questions.push({ id: "town", options: present.map(({ townId, name }) => ({ townId, name })) });
  }
  let park: string | null = null;
  let townRate: number | null = null;
  if (town) {
    if (town.parks.length > 0) {
      if (answers.park === undefined) questions.push({ id: "park", options: town.parks });
      else if (answers.park !== "none" && town.parks.includes(answers.park)) park = answers.park;
    }
    if (town.split) {
      if (answers.insideUrbanConstructionLand === undefined) {
        if (!park) questions.push({ id: "urban-construction-land" });
      } else townRate = answers.insideUrbanConstructionLand ? FEE_POLICY.split.inside.rate : FEE_POLICY.split.outside.rate;
    } else townRate = town.rate;
  }
  const parkUndecided = questions.some((question) => question.id === "park");
  const lines: FeeLine[] = floorAreas
    .filter((floorArea) => floorArea.squareMetres > 0)
    .map(({ use, squareMetres }) => {
      if (!town || parkUndecided) return { use, squareMetres, rate: null, amount: null, exemptPendingConfirmation: false, citation: FEE_CITATIONS.park };
      if (park) {
        if (FEE_POLICY.parks.exempt.uses.includes(use))
          return { use, squareMetres, rate: 0, amount: 0, exemptPendingConfirmation: true, citation: FEE_CITATIONS.park };
        const rate = FEE_POLICY.parks.reduced.uses.includes(use) ? FEE_POLICY.parks.reduced.rate : FEE_POLICY.parks.rate;
        return { use, squareMetres, rate, amount: rate * squareMetres, exemptPendingConfirmation: false, citation: FEE_CITATIONS.park };
      }
      if (townRate === null) return { use, squareMetres, rate: null, amount: null, exemptPendingConfirmation: false, citation: FEE_CITATIONS.tier210 };
      return { use, squareMetres, rate: townRate, amount: townRate * squareMetres, exemptPendingConfirmation: false, citation: tierCitation(townRate) };
    });
  const known = lines.every((line) => line.amount !== null);
  return { questions, lines, total: known ? lines.reduce((sum, line) => sum + (line.amount ?? 0), 0) : null, town };
}

/** A park's name in both languages, from the names 13号 lists (a park it does not list keeps its name). */
export function parkName(park: string): LocalizedText {
  return { zh: park, en: FEE_POLICY.parks.names.find((candidate) => candidate.name === park)?.name_en ?? park };
}
