/**
 * Installed before the app's first script (page.addInitScript): every long task on the main thread, and every long
 * animation frame with the page's own work in it (scripts, then style and layout) and what ran. A string, not a
 * function, so no test-runner helper leaks into the page.
 */
export const WATCH_MAIN_THREAD = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  window.__longFrames = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const script = entry.scripts.reduce((sum, part) => sum + part.duration, 0);
      const styleAndLayout = entry.styleAndLayoutStart > 0 ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0;
      const scripts = entry.scripts.map((part) => part.invoker + " " + (part.sourceURL || "").split("/").pop() + ":" + part.sourceFunctionName + "@" + part.sourceCharPosition + " " + Math.round(part.duration) + " ms (forced layout " + Math.round(part.forcedStyleAndLayoutDuration) + ")");
      window.__longFrames.push({ start: entry.startTime, duration: entry.duration, ownWork: script + styleAndLayout, scripts });
    }
  }).observe({ type: "long-animation-frame", buffered: true });
`;

export interface LongFrame {
  start: number;
  duration: number;
  /** Milliseconds of the frame spent in scripts and in style and layout: the page's own work, without rasterising. */
  ownWork: number;
  scripts: string[];
}

/** What WATCH_MAIN_THREAD collects on window. */
export interface MainThreadWatched {
  __longTasks: Array<{ start: number; duration: number }>;
  __longFrames: LongFrame[];
}
