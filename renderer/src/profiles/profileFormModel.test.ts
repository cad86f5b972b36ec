import { describe, expect, it } from 'vitest';
import { ProfileInputSchema, type ProfileView } from '../../../shared/api/profiles';
import {
  connectionErrorField,
  EMPTY_PROFILE_FORM,
  formFromDraft,
  formFromView,
  formToInput,
  validationErrors,
} from './profileFormModel';
import { groupProfiles } from './profilesStore';

const view: ProfileView = {
  id: 'p1',
  kind: 'sentinel',
  name: 'HA',
  color: 'blue',
  readOnly: true,
  connectTimeoutMs: 5000,
  keyDelimiter: '/',
  scanCount: 500,
  db: 2,
  hasPassword: true,
  hasSentinelPassword: true,
  tls: { enabled: true, verify: false, hasKeyPassphrase: true, caFile: '/ca.pem' },
  sentinels: [{ host: 's1', port: 26379 }],
  masterName: 'mymaster',
  role: 'replica',
  createdAt: '',
  updatedAt: '',
};

describe('profile form model', () => {
  it('leaves untouched secrets out (keep), sends typed ones, and null when cleared', () => {
    const form = formFromView(view);
    const kept = formToInput({ ...form, name: 'HA 2' });
    expect(kept).toMatchObject({ kind: 'sentinel', password: undefined, sentinelPassword: undefined });
    expect(kept.tls?.keyPassphrase).toBeUndefined();
    const set = formToInput({ ...form, password: 'new' });
    expect(set.password).toBe('new');
    const cleared = formToInput({
      ...form,
      clearPassword: true,
      clearSentinelPassword: true,
      clearKeyPassphrase: true,
    });
    expect(cleared).toMatchObject({ password: null, sentinelPassword: null, tls: { keyPassphrase: null } });
  });

  it('round-trips a view through the form into a valid input', () => {
    const parsed = ProfileInputSchema.safeParse(formToInput(formFromView(view)));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      kind: 'sentinel',
      db: 2,
      role: 'replica',
      readOnly: true,
      tls: { enabled: true, verify: false, caFile: '/ca.pem' },
    });
  });

  it('turns numbers that do not parse into a validation error on that field', () => {
    const parsed = ProfileInputSchema.safeParse(formToInput({ ...EMPTY_PROFILE_FORM, name: 'x', port: 'abc' }));
    expect(parsed.success).toBe(false);
    const errors = validationErrors({
      code: 'VALIDATION_FAILED',
      message: '',
      details: parsed.error!.issues.map((i) => ({ ...i, path: ['profile', ...i.path] })),
    });
    expect(Object.keys(errors)).toEqual(['port']);
  });

  it('fills from a pasted URL draft and names the profile', () => {
    const form = formFromDraft({
      kind: 'standalone',
      host: 'cache.internal',
      port: 6380,
      password: 'pw',
      db: 3,
      tls: { enabled: true },
    });
    expect(form).toMatchObject({
      kind: 'standalone',
      host: 'cache.internal',
      port: '6380',
      password: 'pw',
      db: '3',
      tlsEnabled: true,
      name: 'cache.internal',
    });
  });

  it('puts connection errors next to the field that caused them', () => {
    expect(
      connectionErrorField({ code: 'AUTH_FAILED', message: 'wrong password on 127.0.0.1:6379' }, 'standalone'),
    ).toBe('password');
    expect(
      connectionErrorField(
        {
          code: 'AUTH_FAILED',
          message: 'Sentinel 127.0.0.1:26379 rejected the sentinel password',
          details: { node: 'sentinel' },
        },
        'sentinel',
      ),
    ).toBe('sentinelPassword');
    expect(connectionErrorField({ code: 'UNKNOWN_MASTER', message: '' }, 'sentinel')).toBe('masterName');
  });

  it('puts a Sentinel profile’s auth error on the password that was refused, whatever the words', () => {
    // What core says when a data node wants a password: it mentions the sentinel password too.
    const dataNode = {
      code: 'AUTH_REQUIRED' as const,
      message:
        'Data node 127.0.0.1:6380 requires a password: set the data-node password (the sentinel password is separate).',
      details: { node: 'data' as const, address: '127.0.0.1:6380' },
    };
    expect(connectionErrorField(dataNode, 'sentinel')).toBe('password');
    expect(connectionErrorField({ ...dataNode, code: 'AUTH_FAILED' }, 'sentinel')).toBe('password');
    const sentinel = { code: 'AUTH_FAILED' as const, message: 'Refused.', details: { node: 'sentinel' as const } };
    expect(connectionErrorField(sentinel, 'sentinel')).toBe('sentinelPassword');
    expect(connectionErrorField({ code: 'CONNECTION_REFUSED', message: '' }, 'standalone')).toBe('host');
    expect(connectionErrorField({ code: 'TLS_FAILED', message: '' }, 'standalone')).toBe('tls');
  });

  it('groups profiles in the user order', () => {
    const p = (id: string, group?: string) => ({ ...view, id, group });
    const groups = groupProfiles([p('a'), p('b', 'Prod'), p('c'), p('d', 'Prod')]);
    expect(groups.map((g) => [g.group, g.profiles.map((x) => x.id)])).toEqual([
      [undefined, ['a', 'c']],
      ['Prod', ['b', 'd']],
    ]);
  });
});
