//! Start-up milestones (ui-start, plan-received, plan-shown, map-shown, layout-elk) as Performance
//! marks and console lines, so WebDriver (performance.getEntriesByType("mark")) and
//! tests/e2e/measure.sh (the app's stdout under THROUGHLINE_TRACE=1) can tell where the time goes.

/** Marks a milestone once: later calls with the same name (re-renders, StrictMode) are ignored. */
export function milestone(name: string) {
  if (typeof performance === "undefined" || performance.getEntriesByName(name, "mark").length > 0) return;
  performance.mark(name);
  // Wall-clock milliseconds, so a script can set them against the moment it launched the app.
  if (import.meta.env.MODE !== "test") console.info(`throughline-milestone ${name} ${Date.now()}`);
}

/** Runs `work` and records how long it took as a Performance measure named `name`. */
export function timed<T>(name: string, work: () => T): T {
  if (typeof performance === "undefined") return work();
  const start = performance.now();
  const result = work();
  performance.measure(name, { start, end: performance.now() });
  return result;
}
