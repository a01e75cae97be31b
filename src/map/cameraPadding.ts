import type { CameraPadding } from "./mapAdapter";

/**
 * Padding that still leaves at least `minimumView` px of canvas in each direction: MapLibre refuses to fit at all
 * when the padding exceeds the canvas (a bottom sheet taller than a landscape phone's map), so shrink both sides of
 * the crowded direction proportionally instead.
 */
export function paddingWithin(padding: CameraPadding, width: number, height: number, minimumView = 80): CameraPadding {
  const shrink = (first: number, second: number, size: number): [number, number] => {
    const room = Math.max(0, size - minimumView);
    const total = first + second;
    if (total <= room || total === 0) return [first, second];
    const factor = room / total;
    return [Math.floor(first * factor), Math.floor(second * factor)];
  };
  const [top, bottom] = shrink(Math.max(0, padding.top), Math.max(0, padding.bottom), height);
  const [left, right] = shrink(Math.max(0, padding.left), Math.max(0, padding.right), width);
  return { top, bottom, left, right };
}
