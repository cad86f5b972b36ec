import type Redis from 'ioredis';
import type { ApiError } from '../../../shared/api/errors';
import type { Endpoint } from '../../../shared/api/profiles';
import { ApiFailure } from '../api/apiFailure';
import { mapError } from '../api/mapError';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { announcedBySentinels, toFailure } from '../redis/nodeErrors';
import { explainConnectError } from '../redis/tlsDiagnosis';

/** How long a session's first connect may take: in Sentinel mode ioredis asks a sentinel first. */
export const connectDeadlineMs = ({ connectTimeoutMs, kind }: ResolvedProfile): number =>
  connectTimeoutMs * (kind === 'sentinel' ? 2 : 1) + 250;

export interface FirstConnect {
  client: Redis;
  profile: ResolvedProfile;
  tls: boolean;
  /** Where the data node should be (the profile's server, or the sentinels' answer). */
  dataNode: Endpoint | undefined;
  /** The data node's address now (see dataNodeAddress). */
  address(): string;
  /** The last error the client reported (its 'error' events say more than connect's rejection). */
  lastError(): ApiError | undefined;
}

/**
 * Connects a session's client once, within `connectDeadlineMs`, or fails with what went wrong
 * in words the user can act on: a TLS mismatch explained, a Sentinel-announced address named.
 */
export async function connectFirstTime({
  client,
  profile,
  tls,
  dataNode,
  address,
  lastError,
}: FirstConnect): Promise<void> {
  const timeoutMs = connectDeadlineMs(profile);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const message = `No answer from ${address()} within ${(timeoutMs / 1000).toFixed(1)} s. The server may be down, paused or behind a firewall.`;
    timer = setTimeout(() => reject(new ApiFailure('TIMEOUT', message)), timeoutMs);
  });
  try {
    await Promise.race([client.connect(), deadline]);
  } catch (e) {
    let error = e instanceof ApiFailure ? e.toApiError() : (lastError() ?? mapError(e, address()));
    if (dataNode) error = await explainConnectError(error, dataNode, tls);
    if (profile.kind === 'sentinel') error = announcedBySentinels(error, profile.masterName, profile.role);
    throw toFailure(error);
  } finally {
    clearTimeout(timer);
  }
}
