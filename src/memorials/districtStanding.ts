import type { FieldReport } from "./fieldReport";

/** Beyond the district by more than this, the restricted-layer answers say nothing useful: the finder says so first. */
export const FAR_OUTSIDE_METRES = 5000;

/** How the fix relates to the district: inside, near its edge (within the uncertainty), outside, or far outside. */
export type DistrictStanding =
  | { type: "inside" }
  | { type: "edge"; distanceMetres: number; uncertaintyMetres: number }
  | { type: "outside"; distanceMetres: number }
  | { type: "farOutside"; distanceMetres: number };

export function districtStanding(report: FieldReport): DistrictStanding | null {
  const answer = report.district;
  if (!answer) return null;
  if (answer.standing === "inside") return { type: "inside" };
  if (answer.standing === "uncertain") return { type: "edge", distanceMetres: answer.distanceMetres, uncertaintyMetres: answer.uncertaintyMetres };
  return answer.distanceMetres > FAR_OUTSIDE_METRES
    ? { type: "farOutside", distanceMetres: answer.distanceMetres }
    : { type: "outside", distanceMetres: answer.distanceMetres };
}
