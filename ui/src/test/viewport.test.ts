import { describe, expect, it } from "vitest";
import { NODE_HEIGHT, NODE_WIDTH, layeredLayout } from "../model/layout";
import { boundsOf, inViewport, READABLE_ZOOM, TITLE_FONT_PX, viewportFor } from "../model/viewport";
import { syntheticPlan } from "../dev/syntheticPlan";
import { PLAN } from "./fixtures";

const chrome = { top: 58, right: 0, bottom: 52, left: 0 };

describe("where the map looks", () => {
  it("renders titles at 11 px or more", () => {
    expect(TITLE_FONT_PX * READABLE_ZOOM).toBeGreaterThanOrEqual(11);
  });

  it("frames a small plan whole, clear of the hint, legend and controls", () => {
    const positions = layeredLayout(PLAN);
    const bounds = boundsOf(positions)!;
    const viewport = viewportFor(bounds, 856, 714, chrome);
    expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    for (const [id, at] of positions) expect(inViewport(at, viewport, 856, 714, chrome), `${id} in view`).toBe(true);
  });

  it("shows a plan too big to read whole from its top, at the readable zoom", () => {
    const positions = layeredLayout(syntheticPlan(300));
    const bounds = boundsOf(positions)!;
    const viewport = viewportFor(bounds, 856, 714, chrome);
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    expect(bounds.y * viewport.zoom + viewport.y, "the top row just under the hint").toBeGreaterThanOrEqual(chrome.top);
    expect(bounds.y * viewport.zoom + viewport.y).toBeLessThan(chrome.top + 40);
    const centre = bounds.x + bounds.width / 2;
    expect(centre * viewport.zoom + viewport.x, "centred across").toBeCloseTo(856 / 2);
  });

  it("centres on the focus when a throughline is too big to read whole", () => {
    const bounds = { x: 0, y: 0, width: 5000, height: 3000 };
    const viewport = viewportFor(bounds, 856, 714, chrome, { focus: { x: 4000, y: 2000 } });
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    const focusOnScreen = { x: 4000 * viewport.zoom + viewport.x, y: 2000 * viewport.zoom + viewport.y };
    expect(focusOnScreen.x).toBeCloseTo(856 / 2);
    expect(focusOnScreen.y).toBeCloseTo(chrome.top + (714 - chrome.top - chrome.bottom) / 2);
  });

  it("never zooms a framed plan in past the largest zoom", () => {
    const viewport = viewportFor({ x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT }, 1600, 1000, chrome);
    expect(viewport.zoom).toBe(1.1);
  });
});
