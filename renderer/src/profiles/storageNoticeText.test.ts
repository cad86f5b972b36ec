import { describe, expect, it } from 'vitest';
import type { ProfilesRestored } from '../../../shared/api/profiles';
import { storageNoticeText } from './storageNoticeText';

const details: ProfilesRestored = {
  file: '/d/profiles.json',
  reason: 'it is not valid JSON',
  damagedCopy: '/d/profiles.json.corrupt-1',
  backup: '/d/profiles.json.bak.1',
  backupSavedAt: '2026-03-01T10:00:00.000Z',
  restored: 3,
  skipped: [],
  missing: [],
  older: false,
};
const notice = (d: Partial<ProfilesRestored>) =>
  ({ level: 'warning', message: 'core words', code: 'PROFILES_RESTORED', details: { ...details, ...d } }) as const;

describe('storageNoticeText', () => {
  it('says every profile came back when the latest backup was used', () => {
    const text = storageNoticeText(notice({}));
    expect(text).toContain('3 profiles restored from the backup /d/profiles.json.bak.1');
    expect(text).toContain('Nothing is missing.');
    expect(text).toContain('kept as /d/profiles.json.corrupt-1');
  });

  it('names what is missing and says when more may be', () => {
    const text = storageNoticeText(
      notice({
        restored: 2,
        backup: '/d/profiles.json.bak.2',
        skipped: [{ file: '/d/profiles.json.bak.1', reason: 'it contains binary data' }],
        missing: ['Prod'],
        older: true,
      }),
    );
    expect(text).toContain('2 profiles restored');
    expect(text).toContain('Newer backups could not be used: /d/profiles.json.bak.1 (it contains binary data).');
    expect(text).toContain('Not restored, because the backup does not have it: “Prod”.');
    expect(text).toMatch(/Changes saved after .* may be missing\./);
    expect(text).not.toContain('Nothing is missing');
  });

  it('uses core’s words for notices without a code', () => {
    expect(storageNoticeText({ level: 'error', message: 'as core says' })).toBe('as core says');
  });
});
