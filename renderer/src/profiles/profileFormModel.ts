import type { ApiError } from '../../../shared/api/errors';
import type { ProfileColor, ProfileDraft, ProfileInput, ProfileView } from '../../../shared/api/profiles';

/** The profile form as typed: strings for numbers, secrets empty unless the user types one. */
export interface ProfileForm {
  kind: 'standalone' | 'sentinel';
  name: string;
  color: ProfileColor;
  group: string;
  host: string;
  port: string;
  sentinels: { host: string; port: string }[];
  masterName: string;
  sentinelUsername: string;
  sentinelPassword: string;
  clearSentinelPassword: boolean;
  role: 'master' | 'replica';
  username: string;
  password: string;
  clearPassword: boolean;
  db: string;
  readOnly: boolean;
  connectTimeoutMs: string;
  keyDelimiter: string;
  scanCount: string;
  tlsEnabled: boolean;
  caFile: string;
  certFile: string;
  keyFile: string;
  keyPassphrase: string;
  clearKeyPassphrase: boolean;
  serverName: string;
  tlsVerify: boolean;
}

/** Field key → message. Keys are form fields (`host`, `sentinels.1.port`, `password`, `tls`…). */
export type FormErrors = Record<string, string>;

export const EMPTY_PROFILE_FORM: ProfileForm = {
  kind: 'standalone',
  name: '',
  color: 'red',
  group: '',
  host: '127.0.0.1',
  port: '6379',
  sentinels: [{ host: '127.0.0.1', port: '26379' }],
  masterName: 'mymaster',
  sentinelUsername: '',
  sentinelPassword: '',
  clearSentinelPassword: false,
  role: 'master',
  username: '',
  password: '',
  clearPassword: false,
  db: '0',
  readOnly: false,
  connectTimeoutMs: '10000',
  keyDelimiter: ':',
  scanCount: '1000',
  tlsEnabled: false,
  caFile: '',
  certFile: '',
  keyFile: '',
  keyPassphrase: '',
  clearKeyPassphrase: false,
  serverName: '',
  tlsVerify: true,
};

export function formFromView(p: ProfileView): ProfileForm {
  return {
    ...EMPTY_PROFILE_FORM,
    kind: p.kind,
    name: p.name,
    color: p.color,
    group: p.group ?? '',
    ...(p.kind === 'standalone'
      ? { host: p.host, port: String(p.port) }
      : {
          sentinels: p.sentinels.map((s) => ({ host: s.host, port: String(s.port) })),
          masterName: p.masterName,
          sentinelUsername: p.sentinelUsername ?? '',
          role: p.role,
        }),
    username: p.username ?? '',
    db: String(p.db),
    readOnly: p.readOnly,
    connectTimeoutMs: String(p.connectTimeoutMs),
    keyDelimiter: p.keyDelimiter,
    scanCount: String(p.scanCount),
    tlsEnabled: p.tls.enabled,
    caFile: p.tls.caFile ?? '',
    certFile: p.tls.certFile ?? '',
    keyFile: p.tls.keyFile ?? '',
    serverName: p.tls.serverName ?? '',
    tlsVerify: p.tls.verify,
  };
}

/** Merges what a pasted URL carried into a form (keeps the rest). */
export function formFromDraft(draft: ProfileDraft, base: ProfileForm = EMPTY_PROFILE_FORM): ProfileForm {
  const f: ProfileForm = { ...base, kind: draft.kind };
  if (draft.host !== undefined) f.host = draft.host;
  if (draft.port !== undefined) f.port = String(draft.port);
  if (draft.sentinels) f.sentinels = draft.sentinels.map((s) => ({ host: s.host, port: String(s.port) }));
  if (draft.masterName !== undefined) f.masterName = draft.masterName;
  if (draft.sentinelUsername !== undefined) f.sentinelUsername = draft.sentinelUsername;
  if (typeof draft.sentinelPassword === 'string') f.sentinelPassword = draft.sentinelPassword;
  if (draft.username !== undefined) f.username = draft.username;
  if (typeof draft.password === 'string') f.password = draft.password;
  if (draft.db !== undefined) f.db = String(draft.db);
  if (draft.tls?.enabled !== undefined) f.tlsEnabled = draft.tls.enabled;
  if (!f.name) f.name = draft.kind === 'sentinel' ? (draft.masterName ?? 'Sentinel') : (draft.host ?? '');
  return f;
}

const secret = (typed: string, clear: boolean): string | null | undefined => (typed ? typed : clear ? null : undefined);
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** The form as an API input. Numbers that do not parse become NaN, and core says why. */
export function formToInput(f: ProfileForm): ProfileInput {
  const common = {
    name: f.name,
    color: f.color,
    ...(f.group.trim() ? { group: f.group } : {}),
    readOnly: f.readOnly,
    connectTimeoutMs: num(f.connectTimeoutMs),
    keyDelimiter: f.keyDelimiter,
    scanCount: num(f.scanCount),
    db: num(f.db),
    ...(f.username ? { username: f.username } : {}),
    password: secret(f.password, f.clearPassword),
    tls: {
      enabled: f.tlsEnabled,
      ...(f.caFile.trim() ? { caFile: f.caFile } : {}),
      ...(f.certFile.trim() ? { certFile: f.certFile } : {}),
      ...(f.keyFile.trim() ? { keyFile: f.keyFile } : {}),
      keyPassphrase: secret(f.keyPassphrase, f.clearKeyPassphrase),
      ...(f.serverName.trim() ? { serverName: f.serverName } : {}),
      verify: f.tlsVerify,
    },
  };
  if (f.kind === 'standalone') return { kind: 'standalone', host: f.host, port: num(f.port), ...common };
  return {
    kind: 'sentinel',
    sentinels: f.sentinels.map((s) => ({ host: s.host, port: num(s.port) })),
    masterName: f.masterName,
    ...(f.sentinelUsername ? { sentinelUsername: f.sentinelUsername } : {}),
    sentinelPassword: secret(f.sentinelPassword, f.clearSentinelPassword),
    role: f.role,
    ...common,
  };
}

/** Turns core's VALIDATION_FAILED issues (paths like profile.sentinels.0.port) into field errors. */
export function validationErrors(error: ApiError): FormErrors {
  const errors: FormErrors = {};
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return errors;
  for (const issue of error.details) {
    const path = (issue.path ?? []).filter((p) => p !== 'profile').join('.');
    const key = path.startsWith('tls.') ? path.replace(/^tls\./, 'tls.') : path;
    const message = /expected number, received NaN/i.test(issue.message ?? '')
      ? 'Enter a number.'
      : (issue.message ?? 'Invalid');
    errors[key || 'form'] ??= message;
  }
  return errors;
}

/** Where a connection error belongs on the form, so it shows next to the field that caused it. */
export function connectionErrorField(error: ApiError, kind: ProfileForm['kind']): string {
  switch (error.code) {
    case 'AUTH_FAILED':
    case 'AUTH_REQUIRED':
      // Core says which node refused (`details.node`, see nodeErrors.ts): the words mention both passwords.
      return kind === 'sentinel' && error.details?.node === 'sentinel' ? 'sentinelPassword' : 'password';
    case 'CONNECTION_REFUSED':
    case 'HOST_NOT_FOUND':
    case 'TIMEOUT':
      return kind === 'standalone' ? 'host' : /sentinel/i.test(error.message) ? 'sentinels' : 'form';
    case 'NO_SENTINEL_REACHABLE':
      return 'sentinels';
    case 'UNKNOWN_MASTER':
      return 'masterName';
    case 'NO_REPLICA':
      return 'role';
    case 'TLS_FAILED':
      return 'tls';
    default:
      return 'form';
  }
}

const INPUT_IDS: Record<string, string> = {
  host: 'pf-host',
  password: 'pf-password',
  sentinelPassword: 'pf-sentinel-password',
  sentinels: 'pf-sentinel-0-host',
  masterName: 'pf-master',
  role: 'pf-role',
};

/** The input to focus for a field a connection error points at (none for the form as a whole). */
export const fieldInputId = (field: string): string | undefined => INPUT_IDS[field];
