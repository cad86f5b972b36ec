import type { ProfilesRestored, StorageNotice } from '../../../shared/api/profiles';
import { countOf } from '../ui/format';

const when = (iso: string) => new Date(iso).toLocaleString();
const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/** The restore notice in words: what came back, from where, and exactly what did not. */
function restoredText(d: ProfilesRestored): string {
  const what =
    d.reason === undefined
      ? `The connection profiles file ${d.file} is missing.`
      : `The connection profiles file ${d.file} could not be used: ${d.reason}.`;
  const back = `${countOf(d.restored, 'profile')} restored from the backup ${d.backup}, saved ${when(d.backupSavedAt)}; the next change saves them to ${d.file} again.`;
  const skipped = d.skipped.length
    ? ` Newer backups could not be used: ${d.skipped.map((s) => `${s.file} (${s.reason ?? 'missing'})`).join(', ')}.`
    : '';
  const missing = d.missing.length
    ? ` Not restored, because the backup does not have ${d.missing.length === 1 ? 'it' : 'them'}: ${quoted(d.missing)}.`
    : '';
  const older = d.older ? ` Changes saved after ${when(d.backupSavedAt)} may be missing.` : '';
  const complete = !d.missing.length && !d.older ? ' Nothing is missing.' : '';
  const copy =
    d.reason === undefined
      ? ''
      : d.damagedCopy
        ? ` The damaged file is kept as ${d.damagedCopy}.`
        : ` The damaged file is moved aside (to ${d.file}.corrupt-…) before the next change is saved.`;
  return `${what} ${back}${skipped}${missing}${older}${complete}${copy}`;
}

/** Words for a store notice: composed here for the codes the UI knows, core's text otherwise. */
export function storageNoticeText(notice: StorageNotice): string {
  return notice.code === 'PROFILES_RESTORED' ? restoredText(notice.details) : notice.message;
}
