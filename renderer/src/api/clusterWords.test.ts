import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import { withWords } from './errorWords';
import { clusterRedirectText, crossSlotText } from './clusterWords';

const moved = {
  code: 'CLUSTER_REDIRECT',
  message: 'core fallback',
  details: { redirect: 'moved', slot: 14429, node: '127.0.0.1:17002', reply: 'MOVED 14429 127.0.0.1:17002' },
} satisfies ApiError;

describe('cluster redirect words', () => {
  it('names the slot and the node that holds the key, and what to do', () => {
    expect(clusterRedirectText(moved)).toBe(
      'This key lives in slot 14429 on node 127.0.0.1:17002, another node of this cluster. Open that node, or wait for Cluster support.',
    );
    const ask = { ...moved, details: { ...moved.details, redirect: 'ask' as const } };
    expect(clusterRedirectText(ask)).toMatch(/slot 14429 is being moved to node 127\.0\.0\.1:17002/);
  });

  it('replaces core’s words in every result the renderer gets, and leaves other errors alone', () => {
    const result = withWords({ ok: false, error: moved });
    expect(!result.ok && result.error.message).toMatch(/^This key lives in slot 14429/);
    const other: ApiError = { code: 'REDIS_ERROR', message: 'ERR x', details: { reply: 'ERR' } };
    expect(withWords({ ok: false, error: other })).toEqual({ ok: false, error: other });
    expect(withWords({ ok: true, value: 1 })).toEqual({ ok: true, value: 1 });
    // Malformed details: core's message stays.
    // @ts-expect-error malformed on purpose: what arrives is checked, not only typed
    expect(clusterRedirectText({ ...moved, details: { slot: 'x' } })).toBeUndefined();
  });

  it('says why a command over keys of several slots was refused', () => {
    expect(crossSlotText({ code: 'CLUSTER_CROSSSLOT', message: 'x' })).toMatch(/^These keys are in different slots/);
    expect(crossSlotText(moved)).toBeUndefined();
  });
});
