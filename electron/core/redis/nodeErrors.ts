import type { ApiError } from '../../../shared/api/errors';
import { ApiFailure } from '../api/apiFailure';
import { mapError } from '../api/mapError';
import type { NodeRole } from './redisOptions';

const SECRET_OF: Record<Exclude<NodeRole, 'standalone'>, { name: string; other: string; label: string }> = {
  sentinel: { name: 'sentinel', other: 'data-node', label: 'Sentinel' },
  data: { name: 'data-node', other: 'sentinel', label: 'Data node' },
};

/**
 * `mapError`, plus which credentials were refused: with Sentinel, the sentinels and the data
 * nodes have separate passwords, and "wrong password" alone does not say which one to fix.
 */
export function describeNodeError(e: unknown, where: string, role: NodeRole): ApiError {
  const error = mapError(e, where);
  if (role === 'standalone' || (error.code !== 'AUTH_FAILED' && error.code !== 'AUTH_REQUIRED')) return error;
  const secret = SECRET_OF[role];
  const details = { ...error.details, node: role, address: where };
  if (error.code === 'AUTH_FAILED') {
    return {
      code: 'AUTH_FAILED',
      message: `${secret.label} ${where} rejected the ${secret.name} username or password (the ${secret.other} password is separate).`,
      details,
    };
  }
  return {
    code: 'AUTH_REQUIRED',
    message: `${secret.label} ${where} requires a password: set the ${secret.name} password (the ${secret.other} password is separate).`,
    details,
  };
}

export const toFailure = (error: ApiError): ApiFailure => new ApiFailure(error.code, error.message, error.details);

/** ioredis rejects a failed connect with "Connection is closed."; its 'error' events say why. */
export const isInformative = (e: unknown): boolean =>
  e instanceof Error && !/connection is closed|all sentinels are unreachable/i.test(e.message);

export const formatAddress = (host: string, port: number): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

const NETWORK_CODES = new Set(['CONNECTION_REFUSED', 'HOST_NOT_FOUND', 'TIMEOUT', 'CONNECTION_LOST']);

/**
 * A data node Sentinel pointed us to could not be reached: say that the address came from the
 * sentinels (behind NAT or Docker, they may announce an address this machine cannot reach).
 */
export function announcedBySentinels(error: ApiError, masterName: string, node: 'master' | 'replica'): ApiError {
  if (!NETWORK_CODES.has(error.code)) return error;
  const whose = node === 'master' ? `the master of "${masterName}"` : `a replica of "${masterName}"`;
  return { ...error, message: `${error.message} That is the address the sentinels announce for ${whose}.` };
}
