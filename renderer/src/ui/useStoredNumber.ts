import { useState } from 'react';

/**
 * A number the user set (a pane's width…) that outlives the page: kept in localStorage, read
 * once. Storage may be unavailable or hold junk; then the fallback applies and nothing breaks.
 */
export function useStoredNumber(key: string, fallback: number): [number, (value: number) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = Number(localStorage.getItem(key) ?? NaN);
      return Number.isFinite(stored) ? stored : fallback;
    } catch {
      return fallback;
    }
  });
  const set = (next: number) => {
    setValue(next);
    try {
      localStorage.setItem(key, String(next));
    } catch {
      // Private mode or a full quota: the value still holds for this page.
    }
  };
  return [value, set];
}
