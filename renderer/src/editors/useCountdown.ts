import { useEffect, useState } from 'react';

/**
 * Milliseconds left of a TTL read at `readAt` (Date.now()), ticking every second on the client;
 * -1 stays -1 (no expiry). Calls `onExpired` once when it reaches zero.
 */
export function useCountdown(ttlMs: number, readAt: number, onExpired: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  const left = ttlMs < 0 ? ttlMs : Math.max(0, ttlMs - (now - readAt));
  useEffect(() => {
    if (ttlMs < 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ttlMs, readAt]);
  const expired = ttlMs >= 0 && left === 0;
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);
  return left;
}
