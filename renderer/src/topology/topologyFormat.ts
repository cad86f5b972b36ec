const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `23:05:24.123`: local wall-clock time with milliseconds, as the timeline shows it. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `23:05:24`: the same, to the second (banners). */
export const shortClockTime = (ms: number): string => clockTime(ms).slice(0, 8);

/** `2026-11-23 23:05:24.123` (local), for tooltips. */
export function dateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clockTime(ms)}`;
}

/** `850 ms`, `4.2 s`, `2 min 5 s`: a duration between two events. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** `0 B`, `980 B`, `12.3 KB`, `4.5 MB`: replication lag in bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');
