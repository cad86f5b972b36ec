import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../../shared/api/profiles';
import { formFromView, formToInput } from '../profileFormModel';
import { secretsRebind } from './secretsRebind';

const view: ProfileView = {
  kind: 'standalone',
  id: 'p1',
  name: 'Cache',
  host: 'redis.internal',
  port: 6379,
  color: 'red',
  readOnly: false,
  connectTimeoutMs: 10_000,
  keyDelimiter: ':',
  scanCount: 1000,
  db: 0,
  hasPassword: true,
  tls: { enabled: true, verify: true, hasKeyPassphrase: true },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('secretsRebind', () => {
  it('keeps the saved secrets while the destination stays', () => {
    const form = { ...formFromView(view), name: 'Renamed', db: '3' };
    expect(secretsRebind(formToInput(form), view)).toEqual({ kept: true });
    expect(secretsRebind(formToInput(form), undefined)).toEqual({ kept: true });
  });

  it('says which saved secrets must be typed again, and why', () => {
    const moved = formToInput({ ...formFromView(view), port: '6380' });
    expect(secretsRebind(moved, view)).toEqual({
      kept: false,
      notice:
        'The saved password and TLS key passphrase must all be entered again because the address changed: Redlens only ever sends a saved secret where it was saved for.',
    });
    const noTls = formToInput({ ...formFromView(view), tlsEnabled: false });
    expect(secretsRebind(noTls, view).notice).toMatch(/because TLS was turned off/);
    const nothingSaved = { ...view, hasPassword: false, tls: { ...view.tls, hasKeyPassphrase: false } };
    expect(secretsRebind(moved, nothingSaved)).toEqual({ kept: false });
  });
});
