import { describe, expect, it } from 'vitest';
import { ApiFailure } from './apiFailure';
import { createDispatch, type Handlers } from './dispatch';

const info = {
  version: '7.0.15',
  mode: 'standalone',
  role: 'master',
  latencyMs: 1,
  uptimeSeconds: 1,
  connectedClients: 1,
  usedMemoryHuman: '1M',
  sections: {},
} as const;

// Only the methods under test; the others are never called here.
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.version': async () => ({ name: 'Redlens', version: '1.2.3', host: 'web', platform: 'linux' }),
    'server.ping': async (p) => ({ reply: `PONG ${p.host}:${p.port} ${p.connectTimeoutMs}`, latencyMs: 0 }),
    'server.info': async () => ({ ...info, sections: {} }),
    ...overrides,
  } as Handlers;
}

describe('dispatch', () => {
  it('validates, applies defaults and returns the value', async () => {
    const dispatch = createDispatch(handlers());
    expect(await dispatch('server.ping', { host: ' localhost ', port: 6379 })).toEqual({
      ok: true,
      value: { reply: 'PONG localhost:6379 5000', latencyMs: 0 },
    });
    expect(await dispatch('app.version', undefined)).toMatchObject({ ok: true, value: { version: '1.2.3' } });
  });

  it('refuses unknown methods, including prototype names', async () => {
    const dispatch = createDispatch(handlers());
    for (const name of ['nope', 'toString', '__proto__', 42]) {
      const result = await dispatch(name as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('refuses invalid input with field-level details', async () => {
    const dispatch = createDispatch(handlers());
    const result = await dispatch('server.ping', { host: '', port: 70000, extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    if (result.error.code !== 'VALIDATION_FAILED' || !Array.isArray(result.error.details)) throw result.error;
    const paths = result.error.details.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['host', 'port']));
    expect(result.error.message).toMatch(/Port must be 1–65535/);
  });

  it('never throws: handler failures become error results', async () => {
    const dispatch = createDispatch(
      handlers({
        'server.ping': async () => {
          throw new ApiFailure('AUTH_FAILED', 'wrong password');
        },
        'server.info': () => {
          throw new Error('sync boom');
        },
      }),
    );
    expect(await dispatch('server.ping', { host: 'h', port: 1 })).toEqual({
      ok: false,
      error: { code: 'AUTH_FAILED', message: 'wrong password' },
    });
    expect(await dispatch('server.info', { host: 'h', port: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('never throws when validation itself throws (a throwing refinement, a hostile getter)', async () => {
    const dispatch = createDispatch(handlers());
    const hostile = {
      get host(): string {
        throw new Error('getter boom');
      },
      port: 1,
    };
    await expect(dispatch('server.ping', hostile)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
