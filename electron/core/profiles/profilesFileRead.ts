import type { Stats } from 'node:fs';
import { FileReadError, readRegularFile } from '../files/readRegularFile';
import { describeIssues } from './describeIssues';
import { PROFILES_FORMAT, PROFILES_VERSION, ProfilesFileSchema, type StoredProfile } from './storedProfile';

/** Far beyond any real list (10,000 profiles are ~6 MB), and below V8's string limit. */
export const MAX_PROFILES_FILE_BYTES = 256 * 1024 * 1024;
const READ_TIMEOUT_MS = 15_000;

/** Identifies one version of a file on disk: an atomic replace always changes the inode. */
export type FileStamp = string;
export const stampOf = (s: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>): FileStamp =>
  `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;

/** What one profiles file (the main one or a backup) turned out to be. */
export type FileState =
  | { kind: 'ok'; profiles: readonly StoredProfile[]; bytes: Buffer; savedAt: Date; stamp: FileStamp }
  | { kind: 'missing' }
  /** Written by a newer Redlens: we cannot read it and must not overwrite it. */
  | { kind: 'newer'; version: number }
  /** Really unusable (not JSON, wrong schema, not a regular file…); `bytes` when it could be read. */
  | { kind: 'damaged'; reason: string; bytes?: Buffer }
  /** The OS refused the read (EACCES, EMFILE, EIO…) or it timed out: maybe fine, so never replaced. */
  | { kind: 'unreadable'; errno: string };

type Parsed =
  { kind: 'ok'; profiles: StoredProfile[] } | { kind: 'newer'; version: number } | { kind: 'damaged'; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isBinary(bytes: Buffer): boolean {
  if (bytes.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** Classifies a profiles file's bytes, with a reason a user can act on when they are unusable. */
export function parseProfilesFile(bytes: Buffer): Parsed {
  if (bytes.length === 0) return { kind: 'damaged', reason: 'the file is empty' };
  if (isBinary(bytes)) return { kind: 'damaged', reason: 'it contains binary data, not JSON text' };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return { kind: 'damaged', reason: `it is not valid JSON (${(e as Error).message})` };
  }
  if (!isRecord(json) || json['format'] !== PROFILES_FORMAT) {
    return { kind: 'damaged', reason: `it is not a Redlens profiles file (no "format": "${PROFILES_FORMAT}")` };
  }
  const version = json['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > PROFILES_VERSION) {
    return { kind: 'newer', version };
  }
  const parsed = ProfilesFileSchema.safeParse(json);
  if (!parsed.success)
    return { kind: 'damaged', reason: `its content is invalid: ${describeIssues(parsed.error.issues)}` };
  return { kind: 'ok', profiles: parsed.data.profiles };
}

export async function readProfilesFile(path: string): Promise<FileState> {
  let read: { bytes: Buffer; stats: Stats };
  try {
    read = await readRegularFile(path, { maxBytes: MAX_PROFILES_FILE_BYTES, timeoutMs: READ_TIMEOUT_MS });
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    const problem = e.problem;
    switch (problem.kind) {
      case 'os':
        return problem.errno === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', errno: problem.errno };
      case 'timeout':
        return { kind: 'unreadable', errno: 'ETIMEDOUT' };
      case 'not-a-file':
        return { kind: 'damaged', reason: 'it is not a regular file (a folder, device or pipe)' };
      case 'too-large':
        return { kind: 'damaged', reason: `it is larger than ${problem.maxBytes / 1024 / 1024} MiB` };
    }
  }
  const { bytes, stats } = read;
  const parsed = parseProfilesFile(bytes);
  if (parsed.kind === 'ok') return { ...parsed, bytes, savedAt: stats.mtime, stamp: stampOf(stats) };
  return parsed.kind === 'damaged' ? { ...parsed, bytes } : parsed;
}
