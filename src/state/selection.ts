/** What the user has picked on the map: nothing, or one feature of one manifest layer. */
export type Selection = { type: "none" } | { type: "feature"; layerId: string; featureId: string };

export const SELECTION_NONE: Selection = { type: "none" };

export function featureSelection(layerId: string, featureId: string): Selection {
  return { type: "feature", layerId, featureId };
}

export function isSameSelection(a: Selection, b: Selection): boolean {
  if (a.type === "none" || b.type === "none") return a.type === b.type;
  return a.layerId === b.layerId && a.featureId === b.featureId;
}

/** The feature id selected in a given layer, or null; style builders use it per layer. */
export function selectedFeatureIn(selection: Selection, layerId: string): string | null {
  return selection.type === "feature" && selection.layerId === layerId ? selection.featureId : null;
}
