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

function measured(name: string, start: number, end: number) {
  performance.measure(name, { start, end });
  if (import.meta.env.MODE !== "test") console.info(`throughline-measure ${name} ${(end - start).toFixed(2)}`);
}

/** The page is taken to be done with an edit once its DOM stayed unchanged this long. */
const QUIET_MS = 120;
/** An edit still changing the page after this long is not measured. */
const GIVE_UP_MS = 10_000;

/**
 * The edit being timed: when it was asked for, when its answer came, the last change it made to
 * the DOM (a MutationObserver sees every one, whichever component or library made it), and when
 * each frame since was painted.
 */
type Timed = { start: number; answered: number | null; lastChange: number | null; painted: number[]; observer: MutationObserver };
let timing: Timed | null = null;

/**
 * An edit, undo or redo was asked for: its figures count from now.
 *
 * Frames are timed by a task queued from requestAnimationFrame: rAF callbacks run just before
 * the frame's style, layout and paint, so the task runs once that frame is painted.
 */
export function editStarted() {
  if (typeof performance === "undefined" || typeof MutationObserver === "undefined" || typeof requestAnimationFrame === "undefined") return;
  timing?.observer.disconnect();
  const edit: Timed = {
    start: performance.now(),
    answered: null,
    lastChange: null,
    painted: [],
    observer: new MutationObserver(() => {
      edit.lastChange = performance.now();
    }),
  };
  edit.observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  timing = edit;
  const nextFrame = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (timing !== edit) return;
        const now = performance.now();
        edit.painted.push(now);
        const settled = edit.answered !== null && now - (edit.lastChange ?? edit.answered) >= QUIET_MS;
        if (settled || now - edit.start > GIVE_UP_MS) finish(edit, settled);
        else nextFrame();
      }, 0),
    );
  nextFrame();
}

/** Rust answered the edit: `edit-ipc` is the round trip (and the core's incremental analysis). */
export function editAnswered() {
  if (!timing || timing.answered !== null) return;
  timing.answered = performance.now();
  measured("edit-ipc", timing.start, timing.answered);
}

/** Rust refused the edit: there is nothing to time, and no frame to watch for it. */
export function editRefused() {
  if (timing) finish(timing, false);
}

/**
 * Measures `edit-work`, to the last change the edit made to the page (React's commits, React
 * Flow's own updates after them), and `edit-to-screen`, to the end of the first frame painted
 * after that change: what the user sees is then complete.
 */
function finish(edit: Timed, settled: boolean) {
  edit.observer.disconnect();
  timing = null;
  if (!settled || edit.answered === null) return;
  const last = edit.lastChange ?? edit.answered;
  const screen = edit.painted.find((at) => at > last);
  measured("edit-work", edit.start, last);
  if (screen !== undefined) measured("edit-to-screen", edit.start, screen);
}
