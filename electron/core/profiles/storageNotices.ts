import type { StorageNotice } from '../../../shared/api/profiles';
import { PROFILES_VERSION } from './storedProfile';

// What the profile store tells the user when a file is missing, damaged or too new. Every
// message names the file, the reason, what Redlens did instead, and where a damaged copy is.

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const count = (n: number) => `${n} profile${n === 1 ? '' : 's'}`;

const keptAs = (path: string, copy: string | undefined) =>
  copy
    ? `The damaged file is kept as ${copy}.`
    : `The damaged file is left untouched; before the next change is saved it is moved to ${path}.corrupt-<time>.`;

export function backupLoaded(args: {
  mainPath: string;
  /** Why the main file was not used; undefined when it is missing. */
  reason?: string;
  mainCopy?: string;
  backupPath: string;
  backupSavedAt: Date;
  backupCount: number;
}): StorageNotice {
  const what =
    args.reason === undefined
      ? `Your connection profiles file ${args.mainPath} is missing.`
      : `Your connection profiles file ${args.mainPath} could not be used: ${args.reason}.`;
  const loaded = `Redlens loaded the backup ${args.backupPath} (saved ${when(args.backupSavedAt)}, ${count(args.backupCount)}) instead; your next change saves these profiles back to ${args.mainPath}.`;
  const kept = args.reason === undefined ? '' : ` ${keptAs(args.mainPath, args.mainCopy)}`;
  return { level: 'warning', message: `${what} ${loaded}${kept}` };
}

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
