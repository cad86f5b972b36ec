import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_PX,
  offsetForScrollTop,
  offsetToShow,
  rowGeometry,
  scrollTopForOffset,
  visibleRows,
  wheelPixels,
} from './rowWindow';

const ROW = 26;
const VIEW = 520; // 20 rows

describe('rowGeometry', () => {
  it('is a plain list while the content fits', () => {
    const g = rowGeometry(1000, ROW, VIEW);
    expect(g).toMatchObject({ scaled: false, scrollHeight: 26_000, contentMax: 25_480, scrollMax: 25_480, ratio: 1 });
    expect(offsetForScrollTop(g, 1234)).toBe(1234);
    expect(scrollTopForOffset(g, 1234)).toBe(1234);
  });

  it('scales the scrollbar for 10M rows, far past the browser cap, and maps the ends exactly', () => {
    const g = rowGeometry(10_000_000, ROW, VIEW);
    expect(g.scaled).toBe(true);
    expect(g.scrollHeight).toBe(MAX_SCROLL_PX);
    expect(g.ratio).toBeCloseTo((260_000_000 - VIEW) / (MAX_SCROLL_PX - VIEW), 9);
    expect(offsetForScrollTop(g, 0)).toBe(0);
    expect(offsetForScrollTop(g, g.scrollMax)).toBe(g.contentMax);
    // The thumb in the middle shows the middle of the list.
    const mid = offsetForScrollTop(g, g.scrollMax / 2);
    expect(Math.round(mid / ROW)).toBe(Math.round(g.contentMax / 2 / ROW));
    // Round trip.
    expect(offsetForScrollTop(g, scrollTopForOffset(g, 123_456_789))).toBeCloseTo(123_456_789, 3);
    expect(scrollTopForOffset(g, g.contentMax)).toBe(g.scrollMax);
  });

  it('shows the last row at the largest offset', () => {
    const g = rowGeometry(10_000_000, ROW, VIEW);
    const { first, last } = visibleRows(g, g.contentMax, 0);
    expect(last).toBe(10_000_000);
    expect(first).toBe(10_000_000 - VIEW / ROW);
  });
});

describe('visibleRows', () => {
  it('adds overscan and stays within the list', () => {
    const g = rowGeometry(100, ROW, VIEW);
    expect(visibleRows(g, 0, 5)).toEqual({ first: 0, last: 25 });
    expect(visibleRows(g, 26 * 50 + 13, 5)).toEqual({ first: 45, last: 76 });
    expect(visibleRows(g, g.contentMax, 5)).toEqual({ first: 75, last: 100 });
    expect(visibleRows(rowGeometry(0, ROW, VIEW), 0, 5)).toEqual({ first: 0, last: 0 });
  });
});

describe('offsetToShow', () => {
  const g = rowGeometry(5_000_000, ROW, VIEW);
  it('keeps the offset when the row is in view', () => {
    expect(offsetToShow(g, 2600, 105)).toBe(2600);
  });
  it('scrolls up to a row above and down to a row below, by the least amount', () => {
    expect(offsetToShow(g, 2600, 99)).toBe(99 * ROW);
    expect(offsetToShow(g, 2600, 120)).toBe(121 * ROW - VIEW);
    expect(offsetToShow(g, 0, 4_999_999)).toBe(g.contentMax);
  });
});

describe('wheelPixels', () => {
  it('converts line and page deltas', () => {
    const g = rowGeometry(5_000_000, ROW, VIEW);
    expect(wheelPixels(100, 0, g)).toBe(100);
    expect(wheelPixels(3, 1, g)).toBe(78);
    expect(wheelPixels(-1, 2, g)).toBe(-VIEW);
  });
});
