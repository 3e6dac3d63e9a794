import { describe, expect, it } from "vitest";
import { gridWindow } from "../model/gridWindow";

const SHAPE = { minCellWidth: 250, cellHeight: 150, gap: 12, overscanRows: 2 };

describe("the window over a grid of cards", () => {
  it("fits as many columns as the width holds and draws the rows in view and two more", () => {
    // 836 px: three columns of at least 250 with their gaps (3 * 250 + 2 * 12 = 774), not four.
    const top = gridWindow(3001, 836, 0, 700, SHAPE);
    expect(top.columns).toBe(3);
    // Rows of 162 px: 700 px shows rows 0-4 (five rows), then two more.
    expect([top.first, top.end, top.offset], "the first seven rows").toEqual([0, 21, 0]);
    expect(top.height, "every row's height, as if all were drawn").toBe(1001 * 162 - 12);
  });

  it("follows the scroll, keeping two rows above the view", () => {
    const middle = gridWindow(3001, 836, 162 * 100 + 40, 700, SHAPE);
    expect([middle.first, middle.end, middle.offset], "rows 98 to 107").toEqual([98 * 3, 107 * 3, 98 * 162]);
  });

  it("ends on the last card, however far the scroll goes", () => {
    const bottom = gridWindow(3001, 836, 1001 * 162, 700, SHAPE);
    expect(bottom.end, "the last row holds one card").toBe(3001);
    expect(bottom.first).toBeLessThan(3001);
  });

  it("keeps one column when the view is narrower than a card, and draws nothing for no cards", () => {
    expect(gridWindow(10, 120, 0, 700, SHAPE).columns).toBe(1);
    expect(gridWindow(0, 836, 0, 700, SHAPE)).toMatchObject({ first: 0, end: 0, height: 0 });
  });

  it("counts the space above the grid while it starts below the view's top", () => {
    const before = gridWindow(3001, 836, -300, 700, SHAPE);
    expect([before.first, before.end], "only the rows within the 400 px the grid has, and two more").toEqual([0, 15]);
  });
});
