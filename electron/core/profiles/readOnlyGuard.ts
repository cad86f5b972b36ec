import { ApiFailure } from '../api/apiFailure';
import type { AllowWritesRequired } from '../../../shared/api/profiles';
import type { StoredProfile } from './storedProfile';

/** Where core writes the lines an operator may want later (default: stderr). */
export type CoreLog = (line: string) => void;

export const stderrLog: CoreLog = (line) => void process.stderr.write(`${line}\n`);

/**
 * Read-only guards against mistakes in Redlens, it is not access control; but turning it off
 * must be deliberate: refused unless the caller says the user confirmed it (`allowWrites`).
 * Returns true when this change turns it off (the caller logs it once it is saved).
 */
export function checkReadOnlyChange(saved: StoredProfile, next: { readOnly: boolean }, allowWrites: boolean): boolean {
  if (!saved.readOnly || next.readOnly) return false;
  if (!allowWrites) {
    const details: AllowWritesRequired = {
      reason: 'ALLOW_WRITES_REQUIRED',
      profileId: saved.id,
      profileName: saved.name,
    };
    throw new ApiFailure(
      'READ_ONLY',
      `"${saved.name}" is read-only. Turning read-only off lets Redlens write to this server; confirm it to save. Nothing was changed.`,
      details,
    );
  }
  return true;
}

/** One line per profile whose read-only flag was turned off; the name JSON-quoted so it cannot forge lines. */
export const writesAllowedLine = (p: Pick<StoredProfile, 'id' | 'name'>, at: string) =>
  `[redlens] ${at} read-only turned OFF for profile ${JSON.stringify(p.name)} (id ${p.id}): writes allowed`;
