/** The rows [first, end) a scroller shows, with some rows beyond each edge so fast scrolling shows no gap. */
export interface RowWindow {
  first: number;
  end: number;
}

export interface VirtualWindowOptions {
  scroller: HTMLElement;
  /** Every row's height in CSS px (the stylesheet gives rows this height). */
  rowHeight: number;
  /** Height above the first row inside the scroller (a table's header), CSS px. */
  headerHeight?: () => number;
  count(): number;
  render(window: RowWindow): void;
}

const OVERSCAN = 8;

/**
 * Shows only the rows in view of a long list: thirty thousand rows would take the page seconds to build and lay
 * out, a screenful takes a millisecond. The caller renders [first, end) between spacers of the remaining height.
 */
export function createVirtualWindow(options: VirtualWindowOptions) {
  const { scroller, rowHeight } = options;
  let shown: RowWindow | null = null;
  let frame = 0;
  const compute = (): RowWindow => {
    const count = options.count();
    const top = Math.max(0, scroller.scrollTop - (options.headerHeight?.() ?? 0));
    const visible = Math.ceil((scroller.clientHeight || 600) / rowHeight);
    const first = Math.max(0, Math.min(count, Math.floor(top / rowHeight) - OVERSCAN));
    return { first, end: Math.min(count, first + visible + 2 * OVERSCAN) };
  };
  const update = (force: boolean) => {
    const next = compute();
    if (!force && shown && shown.first === next.first && shown.end === next.end) return;
    shown = next;
    options.render(next);
  };
  scroller.addEventListener("scroll", () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      update(false);
    });
  });
  return {
    /** Renders again (the rows changed, or their order). */
    refresh: () => update(true),
    /** Scrolls so the row is in view (keyboard moves past the rendered rows). */
    scrollToRow: (index: number) => {
      const top = index * rowHeight + (options.headerHeight?.() ?? 0);
      if (top < scroller.scrollTop + (options.headerHeight?.() ?? 0)) scroller.scrollTop = index * rowHeight;
      else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + rowHeight - scroller.clientHeight;
      update(false);
    },
  };
}

/** A spacer of the given height standing for rows not rendered. */
export function spacerHeight(rows: number, rowHeight: number): string {
  return `${rows * rowHeight}px`;
}
