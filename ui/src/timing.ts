//! Start-up milestones (ui-start, plan-received, plan-shown, map-shown, layout-elk) and edit timings as Performance
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

/** When the edit being answered was asked for (the click), or null when none is. */
let editStart: number | null = null;

function measured(name: string, start: number) {
  const end = performance.now();
  performance.measure(name, { start, end });
  if (import.meta.env.MODE !== "test") console.info(`throughline-measure ${name} ${(end - start).toFixed(2)}`);
}

/** An edit, undo or redo was asked for: edit-to-screen counts from now. */
export function editStarted() {
  if (typeof performance !== "undefined") editStart = performance.now();
}

/** Rust answered the edit: `edit-ipc` is the round trip (and the core's incremental analysis). */
export function editAnswered() {
  if (editStart !== null) measured("edit-ipc", editStart);
}

/**
 * The answer is committed (called from an effect after the commit that applied it). Measures
 * `edit-work`, to when the last work it caused is done (the map's own store update runs from an
 * effect of this commit, so a task queued now runs after it), and `edit-to-screen`, to just after
 * the next frame is painted (which adds the wait for the display's next frame, up to 16 ms).
 */
export function editShown() {
  const start = editStart;
  if (start === null || typeof performance === "undefined") return;
  editStart = null;
  setTimeout(() => {
    measured("edit-work", start);
    requestAnimationFrame(() => setTimeout(() => measured("edit-to-screen", start), 0));
  }, 0);
}
