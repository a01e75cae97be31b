import type { CameraPadding } from "../map/mapAdapter";

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Camera padding that keeps a fitted feature out from under panels floating over the map (the inspector card,
 * the reader). Each panel is cleared along the map edge it hugs — whichever side costs the smallest share of
 * the map — and `margin` is kept on every side as well.
 */
export function paddingForOverlays(map: Rect, overlays: readonly Rect[], margin = 40): CameraPadding {
  const padding: CameraPadding = { top: margin, bottom: margin, left: margin, right: margin };
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  if (width <= 0 || height <= 0) return padding;
  for (const overlay of overlays) {
    const left = Math.max(map.left, overlay.left);
    const right = Math.min(map.right, overlay.right);
    const top = Math.max(map.top, overlay.top);
    const bottom = Math.min(map.bottom, overlay.bottom);
    if (right <= left || bottom <= top) continue;
    const sides: Array<[keyof CameraPadding, number, number]> = [
      ["left", right - map.left, (right - map.left) / width],
      ["right", map.right - left, (map.right - left) / width],
      ["top", bottom - map.top, (bottom - map.top) / height],
      ["bottom", map.bottom - top, (map.bottom - top) / height],
    ];
    const [side, pixels] = sides.reduce((best, candidate) => (candidate[2] < best[2] ? candidate : best));
    padding[side] = Math.max(padding[side], pixels + margin);
  }
  return padding;
}
