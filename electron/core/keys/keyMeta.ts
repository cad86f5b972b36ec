import type Redis from 'ioredis';
import type { KeyMeta } from '../../../shared/api/keys';
import { fromLatin1, latin1ToKeyBytes } from './keyBytes';
import type { MetaCache } from './metaCache';

/** Raw TYPE/PTTL answers of one key. */
export interface KeyFacts {
  key: string;
  type: string;
  ttlMs: number;
}

/** TYPE and PTTL of many keys ('latin1') in ONE pipeline (one round trip). */
async function fetchFacts(client: Redis, keys: string[]): Promise<KeyFacts[]> {
  if (keys.length === 0) return [];
  const pipeline = client.pipeline();
  for (const key of keys) {
    const bytes = fromLatin1(key);
    pipeline.type(bytes);
    pipeline.pttl(bytes);
  }
  const replies = (await pipeline.exec()) ?? [];
  return keys.map((key, i) => {
    const [typeErr, type] = replies[2 * i] ?? [new Error('No reply')];
    const [ttlErr, ttl] = replies[2 * i + 1] ?? [new Error('No reply')];
    if (typeErr) throw typeErr;
    if (ttlErr) throw ttlErr;
    return { key, type: String(type), ttlMs: Number(ttl) };
  });
}

/** Metadata for keys, from the cache where it is fresh, the rest in one pipeline. */
export async function readMeta(
  client: Redis,
  cache: MetaCache,
  keys: string[],
): Promise<{ meta: KeyMeta[]; gone: string[] }> {
  const cached = keys.map((key) => cache.get(key));
  const missing = keys.filter((_, i) => !cached[i]);
  const fetched = new Map((await fetchFacts(client, missing)).map((f) => [f.key, f]));
  const gone: string[] = [];
  const meta = keys.map((key, i): KeyMeta => {
    const hit = cached[i];
    if (hit) return { key: latin1ToKeyBytes(key), ...hit };
    const facts = fetched.get(key)!;
    cache.set(key, facts.type, facts.ttlMs);
    if (facts.type === 'none') gone.push(key);
    return { key: latin1ToKeyBytes(key), type: facts.type, ttlMs: facts.type === 'none' ? -2 : facts.ttlMs };
  });
  return { meta, gone };
}
