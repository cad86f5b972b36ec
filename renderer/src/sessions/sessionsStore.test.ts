import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import type { SessionView } from '../../../shared/api/sessions';
import { setBridge } from '../api/client';
import { view } from './testSupport/sessionViewFixture';
import { currentSessionId, useSessions } from './sessionsStore';

/** A stand-in for core's transport: records calls; `sessions.open` answers when the test says. */
function fakeCore() {
  const calls: string[] = [];
  const opens: ((answer: { ok: true; value: SessionView } | { ok: false; error: ApiError }) => void)[] = [];
  setBridge({
    invoke: (method: string) => {
      calls.push(method);
      if (method === 'sessions.open') return new Promise((resolve) => opens.push(resolve));
      return Promise.resolve({ ok: true, value: undefined });
    },
    subscribe: () => () => undefined,
  } as never);
  return { calls, opens };
}

const refused: ApiError = { code: 'CONNECTION_REFUSED', message: 'Nothing listens on 127.0.0.1:1.' };

beforeEach(() => {
  useSessions.setState({ sessions: {}, order: [], opening: {}, openErrors: {}, tabs: {}, successors: {} });
});

describe('opening a profile', () => {
  it('sends one open for a double click, and both clicks land on the same session', async () => {
    const core = fakeCore();
    const first = useSessions.getState().open('p1');
    const second = useSessions.getState().open('p1');
    expect(core.calls.filter((m) => m === 'sessions.open')).toHaveLength(1);
    core.opens[0]!({ ok: true, value: view({ id: 'a', kind: 'standalone' }) });
    expect(await first).toBe('a');
    expect(await second).toBe('a');
    expect(await useSessions.getState().open('p1')).toBe('a');
    expect(core.calls.filter((m) => m === 'sessions.open')).toHaveLength(1);
    expect(useSessions.getState().order).toEqual(['a']);
  });

  it('replaces a failed session by the retry that connects, and a screen on it follows', async () => {
    const core = fakeCore();
    useSessions.getState().apply(view({ id: 'old', state: 'failed', error: refused }));
    const retry = useSessions.getState().open('p1');
    core.opens[0]!({ ok: true, value: view({ id: 'new' }) });
    expect(await retry).toBe('new');
    const s = useSessions.getState();
    expect(s.order).toEqual(['new']);
    expect(currentSessionId(s, 'old')).toBe('new');
  });

  it('replaces a failed session by the tab of a retry that failed too', async () => {
    const core = fakeCore();
    useSessions.getState().apply(view({ id: 'old', state: 'failed', error: refused }));
    const retry = useSessions.getState().open('p1');
    // Core reports the new attempt's failure as a session before it answers.
    useSessions.getState().apply(view({ id: 'again', state: 'failed', error: refused }));
    core.opens[0]!({ ok: false, error: refused });
    expect(await retry).toBeUndefined();
    const s = useSessions.getState();
    expect(s.order).toEqual(['again']);
    expect(currentSessionId(s, 'old')).toBe('again');
    expect(s.openErrors['p1']).toEqual(refused);
  });

  it('remembers each session its own sub-view', () => {
    useSessions.getState().setTab('s1', 'topology');
    useSessions.getState().setTab('s2', 'info');
    expect(useSessions.getState().tabs).toEqual({ s1: 'topology', s2: 'info' });
  });
});
