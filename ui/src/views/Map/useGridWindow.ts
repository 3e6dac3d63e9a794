//! Keeps a grid's window (model/gridWindow.ts) in step with its scroller's size and scroll.
import { useLayoutEffect, useRef, useState, type RefObject } from "react";
import { gridWindow, sameWindow, type GridShape, type GridWindow } from "../../model/gridWindow";

/**
 * `scroller` scrolls; `grid` is the element inside it holding the cells (its width is the
 * grid's). Renders again only when the drawn cells change, not on every scroll event.
 * `startAt` is the scroll to begin with (where the CIO left this list last time).
 */
export function useGridWindow(
  count: number,
  shape: GridShape,
  startAt = 0,
): { scroller: RefObject<HTMLDivElement | null>; grid: RefObject<HTMLUListElement | null>; cells: GridWindow } {
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLUListElement>(null);
  // Nothing is drawn before the scroller is measured; the measure runs before the first paint.
  const [cells, setCells] = useState<GridWindow>(() => gridWindow(count, 0, 0, 0, shape));
  const { minCellWidth, cellHeight, gap, overscanRows } = shape;
  // Before the first measure (effects run in order), so the window starts where the list does.
  useLayoutEffect(() => {
    if (scroller.current && startAt > 0) scroller.current.scrollTop = startAt;
    // Only where the list opens; later scrolls are the CIO's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useLayoutEffect(() => {
    const view = scroller.current;
    const list = grid.current;
    if (!view || !list) return;
    const measure = () => {
      const next = gridWindow(count, list.clientWidth, view.scrollTop - list.offsetTop, view.clientHeight, {
        minCellWidth, cellHeight, gap, overscanRows,
      });
      setCells((previous) => (sameWindow(previous, next) ? previous : next));
    };
    measure();
    view.addEventListener("scroll", measure, { passive: true });
    const resized = new ResizeObserver(measure);
    resized.observe(view);
    return () => {
      view.removeEventListener("scroll", measure);
      resized.disconnect();
    };
  }, [count, minCellWidth, cellHeight, gap, overscanRows]);
  return { scroller, grid, cells };
}
