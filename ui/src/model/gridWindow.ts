//! Which items of a long grid of equal cells are near the view: a big plan's overview has
//! thousands of cards, and drawing only a screenful (and a little more) keeps its first paint
//! and its scrolling as quick as a small plan's.

export type GridShape = {
  /** The narrowest a cell may be; columns are as many as fit, stretched to fill the width. */
  minCellWidth: number;
  cellHeight: number;
  gap: number;
  /** Rows drawn beyond each edge of the view, so a scroll or a Tab reveals cells already there. */
  overscanRows: number;
};

export type GridWindow = {
  columns: number;
  /** The items drawn: from `first` up to (not including) `end`. */
  first: number;
  end: number;
  /** Where the first drawn row starts, from the grid's top. */
  offset: number;
  /** The whole grid's height, as if every row were drawn. */
  height: number;
};

/**
 * The window over `count` cells in a grid `width` wide, whose top is `scrolled` pixels above the
 * top of a view `viewHeight` high (negative while the grid starts below the view's top).
 */
export function gridWindow(count: number, width: number, scrolled: number, viewHeight: number, shape: GridShape): GridWindow {
  const { minCellWidth, cellHeight, gap, overscanRows } = shape;
  const columns = Math.max(1, Math.floor((width + gap) / (minCellWidth + gap)));
  const rows = Math.ceil(count / columns);
  const pitch = cellHeight + gap;
  const firstRow = Math.min(rows, Math.max(0, Math.floor(scrolled / pitch) - overscanRows));
  const endRow = Math.min(rows, Math.max(0, Math.ceil((scrolled + viewHeight) / pitch) + overscanRows));
  return {
    columns,
    first: firstRow * columns,
    end: Math.min(count, Math.max(firstRow, endRow) * columns),
    offset: firstRow * pitch,
    height: rows > 0 ? rows * pitch - gap : 0,
  };
}

export const sameWindow = (a: GridWindow, b: GridWindow) =>
  a.columns === b.columns && a.first === b.first && a.end === b.end && a.height === b.height;
