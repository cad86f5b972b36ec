import { useEffect, useState } from 'react';

/**
 * How long a finished action's message ("Deleted 6 keys", "Renamed…") stays on screen before it
 * fades. Errors stay until dismissed: they need reading, and they say where they happened.
 */
export const FADE_MS = 6_000;

/** A notice that fades FADE_MS after it was set, unless it is an error. */
export function useFadingNotice<T extends { error?: boolean }>(): [T | undefined, (notice: T | undefined) => void] {
  const [notice, setNotice] = useState<T>();
  useEffect(() => {
    if (!notice || notice.error) return;
    const timer = setTimeout(() => setNotice(undefined), FADE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice];
}
