import type { FeeTown } from "../check/fee";
import type { CheckReport } from "../check/types";

/** The layer whose overlaps say which towns (and fee tiers) the site lies in. */
export const FEE_LAYER_ID = "fee-tiers";

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/**
 * The towns a checked site lies in, with their share and fee rules, for `estimateFee`: from the overlaps of the
 * fee-tier layer (a town feature's `fee_tier`, `fee_split` and `park_candidates`). Slivers along a schematic town
 * boundary still count: the estimate asks which town when there is more than one.
 */
export function feeTownsOf(report: CheckReport): FeeTown[] {
  const finding = report.findings.find((candidate) => candidate.layerId === FEE_LAYER_ID);
  if (!finding) return [];
  return finding.overlaps
    .filter((overlap) => overlap.tolerance !== "touches")
    .map((overlap) => {
      const properties = overlap.properties;
      const split = properties.fee_split === true;
      const tier = typeof properties.fee_tier === "number" ? properties.fee_tier : null;
      const parks = Array.isArray(properties.park_candidates) ? properties.park_candidates.filter((park): park is string => text(park) !== null) : [];
      return {
        townId: overlap.featureId,
        name: overlap.name,
        ...(overlap.nameEn ? { nameEn: overlap.nameEn } : {}),
        share: overlap.shareOfParcel,
        rate: split ? null : tier,
        split,
        parks,
      };
    })
    .sort((a, b) => b.share - a.share);
}
