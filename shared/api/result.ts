import type { ApiError } from './errors';

/** Every API call resolves to this envelope; nothing throws across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
