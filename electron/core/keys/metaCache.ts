/** How long a TYPE/PTTL answer is trusted when nothing we know of touched the key. */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  type: string;
  /** Absolute expiry (ms since the epoch), or -1 for none. */
  expiresAt: number;
  fetchedAt: number;
}

/**
 * TYPE and PTTL per key ('latin1'), so scrolling back and forth costs no round trips. An entry
 * lasts until Redlens changes or deletes the key (`invalidate`), the index is rebuilt, the key's
 * TTL runs out, or 30 s pass (other clients may change keys without us knowing).
 */
export class MetaCache {
  readonly #entries = new Map<string, Entry>();

  get(key: string, now = Date.now()): { type: string; ttlMs: number } | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const expired = entry.expiresAt !== -1 && entry.expiresAt <= now;
    if (expired || now - entry.fetchedAt > MAX_AGE_MS) {
      this.#entries.delete(key);
      return undefined;
    }
    return { type: entry.type, ttlMs: entry.expiresAt === -1 ? -1 : entry.expiresAt - now };
  }

  set(key: string, type: string, ttlMs: number, now = Date.now()): void {
    if (type === 'none' || ttlMs === -2) return; // gone: ask again next time
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(key, { type, expiresAt: ttlMs === -1 ? -1 : now + ttlMs, fetchedAt: now });
  }

  invalidate(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
