/** How far the phone bottom sheet is open: only its tabs, half the screen, or the whole map area. */
export type SheetSnap = "peek" | "half" | "full";

/** Lowest to highest. */
export const SHEET_SNAPS: readonly SheetSnap[] = ["peek", "half", "full"];

export type SheetAction =
  | { type: "expand" }
  | { type: "collapse" }
  /** The handle's tap: peek → half → full → peek. */
  | { type: "cycle" }
  /** Showing content: at least half, so the content is visible; a full sheet stays full. */
  | { type: "reveal" }
  | { type: "set"; snap: SheetSnap };

export function nextSnap(current: SheetSnap, action: SheetAction): SheetSnap {
  const index = SHEET_SNAPS.indexOf(current);
  switch (action.type) {
    case "expand":
      return SHEET_SNAPS[Math.min(index + 1, SHEET_SNAPS.length - 1)]!;
    case "collapse":
      return SHEET_SNAPS[Math.max(index - 1, 0)]!;
    case "cycle":
      return SHEET_SNAPS[(index + 1) % SHEET_SNAPS.length]!;
    case "reveal":
      return current === "peek" ? "half" : current;
    case "set":
      return action.snap;
  }
}

/** The keys the handle understands, as a slider would: arrows step, Home/End jump to the ends. */
export function sheetKeyAction(key: string): SheetAction | null {
  switch (key) {
    case "ArrowUp":
    case "PageUp":
      return { type: "expand" };
    case "ArrowDown":
    case "PageDown":
      return { type: "collapse" };
    case "Home":
      return { type: "set", snap: "full" };
    case "End":
      return { type: "set", snap: "peek" };
    case "Enter":
    case " ":
      return { type: "cycle" };
    default:
      return null;
  }
}

/** Sheet heights in CSS px for each snap. */
export type SheetHeights = Record<SheetSnap, number>;

export interface SheetMeasures {
  viewportHeight: number;
  /** Where the map area starts (below the header): the full sheet reaches up to here. */
  topInset: number;
  /** Handle and tabs, plus the safe-area inset. */
  peekHeight: number;
}

/** Share of the viewport the half-open sheet takes. */
const HALF_SHARE = 0.5;

export function sheetHeights({ viewportHeight, topInset, peekHeight }: SheetMeasures): SheetHeights {
  const full = Math.max(peekHeight, Math.round(viewportHeight - topInset));
  const half = Math.min(full, Math.max(peekHeight, Math.round(viewportHeight * HALF_SHARE)));
  return { peek: peekHeight, half, full };
}

export function clampSheetHeight(heights: SheetHeights, height: number): number {
  return Math.min(heights.full, Math.max(heights.peek, height));
}

/** Release speeds above this (px/ms, ≈ 400 px/s) count as a fling towards the next snap in that direction. */
export const FLING_VELOCITY = 0.4;

/**
 * Where a drag ends: a fling goes to the next snap in its direction; a slow release to the nearest snap.
 * `velocity` is in px/ms, positive when the sheet grows (finger moving up).
 */
export function snapAfterDrag(heights: SheetHeights, height: number, velocity: number): SheetSnap {
  if (velocity > FLING_VELOCITY) {
    return SHEET_SNAPS.find((snap) => heights[snap] > height + 1) ?? "full";
  }
  if (velocity < -FLING_VELOCITY) {
    return [...SHEET_SNAPS].reverse().find((snap) => heights[snap] < height - 1) ?? "peek";
  }
  let best: SheetSnap = "peek";
  for (const snap of SHEET_SNAPS) {
    if (Math.abs(heights[snap] - height) < Math.abs(heights[best] - height)) best = snap;
  }
  return best;
}

/** Release velocity from the last pointer samples (time in ms, y in px, downwards positive), in px/ms sheet growth. */
export function releaseVelocity(samples: ReadonlyArray<{ time: number; y: number }>, windowMs = 100): number {
  const last = samples[samples.length - 1];
  if (!last) return 0;
  const first = samples.find((sample) => last.time - sample.time <= windowMs) ?? last;
  const elapsed = last.time - first.time;
  return elapsed > 0 ? (first.y - last.y) / elapsed : 0;
}
