import type { ProfilesRestored, StorageNotice } from '../../../shared/api/profiles';
import { PROFILES_VERSION } from './storedProfile';

// What the profile store tells the user when a file is missing, damaged or too new. Every
// message names the file, the reason, what Redlens did instead, and where a damaged copy is.

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const count = (n: number) => `${n} profile${n === 1 ? '' : 's'}`;

const keptAs = (path: string, copy: string | undefined) =>
  copy
    ? `The damaged file is kept as ${copy}.`
    : `The damaged file is left untouched; before the next change is saved it is moved to ${path}.corrupt-<time>.`;

const quoted = (names: string[]) => names.map((n) => JSON.stringify(n)).join(', ');

/** The main file was unusable and a backup was loaded: what was restored, and what was not. */
export function profilesRestored(details: ProfilesRestored): StorageNotice {
  const what =
    details.reason === undefined
      ? `Your connection profiles file ${details.file} is missing.`
      : `Your connection profiles file ${details.file} could not be used: ${details.reason}.`;
  const loaded = `Redlens restored ${count(details.restored)} from the backup ${details.backup} (saved ${when(new Date(details.backupSavedAt))}); your next change saves them back to ${details.file}.`;
  const lost = [
    details.missing.length ? `Not in the backup, so not restored: ${quoted(details.missing)}.` : '',
    details.older ? 'Newer backups could not be used, so changes saved after that time may be missing.' : '',
    !details.missing.length && !details.older ? 'Nothing is missing.' : '',
  ].filter(Boolean);
  const kept = details.reason === undefined ? '' : ` ${keptAs(details.file, details.damagedCopy)}`;
  return {
    level: details.missing.length || details.older ? 'error' : 'warning',
    message: `${what} ${loaded} ${lost.join(' ')}${kept}`,
    code: 'PROFILES_RESTORED',
    details,
  };
}

/** A transient failure (EACCES, EMFILE, EIO, a timeout): nothing is assumed damaged, nothing written. */
export const unreadableFile = (path: string, errno: string): string =>
  `Could not read ${path} (${errno}). The file may be fine, so Redlens neither used a backup nor changed anything: check its permissions (or close programs if the system ran out of open files) and try again.`;

export function nothingUsable(args: {
  mainPath: string;
  reason: string;
  mainCopy?: string;
  backupPath: string;
  /** Why the backup was not used either; undefined when there is none. */
  backupReason?: string;
}): string {
  const backup =
    args.backupReason === undefined
      ? `and there is no backup (${args.backupPath})`
      : `and its backup ${args.backupPath} could not be used either: ${args.backupReason}`;
  const copy = args.mainCopy ? ` (a copy is kept as ${args.mainCopy})` : '';
  return `Your connection profiles file ${args.mainPath} could not be used: ${args.reason}, ${backup}. Redlens shows no profiles and saves no changes until this is fixed, so nothing is overwritten: repair ${args.mainPath}${copy}, or move it away to start with an empty list.`;
}

export function backupUnusable(args: { backupPath: string; reason: string; backupCopy?: string }): StorageNotice {
  return {
    level: 'warning',
    message: `There are no saved connection profiles yet, and the old backup ${args.backupPath} could not be used: ${args.reason}. ${keptAs(args.backupPath, args.backupCopy)}`,
  };
}

export const newerVersion = (path: string, version: number): string =>
  `${path} was saved by a newer version of Redlens (profiles format ${version}; this version understands format ${PROFILES_VERSION}). Update Redlens to use these profiles. Nothing was changed, and saving is disabled here so they are not overwritten.`;
