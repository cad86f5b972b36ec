import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/api/sessions';
import { EventBus } from '../events/eventBus';
import { createQuickProfiles, isQuickId } from './quickProfiles';

const target = { host: '127.0.0.1', port: 6379, password: 'typed-pw', readOnly: false };

/** A quick store with sessions that tests open and close by emitting their states. */
function setUp() {
  const events = new EventBus();
  const open = new Map<string, string>();
  const quick = createQuickProfiles({ events, inUse: (id) => [...open.values()].includes(id) });
  const session = (sessionId: string, profileId: string, state: SessionState) => {
    if (state === 'closed') open.delete(sessionId);
    else open.set(sessionId, profileId);
    const view = { id: sessionId, profileId, profileName: 'x', kind: 'standalone' as const, readOnly: false, db: 0 };
    events.emit('session.state', { session: { ...view, state }, at: Date.now() });
  };
  return { quick, session };
}

describe('quick profiles', () => {
  it('hold the typed password in memory and show a view without it', () => {
    const { quick } = setUp();
    const id = quick.add(target);
    expect(isQuickId(id)).toBe(true);
    expect(quick.resolve(id)).toMatchObject({ kind: 'standalone', password: 'typed-pw', quick: true });
    expect(quick.view(id)).toMatchObject({ id, name: '127.0.0.1:6379', hasPassword: true });
    expect(JSON.stringify(quick.view(id))).not.toContain('typed-pw');
  });

  it('show a view with every field of a saved standalone profile, secrets only as present or not', () => {
    const { quick } = setUp();
    const id = quick.add({ ...target, username: 'typed-user', readOnly: true });
    const view = quick.view(id);
    expect(view).toEqual({
      id,
      kind: 'standalone',
      name: '127.0.0.1:6379',
      color: 'gray',
      readOnly: true,
      connectTimeoutMs: 10_000,
      keyDelimiter: ':',
      scanCount: 1_000,
      db: 0,
      username: 'typed-user',
      hasPassword: true,
      tls: { enabled: false, verify: true, hasKeyPassphrase: false },
      host: '127.0.0.1',
      port: 6379,
      createdAt: view.createdAt,
      updatedAt: view.createdAt,
    });
    expect(new Date(view.createdAt).toISOString()).toBe(view.createdAt);
    expect(quick.view(quick.add({ ...target, password: '' })).hasPassword).toBe(false);
  });

  it('are dropped when their session closes, but kept for a retry when it had failed', () => {
    const { quick, session } = setUp();
    const failed = quick.add(target);
    session('s1', failed, 'connecting');
    session('s1', failed, 'failed');
    session('s1', failed, 'closed');
    expect(quick.resolve(failed)).toBeDefined();

    const browsed = quick.add(target);
    session('s2', browsed, 'ready');
    session('s2', browsed, 'closed');
    expect(() => quick.resolve(browsed)).toThrow(/no longer held/);
  });

  it('keep a few idle ones (no session), never one in use', () => {
    const { quick, session } = setUp();
    const used = quick.add(target);
    session('s1', used, 'ready');
    const idle = Array.from({ length: 12 }, () => quick.add(target));
    expect(quick.resolve(used)).toBeDefined();
    expect(() => quick.resolve(idle[0]!)).toThrow();
    expect(quick.resolve(idle.at(-1)!)).toBeDefined();
  });

  it('give their password only to a profile for the same server', () => {
    const { quick } = setUp();
    const id = quick.add(target);
    const params = { kind: 'standalone', name: 'n', host: '127.0.0.1', port: 6379 } as const;
    const common = {
      color: 'red',
      readOnly: false,
      connectTimeoutMs: 1000,
      keyDelimiter: ':',
      scanCount: 100,
      db: 0,
      tls: { enabled: false, verify: true },
    } as const;
    expect(quick.secretsFor({ ...params, ...common }, id).password).toBe('typed-pw');
    expect(quick.secretsFor({ ...params, ...common, port: 6380 }, id).password).toBeUndefined();
    expect(quick.secretsFor({ ...params, ...common, password: null }, id).password).toBeNull();
  });
});
