//! Where the map looks: a plan or a throughline framed whole when its titles stay readable,
//! otherwise shown from its top (or around the selection) at the smallest readable zoom, inside
//! the part of the map the hint, legend and controls leave free.
import { NODE_HEIGHT, NODE_WIDTH, type Positions } from "./layout";

/** The map's node titles are 13 px: at this zoom they render at 11 px, the smallest we let a CIO read. */
export const TITLE_FONT_PX = 13;
export const READABLE_ZOOM = Math.ceil((11 / TITLE_FONT_PX) * 100) / 100;

export type Bounds = { x: number; y: number; width: number; height: number };
export type Insets = { top: number; right: number; bottom: number; left: number };
export type Viewport = { x: number; y: number; zoom: number };

/** The area the nodes `ids` (every node when omitted) take on the map, or null when none is placed. */
export function boundsOf(positions: Positions, ids?: Iterable<string>): Bounds | null {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  const consider = (at: { x: number; y: number } | undefined) => {
    if (!at) return;
    minX = Math.min(minX, at.x);
    maxX = Math.max(maxX, at.x + NODE_WIDTH);
    minY = Math.min(minY, at.y);
    maxY = Math.max(maxY, at.y + NODE_HEIGHT);
  };
  if (ids) for (const id of ids) consider(positions.get(id));
  else for (const at of positions.values()) consider(at);
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The viewport showing `bounds` in a `width` x `height` map, clear of `insets`. Framed whole when
 * that keeps the zoom at READABLE_ZOOM or more (and at most `maxZoom`); otherwise at READABLE_ZOOM,
 * centred on `focus` when given, else on the bounds' middle with their top just under the top inset.
 */
export function viewportFor(
  bounds: Bounds,
  width: number,
  height: number,
  insets: Insets,
  { maxZoom = 1.1, focus }: { maxZoom?: number; focus?: { x: number; y: number } } = {},
): Viewport {
  const margin = 16;
  const areaWidth = Math.max(1, width - insets.left - insets.right - 2 * margin);
  const areaHeight = Math.max(1, height - insets.top - insets.bottom - 2 * margin);
  const fit = Math.min(maxZoom, areaWidth / bounds.width, areaHeight / bounds.height);
  const centreX = insets.left + margin + areaWidth / 2;
  const centreY = insets.top + margin + areaHeight / 2;
  if (fit >= READABLE_ZOOM) {
    return {
      x: centreX - (bounds.x + bounds.width / 2) * fit,
      y: centreY - (bounds.y + bounds.height / 2) * fit,
      zoom: fit,
    };
  }
  const zoom = READABLE_ZOOM;
  if (focus) return { x: centreX - focus.x * zoom, y: centreY - focus.y * zoom, zoom };
  return { x: centreX - (bounds.x + bounds.width / 2) * zoom, y: insets.top + margin - bounds.y * zoom, zoom };
}

/** Whether the node at `at` is wholly inside the viewport's free area. */
export function inViewport(at: { x: number; y: number }, viewport: Viewport, width: number, height: number, insets: Insets): boolean {
  const left = at.x * viewport.zoom + viewport.x;
  const top = at.y * viewport.zoom + viewport.y;
  return (
    left >= insets.left &&
    top >= insets.top &&
    left + NODE_WIDTH * viewport.zoom <= width - insets.right &&
    top + NODE_HEIGHT * viewport.zoom <= height - insets.bottom
  );
}
