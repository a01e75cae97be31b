/** Milliseconds of work per task, so a batch of tens of thousands never holds the page for long. */
const SLICE_MS = 25;

/**
 * Calls `work(index)` for 0 … count − 1 in tasks of about 25 ms each, yielding to the page between them; resolves
 * false (and stops) as soon as `stale()` says a newer run replaced this one.
 */
export async function inSlices(count: number, work: (index: number) => void, stale: () => boolean): Promise<boolean> {
  let index = 0;
  while (index < count) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    if (stale()) return false;
    const sliceEnd = performance.now() + SLICE_MS;
    // Checked every 64 items: reading the clock is not free either.
    for (; index < count && (index % 64 !== 63 || performance.now() < sliceEnd); index++) work(index);
  }
  return !stale();
}
