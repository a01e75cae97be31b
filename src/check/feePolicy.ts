/** geodata/fee-policy.json: 13号's 城市基础设施配套费 rules, each with its clause and that clause's words (scripts/layers/feePolicy.ts). */

export type BuildingUse = "production" | "storage" | "testing" | "own-garage" | "office" | "dormitory" | "other";

export const BUILDING_USES: BuildingUse[] = ["production", "storage", "testing", "own-garage", "office", "dormitory", "other"];

/** A rule as the notice states it: the clause and its words, verbatim. */
export interface QuotedRule {
  clause: string;
  text: string;
}

export interface FeeTier extends QuotedRule {
  /** 元 per m² of floor area. */
  rate: number;
}

export interface FeePolicy {
  document: string;
  title: string;
  title_en: string;
  unit: string;
  tiers: FeeTier[];
  /** The one town split by its (unpublished) 城市建设用地范围. */
  split: { town: string; town_en: string; inside: FeeTier; outside: FeeTier };
  /** Inside a recognised park's 四至: some uses exempt once confirmed, some at a reduced rate, the rest at `rate`. */
  parks: {
    clause: string;
    rate: number;
    names: Array<{ name: string; name_en: string }>;
    exempt: { uses: BuildingUse[]; text: string };
    reduced: { uses: BuildingUse[]; rate: number; text: string };
  };
  management: QuotedRule;
}

const isString = (value: unknown): value is string => typeof value === "string";
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isRate = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;
const isQuoted = (value: unknown): value is QuotedRule => isRecord(value) && isString(value.clause) && isString(value.text) && value.text !== "";
const isTier = (value: unknown): value is FeeTier => isQuoted(value) && isRate((value as unknown as Record<string, unknown>).rate);
const isUses = (value: unknown): value is BuildingUse[] => Array.isArray(value) && value.every((use) => (BUILDING_USES as unknown[]).includes(use));

/** Checks the file's shape and that the rates it uses are stated in its own quotes; null when it is not a fee-policy file. */
export function parseFeePolicy(value: unknown): FeePolicy | null {
  if (!isRecord(value) || !isString(value.document) || !isString(value.title) || !isString(value.title_en) || !isString(value.unit)) return null;
  if (!Array.isArray(value.tiers) || value.tiers.length === 0 || !value.tiers.every(isTier)) return null;
  const { split, parks } = value;
  if (!isRecord(split) || !isString(split.town) || !isString(split.town_en) || !isTier(split.inside) || !isTier(split.outside)) return null;
  if (!isRecord(parks) || !isString(parks.clause) || !isRate(parks.rate) || !Array.isArray(parks.names)) return null;
  if (!parks.names.every((park) => isRecord(park) && isString(park.name) && isString(park.name_en))) return null;
  const { exempt, reduced } = parks;
  if (!isRecord(exempt) || !isUses(exempt.uses) || !isString(exempt.text)) return null;
  if (!isRecord(reduced) || !isUses(reduced.uses) || !isRate(reduced.rate) || !isString(reduced.text)) return null;
  if (!isQuoted(value.management)) return null;
  // A rate the estimate charges must be one its quoted words state.
  const tiers = value.tiers as FeeTier[];
  const stated = (rate: number, text: string) => text.includes(`${rate}元`);
  if (!tiers.every((tier) => stated(tier.rate, tier.text))) return null;
  const tierOf = (rule: FeeTier) => tiers.some((tier) => tier.rate === rule.rate && tier.clause === rule.clause);
  if (!tierOf(split.inside) || !tierOf(split.outside) || !tiers.some((tier) => tier.rate === parks.rate && tier.clause === parks.clause)) return null;
  if (!stated(reduced.rate, reduced.text)) return null;
  return value as unknown as FeePolicy;
}
