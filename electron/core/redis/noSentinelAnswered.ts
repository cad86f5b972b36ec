import type { ApiError } from '../../../shared/api/errors';

export interface Unanswered {
  address: string;
  error: ApiError;
}

/** Nobody answered: a credentials or TLS problem says what to fix; otherwise list every address. */
export function noSentinelAnswered(failures: Unanswered[]): ApiError {
  const details = {
    sentinels: failures.map(({ address, error }) => ({ address, code: error.code, message: error.message })),
  };
  for (const code of ['AUTH_FAILED', 'AUTH_REQUIRED', 'TLS_FAILED'] as const) {
    const first = failures.find((f) => f.error.code === code);
    if (!first) continue;
    const others = failures.filter((f) => f !== first).map((f) => f.error.message);
    const message = [first.error.message, ...others].join(' ');
    if (code === 'TLS_FAILED') return { code, message, details };
    // Which credentials to fix: the sentinels' (the form points at that field).
    return { code, message, details: { ...details, node: 'sentinel' } };
  }
  const count =
    failures.length === 1 ? 'The sentinel did not answer.' : `None of the ${failures.length} sentinels answered.`;
  return {
    code: 'NO_SENTINEL_REACHABLE',
    message: `${count} ${failures.map((f) => f.error.message).join(' ')}`,
    details,
  };
}
