import { describe, expect, it } from 'vitest';
import { parseProfilesFile } from './profilesFileRead';
import { serializeProfilesFile, type StoredProfile } from './storedProfile';

const profile = (id: string): StoredProfile => ({
  kind: 'standalone',
  id,
  name: `P ${id}`,
  host: 'h',
  port: 6379,
  color: 'red',
  readOnly: false,
  connectTimeoutMs: 10_000,
  keyDelimiter: ':',
  scanCount: 1000,
  db: 0,
  tls: { enabled: false, verify: true },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const bytes = (text: string) => Buffer.from(text);

describe('parseProfilesFile', () => {
  it('reads what serializeProfilesFile wrote, also with a BOM', () => {
    const text = serializeProfilesFile([profile('a'), profile('b')]);
    expect(parseProfilesFile(bytes(text))).toEqual({ kind: 'ok', profiles: [profile('a'), profile('b')] });
    expect(parseProfilesFile(bytes(`\uFEFF${text}`)).kind).toBe('ok');
  });

  it.each([
    ['', 'the file is empty'],
    ['\u0000\u0001', 'it contains binary data, not JSON text'],
    ['{"format": "redlens.profiles", "version": 1, "profiles": [', /^it is not valid JSON \(/],
    ['[]', 'it is not a Redlens profiles file (no "format": "redlens.profiles")'],
    ['{"format": "other"}', /not a Redlens profiles file/],
    ['{"format": "redlens.profiles", "profiles": []}', /content is invalid: version/],
    ['{"format": "redlens.profiles", "version": 1, "profiles": [], "extra": 1}', /content is invalid/],
    [
      '{"format": "redlens.profiles", "version": 1, "profiles": [{"kind": "standalone"}]}',
      /profiles\[0\]\.\w+: .*\(and \d+ more\)/,
    ],
  ])('%j is damaged: %s', (text, reason) => {
    const parsed = parseProfilesFile(bytes(text));
    expect(parsed.kind).toBe('damaged');
    expect(parsed.kind === 'damaged' && parsed.reason).toMatch(reason);
  });

  it('refuses duplicate ids', () => {
    const parsed = parseProfilesFile(bytes(serializeProfilesFile([profile('a'), profile('a')])));
    expect(parsed).toEqual({
      kind: 'damaged',
      reason: 'its content is invalid: profiles[1].id: Duplicate profile id a',
    });
  });

  it('recognises a newer format version without trying to read it', () => {
    expect(parseProfilesFile(bytes('{"format": "redlens.profiles", "version": 3, "profiles": "?"}'))).toEqual({
      kind: 'newer',
      version: 3,
    });
  });

  it('refuses plaintext secrets in the file', () => {
    const text = serializeProfilesFile([{ ...profile('a'), password: 'plain' as never }]);
    expect(parseProfilesFile(bytes(text)).kind).toBe('damaged');
  });
});
