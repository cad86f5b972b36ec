import { readFile, stat } from 'node:fs/promises';
import { describeIssues } from './describeIssues';
import { PROFILES_FORMAT, PROFILES_VERSION, ProfilesFileSchema, type StoredProfile } from './storedProfile';

/** What one profiles file (the main one or its backup) turned out to be. */
export type FileState =
  | { kind: 'ok'; profiles: StoredProfile[]; bytes: Buffer; savedAt: Date }
  | { kind: 'missing' }
  /** Written by a newer Redlens: we cannot read it and must not overwrite it. */
  | { kind: 'newer'; version: number }
  /** `bytes` is absent when the file could not even be read. */
  | { kind: 'damaged'; reason: string; bytes?: Buffer };

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
  let bytes: Buffer;
  let savedAt: Date;
  try {
    [bytes, savedAt] = await Promise.all([readFile(path), stat(path).then((s) => s.mtime)]);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'damaged', reason: `it cannot be read (${err.code ?? err.message})` };
  }
  const parsed = parseProfilesFile(bytes);
  if (parsed.kind === 'ok') return { ...parsed, bytes, savedAt };
  return parsed.kind === 'damaged' ? { ...parsed, bytes } : parsed;
}
