import type { TtlChange } from '../../../shared/api/values';

/** SET's TTL arguments for a change: KEEPTTL, none (no TTL), PX or EX. */
export function ttlArgs(ttl: TtlChange): (string | number)[] {
  if (ttl === 'keep') return ['KEEPTTL'];
  if (ttl === 'persist') return [];
  return 'ms' in ttl ? ['PX', ttl.ms] : ['EX', ttl.seconds];
}

/** The new TTL in milliseconds, or 0 when the change sets none (keep, persist). */
export const ttlMillis = (ttl: TtlChange): number =>
  typeof ttl === 'object' ? ('ms' in ttl ? ttl.ms : ttl.seconds * 1000) : 0;
