import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  clampOffset,
  offsetForScrollTop,
  offsetToShow,
  rowGeometry,
  scrollTopForOffset,
  visibleRows,
  wheelPixels,
  type RowGeometry,
} from './rowWindow';

/** Rows are placed relative to a base row that moves in steps, so a scroll re-renders few rows. */
const BASE_STEP = 1024;

export interface RowWindow {
  geometry: RowGeometry;
  /** Rows [first, last) to render (visible plus overscan). */
  first: number;
  last: number;
  /** Style for the element that holds the rows; a row's own top is `rowTop(index)`. */
  layerStyle: { transform: string };
  rowTop(index: number): number;
  scrollToIndex(index: number): void;
}

interface Position {
  /** Offset in the whole list (px) and the native scrollTop that stands for it. */
  offset: number;
  scrollTop: number;
}

/**
 * Windowing for fixed-height rows, any number of them. Below MAX_SCROLL_PX it is a plain
 * virtual list (native scrolling, rows at their own place). Above it the spacer stays at that
 * height and the scrollbar is scaled; the wheel is taken over so it still moves by real pixels,
 * and a drag of the thumb jumps in proportion. Either way the rows are kept under the viewport by
 * one transform, so no element is ever placed past what the browser can lay out.
 */
export function useRowWindow(
  /** The scrolling element (from a callback ref: it may appear after the first render). */
  el: HTMLElement | null,
  { count, rowHeight, overscan }: { count: number; rowHeight: number; overscan: number },
): RowWindow {
  const [viewport, setViewport] = useState(0);
  const [pos, setPos] = useState<Position>({ offset: 0, scrollTop: 0 });
  const latest = useRef(pos);
  const geometry = rowGeometry(count, rowHeight, viewport);
  const g = useRef(geometry);
  g.current = geometry;

  /** Records a position; renders only when the rows or their placement change. */
  const shown = useRef(pos);
  const commit = useCallback(
    (next: Position) => {
      latest.current = next;
      const was = visibleRows(g.current, shown.current.offset, overscan);
      const now = visibleRows(g.current, next.offset, overscan);
      const shift = (p: Position) => p.offset - p.scrollTop;
      if (was.first === now.first && was.last === now.last && shift(next) === shift(shown.current)) return;
      shown.current = next;
      setPos(next);
    },
    [overscan],
  );

  /** Moves to a content offset, writing the native scrollTop that stands for it. */
  const moveTo = useCallback(
    (offset: number) => {
      const o = clampOffset(g.current, offset);
      if (!el) return;
      el.scrollTop = scrollTopForOffset(g.current, o);
      // The browser rounds scrollTop; the scroll event it sends for this write is recognised by it.
      commit({ offset: g.current.scaled ? o : el.scrollTop, scrollTop: el.scrollTop });
    },
    [el, commit],
  );

  useEffect(() => {
    if (!el) return;
    const measure = () => setViewport(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const onScroll = () => {
      const top = el.scrollTop;
      if (top === latest.current.scrollTop) return; // our own write
      commit({ offset: offsetForScrollTop(g.current, top), scrollTop: top });
    };
    const onWheel = (e: WheelEvent) => {
      // Only a scaled list needs this: the native wheel would move `ratio` times too far.
      if (!g.current.scaled || e.ctrlKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
      e.preventDefault();
      moveTo(latest.current.offset + wheelPixels(e.deltaY, e.deltaMode, g.current));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', onWheel);
    };
  }, [el, commit, moveTo]);

  // A new row count or viewport. Scaled (or just back from scaled): the scrollbar stands for a new
  // range, so it is re-derived from the offset. Unscaled, the browser's scrollTop is the truth:
  // writing it would cancel a smooth scroll under way (counts change all through a scan).
  const wasScaled = useRef(false);
  useLayoutEffect(() => {
    if (!el) return;
    if (g.current.scaled || wasScaled.current) moveTo(latest.current.offset);
    else commit({ offset: el.scrollTop, scrollTop: el.scrollTop });
    wasScaled.current = g.current.scaled;
  }, [el, count, viewport, rowHeight, moveTo, commit]);

  const { first, last } = visibleRows(geometry, pos.offset, overscan);
  const base = first - (first % BASE_STEP);
  return {
    geometry,
    first,
    last,
    layerStyle: { transform: `translateY(${base * rowHeight - pos.offset + pos.scrollTop}px)` },
    rowTop: (index) => (index - base) * rowHeight,
    scrollToIndex: (index) => {
      const { offset } = latest.current;
      const to = offsetToShow(g.current, offset, index);
      if (to !== offset) moveTo(to);
    },
  };
}
