/**
 * Geometry of a list of fixed-height rows that may be taller than a browser can lay out.
 *
 * Chromium caps an element's height at 33,554,430 px: at 26 px a row, a list of more than
 * ~1.29M rows (a flat view of 10M keys) cannot be scrolled to its end with a plain spacer.
 * Past MAX_SCROLL_PX the scrollbar is scaled: its range stands for the whole list (dragging the
 * thumb to the bottom shows the last row) while the wheel and the keyboard still move by real
 * pixels (see useRowWindow).
 */

/** Tallest spacer we lay out; well under the browser's cap so rounding never reaches it. */
export const MAX_SCROLL_PX = 8_000_000;

export interface RowGeometry {
  rowHeight: number;
  count: number;
  viewport: number;
  /** Height of the spacer element (the native scroll range plus the viewport). */
  scrollHeight: number;
  /** Largest offset in the whole list (content px) and largest native scrollTop. */
  contentMax: number;
  scrollMax: number;
  /** Content px per scrollTop px (1 unless scaled). */
  ratio: number;
  scaled: boolean;
}

export function rowGeometry(count: number, rowHeight: number, viewport: number): RowGeometry {
  const content = count * rowHeight;
  const scaled = content > MAX_SCROLL_PX;
  const scrollHeight = scaled ? MAX_SCROLL_PX : content;
  const contentMax = Math.max(0, content - viewport);
  const scrollMax = Math.max(0, scrollHeight - viewport);
  const ratio = scaled && scrollMax > 0 ? contentMax / scrollMax : 1;
  return { rowHeight, count, viewport, scrollHeight, contentMax, scrollMax, ratio, scaled };
}

export const clampOffset = (g: RowGeometry, offset: number): number => Math.max(0, Math.min(g.contentMax, offset));

/** The content offset a native scrollTop stands for (the ends map exactly to the ends). */
export function offsetForScrollTop(g: RowGeometry, scrollTop: number): number {
  // Unscaled, the rows sit where the browser scrolled (even while a resize has not been measured).
  if (!g.scaled) return Math.max(0, scrollTop);
  if (scrollTop >= g.scrollMax - 0.5) return g.contentMax;
  return clampOffset(g, scrollTop * g.ratio);
}

/** The native scrollTop that stands for a content offset. */
export function scrollTopForOffset(g: RowGeometry, offset: number): number {
  if (!g.scaled) return offset;
  return offset >= g.contentMax ? g.scrollMax : offset / g.ratio;
}

/** Rows [first, last) on screen at an offset, plus `overscan` rows on each side. */
export function visibleRows(g: RowGeometry, offset: number, overscan: number): { first: number; last: number } {
  if (g.count === 0) return { first: 0, last: 0 };
  const first = Math.max(0, Math.floor(offset / g.rowHeight) - overscan);
  const last = Math.min(g.count, Math.ceil((offset + g.viewport) / g.rowHeight) + overscan);
  return { first, last: Math.max(last, first + 1) };
}

/** The smallest scroll that brings a row wholly into view (the offset itself if it is in view). */
export function offsetToShow(g: RowGeometry, offset: number, index: number): number {
  const top = index * g.rowHeight;
  const bottom = top + g.rowHeight;
  if (top < offset) return clampOffset(g, top);
  if (bottom > offset + g.viewport) return clampOffset(g, bottom - g.viewport);
  return offset;
}

/** A wheel event's vertical distance in px (line and page modes converted). */
export function wheelPixels(deltaY: number, deltaMode: number, g: RowGeometry): number {
  if (deltaMode === 1) return deltaY * g.rowHeight;
  if (deltaMode === 2) return deltaY * g.viewport;
  return deltaY;
}
