/** Source id of a manifest layer's data. */
export function sourceIdFor(layerId: string): string {
  return `data:${layerId}`;
}

/** The parts a manifest layer may be drawn with; each is one style layer. */
export type StylePart = "fill" | "hatch" | "outline" | "line" | "circle" | "highlight-casing" | "highlight";

export function styleLayerId(layerId: string, part: StylePart): string {
  return `data:${layerId}:${part}`;
}

/** Parts that draw the data itself (not the selection highlight): what counts as "rendered" for a layer. */
export const DATA_PARTS: readonly StylePart[] = ["fill", "hatch", "outline", "line", "circle"];

/** The manifest layer a style layer belongs to, or null for the background and basemaps. */
export function manifestLayerIdOf(styleLayerIdValue: string): string | null {
  const match = /^data:(.+):([a-z-]+)$/.exec(styleLayerIdValue);
  return match ? (match[1] ?? null) : null;
}
