import {
  ProfileInputSchema,
  type ImportReport,
  type ProfileParams,
  type ProfilesExport,
} from '../../../shared/api/profiles';
import { destinationKey } from '../../../shared/api/secretBinding';
import { ApiFailure } from '../api/apiFailure';
import { describeIssues } from './describeIssues';
import { settingsOf } from './profileSecrets';
import { PROFILES_FORMAT, type StoredProfile } from './storedProfile';

const EXPORT_FORMAT = 'redlens.profiles.export';
const EXPORT_VERSION = 1;

const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Strips everything secret: `settingsOf` leaves secrets undefined, so JSON drops them. */
export function buildExport(profiles: readonly StoredProfile[], now = new Date()): ProfilesExport {
  const body = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    profiles: profiles.map(settingsOf),
  };
  return { fileName: `redlens-profiles-${localDate(now)}.json`, json: `${JSON.stringify(body, null, 2)}\n` };
}

const invalid = (message: string) => new ApiFailure('VALIDATION_FAILED', message);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entries of an export file, or a VALIDATION_FAILED that says what the text really is. */
export function readExportEntries(json: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw invalid(`This is not a Redlens profiles export: it is not valid JSON (${(e as Error).message}).`);
  }
  if (isRecord(data) && data['format'] === PROFILES_FORMAT) {
    throw invalid(
      `This is Redlens's own ${PROFILES_FORMAT} storage file, not an export. In the Redlens that owns it, use Export to create a file you can import here.`,
    );
  }
  if (!isRecord(data) || data['format'] !== EXPORT_FORMAT) {
    throw invalid(`This is not a Redlens profiles export (expected "format": "${EXPORT_FORMAT}").`);
  }
  const version = data['version'];
  if (typeof version !== 'number' || version > EXPORT_VERSION) {
    throw invalid(
      `This export was made by a newer Redlens (version ${String(version)}; this one reads version ${EXPORT_VERSION}). Update Redlens to import it.`,
    );
  }
  const entries = data['profiles'];
  if (!Array.isArray(entries)) throw invalid('This Redlens profiles export has no "profiles" list.');
  return entries;
}

/** Name + where it connects (host:port, or the sentinel set and master name). */
const identity = (p: ProfileParams | StoredProfile) => `${p.name}\n${destinationKey(p)}`;

/**
 * Decides entry by entry: invalid ones are reported with the reason, ones with the same name and
 * address as an existing profile (or an earlier entry) are skipped, the rest are to be added.
 */
export function planImport(
  entries: unknown[],
  existing: readonly StoredProfile[],
): { add: ProfileParams[]; duplicates: string[]; invalid: ImportReport['invalid'] } {
  const seen = new Set(existing.map(identity));
  const plan = { add: [] as ProfileParams[], duplicates: [] as string[], invalid: [] as ImportReport['invalid'] };
  entries.forEach((entry, index) => {
    const parsed = ProfileInputSchema.safeParse(entry);
    if (!parsed.success) {
      const name = isRecord(entry) && typeof entry['name'] === 'string' ? { name: entry['name'] } : {};
      plan.invalid.push({ index, ...name, reason: describeIssues(parsed.error.issues) });
      return;
    }
    const key = identity(parsed.data);
    if (seen.has(key)) {
      plan.duplicates.push(parsed.data.name);
      return;
    }
    seen.add(key);
    plan.add.push(parsed.data);
  });
  return plan;
}
